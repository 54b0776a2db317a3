//! A guide's text inspected at once, as JSON (feature `json`): its errors
//! (with line and column where the JSON reader knows them), its proof's
//! findings with example combinations, and its golden cases.
//! `decision-guide check --format json` prints it and the studio's worker
//! shows it, so the two report the same findings in the same words.

use serde_json::{json, Value};

use crate::cases::Cases;
use crate::check::{dead_entries, example_has_answers, failure_heading};
use crate::parse::parse_guide;
use crate::text;

/// The line and column a JSON reader's message ends with
/// (`… at line 6 column 8`), if it does; the reader counts the column in
/// bytes, and it is given back in characters (Unicode scalar values), as
/// an editor counts them.
fn line_column(text: &str, message: &str) -> Option<(u64, u64)> {
    let rest = &message[message.rfind(" at line ")? + " at line ".len()..];
    let (line, column) = rest.split_once(" column ")?;
    let (line, column): (usize, usize) = (line.parse().ok()?, column.parse().ok()?);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let row = text.split('\n').nth(line.checked_sub(1)?).unwrap_or("");
    let mut bytes = column.saturating_sub(1).min(row.len());
    while !row.is_char_boundary(bytes) {
        bytes -= 1;
    }
    Some((line as u64, row[..bytes].chars().count() as u64 + 1))
}

/// Inspects a guide's text: up to `limit` example combinations a finding,
/// and `cases` (or why they could not be read) run when it compiles.
///
/// `{"errors": [{at, message, line, column}], "proof": null | {passed,
/// combinations, heading, error, findings: [{check, text, count, heading,
/// examples: [{answers, line, entry?: {id, at}}]}]}, "cases": [{name, passed, mismatches:
/// [{field, want, got}]}], "casesError": null | text}`; counts are strings.
pub fn inspect(text: &str, cases: Option<Result<Cases, String>>, limit: usize) -> Value {
    let cases_error = match &cases {
        Some(Err(e)) => Value::from(e.clone()),
        _ => Value::Null,
    };
    let guide = match parse_guide(text) {
        Ok(g) => g,
        Err(errors) => {
            let errors: Vec<Value> = errors
                .iter()
                .map(|e| {
                    let at = line_column(text, &e.message);
                    json!({"at": e.at, "message": e.message,
                        "line": at.map(|a| a.0), "column": at.map(|a| a.1)})
                })
                .collect();
            return json!({"errors": errors, "proof": null, "cases": [], "casesError": cases_error});
        }
    };
    let proof = match guide.prove() {
        Err(e) => json!({"passed": false, "combinations": guide.combinations().to_string(),
            "heading": null, "error": e.to_string(), "findings": []}),
        Ok(proof) => {
            // The dead entries, in the order their findings list them.
            let dead = |hits: &[u128], ids: Vec<String>, list: &str| -> Vec<(String, String)> {
                dead_entries(hits)
                    .map(|i| (ids[i].clone(), format!("$.{list}[{i}]")))
                    .collect()
            };
            let dead_rules = dead(
                proof.rule_hits(),
                guide.rules().iter().map(|r| r.id().to_owned()).collect(),
                "rules",
            );
            let dead_advice = dead(
                proof.advice_hits(),
                guide.advice().iter().map(|a| a.id().to_owned()).collect(),
                "advice",
            );
            let findings: Vec<Value> = proof
                .failures()
                .iter()
                .map(|f| {
                    let entries = match f.check.as_str() {
                        "dead-rule" => dead_rules.as_slice(),
                        "dead-advice" => dead_advice.as_slice(),
                        _ => &[],
                    };
                    let mut examples = Vec::new();
                    proof.examples(f, |profile, detail| {
                        if examples.len() >= limit {
                            return std::ops::ControlFlow::Break(());
                        }
                        let answers = if example_has_answers(&f.check, &detail) {
                            serde_json::from_str::<Value>(&guide.answers_json(&profile))
                                .unwrap_or(Value::Null)
                        } else {
                            Value::Null
                        };
                        let mut example = json!({
                            "answers": answers,
                            "line": guide.example_line(&f.check, &profile, &detail),
                        });
                        // A dead entry's id and where it is in the file.
                        if let Some((id, at)) = entries.get(examples.len()) {
                            example["entry"] = json!({"id": id, "at": at});
                        }
                        examples.push(example);
                        if examples.len() >= limit {
                            std::ops::ControlFlow::Break(())
                        } else {
                            std::ops::ControlFlow::Continue(())
                        }
                    });
                    json!({"check": f.check, "text": f.text, "count": f.count.to_string(),
                        "heading": failure_heading(&f.check, &f.text, f.count), "examples": examples})
                })
                .collect();
            json!({"passed": proof.passed(), "combinations": proof.combinations().to_string(),
                "heading": if proof.passed() { text::SOUND.to_owned() } else { text::not_sound(findings.len()) },
                "error": null, "findings": findings})
        }
    };
    let cases: Vec<Value> = match &cases {
        Some(Ok(cases)) => cases
            .run(&guide)
            .iter()
            .map(|run| {
                let mismatches: Vec<Value> = run
                    .mismatches
                    .iter()
                    .map(|m| json!({"field": m.field, "want": m.want, "got": m.got}))
                    .collect();
                json!({"name": run.name, "passed": run.passed(), "mismatches": mismatches})
            })
            .collect(),
        _ => Vec::new(),
    };
    json!({"errors": [], "proof": proof, "cases": cases, "casesError": cases_error})
}

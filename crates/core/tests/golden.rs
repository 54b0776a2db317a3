//! Golden cases: every `guides/**/*.cases.toml` beside its guide, run by one
//! `check()`, and the full result of every case kept as a snapshot beside
//! it (`*.results.md`; `UPDATE_EXPECT=1 cargo test` rewrites snapshots).
//!
//! `check` is the only caller of the evaluator here, so the API can change
//! without rewriting the cases.

use std::path::{Path, PathBuf};

use decision_guide_core::{builtin, parse_guide, Case, Cases, Guide, Profile, BUILTIN_GUIDE_JSON};
use serde_json::Value;

fn guides_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("guides")
}

/// Every cases file under `guides/`, in a stable order.
fn case_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("guides dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            case_files(&path, out);
        } else if path.to_string_lossy().ends_with(".cases.toml") {
            out.push(path);
        }
    }
}

/// Runs one case (the core's [`Case::run`], as `diff --cases` and the
/// studio run it); returns what differs, if anything, and the result JSON,
/// after checking the promises every result keeps.
fn check(guide: &Guide, case: &Case) -> (Vec<String>, Value, Profile) {
    assert!(!case.why.trim().is_empty(), "{}: say why", case.name);
    let run = case.run(guide);
    let diffs = run
        .mismatches
        .iter()
        .map(|m| format!("{}: {}: want {}, got {}", case.name, m.field, m.want, m.got))
        .collect();
    let profile = run
        .profile
        .unwrap_or_else(|| panic!("{}: {:?}", case.name, run.mismatches));
    let explanation = guide.evaluate(&profile);
    // Every result keeps the promises of the contract, whatever the case.
    assert!(!explanation.reasons.is_empty(), "{}: no reason", case.name);
    for text in explanation
        .reasons
        .iter()
        .map(|r| &r.text)
        .chain(explanation.warnings.iter().map(|w| &w.text))
        .chain(&explanation.watch_outs)
    {
        assert!(
            !text.contains('{'),
            "{}: unfilled template in {text:?}",
            case.name
        );
    }
    (diffs, run.result.unwrap_or(Value::Null), profile)
}

#[test]
fn golden_cases_of_every_guide() {
    let mut files = Vec::new();
    case_files(&guides_dir(), &mut files);
    assert!(files.len() >= 2, "found {files:?}");
    let mut diffs = Vec::new();
    for file in &files {
        let name = file.to_string_lossy().replace(".cases.toml", "");
        let guide_text = std::fs::read_to_string(format!("{name}.json"))
            .unwrap_or_else(|e| panic!("{}: no guide beside it: {e}", file.display()));
        let guide = parse_guide(&guide_text).unwrap_or_else(|e| panic!("{name}.json: {e:?}"));
        let cases: Cases = toml::from_str(&std::fs::read_to_string(file).expect("cases"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut snapshot = format!(
            "<!-- The result of every case in {}, written by tests/golden.rs. -->\n",
            file.file_name().expect("name").to_string_lossy()
        );
        for case in &cases.case {
            let (d, json, profile) = check(&guide, case);
            diffs.extend(d);
            let answers = guide.answers_json(&profile);
            snapshot.push_str(&format!(
                "\n## {}\n\nAnswers: `{answers}`\n\n```json\n{}\n```\n",
                case.name,
                serde_json::to_string_pretty(&json).expect("pretty")
            ));
        }
        expect_test::expect_file![format!("{name}.results.md")].assert_eq(&snapshot);
    }
    assert!(
        diffs.is_empty(),
        "golden cases differ:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn every_preset_has_a_golden_case_and_answers_every_question() {
    let guide = builtin();
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(guides_dir().join("openai-on-aws.cases.toml")).expect("cases"),
    )
    .expect("cases parse");
    for p in guide.presets() {
        assert!(
            cases
                .case
                .iter()
                .any(|c| c.preset.as_deref() == Some(p.id())),
            "preset {} has no golden case",
            p.id()
        );
        assert_eq!(
            p.profile().answered_count(),
            guide.questions().len(),
            "preset {}",
            p.id()
        );
    }
}

#[test]
fn golden_cases_pin_every_principle() {
    let text =
        std::fs::read_to_string(guides_dir().join("openai-on-aws.cases.toml")).expect("cases");
    let cases: Cases = toml::from_str(&text).expect("cases parse");
    for p in 1..=19 {
        let pinned = cases.case.iter().any(|c| {
            c.why.contains(&format!("principle {p})"))
                || c.why.contains(&format!("principle {p} "))
                || c.why.contains(&format!("principles {p} "))
                || c.why.contains(&format!(" {p})"))
                || c.why.contains(&format!(" {p},"))
        });
        assert!(pinned, "no golden case says it pins principle {p}");
    }
}

#[test]
fn the_built_in_static_is_the_compiled_json() {
    let parsed = parse_guide(BUILTIN_GUIDE_JSON).expect("built-in guide compiles");
    assert!(
        &parsed == builtin(),
        "src/builtin.rs is stale: run `cargo xtask codegen`"
    );
}

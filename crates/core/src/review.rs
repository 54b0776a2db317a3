//! The review of an edit to a guide (feature `json`): the decision diff
//! ([`Guide::diff`]) with the golden cases whose result changed and the
//! texts that changed, written as text, Markdown (to paste into a pull
//! request) or JSON. `decision-guide diff` and the studio both print a
//! [`Review`], so they say the same.

use serde_json::{json, Map, Value};

use crate::cases::Cases;
use crate::check::CheckError;
use crate::compile::GuideError;
use crate::diff::Diff;
use crate::json::quote;
use crate::model::Guide;
use crate::parse::parse_guide;

/// What an edit of a guide does.
#[derive(Debug, Clone)]
pub struct Review {
    /// Each version's id and version, as `id version`.
    pub names: (String, String),
    /// The decision diff.
    pub diff: Diff,
    /// Golden cases whose result changed (pass or fail, or path).
    pub cases: Vec<CaseChange>,
    /// Texts that changed, were added or removed.
    pub texts: Vec<TextChange>,
}

/// A golden case whose result changed with the edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseChange {
    /// The case's name.
    pub name: String,
    /// Whether it passed on the old version.
    pub old_passed: bool,
    /// Whether it passes on the new version.
    pub new_passed: bool,
    /// The old version's path for it (none when its answers were refused).
    pub old_path: Option<String>,
    /// The new version's path for it.
    pub new_path: Option<String>,
    /// Where the new version fails it, first (`field: want …, got …`).
    pub failure: Option<String>,
}

/// A text of the guide file that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    /// Where, as a JSON path whose list entries are named by their id
    /// (`$.rules[id=acme-standard].reason`) or value, else by position.
    pub at: String,
    /// The old text, if there was one.
    pub old: Option<String>,
    /// The new text, if there is one.
    pub new: Option<String>,
}

/// Why a review could not be made.
#[derive(Debug, Clone)]
pub enum ReviewError {
    /// The old version does not compile.
    Old(Vec<GuideError>),
    /// The new version does not compile.
    New(Vec<GuideError>),
    /// The two versions are too entangled to compare.
    Tangled(CheckError),
}

impl std::fmt::Display for ReviewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, which: &str, errors: &[GuideError]| {
            write!(
                f,
                "the {which} guide is not valid ({} problem{}):",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            )?;
            for e in errors {
                write!(f, "\n  {e}")?;
            }
            Ok(())
        };
        match self {
            ReviewError::Old(e) => list(f, "old", e),
            ReviewError::New(e) => list(f, "new", e),
            ReviewError::Tangled(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReviewError {}

/// Reviews the edit from `old` to `new` (guide file texts), with `cases`
/// run on both.
pub fn review(old: &str, new: &str, cases: Option<&Cases>) -> Result<Review, ReviewError> {
    let old_guide = parse_guide(old).map_err(ReviewError::Old)?;
    let new_guide = parse_guide(new).map_err(ReviewError::New)?;
    let diff = old_guide.diff(&new_guide).map_err(ReviewError::Tangled)?;
    let mut changed = Vec::new();
    if let Some(cases) = cases {
        let path = |run: &crate::cases::CaseRun| {
            run.result
                .as_ref()
                .and_then(|r| r["path"].as_str().map(str::to_owned))
        };
        for case in &cases.case {
            let (a, b) = (case.run(&old_guide), case.run(&new_guide));
            if a.passed() != b.passed() || path(&a) != path(&b) {
                changed.push(CaseChange {
                    name: case.name.clone(),
                    old_passed: a.passed(),
                    new_passed: b.passed(),
                    old_path: path(&a),
                    new_path: path(&b),
                    failure: b
                        .mismatches
                        .first()
                        .map(|m| format!("{}: want {}, got {}", m.field, m.want, m.got)),
                });
            }
        }
    }
    let mut texts = Vec::new();
    // Both texts parsed as guides, so both are JSON.
    let value = |t: &str| serde_json::from_str::<Value>(t.trim_start_matches('\u{feff}'));
    if let (Ok(a), Ok(b)) = (value(old), value(new)) {
        compare("$", Some(&a), Some(&b), &mut texts);
    }
    let name = |g: &Guide| format!("{} {}", g.id(), g.version());
    Ok(Review {
        names: (name(&old_guide), name(&new_guide)),
        diff,
        cases: changed,
        texts,
    })
}

/// The key that names a list entry: its `id`, or its `value`.
fn entry_key(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    match o.get("id").or_else(|| o.get("value"))? {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Every string leaf that differs between `a` and `b`, under `at`.
fn compare(at: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<TextChange>) {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let keys: Vec<&String> = x
                .keys()
                .chain(y.keys().filter(|k| !x.contains_key(*k)))
                .collect();
            for k in keys {
                compare(&member(at, k), x.get(k), y.get(k), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            let keyed = x.iter().chain(y).all(|v| entry_key(v).is_some());
            if keyed {
                let mut keys: Vec<String> = x.iter().filter_map(entry_key).collect();
                for k in y.iter().filter_map(entry_key) {
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
                let find = |list: &'_ [Value], k: &str| -> Option<usize> {
                    list.iter().position(|v| entry_key(v).as_deref() == Some(k))
                };
                for k in keys {
                    let (i, j) = (find(x, &k), find(y, &k));
                    compare(
                        &format!(
                            "{at}[{}={k}]",
                            if x.iter().chain(y).any(|v| v.get("id").is_some()) {
                                "id"
                            } else {
                                "value"
                            }
                        ),
                        i.map(|i| &x[i]),
                        j.map(|j| &y[j]),
                        out,
                    );
                }
            } else {
                for i in 0..x.len().max(y.len()) {
                    compare(&format!("{at}[{i}]"), x.get(i), y.get(i), out);
                }
            }
        }
        (a, b) => {
            let leaves = |v: Option<&Value>, out: &mut Vec<(String, String)>| {
                if let Some(v) = v {
                    strings(at, v, out);
                }
            };
            let (mut old, mut new) = (Vec::new(), Vec::new());
            leaves(a, &mut old);
            leaves(b, &mut new);
            for (path, text) in &old {
                match new.iter().find(|(p, _)| p == path) {
                    Some((_, t)) if t == text => {}
                    found => out.push(TextChange {
                        at: path.clone(),
                        old: Some(text.clone()),
                        new: found.map(|(_, t)| t.clone()),
                    }),
                }
            }
            for (path, text) in &new {
                if !old.iter().any(|(p, _)| p == path) {
                    out.push(TextChange {
                        at: path.clone(),
                        old: None,
                        new: Some(text.clone()),
                    });
                }
            }
        }
    }
}

/// Every string leaf of `v`, with its path.
fn strings(at: &str, v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((at.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(&format!("{at}[{i}]"), item, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                strings(&member(at, k), item, out);
            }
        }
        _ => {}
    }
}

/// `at.key`, or `at["key"]` for a key that is not a plain name.
fn member(at: &str, key: &str) -> String {
    crate::compile::member(at, key)
}

/// An answers object's JSON text as inline code.
fn code(text: &str) -> String {
    format!("`{text}`")
}

impl Review {
    /// Whether the edit changes no decision, case or text.
    pub fn is_empty(&self) -> bool {
        let d = &self.diff;
        d.moved == 0
            && d.only_old.is_empty()
            && d.only_new.is_empty()
            && d.presets.is_empty()
            && d.questions_added.is_empty()
            && d.questions_removed.is_empty()
            && d.options_added.is_empty()
            && d.options_removed.is_empty()
            && self.cases.is_empty()
            && self.texts.is_empty()
    }

    /// The review as Markdown, to paste into a pull request: a table for
    /// the moves, lists for the rest.
    pub fn to_markdown(&self) -> String {
        let d = &self.diff;
        let mut out = format!("### Decision diff: {} → {}\n\n", self.names.0, self.names.1);
        out.push_str(&self.headline());
        out.push_str("\n\n");
        if !d.moves.is_empty() {
            out.push_str("| From | To | Combinations | For example |\n|---|---|---:|---|\n");
            for m in &d.moves {
                out.push_str(&format!(
                    "| `{}` | `{}` | {} | {} |\n",
                    m.from,
                    m.to,
                    grouped(m.count),
                    code(&m.example)
                ));
            }
            out.push('\n');
        }
        for line in self.lines() {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// The review as plain text, for a terminal.
    pub fn to_text(&self) -> String {
        let d = &self.diff;
        let mut out = format!("decision diff: {} → {}\n", self.names.0, self.names.1);
        out.push_str(&self.headline().replace("**", ""));
        out.push('\n');
        for m in &d.moves {
            out.push_str(&format!(
                "  {} → {}: {} combination{}, for example {}\n",
                m.from,
                m.to,
                grouped(m.count),
                plural(m.count),
                m.example
            ));
        }
        for line in self.lines() {
            out.push_str(&line.replace('`', ""));
            out.push('\n');
        }
        out
    }

    /// The first sentence: how much of the advice moves.
    fn headline(&self) -> String {
        let d = &self.diff;
        let share = if d.combinations == 0 {
            0.0
        } else {
            d.moved as f64 * 100.0 / d.combinations as f64
        };
        if d.moved == 0 {
            format!(
                "No combination of answers gets another path (all {} combination{} compared).",
                grouped(d.combinations),
                plural(d.combinations)
            )
        } else {
            format!(
                "**{} of {} combination{} ({share:.2}%) get another path.**",
                grouped(d.moved),
                grouped(d.combinations),
                plural(d.combinations)
            )
        }
    }

    /// The rest, as Markdown list lines.
    fn lines(&self) -> Vec<String> {
        let d = &self.diff;
        let mut out = Vec::new();
        let mut section = |title: &str, items: Vec<String>| {
            if !items.is_empty() {
                out.push(format!("{title}:"));
                out.extend(items.into_iter().map(|i| format!("- {i}")));
                out.push(String::new());
            }
        };
        let only = |list: &[crate::diff::Only]| -> Vec<String> {
            list.iter()
                .map(|o| {
                    format!(
                        "`{}`: {} combination{}, for example {}",
                        o.path,
                        grouped(o.count),
                        plural(o.count),
                        code(&o.example)
                    )
                })
                .collect()
        };
        section(
            "Only the old version could be given (an option was removed)",
            only(&d.only_old),
        );
        section(
            "Only the new version can be given (an option was added)",
            only(&d.only_new),
        );
        section(
            "Questions added",
            d.questions_added.iter().map(|q| code(q)).collect(),
        );
        section(
            "Questions removed",
            d.questions_removed.iter().map(|q| code(q)).collect(),
        );
        section(
            "Options added",
            d.options_added.iter().map(|q| code(q)).collect(),
        );
        section(
            "Options removed",
            d.options_removed.iter().map(|q| code(q)).collect(),
        );
        let path = |p: &Option<String>| p.as_deref().map_or("(none)".to_owned(), code);
        section(
            "Presets whose path changed",
            d.presets
                .iter()
                .map(|p| format!("`{}`: {} → {}", p.id, path(&p.old), path(&p.new)))
                .collect(),
        );
        let verdict = |passed: bool| if passed { "passes" } else { "fails" };
        section(
            "Golden cases whose result changed",
            self.cases
                .iter()
                .map(|c| {
                    let why = c.failure.as_deref().map_or(String::new(), |f| {
                        let mut short: String = f.chars().take(120).collect();
                        if short.len() < f.len() {
                            short.push('…');
                        }
                        format!(" — {}", code(&short.replace('`', "'")))
                    });
                    format!(
                        "{}: {} ({}) → {} ({}){why}",
                        c.name,
                        path(&c.old_path),
                        verdict(c.old_passed),
                        path(&c.new_path),
                        verdict(c.new_passed)
                    )
                })
                .collect(),
        );
        section(
            "Texts changed",
            self.texts
                .iter()
                .map(|t| {
                    let (a, b) = changed_part(t.old.as_deref(), t.new.as_deref());
                    format!("`{}`: {a} → {b}", t.at)
                })
                .collect(),
        );
        while out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        out
    }

    /// The review as JSON (counts as strings: they can pass 2^53), with
    /// its Markdown under `markdown`.
    pub fn to_json(&self) -> String {
        let d = &self.diff;
        let answers = |t: &str| serde_json::from_str::<Value>(t).unwrap_or(Value::Null);
        let only = |list: &[crate::diff::Only]| -> Value {
            list.iter()
                .map(|o| json!({"path": o.path, "count": o.count.to_string(), "example": answers(&o.example)}))
                .collect()
        };
        let mut out = Map::new();
        out.insert("error".into(), Value::Null);
        out.insert("old".into(), json!(self.names.0));
        out.insert("new".into(), json!(self.names.1));
        out.insert("same_questions".into(), json!(d.same_questions));
        out.insert("combinations".into(), json!(d.combinations.to_string()));
        out.insert("moved".into(), json!(d.moved.to_string()));
        out.insert(
            "moves".into(),
            d.moves
                .iter()
                .map(|m| json!({"from": m.from, "to": m.to, "count": m.count.to_string(), "example": answers(&m.example)}))
                .collect(),
        );
        out.insert("only_old".into(), only(&d.only_old));
        out.insert("only_new".into(), only(&d.only_new));
        out.insert(
            "questions".into(),
            json!({"added": d.questions_added, "removed": d.questions_removed}),
        );
        out.insert(
            "options".into(),
            json!({"added": d.options_added, "removed": d.options_removed}),
        );
        out.insert(
            "presets".into(),
            d.presets
                .iter()
                .map(|p| json!({"id": p.id, "old": p.old, "new": p.new}))
                .collect(),
        );
        out.insert(
            "cases".into(),
            self.cases
                .iter()
                .map(|c| json!({"name": c.name, "old": c.old_passed, "new": c.new_passed, "old_path": c.old_path, "new_path": c.new_path, "failure": c.failure}))
                .collect(),
        );
        out.insert(
            "texts".into(),
            self.texts
                .iter()
                .map(|t| json!({"at": t.at, "old": t.old, "new": t.new}))
                .collect(),
        );
        out.insert("markdown".into(), json!(self.to_markdown()));
        Value::Object(out).to_string()
    }
}

/// How many characters of context a changed text keeps around the change.
const CONTEXT: usize = 30;

/// The part of two texts that differs, with some context, each quoted
/// (`(none)` for a text that is not there): a long reason with one word
/// changed shows that word.
fn changed_part(old: Option<&str>, new: Option<&str>) -> (String, String) {
    let (Some(a), Some(b)) = (old, new) else {
        let show = |t: Option<&str>| t.map_or("(none)".to_owned(), crate::json::excerpt);
        return (show(old), show(new));
    };
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let cut = |t: &[char]| {
        let from = prefix.saturating_sub(CONTEXT);
        let to = (t.len() - suffix + CONTEXT).min(t.len());
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        out.extend(&t[from..to]);
        if to < t.len() {
            out.push('…');
        }
        quote(&out)
    };
    (cut(&a), cut(&b))
}

/// A count with thousands separated by commas (`24,407,490,807`).
fn grouped(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "s" unless there is one.
fn plural(n: u128) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

//! The review of an edit to a guide (feature `json`): the decision diff
//! ([`Guide::diff`]), whether the new version is still sound, the golden
//! cases whose result changed (and those that fail in both), and every
//! value of the file that changed, written as text, Markdown (to paste into
//! a pull request) or JSON. `decision-guide diff` and the studio both print a
//! [`Review`], so they say the same.

use serde_json::{json, Map, Value};

use crate::cases::Cases;
use crate::check::CheckError;
use crate::compile::GuideError;
use crate::diff::{Diff, Move};
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
    /// How many promises the new version breaks (`check`), or why it could
    /// not be proven.
    pub new_broken: Result<usize, String>,
    /// Golden cases whose result changed (pass or fail, or path).
    pub cases: Vec<CaseChange>,
    /// How many golden cases were run.
    pub cases_run: usize,
    /// Golden cases that fail with both versions, with where the new one
    /// fails them.
    pub cases_failing: Vec<(String, String)>,
    /// Values of the file that changed, were added or removed.
    pub changes: Vec<FieldChange>,
    /// Rules both versions have whose place in the order changed, with
    /// their place (from 1) among the rules both have, before and after.
    pub reordered: Vec<(String, usize, usize)>,
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
    /// Where the new version fails it, first (`field: …`).
    pub failure: Option<String>,
}

/// A value of the guide file that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Where, as a JSON path whose list entries are named by their id
    /// (`$.rules[id=acme-standard].reason`) or value, else by position.
    pub at: String,
    /// The old value as JSON, if there was one (a whole entry, when the
    /// entry was removed).
    pub old: Option<String>,
    /// The new value as JSON, if there is one (a whole entry, when added).
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

/// Where a case fails, in words: for lists, what is missing and what is
/// extra; else what was wanted and what came, each cut to a readable length.
fn failure_words(m: &crate::cases::Mismatch) -> String {
    let list = |t: &str| {
        serde_json::from_str::<Value>(t)
            .ok()
            .and_then(|v| v.as_array().cloned())
    };
    if let (Some(want), Some(got)) = (list(&m.want), list(&m.got)) {
        let missing: Vec<String> = want
            .iter()
            .filter(|v| !got.contains(v))
            .map(Value::to_string)
            .collect();
        let extra: Vec<String> = got
            .iter()
            .filter(|v| !want.contains(v))
            .map(Value::to_string)
            .collect();
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("missing {}", missing.join(", ")));
        }
        if !extra.is_empty() {
            parts.push(format!("extra {}", extra.join(", ")));
        }
        if parts.is_empty() {
            parts.push("the same entries in another order".to_owned());
        }
        return format!("{}: {}", m.field, parts.join("; "));
    }
    format!(
        "{}: want {}, got {}",
        m.field,
        cut(&m.want, 160),
        cut(&m.got, 160)
    )
}

/// `text` cut to `n` characters, at a space where one is near, with `…`.
fn cut(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        return text.to_owned();
    }
    let head: String = text.chars().take(n).collect();
    let at = head.rfind(' ').filter(|&i| i > n / 2).unwrap_or(head.len());
    format!("{}…", &head[..at])
}

/// Reviews the edit from `old` to `new` (guide file texts), with `cases`
/// run on both.
pub fn review(old: &str, new: &str, cases: Option<&Cases>) -> Result<Review, ReviewError> {
    let old_guide = parse_guide(old).map_err(ReviewError::Old)?;
    let new_guide = parse_guide(new).map_err(ReviewError::New)?;
    let diff = old_guide.diff(&new_guide).map_err(ReviewError::Tangled)?;
    let new_broken = new_guide
        .prove()
        .map(|p| p.failures().len())
        .map_err(|e| e.to_string());
    let (mut changed, mut failing) = (Vec::new(), Vec::new());
    if let Some(cases) = cases {
        let path = |run: &crate::cases::CaseRun| {
            run.result
                .as_ref()
                .and_then(|r| r["path"].as_str().map(str::to_owned))
        };
        for case in &cases.case {
            let (a, b) = (case.run(&old_guide), case.run(&new_guide));
            let failure = b.mismatches.first().map(failure_words);
            if a.passed() != b.passed() || path(&a) != path(&b) {
                changed.push(CaseChange {
                    name: case.name.clone(),
                    old_passed: a.passed(),
                    new_passed: b.passed(),
                    old_path: path(&a),
                    new_path: path(&b),
                    failure,
                });
            } else if let Some(failure) = failure {
                failing.push((case.name.clone(), failure));
            }
        }
    }
    let mut changes = Vec::new();
    // Both texts parsed as guides, so both are JSON.
    let value = |t: &str| serde_json::from_str::<Value>(t.trim_start_matches('\u{feff}'));
    if let (Ok(a), Ok(b)) = (value(old), value(new)) {
        compare("$", Some(&a), Some(&b), &mut changes);
    }
    // First match wins, so the order of rules is part of the advice.
    let ids = |g: &Guide, other: &Guide| -> Vec<String> {
        g.rules()
            .iter()
            .map(|r| r.id().to_owned())
            .filter(|id| other.rules().iter().any(|r| r.id() == id))
            .collect()
    };
    let (before, after) = (ids(&old_guide, &new_guide), ids(&new_guide, &old_guide));
    let reordered = before
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let j = after.iter().position(|x| x == id)?;
            (i != j).then(|| (id.clone(), i + 1, j + 1))
        })
        .collect();
    let name = |g: &Guide| format!("{} {}", g.id(), g.version());
    Ok(Review {
        reordered,
        names: (name(&old_guide), name(&new_guide)),
        diff,
        new_broken,
        cases: changed,
        cases_run: cases.map_or(0, |c| c.case.len()),
        cases_failing: failing,
        changes,
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

/// Every value that differs between `a` and `b`, under `at`: scalars one
/// by one; an object or list only one side has, whole.
fn compare(at: &str, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<FieldChange>) {
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
            if keyed && !(x.is_empty() && y.is_empty()) {
                let by = if x.iter().chain(y).any(|v| v.get("id").is_some()) {
                    "id"
                } else {
                    "value"
                };
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
                        &format!("{at}[{by}={k}]"),
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
        (a, b) if a == b => {}
        (a, b) => out.push(FieldChange {
            at: at.to_owned(),
            old: a.map(Value::to_string),
            new: b.map(Value::to_string),
        }),
    }
}

/// `at.key`, or `at["key"]` for a key that is not a plain name.
fn member(at: &str, key: &str) -> String {
    crate::compile::member(at, key)
}

/// `text` as inline code, whatever backticks it holds.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || longest > 0 {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

impl Review {
    /// Whether the edit changes no decision, case or value.
    pub fn is_empty(&self) -> bool {
        let d = &self.diff;
        d.moved == 0
            && d.rule_moved == 0
            && d.only_old.is_empty()
            && d.only_new.is_empty()
            && d.presets.is_empty()
            && d.questions_added.is_empty()
            && d.questions_removed.is_empty()
            && d.options_added.is_empty()
            && d.options_removed.is_empty()
            && self.cases.is_empty()
            && self.changes.is_empty()
            && self.reordered.is_empty()
    }

    /// The title line's two names, saying so when they are the same.
    fn title(&self) -> String {
        let (a, b) = &self.names;
        if a == b {
            format!("{a} → {b} (same id and version)")
        } else {
            format!("{a} → {b}")
        }
    }

    /// The review as Markdown, to paste into a pull request: tables for
    /// the moves, lists for the rest; every value from the file as code.
    pub fn to_markdown(&self) -> String {
        let d = &self.diff;
        let mut out = format!("### Decision diff: {}\n\n", self.title());
        for line in self.headlines() {
            out.push_str(&line);
            out.push_str("\n\n");
        }
        let table = |out: &mut String, what: &str, moves: &[Move]| {
            out.push_str(&format!(
                "| From {what} | To {what} | Combinations | For example |\n|---|---|---:|---|\n"
            ));
            for m in moves {
                // A `|` ends a table cell even inside code.
                let cell = |t: &str| code(t).replace('|', "\\|");
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    cell(&m.from),
                    cell(&m.to),
                    grouped(m.count),
                    cell(&m.example)
                ));
            }
            out.push('\n');
        };
        if !d.moves.is_empty() {
            table(&mut out, "path", &d.moves);
        }
        if !d.rule_moves.is_empty() {
            out.push_str("Same path, another rule (so another reason):\n\n");
            table(&mut out, "rule", &d.rule_moves);
        }
        for line in self.lines(true) {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// The review as plain text, for a terminal.
    pub fn to_text(&self) -> String {
        let d = &self.diff;
        let mut out = format!("decision diff: {}\n", self.title());
        for line in self.headlines() {
            out.push_str(&line.replace("**", "").replace('`', ""));
            out.push('\n');
        }
        let list = |out: &mut String, moves: &[Move], what: &str| {
            for m in moves {
                out.push_str(&format!(
                    "  {what}{} → {}: {} combination{}, for example {}\n",
                    m.from,
                    m.to,
                    grouped(m.count),
                    plural(m.count),
                    m.example
                ));
            }
        };
        list(&mut out, &d.moves, "");
        list(&mut out, &d.rule_moves, "same path, rule ");
        let lines = self.lines(false);
        if !lines.is_empty() {
            out.push('\n');
        }
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// The first sentences: how much of the advice moves, over what, and
    /// whether the new version is sound.
    fn headlines(&self) -> Vec<String> {
        let d = &self.diff;
        let mut out = Vec::new();
        let share = |n: u128| {
            if d.combinations == 0 {
                0.0
            } else {
                n as f64 * 100.0 / d.combinations as f64
            }
        };
        out.push(if d.moved == 0 {
            format!(
                "No combination of answers gets another path (all {} combination{} both versions take compared).",
                grouped(d.combinations),
                plural(d.combinations)
            )
        } else {
            format!(
                "**{} of {} combination{} ({:.2}%) get another path.**",
                grouped(d.moved),
                grouped(d.combinations),
                plural(d.combinations),
                share(d.moved)
            )
        });
        if d.rule_moved > 0 {
            out.push(format!(
                "{}{} ({:.2}%) keep their path but get it from another rule, with another reason.",
                grouped(d.rule_moved),
                if d.moved == 0 { "" } else { " more" },
                share(d.rule_moved)
            ));
        }
        if !d.same_questions {
            out.push(format!(
                "The versions ask different questions or offer different answers: the old one takes {} combinations, the new one {}; the counts above are over the {} both take, each version reading the answers to its own questions.",
                grouped(d.old_combinations),
                grouped(d.new_combinations),
                grouped(d.combinations)
            ));
        }
        out.push(match &self.new_broken {
            Ok(0) => "The new version is sound (`decision-guide check` proves every promise).".to_owned(),
            Ok(n) => format!(
                "**The new version is NOT SOUND: {n} promise{} broken** (`decision-guide check` lists them).",
                if *n == 1 { "" } else { "s" }
            ),
            Err(e) => format!("The new version could not be proven: {e}."),
        });
        out
    }

    /// The rest, as Markdown list lines (plain, when `markdown` is false).
    fn lines(&self, markdown: bool) -> Vec<String> {
        let d = &self.diff;
        let c = |t: &str| if markdown { code(t) } else { t.to_owned() };
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
                        "{}: {} combination{}, for example {}",
                        c(&o.path),
                        grouped(o.count),
                        plural(o.count),
                        c(&o.example)
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
            "Paths no combination gets in the new version",
            d.unreached.iter().map(|p| c(p)).collect(),
        );
        section(
            "Rules in another order (first match wins; places among the rules both versions have)",
            self.reordered
                .iter()
                .map(|(id, a, b)| format!("{}: {a} → {b}", c(id)))
                .collect(),
        );
        section(
            "Questions added",
            d.questions_added.iter().map(|q| c(q)).collect(),
        );
        section(
            "Questions removed",
            d.questions_removed.iter().map(|q| c(q)).collect(),
        );
        section(
            "Options added",
            d.options_added.iter().map(|q| c(q)).collect(),
        );
        section(
            "Options removed",
            d.options_removed.iter().map(|q| c(q)).collect(),
        );
        let path = |p: &Option<String>| p.as_deref().map_or("(none)".to_owned(), c);
        section(
            "Presets whose path changed",
            d.presets
                .iter()
                .map(|p| format!("{}: {} → {}", c(&p.id), path(&p.old), path(&p.new)))
                .collect(),
        );
        let verdict = |passed: bool| if passed { "passes" } else { "fails" };
        section(
            "Golden cases whose result changed",
            self.cases
                .iter()
                .map(|k| {
                    let why = k
                        .failure
                        .as_deref()
                        .map_or(String::new(), |f| format!(" — {}", c(f)));
                    format!(
                        "{}: {} ({}) → {} ({}){why}",
                        k.name,
                        path(&k.old_path),
                        verdict(k.old_passed),
                        path(&k.new_path),
                        verdict(k.new_passed)
                    )
                })
                .collect(),
        );
        section(
            "Golden cases that fail with both versions",
            self.cases_failing
                .iter()
                .map(|(name, why)| format!("{name} — {}", c(why)))
                .collect(),
        );
        if self.cases_run > 0 {
            let same = self.cases_run - self.cases.len() - self.cases_failing.len();
            out.push(format!(
                "{} golden case{} run: {} changed, {} fail with both versions, {same} pass with both.",
                self.cases_run,
                if self.cases_run == 1 { "" } else { "s" },
                self.cases.len(),
                self.cases_failing.len()
            ));
            out.push(String::new());
        }
        let mut section = |title: &str, items: Vec<String>| {
            if !items.is_empty() {
                out.push(format!("{title}:"));
                out.extend(items.into_iter().map(|i| format!("- {i}")));
                out.push(String::new());
            }
        };
        section(
            "Values changed in the file",
            self.changes
                .iter()
                .map(|t| {
                    let (a, b) = changed_part(t.old.as_deref(), t.new.as_deref());
                    let what = match (&t.old, &t.new) {
                        (None, _) => "added ",
                        (_, None) => "removed ",
                        _ => "",
                    };
                    format!("{what}{}: {} → {}", c(&t.at), c(&a), c(&b))
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
        let moves = |list: &[Move]| -> Value {
            list.iter()
                .map(|m| json!({"from": m.from, "to": m.to, "count": m.count.to_string(), "example": answers(&m.example)}))
                .collect()
        };
        let mut out = Map::new();
        out.insert("error".into(), Value::Null);
        out.insert("old".into(), json!(self.names.0));
        out.insert("new".into(), json!(self.names.1));
        out.insert("same_questions".into(), json!(d.same_questions));
        out.insert("combinations".into(), json!(d.combinations.to_string()));
        out.insert(
            "old_combinations".into(),
            json!(d.old_combinations.to_string()),
        );
        out.insert(
            "new_combinations".into(),
            json!(d.new_combinations.to_string()),
        );
        out.insert("moved".into(), json!(d.moved.to_string()));
        out.insert("moves".into(), moves(&d.moves));
        out.insert("rule_moved".into(), json!(d.rule_moved.to_string()));
        out.insert("rule_moves".into(), moves(&d.rule_moves));
        out.insert("unreached".into(), json!(d.unreached));
        out.insert("only_old".into(), only(&d.only_old));
        out.insert("only_new".into(), only(&d.only_new));
        out.insert(
            "new_broken".into(),
            match &self.new_broken {
                Ok(n) => json!(n),
                Err(_) => Value::Null,
            },
        );
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
        out.insert("cases_run".into(), json!(self.cases_run));
        out.insert(
            "cases_failing".into(),
            self.cases_failing
                .iter()
                .map(|(name, failure)| json!({"name": name, "failure": failure}))
                .collect(),
        );
        out.insert(
            "changes".into(),
            self.changes
                .iter()
                .map(|t| json!({"at": t.at, "old": t.old.as_deref().map(answers), "new": t.new.as_deref().map(answers)}))
                .collect(),
        );
        out.insert(
            "reordered".into(),
            self.reordered
                .iter()
                .map(|(id, a, b)| json!({"id": id, "old": a, "new": b}))
                .collect(),
        );
        out.insert("markdown".into(), json!(self.to_markdown()));
        Value::Object(out).to_string()
    }
}

/// How many characters of context a changed text keeps around the change.
const CONTEXT: usize = 30;

/// The part of two values (JSON texts) that differs, with some context
/// (`(none)` for a value that is not there): a long reason with one word
/// changed shows that word. Values that are not strings are shown whole,
/// cut to a readable length.
fn changed_part(old: Option<&str>, new: Option<&str>) -> (String, String) {
    let text = |t: &str| {
        serde_json::from_str::<Value>(t)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
    };
    let (Some(a), Some(b)) = (old.and_then(text), new.and_then(text)) else {
        let show = |t: Option<&str>| t.map_or("(none)".to_owned(), |t| cut(t, 160));
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
    let part = |t: &[char]| {
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
    (part(&a), part(&b))
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

//! Property tests of the rules core against hostile input (issue "Trust"):
//! answers text, permalinks and guide files made up by proptest, from
//! arbitrary JSON and bytes to one-mistake mutations of real guides. Each
//! property prints how many cases it tried. Failures proptest minimises are
//! kept in `tests/props.proptest-regressions` (replayed first on every run)
//! and, once understood, as a plain test in `regressions.rs`.
//!
//! This file is the runner: [`property`] and its [`Tally`], the strategies
//! several modules share, and what every accepted input must give. The
//! properties themselves are in the modules, by subject.

mod answers;
mod diffs;
mod generated;
mod guides;
mod permalinks;
mod regressions;

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

use decision_guide_core::{
    builtin, parse_answers, parse_guide, Guide, Id, OptionId, Profile, QuestionId, EXCERPT_CHARS,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{Map, Value};

/// The smallest valid guide that uses every part of the format; every
/// guide in `tests/broken/` is this one with one mistake.
const MINIMAL_GUIDE: &str = include_str!("../broken/minimal.json");

/// Where proptest keeps the seeds of failures it has minimised, replayed
/// before any new case: beside this folder, as when the properties were one
/// file (`props.rs`).
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/props.proptest-regressions"
);

/// The longest a bounded excerpt can be in bytes: every character escaped
/// as `\u00XX`, the ellipsis, the quotes and " (N characters)".
const MAX_EXCERPT_BYTES: usize = EXCERPT_CHARS * 6 + 3 + 2 + 32;

/// What one property saw, printed when it ends.
#[derive(Default)]
struct Tally {
    cases: Cell<usize>,
    ok: Cell<usize>,
    refused: Cell<usize>,
    skipped: Cell<usize>,
    longest_error: Cell<usize>,
    checked: Cell<usize>,
    kinds: RefCell<BTreeSet<String>>,
    /// How often each kind of first problem was the reason for a refusal.
    reasons: RefCell<BTreeMap<String, usize>>,
}

impl Tally {
    fn ok(&self) {
        self.ok.set(self.ok.get() + 1);
    }
    fn refused(&self, message_len: usize) {
        self.refused.set(self.refused.get() + 1);
        self.longest_error
            .set(self.longest_error.get().max(message_len));
    }
    fn reason(&self, message: &str) {
        // The words before the first quoted or numbered part name the kind.
        let kind: String = message
            .split(['"', '`', '(', ';'])
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .take(48)
            .collect();
        *self.reasons.borrow_mut().entry(kind).or_default() += 1;
    }
    fn kind(&self, k: impl Into<String>) {
        self.kinds.borrow_mut().insert(k.into());
    }
}

/// Runs one property with `cases` cases (failures persisted in
/// [`REGRESSIONS`]) and prints what it tried.
fn property<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value, &Tally) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..Config::default()
    };
    let tally = Tally::default();
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |value| {
        tally.cases.set(tally.cases.get() + 1);
        test(value, &tally)
    });
    eprintln!(
        "props::{name}: {} cases tried ({} asked): {} accepted, {} refused (longest message {} bytes), {} skipped, {} checked exhaustively; kinds: {:?}",
        tally.cases.get(),
        cases,
        tally.ok.get(),
        tally.refused.get(),
        tally.longest_error.get(),
        tally.skipped.get(),
        tally.checked.get(),
        tally.kinds.borrow(),
    );
    let mut reasons: Vec<(String, usize)> = tally.reasons.take().into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    if !reasons.is_empty() {
        eprintln!(
            "props::{name}: {} kinds of refusal, the most common: {:?}",
            reasons.len(),
            &reasons[..reasons.len().min(6)]
        );
    }
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}
// ---------------------------------------------------------------------------
// Strategies

/// Strings as hostile input writes them: short printable ones, any
/// characters (controls, BOMs, astral), the guide's own ids and values,
/// and now and then a huge one.
fn any_string() -> impl Strategy<Value = String> {
    let words: Vec<String> = builtin()
        .questions()
        .iter()
        .flat_map(|q| {
            std::iter::once(q.id().to_owned()).chain(
                q.options()
                    .iter()
                    .map(|o| o.value().to_json().trim_matches('"').to_owned()),
            )
        })
        .chain(["\u{feff}", "", " ", "\u{0}", "null", "true"].map(str::to_owned))
        .collect();
    prop_oneof![
        4 => "\\PC{0,12}",
        3 => prop::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter),
        3 => prop::sample::select(words),
        1 => (any::<char>(), 1_000usize..300_000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

/// Any JSON value, up to a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        any_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any_string(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Ways to spoil a text.
#[derive(Debug, Clone)]
enum Spoil {
    None,
    Bom,
    /// Cut after this many characters.
    Truncate(usize),
    /// Insert a character at this character position.
    Insert(usize, char),
    /// Wrap in this many `[` (unclosed, or closed).
    Nest(usize, bool),
    /// Append garbage after the value.
    Trailing(String),
}

fn spoil() -> impl Strategy<Value = Spoil> {
    prop_oneof![
        12 => Just(Spoil::None),
        2 => Just(Spoil::Bom),
        2 => any::<usize>().prop_map(Spoil::Truncate),
        2 => (any::<usize>(), any::<char>()).prop_map(|(i, c)| Spoil::Insert(i, c)),
        1 => (1usize..200_000, any::<bool>()).prop_map(|(n, c)| Spoil::Nest(n, c)),
        1 => "\\PC{1,8}".prop_map(Spoil::Trailing),
    ]
}

fn apply(text: String, spoil: &Spoil) -> String {
    let chars = || text.chars().count().max(1);
    match spoil {
        Spoil::None => text,
        Spoil::Bom => format!("\u{feff}{text}"),
        Spoil::Truncate(i) => text.chars().take(i % chars()).collect(),
        Spoil::Insert(i, c) => {
            let at = i % chars();
            let mut out: String = text.chars().take(at).collect();
            out.push(*c);
            out.extend(text.chars().skip(at));
            out
        }
        Spoil::Nest(n, closed) => {
            let close = if *closed {
                "]".repeat(*n)
            } else {
                String::new()
            };
            format!("{}{text}{close}", "[".repeat(*n))
        }
        Spoil::Trailing(g) => format!("{text}{g}"),
    }
}

// ---------------------------------------------------------------------------
// What every accepted input must give

/// The §4 result of `profile` and everything else a profile is used for.
fn result_holds(guide: &Guide, profile: &Profile) -> Result<(), TestCaseError> {
    let decision = guide.classify(profile);
    let explanation = guide.explain(profile, &decision);
    let text = explanation.to_json();
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| TestCaseError::fail(format!("result is not JSON ({e}): {text}")))?;
    let keys: Vec<&str> = v
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    prop_assert_eq!(keys, decision_guide_core::RESULT_FIELDS);
    let path_ids: Vec<&str> = guide.paths().iter().map(|p| p.id()).collect();
    let question_ids: Vec<&str> = guide.questions().iter().map(|q| q.id()).collect();
    let path = v["path"].as_str().unwrap_or_default();
    prop_assert!(path_ids.contains(&path), "path {path}");
    prop_assert_eq!(path, guide.path(guide.decide(profile)).id());
    let reasons = v["reasons"].as_array().cloned().unwrap_or_default();
    prop_assert!(!reasons.is_empty(), "no reason: {}", text);
    for r in &reasons {
        prop_assert!(guide
            .rules()
            .iter()
            .any(|rule| r["rule"].as_str() == Some(rule.id())));
        prop_assert!(r["text"].as_str().is_some_and(|t| !t.trim().is_empty()));
    }
    for list in ["watch_outs", "you_still_own"] {
        prop_assert!(v[list]
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)));
    }
    prop_assert!(v["warnings"].as_array().is_some_and(|a| a
        .iter()
        .all(|w| w["id"].is_string() && w["text"].is_string())));
    for c in v["would_change"].as_array().cloned().unwrap_or_default() {
        let q = c["question"].as_str().unwrap_or_default();
        prop_assert!(question_ids.contains(&q), "would_change {c}");
        let to = c["path"].as_str().unwrap_or_default();
        prop_assert!(path_ids.contains(&to) && to != path, "would_change {c}");
        // Changing that one answer does move the path there.
        let moved = parse_answers(
            guide,
            &with_answer(&guide.answers_json(profile), q, c["answer"].clone()),
        )
        .map_err(|e| TestCaseError::fail(format!("would_change {c} is not an answer: {e}")))?;
        prop_assert_eq!(guide.path(guide.decide(&moved)).id(), to);
    }
    nearest_is_exact(guide, profile, &v)?;
    // A lean while an open question could move the path, in guide order.
    let mut ask_first: Vec<&str> = Vec::new();
    for c in decision.would_change() {
        let id = guide.question(c.question).id();
        if !profile.is_answered(c.question) && !ask_first.contains(&id) {
            ask_first.push(id);
        }
    }
    let given: Vec<&str> = v["ask_first"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    prop_assert_eq!(&given, &ask_first);
    prop_assert_eq!(v["enough"].as_bool(), Some(ask_first.is_empty()));
    for b in v["blocked"].as_array().cloned().unwrap_or_default() {
        prop_assert!(
            v["warnings"]
                .as_array()
                .is_some_and(|w| w.iter().any(|w| w["id"] == b)),
            "blocked {b} is not a warning"
        );
    }
    let unanswered: Vec<&str> = v["unanswered"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let open: Vec<&str> = guide
        .question_ids()
        .filter(|(q, _)| !profile.is_answered(*q))
        .map(|(_, question)| question.id())
        .collect();
    prop_assert_eq!(&unanswered, &open);
    prop_assert_eq!(v["complete"].as_bool(), Some(open.is_empty()));
    prop_assert_eq!(v["guide"]["id"].as_str(), Some(guide.id()));
    prop_assert_eq!(v["guide"]["version"].as_str(), Some(guide.version()));
    prop_assert_eq!(v["guide"]["as_of"].as_str(), Some(guide.as_of()));

    // The answers and the permalink give the same profile back.
    let again = parse_answers(guide, &guide.answers_json(profile))
        .map_err(|e| TestCaseError::fail(format!("answers_json does not parse: {e}")))?;
    prop_assert_eq!(&again, profile);
    let link = guide.permalink(profile);
    prop_assert_eq!(guide.from_permalink(&link).ok(), Some(profile.clone()));
    // The Markdown record renders.
    let record = decision_guide_core::Record {
        title: "Workflow".to_owned(),
        profile,
        explanation: &explanation,
    };
    prop_assert!(guide
        .markdown_record(&record, 1)
        .contains("Decision record"));
    Ok(())
}

/// `nearest` in the result `v` is exact: for every other path, the
/// smallest set of at most three answer changes that leads there, found by
/// trying every set (the same costs: the fewest changes, then the fewest
/// answers given that are overturned); a path no such set reaches is absent.
fn nearest_is_exact(guide: &Guide, profile: &Profile, v: &Value) -> Result<(), TestCaseError> {
    let current = guide.decide(profile);
    // Every single change: (question, option).
    let moves: Vec<(QuestionId, OptionId)> = guide
        .question_ids()
        .flat_map(|(q, question)| {
            question
                .option_ids()
                .map(move |(o, _)| (q, o))
                .filter(|&(q, o)| profile.answer(q) != Some(o))
        })
        .collect();
    // The cheapest (changes, overturned) to each path, by brute force.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; guide.paths().len()];
    let mut try_set = |set: &[(QuestionId, OptionId)]| {
        let mut p = profile.clone();
        for &(q, o) in set {
            p = guide.with_answer(&p, q, Some(o)).expect("an answer");
        }
        let to = guide.decide(&p);
        let cost = (
            set.len(),
            set.iter().filter(|(q, _)| profile.is_answered(*q)).count(),
        );
        let slot = &mut best[to.index()];
        if slot.is_none_or(|b| cost < b) {
            *slot = Some(cost);
        }
    };
    for (i, &a) in moves.iter().enumerate() {
        try_set(&[a]);
        for (j, &b) in moves.iter().enumerate().skip(i + 1) {
            if b.0 == a.0 {
                continue;
            }
            try_set(&[a, b]);
            for &c in moves.iter().skip(j + 1) {
                if c.0 != a.0 && c.0 != b.0 {
                    try_set(&[a, b, c]);
                }
            }
        }
    }
    let given = v["nearest"].as_array().cloned().unwrap_or_default();
    for (p, path) in guide.path_ids() {
        let entry = given.iter().find(|n| n["path"] == path.id());
        if p == current {
            prop_assert!(entry.is_none(), "nearest names the path itself: {v}");
            continue;
        }
        match (best[p.index()], entry) {
            (None, None) => {}
            (None, Some(n)) => prop_assert!(false, "nearest {n} where brute force finds none"),
            (Some(b), None) => {
                prop_assert!(false, "no nearest for {} (brute force: {b:?})", path.id())
            }
            (Some(b), Some(n)) => {
                let answers = n["answers"].as_object().cloned().unwrap_or_default();
                let mut text = guide.answers_json(profile);
                let mut overturned = 0;
                for (q, value) in &answers {
                    let id = guide.find_question(q).expect("a question");
                    if profile.is_answered(id) {
                        overturned += 1;
                    }
                    text = with_answer(&text, q, value.clone());
                }
                let moved = parse_answers(guide, &text)
                    .map_err(|e| TestCaseError::fail(format!("nearest {n} is not answers: {e}")))?;
                prop_assert_eq!(guide.decide(&moved), p, "nearest {} does not lead there", n);
                prop_assert_eq!(
                    (answers.len(), overturned),
                    b,
                    "nearest {} is not the cheapest",
                    n
                );
            }
        }
    }
    Ok(())
}

/// `answers` (a JSON object's text) with `q` set to `value`.
fn with_answer(answers: &str, q: &str, value: Value) -> String {
    let mut v: Map<String, Value> = serde_json::from_str(answers).expect("answers JSON");
    v.insert(q.to_owned(), value);
    Value::Object(v).to_string()
}

/// What every guide text must give: a guide that checks, or problems that
/// each say where.
fn guide_holds(text: &str, tally: &Tally) -> Result<(), TestCaseError> {
    match parse_guide(text) {
        Ok(guide) => {
            tally.ok();
            if guide.combinations() > 100_000 {
                tally.skipped.set(tally.skipped.get() + 1);
                return result_holds(&guide, &guide.empty_profile());
            }
            tally.checked.set(tally.checked.get() + 1);
            let report = guide
                .check(5)
                .map_err(|e| TestCaseError::fail(format!("check refused a small guide: {e}")))?;
            // The symbolic proof and the enumerating oracle agree on every
            // count, every finding and every example, in order.
            let oracle = guide.check_by_enumeration(5).map_err(|e| {
                TestCaseError::fail(format!("the oracle refused a small guide: {e}"))
            })?;
            prop_assert_eq!(&report, &oracle);
            report_agrees_with_classify(&guide, &report)?;
            for p in guide.presets() {
                result_holds(&guide, p.profile())?;
            }
            Ok(())
        }
        Err(errors) => {
            let longest = errors.iter().map(|e| e.message.len()).max().unwrap_or(0);
            tally.refused(longest);
            tally.reason(&format!(
                "{}: {}",
                errors[0]
                    .at
                    .split(['[', '.'])
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("."),
                errors[0].message
            ));
            prop_assert!(!errors.is_empty(), "refused without a reason");
            for e in &errors {
                prop_assert!(e.at.starts_with('$'), "at {:?}: {}", e.at, e.message);
                prop_assert!(!e.message.trim().is_empty(), "no message at {}", e.at);
            }
            Ok(())
        }
    }
}

/// Every combination of answers of `guide`, as permalinks.
fn every_profile(guide: &Guide) -> Vec<Profile> {
    let mut out = vec![guide.empty_profile()];
    for (q, question) in guide.question_ids() {
        out = out
            .iter()
            .flat_map(|p| {
                std::iter::once(p.clone()).chain(
                    question
                        .option_ids()
                        .map(|(o, _)| guide.with_answer(p, q, Some(o)).expect("a valid answer")),
                )
            })
            .collect();
    }
    out
}

/// The check's two-pass count over its table agrees with classifying each
/// combination on its own.
fn report_agrees_with_classify(
    guide: &Guide,
    report: &decision_guide_core::Report,
) -> Result<(), TestCaseError> {
    let profiles = every_profile(guide);
    prop_assert_eq!(report.combinations, profiles.len() as u128);
    let mut rule_hits = vec![0u128; guide.rules().len()];
    let mut advice_hits = vec![0u128; guide.advice().len()];
    for p in &profiles {
        let d = guide.classify(p);
        rule_hits[d.rule().index()] += 1;
        for a in d.advice().iter() {
            advice_hits[a.index()] += 1;
        }
        result_holds(guide, p)?;
    }
    prop_assert_eq!(&report.rule_hits, &rule_hits);
    prop_assert_eq!(&report.advice_hits, &advice_hits);
    for f in &report.failures {
        prop_assert!(f.count > 0 && !f.examples.is_empty());
        prop_assert!(
            f.examples.len() as u128 == f.count.min(5),
            "{} examples of {} for {}",
            f.examples.len(),
            f.count,
            f.check
        );
    }
    Ok(())
}

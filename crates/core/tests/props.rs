//! Property tests of the rules core against hostile input (issue "Trust"):
//! answers text, permalinks and guide files made up by proptest, from
//! arbitrary JSON and bytes to one-mistake mutations of real guides. Each
//! property prints how many cases it tried. Failures proptest minimises are
//! kept in `props.proptest-regressions` (replayed first on every run) and,
//! once understood, as a plain test at the end of this file.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};

use decision_guide_core::{
    builtin, excerpt, parse_answers, parse_guide, Guide, Id, Profile, BUILTIN_GUIDE_JSON,
    EXCERPT_CHARS, MAX_COMBINATIONS,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};

/// The smallest valid guide that uses every part of the format; every
/// guide in `tests/broken/` is this one with one mistake.
const MINIMAL_GUIDE: &str = include_str!("broken/minimal.json");
const ALWAYS_BEDROCK: &str = include_str!("../guides/examples/always-bedrock.json");

/// The longest a bounded excerpt can be in bytes: every character escaped
/// as `\u00XX`, the ellipsis, the quotes and " (N characters)".
const MAX_EXCERPT_BYTES: usize = EXCERPT_CHARS * 6 + 3 + 2 + 32;

/// The longest an answers error for the built-in guide may be: two
/// excerpts (key and value), the built-in guide's known ids or accepted
/// values, and the words around them.
fn max_answer_error_bytes() -> usize {
    let ids: usize = builtin().questions().iter().map(|q| q.id().len() + 2).sum();
    2 * MAX_EXCERPT_BYTES + ids + 120
}

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

/// Runs one property with `cases` cases (failures persisted beside this
/// file) and prints what it tried.
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
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
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

/// An answers object for the built-in guide, mostly valid: some of its
/// questions with real answers (or `null`), and now and then one entry
/// that is wrong: an unknown key, a value of any kind, or a question
/// answered twice (written into the text, as JSON allows).
fn answers_object() -> impl Strategy<Value = String> {
    let guide = builtin();
    let n = guide.questions().len();
    let answer = move |q: usize, pick: usize| -> Value {
        let options = guide.questions()[q].options();
        if pick % (options.len() + 1) == options.len() {
            Value::Null
        } else {
            serde_json::from_str(&options[pick % (options.len() + 1)].value().to_json())
                .expect("an option value is JSON")
        }
    };
    let entries =
        prop::sample::subsequence((0..n).collect::<Vec<_>>(), 0..=n).prop_flat_map(move |qs| {
            let k = qs.len();
            (Just(qs), prop::collection::vec(any::<usize>(), k))
        });
    let wrong = prop_oneof![
        4 => Just(None),
        1 => (any_string(), json_value()).prop_map(|(k, v)| Some((k, v))),
        1 => (0..n, json_value()).prop_map(move |(q, v)| Some((guide.questions()[q].id().to_owned(), v))),
        1 => (0..n, any::<usize>()).prop_map(move |(q, pick)| Some((guide.questions()[q].id().to_owned(), answer(q, pick)))),
    ];
    (entries, wrong, any::<usize>(), any::<bool>()).prop_map(
        move |((qs, picks), wrong, at, pretty)| {
            let mut body: Vec<String> = qs
                .iter()
                .zip(picks)
                .map(|(&q, pick)| {
                    format!("{}:{}", json!(guide.questions()[q].id()), answer(q, pick))
                })
                .collect();
            if let Some((k, v)) = wrong {
                body.insert(at % (body.len() + 1), format!("{}:{v}", json!(k)));
            }
            let sep = if pretty { ",\n  " } else { "," };
            format!("{{{}}}", body.join(sep))
        },
    )
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

/// Answers text: an answers object, any JSON value, or any bytes (read as
/// UTF-8, lossily when they are not: the core takes text), each maybe spoilt.
fn answers_text() -> impl Strategy<Value = (String, &'static str)> {
    let text = prop_oneof![
        4 => answers_object().prop_map(|t| (t, "answers object")),
        2 => json_value().prop_map(|v| (v.to_string(), "any JSON")),
        2 => prop::collection::vec(any::<u8>(), 0..64).prop_map(|b| match String::from_utf8(b) {
            Ok(t) => (t, "bytes (UTF-8)"),
            Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), "bytes (not UTF-8, read lossily)"),
        }),
    ];
    (text, spoil()).prop_map(|((t, kind), s)| (apply(t, &s), kind))
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
    prop_assert_eq!(
        keys,
        [
            "path",
            "complete",
            "reasons",
            "watch_outs",
            "you_still_own",
            "warnings",
            "would_change",
            "unanswered",
            "guide"
        ]
    );
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

/// `answers` (a JSON object's text) with `q` set to `value`.
fn with_answer(answers: &str, q: &str, value: Value) -> String {
    let mut v: Map<String, Value> = serde_json::from_str(answers).expect("answers JSON");
    v.insert(q.to_owned(), value);
    Value::Object(v).to_string()
}

// ---------------------------------------------------------------------------
// Answers

#[test]
fn answers_text_is_accepted_whole_or_refused_briefly() {
    let guide = builtin();
    let bound = max_answer_error_bytes();
    property(
        "answers_text_is_accepted_whole_or_refused_briefly",
        768,
        answers_text(),
        |(text, kind), tally| {
            tally.kind(kind);
            match parse_answers(guide, &text) {
                Ok(profile) => {
                    tally.ok();
                    result_holds(guide, &profile)
                }
                Err(e) => {
                    let message = e.to_string();
                    tally.refused(message.len());
                    tally.reason(&message);
                    prop_assert!(!message.is_empty());
                    prop_assert!(
                        message.len() <= bound,
                        "{} bytes (bound {bound}) for input of {} bytes: {}",
                        message.len(),
                        text.len(),
                        excerpt(&message)
                    );
                    Ok(())
                }
            }
        },
    );
}

/// Printable ASCII input is quoted at its plain length: an answers error
/// stays under 600 bytes (what the brief of issue "Trust" asks).
#[test]
fn answers_errors_for_printable_input_stay_under_600_bytes() {
    let guide = builtin();
    let key = prop_oneof![
        Just("shape".to_owned()),
        "[ -~]{0,100}",
        (1_000usize..1_000_000).prop_map(|n| "k".repeat(n)),
    ];
    let value = prop_oneof![
        "[ -~]{0,100}".prop_map(Value::from),
        (1_000usize..1_000_000).prop_map(|n| Value::from("v".repeat(n))),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        any::<i64>().prop_map(Value::from),
        Just(json!({"a": [1, 2]})),
    ];
    property(
        "answers_errors_for_printable_input_stay_under_600_bytes",
        128,
        (key, value),
        |(key, value), tally| {
            let text = format!("{{{}: {value}}}", json!(key));
            match parse_answers(guide, &text) {
                Ok(_) => tally.ok(),
                Err(e) => {
                    let m = e.to_string();
                    tally.refused(m.len());
                    prop_assert!(m.len() <= 600, "{} bytes: {m}", m.len());
                }
            }
            Ok(())
        },
    );
}

// ---------------------------------------------------------------------------
// Permalinks

/// A guide whose links take two characters a question: its second question
/// has 40 options.
fn wide_guide() -> Guide {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let options: Vec<Value> = (0..40)
        .map(|i| json!({"value": format!("o{i}"), "label": format!("Option {i}"), "fact": format!("it is option {i}")}))
        .collect();
    g["questions"]
        .as_array_mut()
        .expect("questions")
        .push(json!({
            "id": "many",
            "type": "choice",
            "prompt": "Which of many?",
            "options": options,
            "unanswered": {"assume": "o0", "meaning": "Assumed the first."}
        }));
    parse_guide(&g.to_string()).expect("the wide guide is valid")
}

fn permalink_text(width: usize, questions: usize) -> impl Strategy<Value = String> {
    let alphabet = "[-0-9a-zA-Z]";
    prop_oneof![
        3 => prop::string::string_regex(&format!("{alphabet}{{{}}}", width * questions))
            .expect("regex"),
        2 => prop::string::string_regex(&format!("[-1-3]{{{}}}", width * questions))
            .expect("regex"),
        1 => Just("-".repeat(width * questions)),
        2 => any::<String>(),
        1 => "\\PC{0,40}",
        1 => (any::<char>(), 1_000usize..200_000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn permalink_holds(guide: &Guide, text: &str, tally: &Tally) -> Result<(), TestCaseError> {
    match guide.from_permalink(text) {
        Ok(profile) => {
            tally.ok();
            prop_assert_eq!(profile.len(), guide.questions().len());
            let link = guide.permalink(&profile);
            prop_assert_eq!(&link, &text.to_ascii_lowercase());
            prop_assert_eq!(guide.from_permalink(&link).ok(), Some(profile.clone()));
            result_holds(guide, &profile)
        }
        Err(e) => {
            let m = e.to_string();
            tally.refused(m.len());
            prop_assert!(m.len() <= MAX_EXCERPT_BYTES + 200, "{} bytes: {m}", m.len());
            Ok(())
        }
    }
}

#[test]
fn permalinks_are_read_back_or_refused_briefly() {
    let guide = builtin();
    property(
        "permalinks_are_read_back_or_refused_briefly (built-in guide)",
        512,
        permalink_text(1, guide.questions().len()),
        |text, tally| permalink_holds(guide, &text, tally),
    );
    let wide = wide_guide();
    property(
        "permalinks_are_read_back_or_refused_briefly (two characters a question)",
        256,
        permalink_text(2, wide.questions().len()),
        |text, tally| permalink_holds(&wide, &text, tally),
    );
}

// ---------------------------------------------------------------------------
// Guides

/// One step along a JSON document.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every node of `v` with its path, in document order.
fn nodes(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| {
            at.push(Step::Index(i));
            nodes(x, at, out);
            at.pop();
        }),
        Value::Object(map) => map.iter().for_each(|(k, x)| {
            at.push(Step::Key(k.clone()));
            nodes(x, at, out);
            at.pop();
        }),
        _ => {}
    }
}

fn node<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

fn node_mut<'v>(v: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One mistake an author (or an attacker) can make in a guide file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Delete the key or array entry.
    Delete,
    /// Replace the value with one of another JSON type.
    ChangeType(Value),
    /// Replace the value with anything.
    Replace(Value),
    /// Duplicate the enclosing array entry (same id twice).
    Duplicate,
    /// Swap two string values (ids, references, texts).
    Swap(usize),
    /// Copy another string value here (a reference to the wrong kind of id).
    Copy(usize),
    /// Write this object's first key twice in the text.
    DuplicateKey,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::Delete),
        3 => json_value().prop_map(Mutation::ChangeType),
        2 => json_value().prop_map(Mutation::Replace),
        2 => Just(Mutation::Duplicate),
        3 => any::<usize>().prop_map(Mutation::Swap),
        3 => any::<usize>().prop_map(Mutation::Copy),
        1 => Just(Mutation::DuplicateKey),
    ]
}

fn same_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Writes `v` as JSON text with the first key of the object at `dup`
/// written twice.
fn write_with_duplicate_key(v: &Value, at: &mut Vec<Step>, dup: &[Step], out: &mut String) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                at.push(Step::Index(i));
                write_with_duplicate_key(x, at, dup, out);
                at.pop();
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            if at.as_slice() == dup {
                if let Some((k, x)) = map.iter().next() {
                    out.push_str(&format!("{}:{},", json!(k), x));
                }
            }
            for (i, (k, x)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&json!(k).to_string());
                out.push(':');
                at.push(Step::Key(k.clone()));
                write_with_duplicate_key(x, at, dup, out);
                at.pop();
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Applies `m` at node `pick` of `base`; returns the guide text.
fn mutate(base: &Value, pick: usize, m: &Mutation) -> String {
    let mut v = base.clone();
    let mut all = Vec::new();
    nodes(&v, &mut Vec::new(), &mut all);
    let path = all[pick % all.len()].clone();
    let strings: Vec<Vec<Step>> = all
        .iter()
        .filter(|p| node(base, p).is_some_and(Value::is_string))
        .cloned()
        .collect();
    match m {
        Mutation::Delete => match path.split_last() {
            Some((Step::Key(k), parent)) => {
                if let Some(o) = node_mut(&mut v, parent).as_object_mut() {
                    o.shift_remove(k);
                }
            }
            Some((Step::Index(i), parent)) => {
                if let Some(a) = node_mut(&mut v, parent).as_array_mut() {
                    a.remove(*i);
                }
            }
            None => v = Value::Null,
        },
        Mutation::ChangeType(x) => {
            let node = node_mut(&mut v, &path);
            *node = if same_type(node, x) {
                json!([x])
            } else {
                x.clone()
            };
        }
        Mutation::Replace(x) => *node_mut(&mut v, &path) = x.clone(),
        Mutation::Duplicate => {
            // The innermost array entry on the path is written twice.
            if let Some(k) = path.iter().rposition(|s| matches!(s, Step::Index(_))) {
                if let Step::Index(i) = path[k] {
                    let array = node_mut(&mut v, &path[..k]);
                    let entry = array[i].clone();
                    if let Some(a) = array.as_array_mut() {
                        a.insert(i + 1, entry);
                    }
                }
            }
        }
        Mutation::Swap(other) | Mutation::Copy(other) if !strings.is_empty() => {
            let here = &strings[pick % strings.len()];
            let there = &strings[other % strings.len()];
            let a = node_mut(&mut v, here).clone();
            let b = node_mut(&mut v, there).clone();
            *node_mut(&mut v, here) = b;
            if matches!(m, Mutation::Swap(_)) {
                *node_mut(&mut v, there) = a;
            }
        }
        Mutation::Swap(_) | Mutation::Copy(_) => {}
        Mutation::DuplicateKey => {
            let objects: Vec<&Vec<Step>> = all
                .iter()
                .filter(|p| node(&v, p).is_some_and(Value::is_object))
                .collect();
            let Some(dup) = objects.get(pick % objects.len().max(1)).cloned() else {
                return v.to_string();
            };
            let mut out = String::new();
            write_with_duplicate_key(&v, &mut Vec::new(), dup, &mut out);
            return out;
        }
    }
    v.to_string()
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
                std::iter::once(p.clone()).chain((0..question.options().len()).map(|o| {
                    guide
                        .with_answer(p, q, Some(Id::at(o)))
                        .expect("a valid answer")
                }))
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
    prop_assert_eq!(report.combinations, profiles.len() as u64);
    let mut rule_hits = vec![0u64; guide.rules().len()];
    let mut advice_hits = vec![0u64; guide.advice().len()];
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
        if f.check.starts_with("dead-") {
            // FIXME(check.rs): dead rules and advice are all listed, past
            // the limit asked for (see the regression test below).
            prop_assert_eq!(f.examples.len() as u64, f.count);
        } else {
            prop_assert!(
                f.examples.len() <= 5,
                "{} examples of {}",
                f.examples.len(),
                f.check
            );
        }
    }
    Ok(())
}

#[test]
fn any_json_value_is_a_guide_or_refused_with_paths() {
    property(
        "any_json_value_is_a_guide_or_refused_with_paths",
        512,
        (json_value(), spoil()),
        |(v, s), tally| guide_holds(&apply(v.to_string(), &s), tally),
    );
}

#[test]
fn mutated_guides_are_guides_or_refused_with_paths() {
    let bases: Vec<(&str, Value)> = [
        ("minimal", MINIMAL_GUIDE),
        ("always-bedrock", ALWAYS_BEDROCK),
        ("built-in", BUILTIN_GUIDE_JSON),
    ]
    .into_iter()
    .map(|(name, text)| (name, serde_json::from_str(text).expect("JSON")))
    .collect();
    let strategy = (
        prop::sample::select(vec![0usize, 0, 1, 2]),
        prop::collection::vec((any::<usize>(), mutation()), 1..4),
        spoil(),
    );
    property(
        "mutated_guides_are_guides_or_refused_with_paths",
        1024,
        strategy,
        |(base, mutations, s), tally| {
            let (name, value) = &bases[base];
            tally.kind(*name);
            let mut text = value.to_string();
            for (pick, m) in &mutations {
                tally.kind(format!("{m:?}").split('(').next().unwrap_or_default());
                let Ok(v) = serde_json::from_str::<Value>(&text) else {
                    break;
                };
                text = mutate(&v, *pick, m);
            }
            guide_holds(&apply(text, &s), tally)
        },
    );
}

/// A random, mostly valid guide: a few questions, paths, facts, rules,
/// advice, responsibilities and invariants with random conditions. The
/// check's results are compared with classifying each combination.
fn generated_guide() -> impl Strategy<Value = Value> {
    let question = (any::<bool>(), 2usize..5, any::<usize>());
    (
        prop::collection::vec(question, 1..5),
        1usize..5,
        prop::collection::vec(any::<u64>(), 0..3),
        prop::collection::vec((any::<u64>(), any::<usize>(), any::<bool>()), 0..6),
        prop::collection::vec((any::<u64>(), any::<bool>(), any::<u8>()), 0..4),
        prop::collection::vec((any::<u64>(), 0u8..4, any::<usize>()), 0..4),
    )
        .prop_map(|(questions, paths, facts, rules, advice, invariants)| {
            let qs: Vec<Value> = questions
                .iter()
                .enumerate()
                .map(|(i, &(is_bool, n, assume))| {
                    if is_bool {
                        json!({"id": format!("q{i}"), "type": "bool", "prompt": "Yes or no?",
                            "yes": {"fact": format!("q{i} is yes")}, "no": {"fact": format!("q{i} is no")},
                            "unanswered": {"assume": assume % 2 == 0, "meaning": "Assumed."}})
                    } else {
                        let options: Vec<Value> = (0..n)
                            .map(|o| json!({"value": format!("o{o}"), "label": format!("Option {o}"), "fact": format!("q{i} is o{o}")}))
                            .collect();
                        json!({"id": format!("q{i}"), "type": "choice", "prompt": "Which?", "options": options,
                            "unanswered": {"assume": format!("o{}", assume % n), "meaning": "Assumed."}})
                    }
                })
                .collect();
            let shape: Vec<(bool, usize)> = questions.iter().map(|&(b, n, _)| (b, n)).collect();
            let gen = Gen { questions: &shape, paths, facts: facts.len() };
            let fact_map: Map<String, Value> = facts
                .iter()
                .enumerate()
                .map(|(i, &seed)| {
                    // A fact's own condition tests answers only (no cycles).
                    let plain = Gen { facts: 0, ..gen };
                    (format!("f{i}"), plain.cond(seed, 2, false))
                })
                .collect();
            let mut rule_list: Vec<Value> = rules
                .iter()
                .enumerate()
                .map(|(i, &(seed, path, cite))| {
                    json!({"id": format!("r{i}"), "when": gen.cond(seed, 2, false), "path": format!("p{}", path % paths),
                        "reason": if cite { "Because {because}." } else { "A reason." }})
                })
                .collect();
            if !facts.is_empty() {
                // Every fact is used (an unused one is refused).
                let every: Vec<Value> = (0..facts.len()).map(|f| json!({"fact": format!("f{f}")})).collect();
                rule_list.push(json!({"id": "facts", "when": {"any": every}, "path": format!("p{}", paths - 1), "reason": "Because {because}."}));
            }
            rule_list.push(json!({"id": "catch-all", "path": "p0", "reason": "Otherwise."}));
            let advice_list: Vec<Value> = advice
                .iter()
                .enumerate()
                .map(|(i, &(seed, warning, adds))| {
                    json!({"id": format!("a{i}"), "kind": if warning { "warning" } else { "watch_out" },
                        "when": gen.cond(seed, 2, true), "text": "Advice.",
                        "adds": if adds % 2 == 0 { vec!["r0"] } else { Vec::new() }})
                })
                .collect();
            let invariant_list: Vec<Value> = invariants
                .iter()
                .enumerate()
                .map(|(i, &(seed, form, pick))| {
                    let id = format!("i{i}");
                    let q = pick % shape.len();
                    match form {
                        0 => json!({"id": id, "text": "Path is.", "when": gen.cond(seed, 1, false), "path_is": [format!("p{}", pick % paths)]}),
                        1 => json!({"id": id, "text": "Path not.", "when": gen.cond(seed, 1, false), "path_not": [format!("p{}", pick % paths)]}),
                        2 => json!({"id": id, "text": "Implies.", "when": gen.cond(seed, 1, true), "then": gen.cond(seed.rotate_left(17), 1, true)}),
                        _ => json!({"id": id, "text": "Monotone.", "answering": {"q": format!("q{q}"), "is": gen.value(q, seed as usize)},
                            "never": if seed % 2 == 0 { "lighter" } else { "heavier" }}),
                    }
                })
                .collect();
            let path_list: Vec<Value> = (0..paths)
                .map(|p| json!({"id": format!("p{p}"), "name": "Path", "summary": "S.", "use_when": "U.",
                    "watch_out_for": "W.", "rule_of_thumb": "R.", "layer": "L.", "you_still_own": ["r0"]}))
                .collect();
            json!({
                "id": "generated", "version": "1", "title": "Generated", "as_of": "2026-01-01",
                "source": {"title": "proptest", "date": "2026-01-01", "credit": "Generated."},
                "questions": qs, "paths": path_list,
                "responsibilities": {"r0": "Something.", "r1": {"text": "Sometimes.", "when": gen.cond(7, 1, false)}},
                "facts": fact_map, "rules": rule_list, "advice": advice_list, "invariants": invariant_list,
            })
        })
}

/// Makes conditions from a seed, for [`generated_guide`].
#[derive(Clone, Copy)]
struct Gen<'a> {
    questions: &'a [(bool, usize)],
    paths: usize,
    facts: usize,
}

impl Gen<'_> {
    fn value(&self, q: usize, pick: usize) -> Value {
        let (is_bool, n) = self.questions[q];
        if is_bool {
            Value::from(pick % 2 == 0)
        } else {
            Value::from(format!("o{}", pick % n))
        }
    }

    fn cond(&self, seed: u64, depth: u32, outcome: bool) -> Value {
        let pick = (seed % 1000) as usize;
        let next = seed.rotate_right(11) ^ 0x9e37_79b9_7f4a_7c15;
        let kind = seed % if depth == 0 { 3 } else { 7 };
        match kind {
            0 | 1 => {
                let q = pick % self.questions.len();
                if pick % 9 == 0 {
                    json!({"q": format!("q{q}"), "is": null})
                } else {
                    json!({"q": format!("q{q}"), "is": self.value(q, pick / 7)})
                }
            }
            2 if outcome => match pick % 3 {
                0 => json!({"path": format!("p{}", pick % self.paths)}),
                1 => json!({"near_path": format!("p{}", pick % self.paths)}),
                _ => json!({"open_near_path": format!("p{}", pick % self.paths)}),
            },
            2 if self.facts > 0 => json!({"fact": format!("f{}", pick % self.facts)}),
            2 => json!({"q": "q0", "is": null}),
            3 => json!({"not": self.cond(next, depth - 1, outcome)}),
            4 | 5 => {
                json!({"all": [self.cond(next, depth - 1, outcome), self.cond(next.rotate_left(23), depth - 1, outcome)]})
            }
            _ => {
                json!({"any": [self.cond(next, depth - 1, outcome), self.cond(next.rotate_left(29), depth - 1, outcome)]})
            }
        }
    }
}

#[test]
fn generated_guides_check_as_classify_says() {
    property(
        "generated_guides_check_as_classify_says",
        384,
        generated_guide(),
        |g, tally| guide_holds(&g.to_string(), tally),
    );
}

// ---------------------------------------------------------------------------
// Minimised failures, kept as plain tests. Each was found by the battery
// and fixed in the file named.

/// A chain of facts recursed once per fact while compiling: 20 000 facts
/// overflowed the stack (compile/mod.rs: a guide over a limit is read no
/// further; compile/cond.rs: conditions nest at most 256 levels).
#[test]
fn regression_a_long_chain_of_facts_is_refused_not_a_stack_overflow() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let n = 20_000;
    let facts: Map<String, Value> = (0..n)
        .map(|i| {
            let body = if i + 1 < n {
                json!({"fact": format!("f{}", i + 1)})
            } else {
                json!({"q": "shape", "is": "multi"})
            };
            (format!("f{i}"), body)
        })
        .collect();
    g["facts"] = Value::Object(facts);
    g["rules"][0]["when"] = json!({"fact": "f0"});
    let errors = parse_guide(&g.to_string()).expect_err("too many facts");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "$.facts: must hold at most 64 facts, has 20000"
    );
}

/// Within the limit on facts, each fact nesting 120 levels deep still
/// recursed 64 × 120 levels: over a test thread's 2 MB stack.
#[test]
fn regression_facts_nesting_deeply_are_refused_not_a_stack_overflow() {
    let deep_chain = |facts: usize| {
        let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
        let mut map: Map<String, Value> = (0..facts)
            .map(|i| {
                let mut body = if i + 1 < facts {
                    json!({"fact": format!("f{}", i + 1)})
                } else {
                    json!({"q": "shape", "is": "multi"})
                };
                for _ in 0..60 {
                    body = json!({"not": {"not": body}});
                }
                (format!("f{i}"), body)
            })
            .collect();
        map.insert("agentic".to_owned(), g["facts"]["agentic"].take());
        g["facts"] = Value::Object(map);
        g["rules"][0]["when"] = json!({"all": [{"fact": "f0"}, {"q": "approval", "is": true}]});
        g.to_string()
    };
    let errors = parse_guide(&deep_chain(63)).expect_err("too deep");
    assert!(
        errors.iter().any(|e| e
            .message
            .starts_with("conditions nest too deeply: more than 256 levels")),
        "{errors:?}"
    );
    // Two such facts (242 levels) are fine, and evaluate and check on a
    // test thread's stack.
    let guide = parse_guide(&deep_chain(2)).expect("deep but within the limit");
    let report = guide.check(5).expect("small");
    report_agrees_with_classify(&guide, &report).expect("agrees");
}

/// 70 001 rules made rule ids saturate at 65 535: the catch-all answered
/// as rule "r65535", which does not even hold (compile/mod.rs: at most
/// 65 535 rules).
#[test]
fn regression_more_rules_than_rule_ids_are_refused() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let mut rules: Vec<Value> = (0..70_000)
        .map(|i| json!({"id": format!("r{i}"), "when": {"fact": "agentic"}, "path": "heavy", "reason": "R."}))
        .collect();
    rules.push(json!({"id": "last", "path": "light", "reason": "Otherwise."}));
    g["rules"] = Value::Array(rules);
    let errors = parse_guide(&g.to_string()).expect_err("too many rules");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "$.rules: must hold at most 65535 rules, has 70001"
    );
}

/// Every bad reference repeated the list of known ids: 20 000 paths and
/// 20 000 rules to an unknown path made 7.4 GB of messages in 30 s; 2 paths
/// with 1 MB ids did the same with 8 paths' worth of ids per message
/// (compile/mod.rs: over-limit guides stop early; answers.rs: known ids
/// are listed as bounded excerpts).
#[test]
fn regression_bad_references_do_not_multiply_into_gigabytes_of_messages() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    for i in 0..2 {
        g["paths"][i]["id"] = json!(format!("{}{i}", "p".repeat(1_000_000)));
    }
    let mut rules: Vec<Value> = (0..20_000)
        .map(|i| json!({"id": format!("r{i}"), "when": {"q": "shape", "is": "single"}, "path": "nowhere", "reason": "R."}))
        .collect();
    rules.push(json!({"id": "last", "path": "nowhere", "reason": "Otherwise."}));
    g["rules"] = Value::Array(rules);
    let text = g.to_string();
    let errors = parse_guide(&text).expect_err("unknown paths");
    let bytes: usize = errors.iter().map(|e| e.at.len() + e.message.len()).sum();
    // Linear in the guide (before the fix: a thousand times the guide).
    assert!(
        bytes < 2 * text.len(),
        "{bytes} bytes of messages for {} bytes of guide",
        text.len()
    );
    assert!(
        errors.iter().all(|e| e.message.len() < 600),
        "{:?}",
        errors[0]
    );
}

/// A number such as 1e-300 was quoted with every digit (302 characters) in
/// answers errors (raw.rs: long numbers in exponent form).
#[test]
fn regression_tiny_and_huge_numbers_are_quoted_briefly() {
    for n in ["1e-300", "-1.7976931348623157e308", "5e-324"] {
        let e = parse_answers(builtin(), &format!("{{\"shape\": {n}}}")).expect_err("a number");
        let m = e.to_string();
        assert!(m.len() < 200, "{m}");
        assert!(m.contains("got "), "{m}");
    }
    let e = parse_answers(builtin(), r#"{"shape": 0.5}"#).expect_err("a number");
    assert!(e.to_string().ends_with("got 0.5"), "{e}");
}

/// Deep nesting is refused by the JSON parser's recursion limit, not by
/// the stack: as answers, as a value, and as a guide.
#[test]
fn deeply_nested_json_is_refused_without_overflowing() {
    for text in [
        "[".repeat(100_000),
        format!("{{\"shape\": {}", "[".repeat(100_000)),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        "{\"a\":".repeat(100_000),
    ] {
        let e = parse_answers(builtin(), &text).expect_err("too deep");
        assert!(e.to_string().len() < 300, "{e}");
        let e = parse_guide(&text).expect_err("too deep");
        assert_eq!(e.len(), 1);
    }
}

/// The check's limit on combinations is the guard against hours of work.
#[test]
fn the_check_refuses_what_it_cannot_enumerate() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let q = g["questions"][1].clone();
    let questions = g["questions"].as_array_mut().expect("questions");
    for i in 0..20 {
        let mut extra = q.clone();
        extra["id"] = json!(format!("extra{i}"));
        questions.push(extra);
    }
    let guide = parse_guide(&g.to_string()).expect("valid");
    assert!(guide.combinations() > u128::from(MAX_COMBINATIONS));
    let e = guide.check(5).expect_err("too large");
    assert!(e.to_string().contains("more than the 50000000"), "{e}");
}

/// Found by `generated_guides_check_as_classify_says`: a fact that always
/// holds leaves six rules dead, and the `dead-rule` failure lists all six
/// although `check(5)` asks for at most five examples a promise.
/// FIXME(check.rs, `dead`): keep the first `limit` ids, as for invariants;
/// the CLI already prints "… and N more" when fewer are shown.
#[test]
fn regression_dead_rules_are_listed_past_the_limit() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let mut rules = vec![
        json!({"id": "always", "when": {"any": [{"q": "approval", "is": true}, {"q": "approval", "is": false}]}, "path": "light", "reason": "R."}),
    ];
    rules.extend((0..6).map(|i| json!({"id": format!("dead{i}"), "when": {"q": "shape", "is": null}, "path": "light", "reason": "R."})));
    rules.push(json!({"id": "last", "path": "light", "reason": "R."}));
    g["rules"] = Value::Array(rules);
    g["advice"] = json!([]);
    g["invariants"] = json!([]);
    g["facts"] = json!({});
    let guide = parse_guide(&g.to_string()).expect("valid");
    let report = guide.check(5).expect("small");
    let dead = report
        .failures
        .iter()
        .find(|f| f.check == "dead-rule")
        .expect("dead rules");
    assert_eq!(dead.count, 7);
    assert_eq!(
        dead.examples.len(),
        7,
        "today: every dead rule, past the limit of 5"
    );
}

/// Found by `any_json_value_is_a_guide_or_refused_with_paths`: paths of
/// parse errors read `$.[0]` for an array, and `$.facts.a.b` for the key
/// "a.b" (parse.rs and compile/mod.rs: keys that are not plain names are
/// written `["a.b"]`; and a guide that is an array is refused as such).
#[test]
fn regression_problem_paths_are_unambiguous() {
    let at = |text: &str| {
        parse_guide(text)
            .expect_err("refused")
            .into_iter()
            .map(|e| e.at)
            .collect::<Vec<_>>()
    };
    assert_eq!(at("[1]"), ["$"]);
    assert_eq!(
        at("{\"facts\": {\"a.b\": {\"q\": 1}}}"),
        ["$.facts[\"a.b\"].q"]
    );
    assert_eq!(at("{\"questions\": [{\"id\": 3}]}"), ["$.questions[0].id"]);
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    g["facts"]["a b"] = json!({"q": "shape", "is": "single"});
    assert_eq!(at(&g.to_string()), ["$.facts[\"a b\"]"]);
}

/// serde reads a struct from an array of its fields in order. The guide
/// itself is refused as an array (parse.rs), but a part of it is not.
/// FIXME(raw.rs): `"source": ["title", "author", "date", "credit"]` is
/// read as the source object; refusing it needs a deserializer of our own
/// for each struct, or serde support for refusing sequences.
#[test]
fn a_part_of_a_guide_written_as_an_array_is_still_read() {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    g["source"] = json!([
        "The checker's own tests",
        "",
        "2026-01-01",
        "Written for the tests."
    ]);
    let guide = parse_guide(&g.to_string()).expect("today: accepted");
    assert_eq!(guide.source().title(), "The checker's own tests");
}

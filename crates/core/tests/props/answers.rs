//! Answers text for the built-in guide: mostly valid answers objects with
//! one wrong entry now and then, any JSON value or any bytes, each maybe
//! spoilt; accepted whole (and then a valid result) or refused briefly.

use decision_guide_core::{builtin, excerpt, parse_answers};
use proptest::prelude::*;
use serde_json::{json, Value};

use super::{any_string, apply, json_value, property, result_holds, spoil, MAX_EXCERPT_BYTES};

/// The longest an answers error for the built-in guide may be: two
/// excerpts (key and value), the built-in guide's known ids or accepted
/// values, and the words around them.
fn max_answer_error_bytes() -> usize {
    let ids: usize = builtin().questions().iter().map(|q| q.id().len() + 2).sum();
    2 * MAX_EXCERPT_BYTES + ids + 120
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

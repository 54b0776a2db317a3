//! JSON Lines, with the core library as the oracle: any mix of valid and
//! bad answers lines gives exactly what the core gives, line by line, or
//! the core's first refusal.

use std::cell::Cell;

use decision_guide_core::{builtin, parse_answers};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::Value;

use super::common::run;
use super::text;

/// Where proptest keeps the seeds of failures it has minimised, as when
/// these tests were one file (`hostile.rs`).
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/hostile.proptest-regressions"
);

/// One line of input: a valid answers object for the built-in guide, or
/// now and then a bad one.
fn line() -> impl Strategy<Value = String> {
    let guide = builtin();
    let n = guide.questions().len();
    let valid = prop::collection::vec((0..n, any::<usize>()), 0..8).prop_map(move |picks| {
        let mut obj = serde_json::Map::new();
        for (q, pick) in picks {
            let question = &guide.questions()[q];
            let options = question.options();
            let value: Value = match pick % (options.len() + 1) {
                k if k == options.len() => Value::Null,
                k => serde_json::from_str(&options[k].value().to_json()).expect("JSON"),
            };
            obj.insert(question.id().to_owned(), value);
        }
        Value::Object(obj).to_string()
    });
    let bad = prop_oneof![
        Just("{\"colour\": \"red\"}".to_owned()),
        Just("{\"shape\": 3}".to_owned()),
        Just("{\"shape\": \"triple\"}".to_owned()),
        Just("[1, 2]".to_owned()),
        Just("{\"shape\": ".to_owned()),
        Just("\"text\"".to_owned()),
        Just("{\"shape\": \"single\", \"shape\": \"single\"}".to_owned()),
        "\\PC{1,12}",
    ];
    prop_oneof![40 => valid, 1 => bad]
}

/// What the CLI must print for `input`, worked out with the core.
fn oracle(input: &str) -> Result<String, String> {
    let guide = builtin();
    let lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err("no answers on stdin".to_owned());
    }
    let json_lines = lines.len() > 1 && serde_json::from_str::<Value>(lines[0].1).is_ok();
    if !json_lines {
        return parse_answers(guide, input)
            .map(|p| guide.evaluate(&p).to_json() + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for (n, l) in lines {
        let p = parse_answers(guide, l).map_err(|e| format!("line {n}: {e}"))?;
        out.push_str(&guide.evaluate(&p).to_json());
        out.push('\n');
    }
    Ok(out)
}

#[test]
fn json_lines_give_what_the_core_gives() {
    let separator = prop_oneof![
        6 => Just("\n"),
        1 => Just("\r\n"),
        1 => Just("\n\n"),
        1 => Just("\n  \t\n"),
    ];
    let input = prop::collection::vec((line(), separator, "[ \t]{0,2}"), 1..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(l, sep, pad)| format!("{pad}{l}{pad}{sep}"))
            .collect::<String>()
    });
    let config = Config {
        cases: 96,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..Config::default()
    };
    let (accepted, refused_count, lines) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let result = TestRunner::new(config).run(&input, |input| {
        let o = run(&["classify"], input.as_bytes());
        let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
        lines.set(lines.get() + input.lines().filter(|l| !l.trim().is_empty()).count());
        match oracle(&input) {
            Ok(want) => {
                accepted.set(accepted.get() + 1);
                prop_assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr);
                prop_assert_eq!(stdout, want);
                prop_assert_eq!(stderr, "");
            }
            Err(message) => {
                refused_count.set(refused_count.get() + 1);
                prop_assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout);
                prop_assert_eq!(stdout, "");
                prop_assert_eq!(stderr, format!("decision-guide: {message}\n"));
            }
        }
        Ok::<(), TestCaseError>(())
    });
    eprintln!(
        "hostile::json_lines_give_what_the_core_gives: {} inputs ({} lines): {} classified, {} refused",
        accepted.get() + refused_count.get(),
        lines.get(),
        accepted.get(),
        refused_count.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

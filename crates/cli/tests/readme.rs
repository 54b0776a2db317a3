//! The README's examples through the real CLI: every answers object in it
//! (an `answers='…'` attribute, a Hugo shortcode's answers, an
//! `echo '…' | decision-guide classify` line) gives the path the README's
//! text says those examples get ("the guide recommends `managed-agents`
//! for them").

#[allow(dead_code)] // the other helpers serve the other tests
mod common;

use common::run;
use serde_json::Value;

const README: &str = include_str!("../../../README.md");

/// The text between each `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: char) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        rest = &rest[at + open.len()..];
        if let Some(end) = rest.find(close) {
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn every_readme_example_gives_the_path_its_text_says() {
    // The README's one claim about its examples, whitespace as it wraps.
    let words: Vec<&str> = README.split_whitespace().collect();
    let claimed = words
        .windows(4)
        .find(|w| w[0] == "recommends" && w[2] == "for" && w[3] == "them,")
        .map(|w| w[1].trim_matches('`'))
        .expect("the README says which path its examples get");

    let mut examples: Vec<&str> = between(README, "answers='", '\'');
    examples.extend(between(README, "answers=`", '`'));
    examples.extend(between(README, "echo '", '\''));
    // Prose that names the attribute (`?answers=`) is no example.
    examples.retain(|e| e.trim_start().starts_with('{'));
    assert!(
        examples.len() >= 8,
        "only {} examples found",
        examples.len()
    );

    let mut wrong = Vec::new();
    for example in &examples {
        let out = run(&["classify"], example);
        assert!(
            out.status.success(),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let result: Value = serde_json::from_slice(&out.stdout).expect("result JSON");
        if result["path"] != claimed {
            wrong.push(format!("{example} gives {}, not {claimed}", result["path"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

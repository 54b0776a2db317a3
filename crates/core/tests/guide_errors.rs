//! A malformed guide gets every problem reported, each at its JSON path.
//! Mutations find what they break by id, never by position.

mod common;

use common::{builtin_value, position};
use decision_guide_core::{parse_guide, BUILTIN_GUIDE_JSON};
use serde_json::{json, Value};

fn errors(guide: &Value) -> Vec<String> {
    match parse_guide(&guide.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_problem_in_meaning_is_reported_with_its_path() {
    let mut g = builtin_value();
    let agent = position(&g, "rules", "agent-runtime");
    let last = g["rules"].as_array().expect("rules").len() - 1;
    let heaviest = position(&g, "advice", "heaviest-path");
    let overbuild = position(&g, "advice", "overbuild");
    let bedrock = position(&g, "paths", "bedrock-models");
    g["rules"][agent]["path"] = json!("nowhere");
    g["questions"][0]["unanswered"]["assume"] = json!("maybe");
    g["advice"][heaviest]["when"]["all"][0] = json!({"fact": "nope"});
    g["rules"][last]["when"] = json!({"q": "shape", "is": "single"});
    g["presets"][0]["answers"]["shape"] = json!("triple");
    g["presets"][1]["answers"]["colour"] = json!(true);
    g["invariants"][0]["when"] = json!({"q": "tools_actions", "is": "yes"});
    g["paths"][bedrock]["you_still_own"][0] = json!("gardening");
    g["advice"][overbuild]["kind"] = json!("hint");
    let got = errors(&g);
    let want = [
        "$.questions[0].unanswered.assume: \"maybe\" is not one of the question's answers".to_owned(),
        format!("$.paths[{bedrock}].you_still_own[0]: unknown responsibility \"gardening\""),
        format!("$.rules[{agent}].path: unknown path \"nowhere\"; known paths: direct-api, bedrock-models, managed-agents"),
        format!("$.rules[{last}].when: the last rule must be a catch-all"),
        format!("$.advice[{heaviest}].when.all[0].fact: unknown fact \"nope\""),
        format!("$.advice[{overbuild}].kind: expected \"warning\" or \"watch_out\", got \"hint\""),
        "$.invariants[0].when.is: question \"tools_actions\" takes true, false or null, got \"yes\"".to_owned(),
        "$.presets[0].answers.shape: question \"shape\": unknown option \"triple\"".to_owned(),
        "$.presets[1].answers.colour: unknown question id \"colour\"".to_owned(),
    ];
    for w in &want {
        assert!(
            got.iter().any(|e| e.starts_with(w.as_str())),
            "missing {w:?} in\n{got:#?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn structural_problems_name_their_path() {
    let mut g = builtin_value();
    g["questions"][3]["prompt"] = json!(42);
    let got = errors(&g);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("$.questions[3].prompt: invalid type: integer `42`"),
        "{got:?}"
    );

    let mut g = builtin_value();
    g["rules"][0]["colour"] = json!("red");
    let got = errors(&g);
    assert!(
        got[0].starts_with("$.rules[0].colour: unknown field `colour`"),
        "{got:?}"
    );
}

#[test]
fn syntax_errors_say_where() {
    let got = parse_guide("{\"id\": \"x\",\n \"version\": }").expect_err("refused");
    assert!(got[0].message.contains("line 2"), "{got:?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{BUILTIN_GUIDE_JSON}");
    assert!(parse_guide(&text).is_ok());
}

#[test]
fn conditions_must_have_exactly_one_form_and_rules_cannot_test_the_path() {
    let mut g = builtin_value();
    g["rules"][3]["when"] = json!({"q": "shape", "is": "single", "fact": "aws_mandate"});
    g["rules"][4]["when"] = json!({"path": "direct-api"});
    g["facts"]["loop"] = json!({"fact": "loop"});
    g["rules"][5]["when"] = json!({"fact": "loop"});
    g["rules"][6]["when"] = json!({"advice": "overbuild"});
    let got = errors(&g);
    for want in [
        "$.rules[3].when: a condition is exactly one of",
        "$.rules[4].when.path: only advice and invariants may test the decided path",
        "$.facts.loop.fact: fact \"loop\" refers to itself",
        "$.rules[6].when.advice: only invariants may test which advice applies",
    ] {
        assert!(
            got.iter().any(|e| e.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
}

#[test]
fn placeholders_must_name_a_fact() {
    let mut g = builtin_value();
    g["rules"][0]["reason"] = json!("Because {because:nothing}.");
    g["rules"][1]["reason"] = json!("Because {why}.");
    let last = g["rules"].as_array().expect("rules").len() - 1;
    g["rules"][last]["reason"] = json!("Because {because}.");
    let got = errors(&g);
    for want in [
        "$.rules[0].reason: unknown fact \"nothing\"",
        "$.rules[1].reason: unknown placeholder \"{why}\"",
        &format!("$.rules[{last}].reason: `{{because}}` needs a `when` condition to cite"),
    ] {
        assert!(
            got.iter().any(|e| e.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
}

/// Preset ids are 16 bits: a guide with more presets is refused before any
/// id is made.
#[test]
fn presets_are_limited_to_what_their_ids_hold() {
    let mut g = builtin_value();
    let preset = g["presets"][0].clone();
    g["presets"] = Value::from(vec![preset; 65_536]);
    assert_eq!(
        errors(&g),
        ["$.presets: must hold at most 65535 presets, has 65536"]
    );
}

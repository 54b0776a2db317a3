//! Golden cases: the data file beside the guide, run by one `check()`.
//!
//! `check` is the only caller of the evaluator here, so the API can change
//! without rewriting the cases.

use decision_guide_core::{builtin, Guide, Profile, RawAnswers};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    preset: Option<String>,
    #[serde(default)]
    answers: Option<RawAnswers>,
    expect: String,
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    complete: Option<bool>,
    #[serde(default)]
    advice: Option<Vec<String>>,
    #[serde(default)]
    would_change: Option<Value>,
    #[serde(default)]
    unanswered: Option<Vec<String>>,
    why: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../guides/openai-on-aws.cases.toml");
    toml::from_str::<Cases>(text)
        .expect("cases file parses")
        .case
}

fn profile(guide: &Guide, case: &Case) -> Profile {
    match (&case.preset, &case.answers) {
        (Some(id), None) => guide
            .preset(id)
            .unwrap_or_else(|| panic!("{}: unknown preset {id}", case.name))
            .profile
            .clone(),
        (None, Some(raw)) => guide
            .profile(raw)
            .unwrap_or_else(|e| panic!("{}: bad answers: {e}", case.name)),
        _ => panic!("{}: give exactly one of `preset` and `answers`", case.name),
    }
}

/// Runs one case; returns what differs, if anything.
fn check(guide: &Guide, case: &Case) -> Vec<String> {
    assert!(!case.why.trim().is_empty(), "{}: say why", case.name);
    let profile = profile(guide, case);
    let decision = guide.classify(&profile);
    let outcome = guide.outcome(&profile, &decision);
    let json = serde_json::to_value(&outcome).expect("outcome serializes");
    let mut diffs = Vec::new();
    let mut expect = |field: &str, want: Value, got: Value| {
        if want != got {
            diffs.push(format!("{}: {field}: want {want}, got {got}", case.name));
        }
    };
    expect(
        "path",
        Value::from(case.expect.clone()),
        json["path"].clone(),
    );
    if let Some(rule) = &case.rule {
        expect(
            "rule",
            Value::from(rule.clone()),
            json["reasons"][0]["rule"].clone(),
        );
    }
    if let Some(complete) = case.complete {
        expect("complete", Value::from(complete), json["complete"].clone());
    }
    if let Some(advice) = &case.advice {
        let got: Vec<Value> = decision
            .advice
            .iter()
            .map(|&(i, _)| Value::from(guide.advice[usize::from(i)].id.clone()))
            .collect();
        expect("advice", Value::from(advice.clone()), Value::from(got));
    }
    if let Some(wc) = &case.would_change {
        expect("would_change", wc.clone(), json["would_change"].clone());
    }
    if let Some(un) = &case.unanswered {
        expect(
            "unanswered",
            Value::from(un.clone()),
            json["unanswered"].clone(),
        );
    }
    // Every result keeps the promises of SPEC §4, whatever the case.
    assert!(!outcome.reasons.is_empty(), "{}: no reason", case.name);
    for r in &outcome.reasons {
        assert!(
            !r.text.contains('{'),
            "{}: unfilled template in {:?}",
            case.name,
            r.text
        );
    }
    diffs
}

#[test]
fn golden_cases() {
    let guide = builtin();
    let cases = cases();
    let diffs: Vec<String> = cases.iter().flat_map(|c| check(&guide, c)).collect();
    assert!(
        diffs.is_empty(),
        "golden cases differ:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn every_preset_has_a_golden_case() {
    let guide = builtin();
    let cases = cases();
    for p in &guide.presets {
        assert!(
            cases
                .iter()
                .any(|c| c.preset.as_deref() == Some(p.id.as_str())),
            "preset {} has no golden case",
            p.id
        );
    }
}

#[test]
fn every_preset_answers_every_question() {
    let guide = builtin();
    for p in &guide.presets {
        assert_eq!(
            p.profile.answered_count(),
            guide.questions.len(),
            "preset {}",
            p.id
        );
    }
}

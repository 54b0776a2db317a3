//! The exhaustive soundness check, on the built-in guide and on copies
//! broken on purpose, through the same entry point the CLI uses.

use decision_guide_core::{builtin, parse_guide, Report, BUILTIN_GUIDE_JSON};
use serde_json::{json, Value};

fn builtin_value() -> Value {
    serde_json::from_str(BUILTIN_GUIDE_JSON).expect("built-in guide is JSON")
}

/// The built-in guide with `rule` placed first, ahead of every other rule.
fn with_first_rule(rule: Value) -> Value {
    let mut g = builtin_value();
    g["rules"].as_array_mut().expect("rules").insert(0, rule);
    g
}

fn check(guide: Value) -> Report {
    let guide = parse_guide(&guide.to_string()).expect("mutated guide still compiles");
    guide.check(5).expect("small enough to enumerate")
}

#[test]
fn builtin_guide_is_sound_over_every_combination() {
    let guide = builtin();
    let report = guide.check(5).expect("enumerable");
    // 12 yes/no questions and one two-way choice, each also unanswered.
    assert_eq!(report.combinations, 3u64.pow(13));
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {:?}", f.check, f.examples))
        .collect();
    assert!(report.passed(), "{failures:#?}");
    assert!(report.rule_hits.iter().all(|&h| h > 0));
    assert_eq!(report.rule_hits.iter().sum::<u64>(), report.combinations);
}

#[test]
fn agents_rule_first_breaks_principle_7_and_kills_preview_rules() {
    let mut g = builtin_value();
    let rules = g["rules"].as_array_mut().expect("rules");
    let agent = rules.remove(2);
    assert_eq!(agent["id"], "agent-runtime");
    rules.insert(0, agent);
    let report = check(g);
    assert!(!report.passed());
    let p7 = report
        .failures
        .iter()
        .find(|f| f.check == "p7-preview-limits-keep-off-agents")
        .expect("p7 fails");
    // Approval/audit with at least one yes (3² − 2² = 5 ways) × a blocker
    // (5 ways likewise) × every answer to the 6 questions that do not matter.
    assert_eq!(p7.count, 5 * 5 * 3u64.pow(6));
    let guide = builtin();
    let (example, detail) = &p7.examples[0];
    let answers = guide.answers_json(example);
    assert!(answers.contains(r#""shape":"multi_step""#), "{answers}");
    assert!(
        answers.contains(r#""other_region":true"#)
            || answers.contains(r#""customer_managed_keys":true"#),
        "{answers}"
    );
    assert_eq!(detail, "got managed-agents");
    let dead = report
        .failures
        .iter()
        .find(|f| f.check == "dead-rule")
        .expect("dead rules reported");
    let names: Vec<&str> = dead.examples.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].contains("preview-blocks-agents-aws")
            && names[1].contains("\"preview-blocks-agents\""),
        "{names:?}"
    );
}

#[test]
fn approval_making_the_answer_lighter_is_caught() {
    // A rule that sends approval work back to the direct API, ahead of the rest.
    let report = check(with_first_rule(
        json!({"id": "approvals-stay-home", "when": {"all": [{"q": "approval_resume", "is": true}, {"fact": "aws_governance"}]}, "path": "direct-api", "reason": "Because {because}."}),
    ));
    let mono = report
        .failures
        .iter()
        .find(|f| f.check == "approvals-never-lighter")
        .expect("monotonicity fails");
    assert!(mono.count > 0);
    assert!(
        mono.examples[0]
            .1
            .contains("then answering approval_resume=true gives direct-api"),
        "{}",
        mono.examples[0].1
    );
    assert!(report
        .failures
        .iter()
        .any(|f| f.check == "p3-aws-governance-means-bedrock"));
}

#[test]
fn a_reason_that_cites_nothing_is_caught() {
    let report = check(with_first_rule(
        json!({"id": "only-negative", "when": {"not": {"q": "shape", "is": "multi_step"}}, "path": "direct-api", "reason": "Because {because}."}),
    ));
    let empty = report
        .failures
        .iter()
        .find(|f| f.check == "empty-reason")
        .expect("empty reason caught");
    assert!(empty.examples[0].1.contains("only-negative"));
}

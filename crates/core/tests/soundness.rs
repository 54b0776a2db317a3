//! The exhaustive soundness check, on the built-in guide and on copies
//! broken on purpose, through the same entry point the CLI uses. Mutations
//! find the rule or advice they break by id, never by position.

mod common;

use common::{builtin_value, position};
use decision_guide_core::{builtin, parse_guide, Report};
use serde_json::{json, Value};

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

fn failure<'r>(report: &'r Report, check: &str) -> &'r decision_guide_core::Failure {
    report
        .failures
        .iter()
        .find(|f| f.check == check)
        .unwrap_or_else(|| {
            panic!(
                "{check} does not fail; failures: {:?}",
                report.failures.iter().map(|f| &f.check).collect::<Vec<_>>()
            )
        })
}

#[test]
fn builtin_guide_is_sound_over_every_combination() {
    let guide = builtin();
    let report = guide.check(5).expect("enumerable");
    let options: u64 = guide
        .questions()
        .iter()
        .map(|q| q.options().len() as u64 + 1)
        .product();
    assert_eq!(report.combinations, options);
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| format!("{}: {:?}", f.check, f.examples))
        .collect();
    assert!(report.passed(), "{failures:#?}");
    assert!(report.rule_hits.iter().all(|&h| h > 0));
    assert!(report.advice_hits.iter().all(|&h| h > 0));
    assert_eq!(report.rule_hits.iter().sum::<u64>(), report.combinations);
}

#[test]
fn agents_rule_first_breaks_principle_7_and_kills_preview_rules() {
    let mut g = builtin_value();
    let at = position(&g, "rules", "agent-runtime");
    let rules = g["rules"].as_array_mut().expect("rules");
    let agent = rules.remove(at);
    rules.insert(0, agent);
    let report = check(g);
    assert!(!report.passed());
    let p7 = failure(&report, "p7-preview-limits-keep-off-agents");
    // Sign-off/audit with at least one yes (3² − 2² = 5 ways) × at least one
    // of three blockers (3³ − 2³ = 19 ways) × every answer to the 6 questions
    // that do not matter (shape, tools and control are fixed).
    assert_eq!(p7.count, 5 * 19 * 3u64.pow(6));
    let guide = builtin();
    let (example, detail) = &p7.examples[0];
    let answers = guide.answers_json(example);
    assert!(answers.contains(r#""shape":"multi_step""#), "{answers}");
    assert_eq!(detail, "got managed-agents");
    let dead = failure(&report, "dead-rule");
    let names: Vec<&str> = dead.examples.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(
        names,
        [
            "rule \"preview-blocked-aws\" never applies",
            "rule \"preview-blocked-data\" never applies",
            "rule \"preview-blocked\" never applies"
        ]
    );
}

#[test]
fn a_sign_off_making_the_answer_lighter_is_caught() {
    let report = check(with_first_rule(json!({
        "id": "sign-offs-stay-home",
        "when": {"all": [{"q": "approval_resume", "is": true}, {"fact": "aws_mandate"}]},
        "path": "direct-api",
        "reason": "Because {because}."
    })));
    let mono = failure(&report, "p5-approvals-never-lighter");
    assert!(mono.count > 0);
    assert!(
        mono.examples[0]
            .1
            .contains("then answering approval_resume=true gives direct-api"),
        "{}",
        mono.examples[0].1
    );
    failure(&report, "p3-aws-governance-means-bedrock");
}

#[test]
fn a_citation_of_nothing_is_caught() {
    let report = check(with_first_rule(json!({
        "id": "only-negative",
        "when": {"not": {"q": "shape", "is": "multi_step"}},
        "path": "direct-api",
        "reason": "Because {because}."
    })));
    let empty = failure(&report, "empty-citation");
    assert!(
        empty.examples[0].1.contains("only-negative"),
        "{:?}",
        empty.examples
    );
}

#[test]
fn warnings_that_pull_two_ways_are_caught() {
    // Let "heaviest path" also fire beside "overbuild" for a single call.
    let mut g = builtin_value();
    let at = position(&g, "advice", "heaviest-path");
    g["advice"][at]["when"] =
        json!({"all": [{"not": {"path": "managed-agents"}}, {"near_path": "managed-agents"}]});
    let report = check(g);
    let clash = failure(&report, "p9-heaviest-not-with-overbuild");
    assert!(
        clash.examples[0].1.contains("heaviest-path") && clash.examples[0].1.contains("overbuild"),
        "{:?}",
        clash.examples[0]
    );
    failure(&report, "p9-heaviest-not-with-underbuild");
}

#[test]
fn an_untailored_checklist_is_caught() {
    // Sign-off gates listed for every workflow, asked for or not.
    let mut g = builtin_value();
    g["responsibilities"]["approvals"] =
        json!("Sign-off gates that pause the work and resume it later");
    let report = check(g);
    let p10 = failure(&report, "p10-no-sign-off-gates-when-none");
    assert!(
        p10.examples[0].1.contains("approvals"),
        "{:?}",
        p10.examples[0]
    );
}

#[test]
fn a_missing_warning_is_caught() {
    let mut g = builtin_value();
    let at = position(&g, "advice", "adopts-aws");
    g["advice"][at]["when"] =
        json!({"all": [{"path": "managed-agents"}, {"q": "customer_facing", "is": true}]});
    let report = check(g);
    let p11 = failure(&report, "p11-agents-without-aws-say-so");
    assert!(p11.count > 0);
}

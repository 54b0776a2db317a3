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
    guide.check(5).expect("provable")
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
    let report = guide.check(5).expect("provable");
    let options: u128 = guide
        .questions()
        .iter()
        .map(|q| q.options().len() as u128 + 1)
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
    assert_eq!(report.rule_hits.iter().sum::<u128>(), report.combinations);
}

#[test]
fn agents_rule_first_breaks_principle_7_and_kills_preview_rules() {
    let mut g = builtin_value();
    let at = position(&g, "rules", "agent-runtime");
    let rules = g["rules"].as_array_mut().expect("rules");
    let mut agent = rules.remove(at);
    agent["when"] = json!({"fact": "agent_runtime"});
    rules.insert(0, agent);
    let edited = parse_guide(&g.to_string()).expect("mutated guide still compiles");
    let report = check(g);
    assert!(!report.passed());
    let p7 = failure(&report, "p7-preview-limits-keep-off-agents");
    // Sign-off/audit with at least one yes (3² − 2² = 5 ways) × at least one
    // preview blocker (3⁵ × 7 − 2⁵ × 3 = 1605 ways over the Region, keys,
    // input, voice, residency and preview questions) × every answer to the
    // yes/no questions that do not matter: all but those 11 (shape, tools
    // and control are fixed).
    let others = builtin().questions().len() as u32 - 11;
    assert_eq!(p7.count, 5 * 1605 * 3u128.pow(others));
    let guide = builtin();
    let (example, detail) = &p7.examples[0];
    let answers = guide.answers_json(example);
    assert!(answers.contains(r#""shape":"multi_step""#), "{answers}");
    assert_eq!(detail, "got managed-agents");
    let dead = failure(&report, "dead-rule");
    let names: Vec<&str> = dead.examples.iter().map(|(_, d)| d.as_str()).collect();
    // Each is shadowed by the agent rule now first, shown where its own
    // condition holds.
    assert_eq!(
        names,
        [
            "rule \"preview-blocked-aws\" never applies: where its condition holds, as here, rule \"agent-runtime\" decides first",
            "rule \"preview-blocked-data\" never applies: where its condition holds, as here, rule \"agent-runtime\" decides first",
            "rule \"agents-off-aws\" never applies: where its condition holds, as here, rule \"agent-runtime\" decides first",
            "rule \"preview-blocked\" never applies: where its condition holds, as here, rule \"agent-runtime\" decides first"
        ]
    );
    for (profile, _) in &dead.examples {
        assert_eq!(edited.evaluate(profile).reasons[0].rule, "agent-runtime");
    }
}

#[test]
fn a_sign_off_making_the_answer_lighter_is_caught() {
    let report = check(with_first_rule(json!({
        "id": "sign-offs-stay-home",
        "when": {"all": [{"q": "approval_resume", "is": true}, {"fact": "aws_mandate"}]},
        "path": "direct-api",
        "reason": "Because {because}."
    })));
    let mono = failure(&report, "p5-approval-resume-never-lighter");
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

/// The symbolic proof against the enumerating oracle on a guide of real
/// size: the built-in guide as it was before v3 (14 questions, 4,782,969
/// combinations, kept as a fixture), every count, finding and example equal.
#[test]
fn the_proof_agrees_with_the_oracle_on_the_v2_guide() {
    let guide = parse_guide(include_str!("fixtures/openai-on-aws-v2.json")).expect("v2 compiles");
    let proof = guide.check(5).expect("provable");
    let oracle = guide.check_by_enumeration(5).expect("enumerable");
    assert_eq!(proof, oracle);
    assert_eq!(proof.combinations, 4_782_969);
    // And on a broken copy, where there is something to find.
    let mut g: Value =
        serde_json::from_str(include_str!("fixtures/openai-on-aws-v2.json")).expect("JSON");
    let at = position(&g, "rules", "agent-runtime");
    let agent = g["rules"].as_array_mut().expect("rules").remove(at);
    g["rules"].as_array_mut().expect("rules").insert(0, agent);
    let guide = parse_guide(&g.to_string()).expect("compiles");
    let proof = guide.check(5).expect("provable");
    assert!(!proof.passed());
    assert_eq!(proof, guide.check_by_enumeration(5).expect("enumerable"));
}

#[path = "common/large.rs"]
mod large;

/// Guides shaped like a team's own, big enough to be worth proving and
/// small enough to enumerate: the proof and the oracle agree exactly.
#[test]
fn the_proof_agrees_with_the_oracle_on_large_generated_guides() {
    for seed in 1..=4 {
        let guide = parse_guide(&large::large_guide(12, seed).to_string()).expect("compiles");
        let proof = guide.check(5).expect("provable");
        let oracle = guide.check_by_enumeration(5).expect("enumerable");
        assert_eq!(proof, oracle, "seed {seed}");
    }
}

/// No ceiling: a 30-question guide (3^30, about 2·10^14 combinations) is
/// proven, every combination counted once, and every example it names
/// breaks its promise when classified on its own.
#[test]
fn a_thirty_question_guide_is_proven() {
    let guide = parse_guide(&large::large_guide(30, 7).to_string()).expect("compiles");
    assert_eq!(guide.combinations(), 3u128.pow(30));
    let report = guide.check(3).expect("provable");
    assert_eq!(report.rule_hits.iter().sum::<u128>(), report.combinations);
    assert!(
        !report.failures.is_empty(),
        "the generated promises are not all kept"
    );
    for f in &report.failures {
        assert!(f.count > 0 && !f.examples.is_empty(), "{}", f.check);
        for (profile, detail) in &f.examples {
            assert!(
                !detail.is_empty(),
                "{}: {}",
                f.check,
                guide.answers_json(profile)
            );
        }
    }
}

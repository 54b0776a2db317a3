//! A malformed guide gets every problem reported, each at its JSON path.

use decision_guide_core::{parse_guide, BUILTIN_GUIDE_JSON};
use serde_json::{json, Value};

fn errors(guide: &Value) -> Vec<String> {
    match parse_guide(&guide.to_string()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn builtin() -> Value {
    serde_json::from_str(BUILTIN_GUIDE_JSON).expect("JSON")
}

#[test]
fn every_problem_in_meaning_is_reported_with_its_path() {
    let mut g = builtin();
    g["rules"][2]["path"] = json!("nowhere");
    g["questions"][0]["unanswered"]["assume"] = json!("maybe");
    g["advice"][1]["when"]["all"][0] = json!({"fact": "nope"});
    g["rules"][7]["when"] = json!({"q": "shape", "is": "single"});
    g["presets"][0]["answers"]["shape"] = json!("triple");
    g["presets"][1]["answers"]["colour"] = json!(true);
    g["invariants"][0]["when"] = json!({"q": "tools_actions", "is": "yes"});
    g["paths"][1]["you_still_own"][0] = json!("gardening");
    g["advice"][2]["kind"] = json!("hint");
    let got = errors(&g);
    let want = [
        "$.questions[0].unanswered.assume: \"maybe\" is not one of the question's options",
        "$.paths[1].you_still_own[0]: unknown responsibility \"gardening\"",
        "$.rules[2].path: unknown path \"nowhere\"; known paths: direct-api, bedrock-models, managed-agents",
        "$.rules[7].when: the last rule must be a catch-all",
        "$.advice[1].when.all[0].fact: unknown fact \"nope\"",
        "$.advice[2].kind: expected \"warning\" or \"watch_out\", got \"hint\"",
        "$.invariants[0].when.is: question \"tools_actions\" takes true, false or null, got \"yes\"",
        "$.presets[0].answers.shape: question \"shape\": unknown option \"triple\"",
        "$.presets[1].answers.colour: unknown question id \"colour\"",
    ];
    for w in want {
        assert!(
            got.iter().any(|e| e.starts_with(w)),
            "missing {w:?} in\n{got:#?}"
        );
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
}

#[test]
fn structural_problems_name_their_path() {
    let mut g = builtin();
    g["questions"][3]["prompt"] = json!(42);
    let got = errors(&g);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("$.questions[3].prompt: invalid type: integer `42`"),
        "{got:?}"
    );

    let mut g = builtin();
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
fn conditions_must_have_exactly_one_form_and_rules_cannot_test_the_path() {
    let mut g = builtin();
    g["rules"][3]["when"] = json!({"q": "shape", "is": "single", "fact": "aws_governance"});
    g["rules"][4]["when"] = json!({"path": "direct-api"});
    g["facts"]["loop"] = json!({"fact": "loop"});
    g["rules"][5]["when"] = json!({"fact": "loop"});
    let got = errors(&g);
    assert!(
        got.iter()
            .any(|e| e.starts_with("$.rules[3].when: a condition is exactly one of")),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("$.rules[4].when.path: only advice may test the decided path")),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|e| e.contains("fact \"loop\" refers to itself")),
        "{got:#?}"
    );
}

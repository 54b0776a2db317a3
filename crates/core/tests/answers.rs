//! Answers and permalinks from outside: validated into a profile, or an
//! error that names the key and value and quotes at most a bounded excerpt;
//! profiles and preset numbers checked against the guide they are used with.

use decision_guide_core::{builtin, parse_answers, parse_guide, Id, BUILTIN_GUIDE_JSON};
use serde_json::{json, Value};

#[test]
fn errors_quote_a_bounded_excerpt_of_huge_input() {
    let g = builtin();
    let key = "k".repeat(1_000_000);
    let err = parse_answers(g, &format!("{{\"{key}\": true}}")).expect_err("unknown key");
    let msg = err.to_string();
    assert!(msg.len() < 600, "{} bytes", msg.len());
    assert!(msg.contains("…\" (1000000 characters)"), "{msg}");
    let value = "v".repeat(1_000_000);
    let msg = parse_answers(g, &format!("{{\"shape\": \"{value}\"}}"))
        .expect_err("bad option")
        .to_string();
    assert!(
        msg.len() < 600 && msg.starts_with("question \"shape\": unknown option \"vvv"),
        "{msg}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let g = builtin();
    let p = parse_answers(g, "\u{feff}{\"shape\": \"multi_step\"}").expect("accepted");
    assert_eq!(p.answered_count(), 1);
}

#[test]
fn permalinks_round_trip_and_refuse_nonsense() {
    let g = builtin();
    let n = g.questions().len();
    for p in g.presets() {
        let link = g.permalink(p.profile());
        assert_eq!(link.len(), n);
        assert_eq!(g.from_permalink(&link).as_ref(), Ok(p.profile()));
    }
    assert_eq!(g.permalink(&g.empty_profile()), "-".repeat(n));
    let long = g
        .from_permalink(&"-".repeat(n + 1))
        .expect_err("a link with one answer too many");
    assert!(
        long.to_string()
            .contains("made for another version of the guide"),
        "{long}"
    );
    // A link made before the last questions were added (v2 had 14) opens
    // with them unanswered: questions are only ever added at the end.
    let old = g.from_permalink("1121----------").expect("a v2 link");
    assert_eq!(
        g.answers_json(&old),
        r#"{"shape":"single","app_owns_control":true,"tools_actions":false,"approval_resume":true}"#
    );
    let bad = g
        .from_permalink(&format!("3{}", "-".repeat(n - 1)))
        .expect_err("no third option");
    assert!(
        bad.to_string()
            .contains("not an answer to question \"shape\""),
        "{bad}"
    );
    let bad = g
        .from_permalink(&format!("é{}", "-".repeat(n - 1)))
        .expect_err("garbage");
    assert!(
        bad.to_string().contains("is not one this guide made"),
        "{bad}"
    );
}

#[test]
fn permalinks_encode_every_option_of_a_large_question() {
    // A team guide whose first question has 40 options: links take two
    // characters a question, and every option survives the round trip.
    let mut g: Value = serde_json::from_str(BUILTIN_GUIDE_JSON).expect("JSON");
    let options: Vec<Value> = (0..40)
        .map(|i| json!({"value": format!("v{i}"), "label": format!("V{i}"), "fact": format!("it is v{i}")}))
        .collect();
    g["questions"][0]["options"] = Value::from(options);
    g["questions"][0]["unanswered"]["assume"] = json!("v0");
    // A small guide around it: no rule names the options.
    let mut guide = json!({
        "id": "forty", "version": "1", "title": "Forty", "as_of": "2026-11-26",
        "source": {"title": "t", "date": "2026-11-26", "credit": "c"},
        "questions": [g["questions"][0].clone(), g["questions"][1].clone()],
        "paths": [g["paths"][0].clone()],
        "responsibilities": {"evaluation": "Evaluation"},
        "rules": [{"id": "all", "path": "direct-api", "reason": "Always."}]
    });
    guide["paths"][0]["you_still_own"] = json!(["evaluation"]);
    for q in 0..2 {
        guide["questions"][q]
            .as_object_mut()
            .expect("question")
            .remove("group");
    }
    let g = parse_guide(&guide.to_string()).expect("compiles");
    let q = g.find_question("shape").expect("question");
    for (o, _) in g.question(q).option_ids() {
        let p = g
            .with_answer(&g.empty_profile(), q, Some(o))
            .expect("valid");
        let link = g.permalink(&p);
        assert_eq!(link.len(), 4, "{link}");
        assert_eq!(g.from_permalink(&link), Ok(p), "{link}");
    }
}

/// What makes old links safe to read: the built-in guide keeps the
/// questions of v2 first, in their order (new ones are appended).
#[test]
fn questions_are_only_ever_appended() {
    let v2: Value =
        serde_json::from_str(include_str!("fixtures/openai-on-aws-v2.json")).expect("JSON");
    let before: Vec<&str> = v2["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["id"].as_str().expect("id"))
        .collect();
    let now: Vec<&str> = builtin().questions().iter().map(|q| q.id()).collect();
    assert_eq!(&now[..before.len()], &before[..]);
}

/// A profile is only valid for the guide that made it: another guide with
/// as many questions, but a third shape, makes profiles the built-in guide
/// does not accept, and will not change.
#[test]
fn profiles_of_another_guide_are_not_accepted() {
    let g = builtin();
    assert!(g.accepts(&g.empty_profile()));
    assert!(g.presets().iter().all(|p| g.accepts(p.profile())));
    let mut other: Value = serde_json::from_str(BUILTIN_GUIDE_JSON).expect("JSON");
    other["questions"][0]["options"]
        .as_array_mut()
        .expect("options")
        .push(json!({"value": "third", "label": "Third", "fact": "it is a third shape"}));
    let other = parse_guide(&other.to_string()).expect("compiles");
    let shape = other.find_question("shape").expect("shape");
    let (third, _) = other.question(shape).option_ids().last().expect("options");
    let foreign = other
        .with_answer(&other.empty_profile(), shape, Some(third))
        .expect("an answer of the other guide");
    assert_eq!(foreign.len(), g.questions().len());
    assert!(!g.accepts(&foreign));
    assert_eq!(g.with_answer(&foreign, shape, None), None);
    // The other way round, every profile of the built-in guide fits.
    assert!(g.presets().iter().all(|p| other.accepts(p.profile())));
}

/// A preset number from outside becomes a preset id only where the guide
/// has a preset; past the end it is refused with the range there is.
#[test]
fn preset_numbers_are_checked() {
    let g = builtin();
    for (id, preset) in g.preset_ids() {
        assert_eq!(g.preset_at(id.index()), Ok(id));
        assert_eq!(g.find_preset(preset.id()), Some(id));
        assert_eq!(g.preset(id), preset);
    }
    let n = g.presets().len();
    let err = g.preset_at(n).expect_err("one past the end");
    assert_eq!(
        err.to_string(),
        format!(
            "no preset number {n}: this guide has {n}, numbered 0 to {}",
            n - 1
        )
    );
    assert_eq!(g.find_preset("nope"), None);
}

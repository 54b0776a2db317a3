//! Permalinks: any text read as a permalink of the built-in guide, or of
//! a guide whose links take two characters a question, is read back to the
//! same link (a shorter one, made before questions were added, to itself
//! with the added questions unanswered) or refused briefly.

use decision_guide_core::{builtin, parse_guide, Guide};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Value};

use super::{property, result_holds, Tally, MAX_EXCERPT_BYTES, MINIMAL_GUIDE};

/// A guide whose links take two characters a question: its second question
/// has 40 options.
fn wide_guide() -> Guide {
    let mut g: Value = serde_json::from_str(MINIMAL_GUIDE).expect("JSON");
    let options: Vec<Value> = (0..40)
        .map(|i| json!({"value": format!("o{i}"), "label": format!("Option {i}"), "fact": format!("it is option {i}")}))
        .collect();
    g["questions"]
        .as_array_mut()
        .expect("questions")
        .push(json!({
            "id": "many",
            "type": "choice",
            "prompt": "Which of many?",
            "options": options,
            "unanswered": {"assume": "o0", "meaning": "Assumed the first."}
        }));
    parse_guide(&g.to_string()).expect("the wide guide is valid")
}

fn permalink_text(width: usize, questions: usize) -> impl Strategy<Value = String> {
    let alphabet = "[-0-9a-zA-Z]";
    prop_oneof![
        3 => prop::string::string_regex(&format!("{alphabet}{{{}}}", width * questions))
            .expect("regex"),
        2 => prop::string::string_regex(&format!("[-1-3]{{{}}}", width * questions))
            .expect("regex"),
        2 => prop::string::string_regex(&format!("[-1-3]{{1,{}}}", width * questions))
            .expect("regex"),
        1 => Just("-".repeat(width * questions)),
        2 => any::<String>(),
        1 => "\\PC{0,40}",
        1 => (any::<char>(), 1_000usize..200_000).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
}

fn permalink_holds(guide: &Guide, text: &str, tally: &Tally) -> Result<(), TestCaseError> {
    match guide.from_permalink(text) {
        Ok(profile) => {
            tally.ok();
            prop_assert_eq!(profile.len(), guide.questions().len());
            let link = guide.permalink(&profile);
            let mut padded = text.to_ascii_lowercase();
            while padded.len() < link.len() {
                padded.push('-');
            }
            prop_assert_eq!(&link, &padded);
            prop_assert_eq!(guide.from_permalink(&link).ok(), Some(profile.clone()));
            result_holds(guide, &profile)
        }
        Err(e) => {
            let m = e.to_string();
            tally.refused(m.len());
            prop_assert!(m.len() <= MAX_EXCERPT_BYTES + 200, "{} bytes: {m}", m.len());
            Ok(())
        }
    }
}

#[test]
fn permalinks_are_read_back_or_refused_briefly() {
    let guide = builtin();
    property(
        "permalinks_are_read_back_or_refused_briefly (built-in guide)",
        512,
        permalink_text(1, guide.questions().len()),
        |text, tally| permalink_holds(guide, &text, tally),
    );
    let wide = wide_guide();
    property(
        "permalinks_are_read_back_or_refused_briefly (two characters a question)",
        256,
        permalink_text(2, wide.questions().len()),
        |text, tally| permalink_holds(&wide, &text, tally),
    );
}

//! Parsing guide and answers text with serde_json (the `json` feature), for
//! native shells. The browser build leaves this out and deserializes values
//! that `JSON.parse` made.

use crate::answers::Profile;
use crate::guide::{Guide, GuideError};
use crate::raw::{RawAnswers, RawGuide};

/// Parses and compiles a guide file's text. A syntax or type error is
/// reported with its JSON path; a well-formed file gets every problem in
/// meaning reported at once.
pub fn parse_guide(text: &str) -> Result<Guide, Vec<GuideError>> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let raw: RawGuide = serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        vec![GuideError {
            at: if at == "." {
                "$".to_owned()
            } else {
                format!("$.{at}")
            },
            message: e.into_inner().to_string(),
        }]
    })?;
    Guide::from_raw(&raw)
}

/// Parses one answers object's text and validates it against `guide`.
/// The error is one line naming the key and value, or the JSON problem.
pub fn parse_answers(guide: &Guide, text: &str) -> Result<Profile, String> {
    let raw: RawAnswers = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => {
            let got = match text.trim_start().chars().next() {
                Some('[') => "an array",
                Some('"') => "a string",
                Some('t' | 'f') => "a bool",
                Some('n') => "null",
                _ => "a number",
            };
            format!("answers must be a JSON object of question ids to answers, got {got}")
        }
        _ => format!("malformed JSON: {e}"),
    })?;
    guide.profile(&raw).map_err(|e| e.to_string())
}

/// The built-in guide, compiled. It is proven sound by the test suite, so
/// failing here is a build defect, not a user error.
pub fn builtin() -> Guide {
    parse_guide(crate::BUILTIN_GUIDE_JSON)
        .expect("the built-in guide compiles (proven by its tests)")
}

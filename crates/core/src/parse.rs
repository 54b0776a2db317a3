//! Reading guide and answers text with serde_json (the `json` feature),
//! for native shells. The browser build leaves this out.

use crate::answers::{AnswerError, AnswerProblem};
use crate::compile::{member, GuideError};
use crate::model::Guide;
use crate::profile::Profile;
use crate::raw::{RawAnswers, RawGuide, RawValue};
use serde_path_to_error::Segment;

/// The built-in guide's JSON text, as shipped in the repository.
pub const BUILTIN_GUIDE_JSON: &str = include_str!("../guides/openai-on-aws.json");

/// Text without a leading UTF-8 byte-order mark, which some editors write
/// and which JSON parsers refuse.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses and compiles a guide file's text. A syntax or type error is
/// reported with its JSON path; a well-formed file gets every problem in
/// meaning reported at once.
pub fn parse_guide(text: &str) -> Result<Guide, Vec<GuideError>> {
    let text = without_bom(text);
    if text.trim().is_empty() {
        return Err(vec![GuideError {
            at: "$".to_owned(),
            message: "the guide is empty: a guide is a JSON object".to_owned(),
        }]);
    }
    // serde reads a struct from an array of its fields in order too: a
    // guide is an object, and a positional array is refused as one.
    if text.trim_start().starts_with('[') {
        return Err(vec![GuideError {
            at: "$".to_owned(),
            message: "a guide is a JSON object, got an array".to_owned(),
        }]);
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let raw: RawGuide = serde_path_to_error::deserialize(de).map_err(|e| {
        // Written like the compiler's paths (`$[0]`, `$.facts["a.b"]`),
        // not as `serde_path_to_error` shows them (`$.[0]`, `$.facts.a.b`).
        let mut at = "$".to_owned();
        for segment in e.path() {
            at = match segment {
                Segment::Seq { index } => format!("{at}[{index}]"),
                Segment::Map { key } => member(&at, key),
                Segment::Enum { variant } => member(&at, variant),
                Segment::Unknown => format!("{at}.?"),
            };
        }
        let e = e.into_inner();
        let message = match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                // Most often a server's error page came instead of the file.
                let hint = if text.trim_start().starts_with('<') {
                    " (it starts with `<`: an HTML page?)"
                } else {
                    ""
                };
                format!("not valid JSON{hint}: {e}")
            }
            _ => e.to_string(),
        };
        vec![GuideError { at, message }]
    })?;
    Guide::from_raw(&raw)
}

/// Why an answers text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersTextError {
    /// Not JSON, or not an object.
    Json(String),
    /// A bad key or value.
    Answer(AnswerError),
}

impl std::fmt::Display for AnswersTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswersTextError::Json(m) => f.write_str(m),
            AnswersTextError::Answer(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for AnswersTextError {}

/// The key under which a line of answers may carry its title, for the
/// decision record and the portfolio (`{"$title": "Invoice agent", …}`).
/// No question id may start with `$`, so it never collides with one.
pub const TITLE_KEY: &str = "$title";

/// Parses one answers object's text and validates it against `guide`.
pub fn parse_answers(guide: &Guide, text: &str) -> Result<Profile, AnswersTextError> {
    let raw = raw_answers_text(text)?;
    guide.profile(&raw).map_err(AnswersTextError::Answer)
}

/// Parses one answers object that may carry a title under [`TITLE_KEY`]:
/// the title (a non-empty text, given at most once) and the answers.
pub fn parse_titled_answers(
    guide: &Guide,
    text: &str,
) -> Result<(Option<String>, Profile), AnswersTextError> {
    let mut raw = raw_answers_text(text)?;
    let mut title = None;
    let mut problem = None;
    raw.0.retain(|(key, value)| {
        if key != TITLE_KEY {
            return true;
        }
        let error = |problem| AnswerError {
            key: key.clone(),
            value: value.to_string(),
            problem,
        };
        let found = match value {
            _ if title.is_some() => Some(error(AnswerProblem::Duplicate)),
            RawValue::Str(t) if !t.trim().is_empty() => {
                title = Some(t.clone());
                None
            }
            _ => Some(error(AnswerProblem::WrongType(
                "a non-empty text, the record's title".to_owned(),
            ))),
        };
        if problem.is_none() {
            problem = found;
        }
        false
    });
    if let Some(e) = problem {
        return Err(AnswersTextError::Answer(e));
    }
    let profile = guide.profile(&raw).map_err(AnswersTextError::Answer)?;
    Ok((title, profile))
}

/// An answers object's text, read but not yet validated.
fn raw_answers_text(text: &str) -> Result<RawAnswers, AnswersTextError> {
    let text = without_bom(text);
    serde_json::from_str::<RawAnswers>(text).map_err(|e| {
        AnswersTextError::Json(match e.classify() {
            serde_json::error::Category::Data => {
                let got = match text.trim_start().chars().next() {
                    Some('[') => "an array",
                    Some('"') => "a string",
                    Some('t' | 'f') => "a bool",
                    Some('n') => "null",
                    _ => "a number",
                };
                crate::text::ANSWERS_NOT_OBJECT
                    .replace("{what}", "answers")
                    .replace("{got}", got)
            }
            _ => format!("malformed JSON: {e}"),
        })
    })
}

//! Answers from outside (JSON, a form, a URL) validated once, at the edge,
//! into a [`Profile`]; or an [`AnswerError`] that names the offending key
//! and value.

use std::fmt;

use crate::ids::{OptionId, QuestionId};
use crate::json::excerpt;
use crate::model::{AnswerValue, Guide, Question, QuestionKind};
use crate::profile::Profile;
use crate::raw::{RawAnswers, RawValue};

/// Why an answers object was refused. Names the key and, where there is
/// one, the value that was wrong; messages quote both as bounded excerpts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    /// The offending key, as given.
    pub key: String,
    /// The value given, as bounded JSON-like text.
    pub value: String,
    /// What was wrong with it.
    pub problem: AnswerProblem,
}

/// The kinds of bad answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    /// The key is not a question of this guide; carries the known ids.
    UnknownQuestion(Vec<String>),
    /// The value has the wrong JSON type; carries what was expected.
    WrongType(String),
    /// A string that is not one of the question's options; carries the allowed ones.
    UnknownOption(String),
    /// The same question appears twice in one object.
    Duplicate,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, value) = (excerpt(&self.key), &self.value);
        match &self.problem {
            AnswerProblem::UnknownQuestion(known) => write!(
                f,
                "unknown question id {key} (value {value}); known ids: {}",
                known_list(known)
            ),
            AnswerProblem::WrongType(expected) => {
                write!(f, "question {key}: expected {expected}, got {value}")
            }
            AnswerProblem::UnknownOption(expected) => {
                write!(
                    f,
                    "question {key}: unknown option {value}; expected {expected}"
                )
            }
            AnswerProblem::Duplicate => {
                write!(f, "question {key} is answered twice (second value {value})")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

impl Question {
    /// The option a JSON value stands for: `Ok(None)` for `null` (not
    /// answered), the option for a value of the right type, or what is wrong.
    /// The one place that maps answer values to options.
    pub fn option_for(&self, value: &RawValue) -> Result<Option<OptionId>, AnswerProblem> {
        let found = match (self.kind, value) {
            (_, RawValue::Null) => return Ok(None),
            (QuestionKind::Bool, RawValue::Bool(b)) => self
                .option_ids()
                .find(|(_, o)| o.value == AnswerValue::Bool(*b)),
            (QuestionKind::Choice, RawValue::Str(s)) => self
                .option_ids()
                .find(|(_, o)| matches!(&o.value, AnswerValue::Choice(c) if c == s)),
            _ => return Err(AnswerProblem::WrongType(self.expected_text())),
        };
        match found {
            Some((o, _)) => Ok(Some(o)),
            None => Err(AnswerProblem::UnknownOption(self.expected_text())),
        }
    }

    /// The accepted values in words, for error messages.
    pub(crate) fn expected_text(&self) -> String {
        let values = self.options.iter().map(|o| match &o.value {
            AnswerValue::Bool(b) => b.to_string(),
            AnswerValue::Choice(c) => excerpt(c),
        });
        format!("{} or null", known_list(values))
    }
}

/// The most characters of a list of ids that a message names.
const LIST_CHARS: usize = 240;

/// Ids or values for a message that says what is known ("a, b, c"): a long
/// one as a bounded excerpt, and the list cut after [`LIST_CHARS`]
/// characters. A guide's problems repeat such a list for every bad
/// reference, so it must not grow with the guide's ids.
pub(crate) fn known_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<S> = items.into_iter().collect();
    let mut out = String::new();
    let mut chars = 0;
    for (i, item) in items.iter().enumerate() {
        let item = item.as_ref();
        // Not `excerpt`, which counts every character of a long id.
        let mut head = item.chars();
        let shown: String = head.by_ref().take(crate::json::EXCERPT_CHARS).collect();
        let shown = if head.next().is_none() {
            shown
        } else {
            let mut cut = crate::json::quote(&shown);
            cut.insert(cut.len() - 1, '…');
            cut
        };
        chars += shown.chars().count() + 2;
        if i > 0 && chars > LIST_CHARS {
            out.push_str(&format!(", … ({} in all)", items.len()));
            break;
        }
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&shown);
    }
    out
}

impl Guide {
    /// Validates raw answers into a profile, refusing at the first bad key.
    pub fn profile(&self, raw: &RawAnswers) -> Result<Profile, AnswerError> {
        let mut first = None;
        let profile = validate(&self.questions, raw, |e| {
            first = Some(e);
            false
        });
        first.map_or(Ok(profile), Err)
    }
}

/// The one validation loop, over a guide's questions: reports each problem
/// to `report`, which says whether to go on, and returns the valid part.
/// The compiler runs it on presets before a `Guide` exists.
pub(crate) fn validate(
    questions: &[Question],
    raw: &RawAnswers,
    mut report: impl FnMut(AnswerError) -> bool,
) -> Profile {
    let mut profile = Profile::unanswered(questions.len());
    let mut seen = vec![false; questions.len()];
    for (key, value) in &raw.0 {
        let error = |problem| AnswerError {
            key: key.clone(),
            value: value.to_string(),
            problem,
        };
        let result = match questions.iter().position(|q| q.id == *key) {
            None => Err(error(AnswerProblem::UnknownQuestion(
                questions.iter().map(|q| q.id.to_string()).collect(),
            ))),
            Some(q) if std::mem::replace(&mut seen[q], true) => {
                Err(error(AnswerProblem::Duplicate))
            }
            Some(q) => questions[q]
                .option_for(value)
                .map(|o| profile.set(QuestionId::at(q), o))
                .map_err(error),
        };
        if let Err(e) = result {
            if !report(e) {
                break;
            }
        }
    }
    profile
}

impl Guide {
    /// The answered questions of a profile as one JSON object, in question
    /// order; unanswered questions are left out.
    pub fn answers_json(&self, profile: &Profile) -> String {
        let mut out = String::new();
        let mut obj = crate::json::Object::new(&mut out);
        for (q, o) in profile.answers() {
            obj.raw(self.question(q).id(), &self.option(q, o).value.to_json());
        }
        obj.end();
        out
    }
}

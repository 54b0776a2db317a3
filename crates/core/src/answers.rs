//! Answers: validated once at the edge into a [`Profile`], or an [`AnswerError`]
//! that names the offending key and value.

use std::fmt;

use crate::guide::{AnswerValue, Guide, Question, QuestionKind};
use crate::raw::{RawAnswers, RawValue};

/// The most questions a guide may have: answers sets are `u64` bit masks.
pub const MAX_QUESTIONS: usize = 64;

/// A complete, valid set of answers for one guide: one slot per question,
/// `0` for "not answered", `k` for the question's option `k - 1`.
///
/// Only [`Guide::profile`] (and the enumerator of the soundness check) make
/// these, so the evaluator never sees an invalid value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Profile(pub(crate) Vec<u8>);

impl Profile {
    /// The raw slot of question `q`: `0` unanswered, else option index + 1.
    pub fn slot(&self, q: usize) -> u8 {
        self.0[q]
    }

    /// Whether question `q` has been answered.
    pub fn is_answered(&self, q: usize) -> bool {
        self.0[q] != 0
    }

    /// Number of questions answered.
    pub fn answered_count(&self) -> usize {
        self.0.iter().filter(|&&v| v != 0).count()
    }

    /// Sets the raw slot of question `q`. Crate-private: only validated
    /// slots may be written.
    pub(crate) fn set(&mut self, q: usize, slot: u8) {
        self.0[q] = slot;
    }

    /// The answered questions as `(question index, option index)` pairs.
    pub fn answered(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, &v)| v != 0)
            .map(|(q, &v)| (q, usize::from(v - 1)))
    }
}

/// Why an answers object was refused. Names the key and, where there is one,
/// the value that was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    /// The offending key, exactly as written.
    pub key: String,
    /// The value given, rendered as JSON-ish text.
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
        match &self.problem {
            AnswerProblem::UnknownQuestion(known) => write!(
                f,
                "unknown question id {:?} (value {}); known ids: {}",
                self.key,
                self.value,
                known.join(", ")
            ),
            AnswerProblem::WrongType(expected) => write!(
                f,
                "question {:?}: expected {expected}, got {}",
                self.key, self.value
            ),
            AnswerProblem::UnknownOption(expected) => write!(
                f,
                "question {:?}: unknown option {}; expected {expected}",
                self.key, self.value
            ),
            AnswerProblem::Duplicate => write!(
                f,
                "question {:?} is answered twice (second value {})",
                self.key, self.value
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

impl Guide {
    /// A profile with every question unanswered.
    pub fn empty_profile(&self) -> Profile {
        Profile(vec![0; self.questions.len()])
    }

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
/// The guide compiler runs it on presets before a `Guide` exists.
pub(crate) fn validate(
    questions: &[Question],
    raw: &RawAnswers,
    mut report: impl FnMut(AnswerError) -> bool,
) -> Profile {
    let mut profile = Profile(vec![0; questions.len()]);
    let mut seen = vec![false; questions.len()];
    for (key, value) in &raw.0 {
        let error = |problem| AnswerError {
            key: key.clone(),
            value: value.to_string(),
            problem,
        };
        let result = match questions.iter().position(|q| q.id == *key) {
            None => Err(error(AnswerProblem::UnknownQuestion(
                questions.iter().map(|q| q.id.clone()).collect(),
            ))),
            Some(q) if std::mem::replace(&mut seen[q], true) => {
                Err(error(AnswerProblem::Duplicate))
            }
            Some(q) => slot_of(&questions[q], value)
                .map(|slot| profile.set(q, slot))
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

/// The slot for `value` as an answer to `question` (`0` for `null`).
fn slot_of(question: &Question, value: &RawValue) -> Result<u8, AnswerProblem> {
    match (question.kind, value) {
        (_, RawValue::Null) => Ok(0),
        (QuestionKind::Bool, RawValue::Bool(b)) => Ok(if *b { 1 } else { 2 }),
        (QuestionKind::Bool, _) => Err(AnswerProblem::WrongType("true, false or null".to_owned())),
        (QuestionKind::Choice, RawValue::Str(s)) => question
            .options
            .iter()
            .position(|o| matches!(&o.value, AnswerValue::Choice(v) if v == s))
            .map(|i| (i + 1) as u8)
            .ok_or_else(|| AnswerProblem::UnknownOption(question.expected_text())),
        (QuestionKind::Choice, _) => Err(AnswerProblem::WrongType(question.expected_text())),
    }
}

impl Guide {
    /// A copy of `profile` with question `q` set to `slot` (0 clears it),
    /// or `None` when `q` or `slot` does not exist in this guide.
    pub fn with_answer(&self, profile: &Profile, q: usize, slot: u8) -> Option<Profile> {
        let question = self.questions.get(q)?;
        if usize::from(slot) > question.options.len() {
            return None;
        }
        let mut next = profile.clone();
        next.set(q, slot);
        Some(next)
    }

    /// The profile as a short URL fragment value: one character a question,
    /// `-` for unanswered and `1`…`9`, `a`…`z` for the option's slot. The
    /// built-in guide's 13 answers fit in 13 characters.
    pub fn fragment(&self, profile: &Profile) -> String {
        profile
            .0
            .iter()
            .map(|&v| match v {
                0 => '-',
                v => char::from_digit(u32::from(v), 36).unwrap_or('-'),
            })
            .collect()
    }

    /// Reads a fragment written by [`Guide::fragment`]. Refuses one of the
    /// wrong length or with a slot the question does not have, naming it.
    pub fn from_fragment(&self, text: &str) -> Result<Profile, String> {
        let chars: Vec<char> = text.chars().collect();
        if chars.len() != self.questions.len() {
            return Err(format!(
                "permalink {text:?} has {} answers; this guide has {} questions",
                chars.len(),
                self.questions.len()
            ));
        }
        let mut profile = self.empty_profile();
        for (q, &c) in chars.iter().enumerate() {
            let slot = match c {
                '-' => 0,
                c => c.to_digit(36).unwrap_or(u32::MAX),
            };
            if slot as usize > self.questions[q].options.len() {
                return Err(format!(
                    "permalink {text:?}: {c:?} is not an answer to question {:?}",
                    self.questions[q].id
                ));
            }
            profile.set(q, slot as u8);
        }
        Ok(profile)
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use crate::builtin;

    #[test]
    fn fragments_round_trip_and_refuse_nonsense() {
        let g = builtin();
        for p in &g.presets {
            let f = g.fragment(&p.profile);
            assert_eq!(f.len(), 13);
            assert_eq!(g.from_fragment(&f).as_ref(), Ok(&p.profile));
        }
        assert_eq!(g.fragment(&g.empty_profile()), "-------------");
        assert!(g
            .from_fragment("12")
            .expect_err("too short")
            .contains("has 2 answers"));
        assert!(g
            .from_fragment("3------------")
            .expect_err("no third option")
            .contains("question \"shape\""));
        assert!(g.with_answer(&g.empty_profile(), 0, 3).is_none());
        assert!(g.with_answer(&g.empty_profile(), 99, 1).is_none());
    }
}

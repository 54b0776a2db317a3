//! A profile: one workflow's answers, valid for one guide. Each question is
//! either answered with one of its options or not answered yet.

use std::borrow::Cow;

use crate::ids::{Id, OptionId, QuestionId};

/// A valid set of answers for one guide.
///
/// Only the guide makes these (from raw answers, a permalink, a preset, or
/// by changing one answer of another profile), so every answer is one of its
/// question's options and the evaluator never sees an invalid value. The
/// type does not say which guide made it: a profile is only valid for that
/// guide, and [`crate::Guide::accepts`] tells whether another guide could
/// use it (the widget checks profiles that arrive from outside with it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Profile {
    /// One code a question: 0 not answered, `k` its option `k - 1`. The
    /// encoding stays inside this type; everything else sees `Option<OptionId>`.
    codes: Cow<'static, [u8]>,
}

impl Profile {
    /// A profile of `n` unanswered questions.
    pub(crate) fn unanswered(n: usize) -> Self {
        Profile {
            codes: Cow::Owned(vec![0; n]),
        }
    }

    /// A profile from codes written by the code generator: the built-in
    /// guide's presets (`builtin.rs` is a module of this crate).
    #[cfg(feature = "builtin")]
    pub(crate) const fn from_codes(codes: &'static [u8]) -> Self {
        Profile {
            codes: Cow::Borrowed(codes),
        }
    }

    /// The answer to question `q`, if it has one.
    pub fn answer(&self, q: QuestionId) -> Option<OptionId> {
        match self.codes.get(q.index()).copied().unwrap_or(0) {
            0 => None,
            code => Some(OptionId(code - 1)),
        }
    }

    /// Whether question `q` has been answered.
    pub fn is_answered(&self, q: QuestionId) -> bool {
        self.answer(q).is_some()
    }

    /// How many questions the profile covers (answered or not).
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the profile covers no question at all.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// How many questions are answered.
    pub fn answered_count(&self) -> usize {
        self.codes.iter().filter(|&&c| c != 0).count()
    }

    /// The answered questions with their answers, in question order.
    pub fn answers(&self) -> impl Iterator<Item = (QuestionId, OptionId)> + '_ {
        self.codes
            .iter()
            .enumerate()
            .filter(|(_, &c)| c != 0)
            .map(|(q, &c)| (QuestionId::at(q), OptionId(c - 1)))
    }

    /// Sets (or clears) one answer. Crate-private: callers check that the
    /// option belongs to the question.
    pub(crate) fn set(&mut self, q: QuestionId, answer: Option<OptionId>) {
        if let Some(code) = self.codes.to_mut().get_mut(q.index()) {
            *code = answer.map_or(0, |o| o.0 + 1);
        }
    }

    /// The raw codes, for the code generator.
    #[cfg(feature = "json")]
    pub(crate) fn codes(&self) -> &[u8] {
        &self.codes
    }
}

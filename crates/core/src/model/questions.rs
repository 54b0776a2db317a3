//! The questions a guide asks and the answers it takes: groups, questions,
//! their options and the values answers are written in, and presets (named
//! sets of answers).

use crate::ids::{GroupId, OptionId};
use crate::model::{List, Text};
use crate::profile::Profile;

/// A heading under which questions are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub(crate) id: Text,
    pub(crate) title: Text,
    /// Questions that refine the answer rather than set it: a widget may
    /// fold them away until the reader asks for them.
    pub(crate) refine: bool,
}

/// Whether a question is yes/no or a choice among named options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Answered `true` or `false` (its options, in that order).
    Bool,
    /// Answered with one of its options' string values.
    Choice,
}

/// An answer as it is written in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// A bool question's answer.
    Bool(bool),
    /// A choice question's answer.
    Choice(Text),
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub(crate) id: Text,
    pub(crate) group: Option<GroupId>,
    pub(crate) kind: QuestionKind,
    pub(crate) prompt: Text,
    pub(crate) help: Text,
    pub(crate) options: List<AnswerOption>,
    pub(crate) assume: OptionId,
    pub(crate) unanswered: Text,
}

/// One option (answer) of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    pub(crate) value: AnswerValue,
    pub(crate) label: Text,
    pub(crate) fact: Text,
}

/// A named example workflow with its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub(crate) id: Text,
    pub(crate) title: Text,
    pub(crate) profile: Profile,
}

text_getters!(Group {
    /// Stable id.
    id,
    /// The heading.
    title,
});

impl Group {
    /// Whether its questions refine the answer (shown folded).
    pub fn refine(&self) -> bool {
        self.refine
    }
}
text_getters!(Question {
    /// Stable id (the key in answers JSON).
    id,
    /// The question as asked.
    prompt,
    /// A short explanation with an example.
    help,
    /// What "not answered" means, in words.
    unanswered,
});

impl Question {
    /// The group it is shown under, if any.
    pub fn group(&self) -> Option<GroupId> {
        self.group
    }
    /// Bool or choice.
    pub fn kind(&self) -> QuestionKind {
        self.kind
    }
    /// Its options, in order.
    pub fn options(&self) -> &[AnswerOption] {
        &self.options
    }
    /// Its options with their ids.
    pub fn option_ids(&self) -> impl Iterator<Item = (OptionId, &AnswerOption)> {
        self.options
            .iter()
            .enumerate()
            .map(|(i, o)| (OptionId::at(i), o))
    }
}

text_getters!(AnswerOption {
    /// The label shown on the button.
    label,
    /// The answer as a clause, cited in reasons ("it must call tools").
    fact,
});

impl AnswerOption {
    /// The value as written in answers JSON.
    pub fn value(&self) -> &AnswerValue {
        &self.value
    }
}

text_getters!(Preset {
    /// Stable id, used by `classify --preset`.
    id,
    /// One line saying what the workflow is.
    title,
});

impl Preset {
    /// Its answers.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
}

impl AnswerValue {
    /// The value as JSON text (`true`, `"multi_step"`).
    pub fn to_json(&self) -> String {
        match self {
            AnswerValue::Bool(b) => b.to_string(),
            AnswerValue::Choice(s) => crate::json::quote(s),
        }
    }
}

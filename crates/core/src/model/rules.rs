//! The logic of a guide: compiled conditions and named facts, text
//! templates that cite answers, decision rules, advice, and the invariants
//! the check proves.

use crate::ids::{AdviceId, CondId, FactId, OptionId, PathId, QuestionId, RespId, Set};
use crate::model::{List, Text};

/// A named condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub(crate) name: Text,
    pub(crate) cond: CondId,
}

/// A compiled condition. Conditions live in one table per guide and refer
/// to their parts by [`CondId`], so that a fact used in many places is
/// compiled once and a text can cite it by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// Always holds (the catch-all rule, an unconditional responsibility).
    Always,
    /// The question's effective answer (the assumed one while unanswered) is this option.
    Is(QuestionId, OptionId),
    /// The question has not been answered.
    Unanswered(QuestionId),
    /// The decided path is this one (advice and invariants).
    Path(PathId),
    /// One single-answer change would move the decision to this path (advice and invariants).
    NearPath(PathId),
    /// Answering one question that is still open would move the decision
    /// to this path (advice and invariants).
    OpenNearPath(PathId),
    /// This advice entry applies (invariants only).
    Advice(AdviceId),
    /// This responsibility is on the "you still own" list, as a to-do or
    /// in place (invariants only).
    Owns(RespId),
    /// This responsibility is on the list and already in place (invariants only).
    InPlace(RespId),
    /// The named fact holds (its condition is evaluated once per set of answers).
    Fact(FactId),
    /// Every condition in `children[start..start + len]` holds.
    All(Span),
    /// At least one condition in `children[start..start + len]` holds.
    Any(Span),
    /// The condition does not hold.
    Not(CondId),
}

/// A run of entries in [`Guide`]'s table of condition children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub(crate) start: u16,
    pub(crate) len: u16,
}

/// A text with citations: the parts that name the answers which made a
/// condition hold (`{because}` and `{because:FACT}` in the guide file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub(crate) parts: List<Part>,
}

/// One part of a [`Template`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Text(Text),
    /// The answers that make this condition hold, in words.
    Cite(CondId),
}

/// A decision rule: where `when` holds (and no earlier rule did), the path is `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub(crate) id: Text,
    pub(crate) when: CondId,
    pub(crate) path: PathId,
    pub(crate) reason: Template,
}

/// Whether advice is a warning or a watch-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceKind {
    /// Reported in `warnings`, with a stable id.
    Warning,
    /// Reported in `watch_outs`.
    WatchOut,
}

/// Advice collected beside the decision: every entry whose condition holds applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub(crate) id: Text,
    pub(crate) warning: Text,
    pub(crate) kind: AdviceKind,
    /// A conflict between answers, or between a need and what a path can
    /// do: while one stands, nothing says that no answer would change it.
    pub(crate) conflict: bool,
    /// A conflict that leaves no path meeting every hard need: the result
    /// is blocked (and names its path only as the closest).
    pub(crate) blocks: bool,
    pub(crate) when: CondId,
    pub(crate) text: Template,
    pub(crate) adds: List<RespId>,
}

/// A promise the exhaustive check proves over every combination of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invariant {
    pub(crate) id: Text,
    pub(crate) text: Text,
    pub(crate) check: InvariantCheck,
}

/// The forms a promise can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvariantCheck {
    /// Wherever `when` (answers only) holds, the path is one of `allowed`.
    PathIn {
        /// Where it applies.
        when: CondId,
        /// The paths allowed there.
        allowed: Set<PathId>,
    },
    /// Wherever `when` holds, `then` holds too; both may test the path,
    /// the nearby paths, the advice that applies and what is owned.
    Implies {
        /// Where it applies.
        when: CondId,
        /// What must hold there.
        then: CondId,
    },
    /// Changing any answer to `answer` never moves the path in `direction`.
    Monotone {
        /// The question.
        question: QuestionId,
        /// The answer given.
        answer: OptionId,
        /// The direction it must never move.
        never: Direction,
    },
}

/// A direction along the paths, which run lightest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Toward the start of the list of paths.
    Lighter,
    /// Toward its end.
    Heavier,
}

text_getters!(Fact {
    /// The fact's name.
    name,
});
text_getters!(Rule {
    /// Stable id, reported in `reasons[].rule`.
    id,
});

impl Rule {
    /// The path it decides.
    pub fn path(&self) -> PathId {
        self.path
    }
}

text_getters!(Advice {
    /// Stable id of the entry.
    id,
    /// The warning id it is reported under (its own id unless it shares one).
    warning,
});

impl Advice {
    /// Warning or watch-out.
    pub fn kind(&self) -> AdviceKind {
        self.kind
    }
    /// Whether it names a conflict.
    pub fn conflict(&self) -> bool {
        self.conflict || self.blocks
    }
    /// Whether it blocks the result.
    pub fn blocks(&self) -> bool {
        self.blocks
    }
}

text_getters!(Invariant {
    /// Stable id.
    id,
    /// The promise in words.
    text,
});

impl Invariant {
    /// What is checked.
    pub fn check(&self) -> InvariantCheck {
        self.check
    }
}

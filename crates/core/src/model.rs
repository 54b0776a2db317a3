//! The guide as the evaluator sees it: questions, paths, rules, advice,
//! responsibilities and invariants, every reference resolved to a typed id.
//!
//! Fields are private to the crate. A [`Guide`] is made only by the compiler
//! ([`Guide::from_raw`]) or, for the built-in guide, by generated code that
//! the same compiler wrote; either way it has passed every check, and it
//! cannot be changed afterwards into one that would make the evaluator
//! fail. Texts and lists are `Cow`s so that the built-in guide is a
//! `static` that borrows everything and costs no start-up work.

use std::borrow::Cow;

use crate::ids::{
    AdviceId, CondId, FactId, GroupId, Id, OptionId, PathId, QuestionId, RespId, RuleId, Set,
};
use crate::profile::Profile;

/// Text owned by a guide: borrowed for the built-in guide, owned when compiled at run time.
pub type Text = Cow<'static, str>;
/// A list owned by a guide, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// The most questions a guide may have (answer sets are 64-bit sets).
pub const MAX_QUESTIONS: usize = 64;
/// The most options one question may have.
pub const MAX_OPTIONS: usize = 250;
/// The most paths a guide may have.
pub const MAX_PATHS: usize = 8;
/// The most invariants a guide may declare.
pub const MAX_INVARIANTS: usize = 120;
/// The most advice entries, responsibilities and facts a guide may have
/// (each forms 64-bit sets).
pub const MAX_ADVICE: usize = 64;

/// A guide, validated and compiled for evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub(crate) id: Text,
    pub(crate) version: Text,
    pub(crate) title: Text,
    pub(crate) intro: Text,
    pub(crate) as_of: Text,
    pub(crate) source: Source,
    pub(crate) notes: List<Note>,
    pub(crate) groups: List<Group>,
    pub(crate) questions: List<Question>,
    pub(crate) paths: List<PathDef>,
    pub(crate) layers_caption: Text,
    pub(crate) responsibilities: List<Responsibility>,
    pub(crate) facts: List<Fact>,
    pub(crate) conds: List<Cond>,
    pub(crate) children: List<CondId>,
    pub(crate) rules: List<Rule>,
    pub(crate) advice: List<Advice>,
    pub(crate) invariants: List<Invariant>,
    pub(crate) presets: List<Preset>,
}

/// The credited source of a guide's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub(crate) title: Text,
    pub(crate) author: Text,
    pub(crate) date: Text,
    pub(crate) credit: Text,
}

/// A dated, checkable note from a vendor's documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub(crate) id: Text,
    pub(crate) as_read: Text,
    pub(crate) source: Text,
    pub(crate) text: Text,
}

/// A heading under which questions are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub(crate) id: Text,
    pub(crate) title: Text,
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

/// A recommended path and its row of the comparison table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathDef {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) summary: Text,
    pub(crate) use_when: Text,
    pub(crate) watch_out_for: Text,
    pub(crate) rule_of_thumb: Text,
    pub(crate) layer: Text,
    pub(crate) you_still_own: List<RespId>,
}

/// An item of the "you still own" catalogue, listed only where its
/// condition holds for the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsibility {
    pub(crate) id: Text,
    pub(crate) text: Text,
    pub(crate) when: CondId,
}

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
    /// This responsibility is on the "you still own" list (invariants only).
    Owns(RespId),
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

/// A named example workflow with its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub(crate) id: Text,
    pub(crate) title: Text,
    pub(crate) profile: Profile,
}

macro_rules! text_getters {
    ($ty:ty { $($(#[$doc:meta])* $field:ident),* $(,)? }) => {
        impl $ty {
            $($(#[$doc])* pub fn $field(&self) -> &str { &self.$field })*
        }
    };
}

text_getters!(Guide {
    /// Stable id, e.g. `openai-on-aws`.
    id,
    /// The guide's own version.
    version,
    /// Title shown above the questions.
    title,
    /// One or two sentences under the title.
    intro,
    /// The date of the source the guide follows (`YYYY-MM-DD`).
    as_of,
    /// Caption of the layers picture.
    layers_caption,
});

impl Guide {
    /// The credited source.
    pub fn source(&self) -> &Source {
        &self.source
    }
    /// Dated vendor notes that refine the source.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }
    /// The newest date a vendor note was read (`YYYY-MM`), if there are notes.
    pub fn notes_read(&self) -> Option<&str> {
        self.notes.iter().map(|n| n.as_read()).max()
    }
    /// Question groups, in display order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }
    /// A group by id.
    pub fn group(&self, g: GroupId) -> &Group {
        &self.groups[g.index()]
    }
    /// Questions, in display order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
    /// The questions with their ids.
    pub fn question_ids(&self) -> impl Iterator<Item = (QuestionId, &Question)> {
        self.questions
            .iter()
            .enumerate()
            .map(|(i, q)| (QuestionId::at(i), q))
    }
    /// A question by id.
    pub fn question(&self, q: QuestionId) -> &Question {
        &self.questions[q.index()]
    }
    /// The question with this id text.
    pub fn find_question(&self, id: &str) -> Option<QuestionId> {
        self.questions
            .iter()
            .position(|q| q.id == id)
            .map(QuestionId::at)
    }
    /// Paths, lightest first.
    pub fn paths(&self) -> &[PathDef] {
        &self.paths
    }
    /// The paths with their ids.
    pub fn path_ids(&self) -> impl Iterator<Item = (PathId, &PathDef)> {
        self.paths
            .iter()
            .enumerate()
            .map(|(i, p)| (PathId::at(i), p))
    }
    /// A path by id.
    pub fn path(&self, p: PathId) -> &PathDef {
        &self.paths[p.index()]
    }
    /// A rule by id.
    pub fn rule(&self, r: RuleId) -> &Rule {
        &self.rules[r.index()]
    }
    /// Decision rules, in order (first match wins; the last is a catch-all).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
    /// Advice entries, in order.
    pub fn advice(&self) -> &[Advice] {
        &self.advice
    }
    /// An advice entry by id.
    pub fn advice_entry(&self, a: AdviceId) -> &Advice {
        &self.advice[a.index()]
    }
    /// The catalogue of responsibilities.
    pub fn responsibilities(&self) -> &[Responsibility] {
        &self.responsibilities
    }
    /// The named facts.
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }
    /// A fact by id.
    pub fn fact(&self, f: FactId) -> &Fact {
        &self.facts[f.index()]
    }
    /// Declared invariants.
    pub fn invariants(&self) -> &[Invariant] {
        &self.invariants
    }
    /// Named examples.
    pub fn presets(&self) -> &[Preset] {
        &self.presets
    }
    /// The preset with this id.
    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }
    /// The option of question `q` that is `o`.
    pub fn option(&self, q: QuestionId, o: OptionId) -> &AnswerOption {
        &self.question(q).options[o.index()]
    }
    /// The answer the rules use for question `q`: the given one, or the
    /// question's assumed one while it is not answered.
    pub fn effective(&self, profile: &Profile, q: QuestionId) -> OptionId {
        profile.answer(q).unwrap_or(self.question(q).assume)
    }
    /// A profile with every question unanswered.
    pub fn empty_profile(&self) -> Profile {
        Profile::unanswered(self.questions.len())
    }
    /// A copy of `profile` with question `q` answered `answer` (`None`
    /// clears it), or `None` when `q` or the option does not exist here.
    pub fn with_answer(
        &self,
        profile: &Profile,
        q: QuestionId,
        answer: Option<OptionId>,
    ) -> Option<Profile> {
        let question = self.questions.get(q.index())?;
        if answer.is_some_and(|o| o.index() >= question.options.len())
            || profile.len() != self.questions.len()
        {
            return None;
        }
        let mut next = profile.clone();
        next.set(q, answer);
        Some(next)
    }
}

text_getters!(Source {
    /// The source's title.
    title,
    /// Its author.
    author,
    /// Its date (`YYYY-MM-DD`).
    date,
    /// The credit line shown with the guide.
    credit,
});
text_getters!(Note {
    /// Stable id.
    id,
    /// When it was read (`YYYY-MM`).
    as_read,
    /// Whose documentation it comes from.
    source,
    /// What it says, in the guide's words.
    text,
});
text_getters!(Group {
    /// Stable id.
    id,
    /// The heading.
    title,
});
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

text_getters!(PathDef {
    /// Stable id (SPEC §1).
    id,
    /// Display name.
    name,
    /// One line: what the path is for.
    summary,
    /// The comparison table's "use when".
    use_when,
    /// The comparison table's "watch out for".
    watch_out_for,
    /// Its line of the rule of thumb.
    rule_of_thumb,
    /// Its layer of the layers picture.
    layer,
});

text_getters!(Responsibility {
    /// Stable id.
    id,
    /// The item in words.
    text,
});
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

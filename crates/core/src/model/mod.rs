//! The guide as the evaluator sees it: questions, paths, rules, advice,
//! responsibilities and invariants, every reference resolved to a typed id.
//!
//! Fields are private to the crate. A [`Guide`] is made only by the compiler
//! ([`Guide::from_raw`]) or, for the built-in guide, by generated code that
//! the same compiler wrote; either way it has passed every check, and it
//! cannot be changed afterwards into one that would make the evaluator
//! fail. Texts and lists are `Cow`s so that the built-in guide is a
//! `static` that borrows everything and costs no start-up work.
//!
//! This file holds the [`Guide`] with its accessors, its source and its
//! vendor notes; `questions.rs` the questions, answers and presets,
//! `paths.rs` the paths and responsibilities, `rules.rs` conditions, facts,
//! rules, advice and invariants.

use std::borrow::Cow;
use std::fmt;

use crate::ids::{
    AdviceId, CondId, FactId, GroupId, Id, OptionId, PathId, PresetId, QuestionId, RuleId,
};
use crate::profile::Profile;
// `Reach` is named by the generated `builtin.rs`, which reads this module whole.
#[allow(unused_imports)]
pub(crate) use crate::reach::{LazyReach, Reach};

/// Accessors that lend out a text field as `&str`. Defined before the
/// submodules, which use it too.
macro_rules! text_getters {
    ($ty:ty { $($(#[$doc:meta])* $field:ident),* $(,)? }) => {
        impl $ty {
            $($(#[$doc])* pub fn $field(&self) -> &str { &self.$field })*
        }
    };
}

mod paths;
mod questions;
mod rules;

pub use paths::{PathDef, Responsibility};
pub use questions::{AnswerOption, AnswerValue, Group, Preset, Question, QuestionKind};
pub use rules::{
    Advice, AdviceKind, Cond, Direction, Fact, Invariant, InvariantCheck, Part, Rule, Span,
    Template,
};

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
#[cfg_attr(not(feature = "compile"), allow(dead_code))]
pub const MAX_INVARIANTS: usize = 120;
/// The most advice entries, responsibilities and facts a guide may have
/// (each forms 64-bit sets).
pub const MAX_ADVICE: usize = 64;
/// The most rules a guide may have: rule ids are 16 bits.
#[cfg_attr(not(feature = "compile"), allow(dead_code))]
pub(crate) const MAX_RULES: usize = u16::MAX as usize;
/// The most question groups a guide may have: group ids are 8 bits.
#[cfg_attr(not(feature = "compile"), allow(dead_code))]
pub(crate) const MAX_GROUPS: usize = u8::MAX as usize;
/// The most presets a guide may have: preset ids are 16 bits.
#[cfg_attr(not(feature = "compile"), allow(dead_code))]
pub(crate) const MAX_PRESETS: usize = u16::MAX as usize;

/// A guide, validated and compiled for evaluation.
///
/// The ids it hands out (from its iterators and lookups) and the profiles
/// it makes are only valid for this guide; an accessor given an id from
/// another guide may name another entry or panic. [`Guide::accepts`] and
/// [`Guide::preset_at`] check what comes from outside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    pub(crate) id: Text,
    pub(crate) version: Text,
    pub(crate) title: Text,
    pub(crate) intro: Text,
    /// The language of its texts (a BCP 47 tag; `en` unless it says).
    pub(crate) lang: Text,
    /// Whether its texts read right to left.
    pub(crate) rtl: bool,
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
    /// The path diagrams for the nearest answers, made on first use.
    pub(crate) reach: LazyReach,
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
    /// The address of the page it was read on (may be empty).
    pub(crate) url: Text,
    /// Where it bears on a result (answers, the path, the nearby paths);
    /// `None`: on every result.
    pub(crate) when: Option<CondId>,
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
    /// The language of the guide's texts, as a BCP 47 tag (`en` unless
    /// the guide says otherwise).
    lang,
    /// The date of the source the guide follows (`YYYY-MM-DD`).
    as_of,
    /// Caption of the layers picture.
    layers_caption,
});

impl Guide {
    /// The direction of the guide's texts, as HTML's `dir` takes it.
    pub fn dir(&self) -> &'static str {
        if self.rtl {
            "rtl"
        } else {
            "ltr"
        }
    }
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
    /// The groups with their ids.
    pub fn group_ids(&self) -> impl Iterator<Item = (GroupId, &Group)> {
        self.groups
            .iter()
            .enumerate()
            .map(|(i, g)| (GroupId::at(i), g))
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
    /// Named examples, in the guide's order.
    pub fn presets(&self) -> &[Preset] {
        &self.presets
    }
    /// The presets with their ids.
    pub fn preset_ids(&self) -> impl Iterator<Item = (PresetId, &Preset)> {
        self.presets
            .iter()
            .enumerate()
            .map(|(i, p)| (PresetId::at(i), p))
    }
    /// A preset by id.
    pub fn preset(&self, p: PresetId) -> &Preset {
        &self.presets[p.index()]
    }
    /// The preset with this id text.
    pub fn find_preset(&self, id: &str) -> Option<PresetId> {
        self.presets
            .iter()
            .position(|p| p.id == id)
            .map(PresetId::at)
    }
    /// The preset at `position` in [`Guide::presets`] (counted from 0), for
    /// a number that comes from outside, such as a form's value: refused
    /// when the guide has no preset there.
    pub fn preset_at(&self, position: usize) -> Result<PresetId, NoSuchPreset> {
        if position < self.presets.len() {
            Ok(PresetId::at(position))
        } else {
            Err(NoSuchPreset {
                position,
                count: self.presets.len(),
            })
        }
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
    /// Whether `profile` is one this guide could have made: one entry a
    /// question, and every answer one of its question's options. A profile
    /// does not say which guide made it; shells that take one from
    /// elsewhere check it with this before they evaluate it.
    pub fn accepts(&self, profile: &Profile) -> bool {
        profile.len() == self.questions.len()
            && profile
                .answers()
                .all(|(q, o)| o.index() < self.question(q).options.len())
    }
    /// A copy of `profile` with question `q` answered `answer` (`None`
    /// clears it), or `None` when `q` or the option does not exist here, or
    /// this guide does not accept `profile`.
    pub fn with_answer(
        &self,
        profile: &Profile,
        q: QuestionId,
        answer: Option<OptionId>,
    ) -> Option<Profile> {
        let question = self.questions.get(q.index())?;
        if answer.is_some_and(|o| o.index() >= question.options.len()) || !self.accepts(profile) {
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
    /// The address of the page it was read on (empty when not given).
    url,
});

/// A preset number with no preset behind it (see [`Guide::preset_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoSuchPreset {
    /// The number asked for.
    pub position: usize,
    /// How many presets the guide has.
    pub count: usize,
}

impl fmt::Display for NoSuchPreset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let position = self.position;
        match self.count {
            0 => write!(f, "no preset number {position}: this guide has no presets"),
            1 => write!(
                f,
                "no preset number {position}: this guide has one, number 0"
            ),
            n => write!(
                f,
                "no preset number {position}: this guide has {n}, numbered 0 to {}",
                n - 1
            ),
        }
    }
}

impl std::error::Error for NoSuchPreset {}

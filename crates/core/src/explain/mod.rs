//! One resolved explanation of a decision, which every surface only renders:
//! the result JSON (`CONTRACT.md` §4) in `json.rs`, the Markdown record in
//! `markdown.rs`, and the widget's recommendation panel. Texts are filled in
//! and lists are final, so no renderer goes back to the guide to join parts
//! by index.
//!
//! This file holds the [`Explanation`] and its parts, and what a renderer
//! reads off it (the [`Verdict`], the badge); `resolve.rs` makes one from a
//! decision.

mod json;
pub use json::RESULT_FIELDS;
mod resolve;

use crate::ids::{OptionId, PathId, QuestionId};
use crate::text;

/// How sure a result is, which sets its headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Enough is answered: no open question could change the path.
    Recommended,
    /// Recommended, but a conflict stands that must be confirmed before
    /// production (a vendor fact to confirm, answers that disagree).
    ConfirmFirst,
    /// Open questions could still change the path: it is a lean.
    Leaning,
    /// No path meets every hard need: the path is only the closest.
    Blocked,
}

impl Verdict {
    /// Its name in the result JSON's `status`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Recommended => "recommended",
            Verdict::ConfirmFirst => "confirm_first",
            Verdict::Leaning => "leaning",
            Verdict::Blocked => "blocked",
        }
    }

    /// The label over the path's name.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Recommended => text::RECOMMENDED_PATH,
            Verdict::ConfirmFirst => text::RECOMMENDED_CONFIRM,
            Verdict::Leaning => text::LEANING,
            Verdict::Blocked => text::CLOSEST_PATH,
        }
    }
}

/// Why a path was recommended, and everything around it, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The recommended path.
    pub path: PathId,
    /// Its stable id.
    pub path_id: String,
    /// Its name.
    pub path_name: String,
    /// Its one-line summary.
    pub path_summary: String,
    /// The reasons: the rule that fired and why, in words.
    pub reasons: Vec<Reason>,
    /// Warnings, each with its stable id.
    pub warnings: Vec<Warning>,
    /// Watch-outs that apply to these answers.
    pub watch_outs: Vec<String>,
    /// What the team still owns on this path, for these answers.
    pub you_still_own: Vec<String>,
    /// Every single-answer change that moves the path.
    pub would_change: Vec<WouldChange>,
    /// For each other path, one smallest set of answer changes that leads there.
    pub nearest: Vec<NearestLine>,
    /// The open questions that could change the path, in guide order:
    /// while there are any, the result is a lean, not a verdict.
    pub ask_first: Vec<AskFirst>,
    /// The open questions that cannot move the path but could block the
    /// result or call for a confirmation, in guide order.
    pub could_block: Vec<AskFirst>,
    /// What the team said is already in place, apart from the to-dos.
    pub in_place: Vec<String>,
    /// The dated vendor notes that bear on this result.
    pub notes: Vec<NoteLine>,
    /// Every question with its answer (or what is assumed).
    pub answers: Vec<AnswerLine>,
    /// Which guide decided.
    pub guide: GuideRef,
}

/// One reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The rule that fired.
    pub rule: String,
    /// Why, citing the answers that made it fire.
    pub text: String,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable id, e.g. `heaviest-path`.
    pub id: String,
    /// The warning in words.
    pub text: String,
    /// Whether it names a conflict between answers or needs.
    pub conflict: bool,
    /// Whether it leaves no path meeting every hard need.
    pub blocks: bool,
}

/// One smallest set of answer changes that leads to another path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearestLine {
    /// That path's id.
    pub path_id: String,
    /// That path's name.
    pub path_name: String,
    /// The answers to give, in question order.
    pub changes: Vec<Answering>,
    /// The blocking warnings the result would carry there (empty: none).
    pub blocked: Vec<String>,
    /// The other conflict warnings it would carry there (empty: none).
    pub conflicts: Vec<String>,
}

/// One answer of a [`NearestLine`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answering {
    /// The question.
    pub question: QuestionId,
    /// Its id.
    pub question_id: String,
    /// Its prompt.
    pub prompt: String,
    /// Whether the question is still unanswered.
    pub open: bool,
    /// The answer to give.
    pub answer: OptionId,
    /// That answer as JSON (`true`, `"multi_step"`).
    pub answer_json: String,
    /// Its label.
    pub label: String,
}

/// An open question that could change the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskFirst {
    /// The question.
    pub question: QuestionId,
    /// Its id.
    pub question_id: String,
    /// Its prompt.
    pub prompt: String,
    /// Its help text: the examples that tell a reader whether it applies.
    pub help: String,
}

/// A dated vendor note, as a result shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLine {
    /// Stable id.
    pub id: String,
    /// Whose documentation it comes from.
    pub source: String,
    /// When it was read.
    pub as_read: String,
    /// What it says.
    pub text: String,
    /// The page it was read on (may be empty).
    pub url: String,
}

/// One answer that, changed alone, moves the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WouldChange {
    /// The question.
    pub question: QuestionId,
    /// Its id.
    pub question_id: String,
    /// Its prompt.
    pub prompt: String,
    /// Whether the question is still unanswered.
    pub open: bool,
    /// The answer that would move it.
    pub answer: OptionId,
    /// That answer as JSON (`true`, `"multi_step"`).
    pub answer_json: String,
    /// Its label.
    pub label: String,
    /// That path's id.
    pub path_id: String,
    /// That path's name.
    pub path_name: String,
    /// The blocking warnings the result would carry there (empty: none).
    pub blocked: Vec<String>,
    /// The other conflict warnings it would carry there (empty: none).
    pub conflicts: Vec<String>,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLine {
    /// Its id.
    pub id: String,
    /// Its prompt.
    pub prompt: String,
    /// The label of the answer given, if any.
    pub answer: Option<String>,
    /// What "not answered" means for it.
    pub unanswered: String,
}

/// The guide's identity and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideRef {
    /// Guide id.
    pub id: String,
    /// Guide version.
    pub version: String,
    /// The date of the source it follows.
    pub as_of: String,
    /// When the vendor notes it relies on were read, if it has any.
    pub notes_read: Option<String>,
}

impl Explanation {
    /// Whether every question has been answered.
    pub fn complete(&self) -> bool {
        self.answers.iter().all(|a| a.answer.is_some())
    }

    /// The ids of the questions not answered yet.
    pub fn unanswered(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|a| a.answer.is_none())
            .map(|a| a.id.as_str())
    }

    /// How sure the result is.
    pub fn verdict(&self) -> Verdict {
        if self.warnings.iter().any(|w| w.blocks) {
            Verdict::Blocked
        } else if !self.enough() {
            Verdict::Leaning
        } else if self.conflicted() {
            Verdict::ConfirmFirst
        } else {
            Verdict::Recommended
        }
    }

    /// The badge beside the headline.
    pub fn badge(&self) -> &'static str {
        match self.verdict() {
            Verdict::Blocked => text::BLOCKED,
            Verdict::Leaning => text::LEAN,
            Verdict::ConfirmFirst => text::CONFIRM_FIRST,
            Verdict::Recommended if self.complete() => text::ALL_ANSWERED,
            Verdict::Recommended => text::SETTLED,
        }
    }

    /// What to say under "what would change it" when no single answer would.
    pub fn nothing_would_change(&self) -> &'static str {
        if self.conflicted() {
            text::CONFLICTS_STAND
        } else {
            text::NOTHING_WOULD_CHANGE
        }
    }

    /// Whether enough is answered for a verdict: no open question could
    /// still change the path.
    pub fn enough(&self) -> bool {
        self.ask_first.is_empty()
    }

    /// The ids of the warnings that leave no path meeting every hard need.
    pub fn blocked(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for w in self.warnings.iter().filter(|w| w.blocks) {
            if !out.contains(&w.id.as_str()) {
                out.push(&w.id);
            }
        }
        out
    }

    /// Whether a warning names a conflict that still stands.
    pub fn conflicted(&self) -> bool {
        self.warnings.iter().any(|w| w.conflict)
    }

    /// The nearest sets that need more than one change (single changes are
    /// in `would_change`).
    pub fn further(&self) -> impl Iterator<Item = &NearestLine> {
        self.nearest.iter().filter(|n| n.changes.len() > 1)
    }
}

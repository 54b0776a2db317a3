//! All state changes of one widget: `State`, the `Action`s that change it,
//! and the one `reduce` that applies them. Components only render and emit
//! actions.

use std::rc::Rc;

use decision_guide_core::{Decision, Guide, Outcome, Profile};
use yew::Reducible;

/// A guide shared by every component of one widget; equal when it is the
/// same guide (comparing all its data on every render would be waste).
#[derive(Clone, Debug)]
pub struct SharedGuide(pub Rc<Guide>);

impl PartialEq for SharedGuide {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedGuide {
    type Target = Guide;
    fn deref(&self) -> &Guide {
        &self.0
    }
}

/// Everything one widget shows, derived from its answers.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The guide being run.
    pub guide: SharedGuide,
    /// The current answers.
    pub profile: Profile,
    /// The decision for them, with its trace.
    pub decision: Decision,
    /// The SPEC §4 result for them.
    pub outcome: Rc<Outcome>,
    /// The preset last loaded, while its answers are unchanged.
    pub preset: Option<usize>,
    /// A problem with input from outside (attribute, property, permalink).
    pub error: Option<String>,
}

/// What can happen to a widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Question `q` answered with `slot` (0 = not sure).
    Answer {
        /// Question index.
        q: usize,
        /// Slot (0 clears).
        slot: u8,
    },
    /// Load preset number `n`.
    Preset(usize),
    /// Clear every answer.
    Reset,
    /// Replace all answers (from the `answers` attribute or property).
    Replace(Profile),
    /// Show an error about input from outside; answers stay as they were.
    Error(String),
    /// Hide the error.
    DismissError,
}

impl State {
    /// The state for `profile`.
    pub fn new(guide: SharedGuide, profile: Profile, error: Option<String>) -> Self {
        let decision = guide.classify(&profile);
        let outcome = Rc::new(guide.outcome(&profile, &decision));
        State {
            guide,
            profile,
            decision,
            outcome,
            preset: None,
            error,
        }
    }

    fn with_profile(&self, profile: Profile, preset: Option<usize>) -> Self {
        State {
            preset,
            ..State::new(self.guide.clone(), profile, None)
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Answer { q, slot } => match self.guide.with_answer(&self.profile, q, slot) {
                Some(profile) => self.with_profile(profile, None),
                None => return self,
            },
            Action::Preset(n) => match self.guide.presets.get(n) {
                Some(p) => self.with_profile(p.profile.clone(), Some(n)),
                None => return self,
            },
            Action::Reset => self.with_profile(self.guide.empty_profile(), None),
            Action::Replace(profile) => self.with_profile(profile, None),
            Action::Error(message) => State {
                error: Some(message),
                ..(*self).clone()
            },
            Action::DismissError => State {
                error: None,
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use decision_guide_core::builtin;

    fn state() -> Rc<State> {
        let guide = SharedGuide(Rc::new(builtin()));
        let empty = guide.empty_profile();
        Rc::new(State::new(guide, empty, None))
    }

    #[test]
    fn answering_recomputes_the_decision_and_result() {
        let s = state();
        assert_eq!(s.outcome.path, "direct-api");
        let q = s.guide.question_index("aws_controls").expect("question");
        let s = s.reduce(Action::Answer { q, slot: 1 });
        assert_eq!(s.outcome.path, "bedrock-models");
        assert_eq!(s.outcome.reasons[0].rule, "aws-governance");
        assert_eq!(s.outcome, Rc::new(s.guide.evaluate(&s.profile)));
    }

    #[test]
    fn presets_load_and_any_answer_forgets_the_preset() {
        let s = state();
        let n = s
            .guide
            .presets
            .iter()
            .position(|p| p.id == "invoice-approval")
            .expect("preset");
        let s = s.reduce(Action::Preset(n));
        assert_eq!(
            (s.preset, s.outcome.path.as_str(), s.outcome.complete),
            (Some(n), "managed-agents", true)
        );
        let s = s.reduce(Action::Answer { q: 0, slot: 0 });
        assert_eq!(s.preset, None);
        assert!(!s.outcome.complete);
        let s = s.reduce(Action::Reset);
        assert_eq!(s.profile, s.guide.empty_profile());
    }

    #[test]
    fn errors_keep_the_answers_and_out_of_range_actions_change_nothing() {
        let s = state().reduce(Action::Answer { q: 2, slot: 1 });
        let before = s.profile.clone();
        let s = s.reduce(Action::Error("bad input".into()));
        assert_eq!(
            (s.error.as_deref(), &s.profile),
            (Some("bad input"), &before)
        );
        let s = s.reduce(Action::DismissError);
        assert_eq!(s.error, None);
        let same = s.clone().reduce(Action::Answer { q: 99, slot: 1 });
        assert!(Rc::ptr_eq(&same, &s));
        let same = s.clone().reduce(Action::Preset(99));
        assert!(Rc::ptr_eq(&same, &s));
    }
}

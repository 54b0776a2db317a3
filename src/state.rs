//! All state changes of one widget: [`State`], the [`Action`]s that change
//! it, and the one [`State::reduce`] that applies them. Components only
//! render a state and emit actions; the [`crate::store::Store`] owns it.

use std::rc::Rc;

use decision_guide_core::{Explanation, Guide, Id, OptionId, PresetId, Profile, QuestionId};
use yew::AttrValue;

/// A guide shared by every component of one widget; equal when it is the
/// same guide (comparing all its data on every render would be waste).
///
/// The built-in guide is a `static` and is shared as a reference: the
/// shipped wasm then carries no code to drop a guide (1.7 KB). Only builds
/// that run other guides (the custom-guides variant, the host) can hold
/// one of their own.
#[derive(Clone, Debug)]
pub struct SharedGuide(Shared);

#[derive(Clone, Debug)]
enum Shared {
    Static(&'static Guide),
    #[cfg(any(feature = "custom-guides", not(target_arch = "wasm32")))]
    Own(Rc<Guide>),
}

impl SharedGuide {
    /// The built-in guide.
    pub fn builtin() -> Self {
        SharedGuide(Shared::Static(decision_guide_core::builtin()))
    }

    /// A guide of its own (a team's guide, read at run time).
    #[cfg(any(feature = "custom-guides", not(target_arch = "wasm32")))]
    pub fn own(guide: Guide) -> Self {
        SharedGuide(Shared::Own(Rc::new(guide)))
    }
}

impl PartialEq for SharedGuide {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<Guide>(&**self, &**other)
    }
}

impl std::ops::Deref for SharedGuide {
    type Target = Guide;
    fn deref(&self) -> &Guide {
        match &self.0 {
            Shared::Static(g) => g,
            #[cfg(any(feature = "custom-guides", not(target_arch = "wasm32")))]
            Shared::Own(g) => g,
        }
    }
}

/// Everything one widget shows, derived from its answers.
#[derive(Clone, Debug)]
pub struct State {
    /// The guide being run.
    pub guide: SharedGuide,
    /// The current answers.
    pub profile: Profile,
    /// Their explanation: what every part of the result renders.
    pub explanation: Rc<Explanation>,
    /// The preset last loaded, while its answers are unchanged.
    pub preset: Option<PresetId>,
    /// A problem with input from outside (attribute, property, permalink).
    pub error: Option<String>,
    /// Whether the widget answers input: false while it is the static,
    /// pre-rendered guide that the wasm has not taken over yet.
    pub live: bool,
    /// The landmark's label, unique on the page.
    pub label: AttrValue,
    /// What the last copy did, while the answers stay the same.
    pub copied: Option<Copied>,
}

/// Equal states have the same explanation: it is derived from the
/// answers (the reducer keeps the same `Rc` while they stay the same), so
/// it is compared by pointer, not field by field (a deep comparison costs
/// the wasm 2.5 KB).
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.guide == other.guide
            && self.profile == other.profile
            && Rc::ptr_eq(&self.explanation, &other.explanation)
            && self.preset == other.preset
            && self.error == other.error
            && self.live == other.live
            && self.label == other.label
            && self.copied == other.copied
    }
}

/// What a "copy" button copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    /// The decision record, in Markdown.
    Markdown,
    /// A link that reopens these answers.
    Link,
}

/// The outcome of a copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Copied {
    /// What was copied.
    pub kind: CopyKind,
    /// `None` when it reached the clipboard; the text itself when the
    /// browser refused, for the reader to select and copy by hand.
    pub by_hand: Option<String>,
}

/// What can happen to a widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A question answered (`None`: "not sure").
    Answer {
        /// The question.
        q: QuestionId,
        /// The answer.
        answer: Option<OptionId>,
    },
    /// Several questions answered at once (a nearest set of answers).
    AnswerAll(Vec<(QuestionId, OptionId)>),
    /// Load a preset of this widget's guide.
    Preset(PresetId),
    /// Clear every answer.
    Reset,
    /// Replace all answers (from the `answers` attribute or property);
    /// refused unless the guide accepts the profile.
    Replace(Profile),
    /// Show an error about input from outside; answers stay as they were.
    Error(String),
    /// Hide the error.
    DismissError,
    /// A copy finished: in the clipboard, or (`by_hand`) not allowed.
    Copied(Copied),
    /// Hide what the last copy said.
    DismissCopy,
    /// The wasm took over: the starting answers, any problem with them,
    /// and the landmark label of this instance; refused unless the guide
    /// accepts the profile.
    Start {
        /// Starting answers.
        profile: Profile,
        /// A problem with the starting input.
        error: Option<String>,
        /// The landmark label.
        label: AttrValue,
    },
}

impl State {
    /// The static state: no answers, not live. What is pre-rendered, and
    /// the first state of every widget.
    pub fn new(guide: SharedGuide) -> Self {
        let profile = guide.empty_profile();
        let explanation = Rc::new(guide.evaluate(&profile));
        State {
            guide,
            profile,
            explanation,
            preset: None,
            error: None,
            live: false,
            label: AttrValue::Static(decision_guide_core::text::LANDMARK),
            copied: None,
        }
    }

    fn with_profile(&self, profile: Profile, preset: Option<PresetId>) -> Self {
        // Same answers: same explanation, and what was copied still holds.
        let (explanation, copied) = if profile == self.profile {
            (self.explanation.clone(), self.copied.clone())
        } else {
            (Rc::new(self.guide.evaluate(&profile)), None)
        };
        State {
            profile,
            explanation,
            preset,
            error: None,
            copied,
            ..self.clone()
        }
    }

    /// Applies an action. Returns the same `Rc` when nothing changed, so
    /// that nothing re-renders, and when the action was refused: an answer,
    /// a preset or a profile that the guide does not have or accept (ids
    /// and profiles are only valid for the guide that made them, and the
    /// types do not say which guide that was).
    pub fn reduce(self: &Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Answer { q, answer } => {
                match self.guide.with_answer(&self.profile, q, answer) {
                    Some(profile) => self.with_profile(profile, None),
                    None => return self.clone(),
                }
            }
            Action::AnswerAll(answers) => {
                let mut profile = self.profile.clone();
                for (q, answer) in answers {
                    match self.guide.with_answer(&profile, q, Some(answer)) {
                        Some(next) => profile = next,
                        None => return self.clone(),
                    }
                }
                self.with_profile(profile, None)
            }
            Action::Preset(id) => match self.guide.presets().get(id.index()) {
                Some(p) => self.with_profile(p.profile().clone(), Some(id)),
                None => return self.clone(),
            },
            Action::Reset => self.with_profile(self.guide.empty_profile(), None),
            Action::Replace(profile) if self.guide.accepts(&profile) => {
                self.with_profile(profile, None)
            }
            Action::Replace(_) => return self.clone(),
            Action::Error(message) => State {
                error: Some(message),
                ..(**self).clone()
            },
            Action::DismissError => State {
                error: None,
                ..(**self).clone()
            },
            Action::Copied(copied) => State {
                copied: Some(copied),
                ..(**self).clone()
            },
            Action::DismissCopy => State {
                copied: None,
                ..(**self).clone()
            },
            Action::Start { profile, .. } if !self.guide.accepts(&profile) => return self.clone(),
            Action::Start {
                profile,
                error,
                label,
            } => State {
                live: true,
                label,
                error,
                ..self.with_profile(profile, None)
            },
        };
        if next == **self {
            return self.clone();
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<State> {
        Rc::new(State::new(SharedGuide::builtin()))
    }

    fn q(s: &State, id: &str) -> QuestionId {
        s.guide.find_question(id).expect("question")
    }

    #[test]
    fn answering_recomputes_the_explanation() {
        let s = state();
        assert_eq!(s.explanation.path_id, "direct-api");
        let aws = q(&s, "aws_controls");
        let yes = s.guide.question(aws).option_ids().next().map(|(o, _)| o);
        let s = s.reduce(Action::Answer {
            q: aws,
            answer: yes,
        });
        assert_eq!(s.explanation.path_id, "bedrock-models");
        assert_eq!(s.explanation.reasons[0].rule, "aws-governance");
        assert_eq!(*s.explanation, s.guide.evaluate(&s.profile));
    }

    #[test]
    fn presets_load_and_any_answer_forgets_the_preset() {
        let s = state();
        let n = s.guide.find_preset("invoice-approval").expect("preset");
        let s = s.reduce(Action::Preset(n));
        assert_eq!(
            (
                s.preset,
                s.explanation.path_id.as_str(),
                s.explanation.complete()
            ),
            (Some(n), "managed-agents", true)
        );
        let shape = q(&s, "shape");
        let s = s.reduce(Action::Answer {
            q: shape,
            answer: None,
        });
        assert_eq!(s.preset, None);
        assert!(!s.explanation.complete());
        let s = s.reduce(Action::Reset);
        assert_eq!(s.profile, s.guide.empty_profile());
    }

    #[test]
    fn errors_keep_the_answers_and_unchanged_states_keep_their_rc() {
        let s = state();
        let tools = q(&s, "tools_actions");
        let yes = s.guide.question(tools).option_ids().next().map(|(o, _)| o);
        let s = s.reduce(Action::Answer {
            q: tools,
            answer: yes,
        });
        let before = s.profile.clone();
        let s = s.reduce(Action::Error("bad input".into()));
        assert_eq!(
            (s.error.as_deref(), &s.profile),
            (Some("bad input"), &before)
        );
        let s = s.reduce(Action::DismissError);
        assert_eq!(s.error, None);
        let same = s.reduce(Action::Replace(s.profile.clone()));
        assert!(Rc::ptr_eq(&same, &s), "the same answers change nothing");
    }

    #[test]
    fn start_makes_the_static_guide_live() {
        let s = state();
        assert!(!s.live);
        let p = s.guide.find_preset("invoice-approval").expect("preset");
        let p = s.guide.preset(p).profile().clone();
        let s = s.reduce(Action::Start {
            profile: p,
            error: None,
            label: "Decision guide 2".into(),
        });
        assert!(s.live);
        assert_eq!(s.label, "Decision guide 2");
        assert_eq!(s.explanation.path_id, "managed-agents");
    }

    /// A profile or a preset id from another guide is refused: the state,
    /// and its `Rc`, stay as they were. The other guide is the built-in one
    /// with a third shape and one more preset, so its profiles have the
    /// right length but can hold an answer the built-in guide does not
    /// have. Natively only: the tests compile the second guide with the
    /// core's reader (a native dev-dependency), which the wasm build lacks.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn profiles_and_presets_of_another_guide_are_refused() {
        let s = state();
        let text = decision_guide_core::BUILTIN_GUIDE_JSON
            .replacen(
                r#""value": "multi_step","#,
                r#""value": "third", "label": "Third", "fact": "it is a third shape"}, {"value": "multi_step","#,
                1,
            )
            .replacen(
                r#""presets": ["#,
                r#""presets": [{"id": "extra", "title": "Extra", "answers": {}},"#,
                1,
            );
        let other = decision_guide_core::parse_guide(&text).expect("a guide");
        let shape = other.find_question("shape").expect("shape");
        let (last, _) = other.question(shape).option_ids().last().expect("options");
        let foreign = other
            .with_answer(&other.empty_profile(), shape, Some(last))
            .expect("an answer of the other guide");
        assert_eq!(foreign.len(), s.profile.len(), "as long as this guide's");
        assert!(!s.guide.accepts(&foreign));
        let same = s.reduce(Action::Replace(foreign.clone()));
        assert!(Rc::ptr_eq(&same, &s), "a foreign profile is refused");
        let start = Action::Start {
            profile: foreign,
            error: None,
            label: "Decision guide".into(),
        };
        assert!(
            Rc::ptr_eq(&s.reduce(start), &s),
            "and cannot start a widget"
        );
        let (past, _) = other.preset_ids().last().expect("presets");
        let same = s.reduce(Action::Preset(past));
        assert!(
            Rc::ptr_eq(&same, &s),
            "a preset past this guide's is refused"
        );
    }
}

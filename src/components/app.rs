//! The root component: holds the one reducer and lays out the guide.

use std::cell::RefCell;
use std::rc::Rc;

use decision_guide_core::{Outcome, Profile};
use yew::prelude::*;

use crate::components::comparison_table::ComparisonTable;
use crate::components::credit::Credit;
use crate::components::layers::Layers;
use crate::components::preset_picker::PresetPicker;
use crate::components::question_card::QuestionCard;
use crate::components::recommendation::Recommendation;
use crate::components::rule_of_thumb::RuleOfThumb;
use crate::state::{Action, SharedGuide, State};

/// A way for the code outside yew (the element) to send actions in; actions
/// sent before the app has mounted wait in a queue.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteInner>>);

/// The app's dispatcher once mounted, and the actions sent before that.
type RemoteInner = (Option<Callback<Action>>, Vec<Action>);

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Remote {
    /// Sends an action to the app, or queues it until the app mounts.
    pub fn send(&self, action: Action) {
        let mut inner = self.0.borrow_mut();
        match &inner.0 {
            Some(cb) => {
                let cb = cb.clone();
                drop(inner);
                cb.emit(action);
            }
            None => inner.1.push(action),
        }
    }

    fn connect(&self, cb: Callback<Action>) {
        let queued = {
            let mut inner = self.0.borrow_mut();
            inner.0 = Some(cb.clone());
            std::mem::take(&mut inner.1)
        };
        queued.into_iter().for_each(|a| cb.emit(a));
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The guide to run.
    pub guide: SharedGuide,
    /// Unique prefix for element ids (and the instance number in labels).
    pub uid: AttrValue,
    /// A human label for this instance's landmark, unique on the page.
    pub label: AttrValue,
    /// Answers to start from.
    pub initial: Profile,
    /// A problem with the starting input, shown at once.
    #[prop_or_default]
    pub error: Option<String>,
    /// Called after every change with the answers and their result.
    #[prop_or_default]
    pub on_change: Callback<(Profile, Rc<Outcome>)>,
    /// Actions from outside.
    #[prop_or_default]
    pub remote: Remote,
}

/// The whole guide.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let p = props.clone();
        move || State::new(p.guide, p.initial, p.error)
    });
    {
        let remote = props.remote.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            remote.connect(Callback::from(move |a| dispatcher.dispatch(a)));
        });
    }
    {
        let on_change = props.on_change.clone();
        let (profile, outcome) = (state.profile.clone(), state.outcome.clone());
        use_effect_with(profile.clone(), move |_| on_change.emit((profile, outcome)));
    }
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let on_answer = dispatch.reform(|(q, slot)| Action::Answer { q, slot });
    let g = &state.guide;
    let recommended = usize::from(state.decision.path);

    let groups = {
        // Questions under their group headings, then any without a group.
        let mut sections: Vec<(Option<usize>, Vec<usize>)> =
            (0..g.groups.len()).map(|i| (Some(i), Vec::new())).collect();
        sections.push((None, Vec::new()));
        for (q, question) in g.questions.iter().enumerate() {
            let at = question.group.unwrap_or(g.groups.len());
            sections[at].1.push(q);
        }
        sections.into_iter().filter(|(_, qs)| !qs.is_empty()).map(|(group, qs)| {
            html! {
                <div class="dg-group">
                    if let Some(i) = group { <h3 class="dg-group-title">{ &g.groups[i].title }</h3> }
                    { for qs.into_iter().map(|q| html! {
                        <QuestionCard uid={props.uid.clone()} guide={g.clone()} index={q}
                            slot={state.profile.slot(q)} on_answer={on_answer.clone()} />
                    }) }
                </div>
            }
        }).collect::<Html>()
    };

    let error = state.error.clone().map(|message| {
        let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissError);
        html! {
            <div class="dg-error" role="alert">
                <p><strong>{ "This guide could not use the answers it was given. " }</strong>{ message }</p>
                <button type="button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });

    html! {
        <section class="dg" aria-label={props.label.clone()} data-path={g.paths[recommended].id.clone()}>
            <div class="dg-head">
                <p class="dg-kicker">{ "Architecture decision guide" }</p>
                <h2 class="dg-title">{ &g.title }</h2>
                <p class="dg-intro">{ &g.intro }</p>
                <PresetPicker uid={props.uid.clone()} guide={g.clone()} current={state.preset} on_action={dispatch.clone()} />
            </div>
            { for error }
            <div class="dg-main">
                <div class="dg-questions">{ groups }</div>
                <Recommendation uid={props.uid.clone()} guide={g.clone()} profile={state.profile.clone()}
                    decision={state.decision.clone()} outcome={state.outcome.clone()} on_action={dispatch.clone()} />
            </div>
            <ComparisonTable guide={g.clone()} {recommended} />
            <div class="dg-pair">
                <RuleOfThumb guide={g.clone()} {recommended} />
                <Layers guide={g.clone()} {recommended} />
            </div>
            <Credit guide={g.clone()} />
        </section>
    }
}

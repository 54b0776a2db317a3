//! The root component: lays out the guide from the store's state and
//! renders again when the store says so.

use yew::prelude::*;

use crate::components::comparison_table::ComparisonTable;
use crate::components::credit::Credit;
use crate::components::glance::Glance;
use crate::components::layers::Layers;
use crate::components::preset_picker::PresetPicker;
use crate::components::question_card::QuestionCard;
use crate::components::recommendation::Recommendation;
use crate::components::rule_of_thumb::RuleOfThumb;
use crate::components::share::Share;
use crate::state::{Action, CopyKind};
use crate::store::Store;
use decision_guide_core::{text, GroupId, Id, QuestionId};

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The widget's state.
    pub store: Store,
    /// Copies the record or a link (the element does the copying).
    #[prop_or_default]
    pub on_copy: Callback<CopyKind>,
    /// Whether a link can reopen these answers (the element keeps them in
    /// the URL fragment).
    #[prop_or_default]
    pub can_link: bool,
}

/// The whole guide.
#[component]
pub fn App(props: &AppProps) -> Html {
    let update = use_force_update();
    let state = props.store.state();
    {
        let rendered = state.clone();
        use_effect_with(props.store.clone(), move |store| {
            store.on_render(Some(Callback::from({
                let update = update.clone();
                move |()| update.force_update()
            })));
            // An action may have arrived between this render and now.
            if !std::rc::Rc::ptr_eq(&rendered, &store.state()) {
                update.force_update();
            }
            store.mounted();
            let store = store.clone();
            move || store.on_render(None)
        });
    }
    let dispatch = props.store.dispatcher();
    let g = &state.guide;
    let live = state.live;

    // One section per group in display order, then the ungrouped questions.
    let mut sections: Vec<(Option<GroupId>, Vec<_>)> = g
        .group_ids()
        .map(|(gr, _)| (Some(gr), Vec::new()))
        .collect();
    sections.push((None, Vec::new()));
    for (q, question) in g.question_ids() {
        let at = question.group().map_or(g.groups().len(), |gr| gr.index());
        sections[at].1.push(q);
    }
    let ask_first: Vec<QuestionId> = state
        .explanation
        .ask_first
        .iter()
        .map(|a| a.question)
        .collect();
    let groups = sections.into_iter().filter(|(_, qs)| !qs.is_empty()).map(|(group, qs)| {
        let cards: Html = qs
            .iter()
            .map(|&q| html! {
                <QuestionCard key={q.index()} guide={g.clone()} {q} answer={state.profile.answer(q)}
                    dispatch={dispatch.clone()} />
            })
            .collect();
        match group.map(|gr| g.group(gr)) {
            // Refinements fold away until the reader opens them; answered
            // ones open them, and the summary says how many open ones could
            // still change the result.
            Some(gr) if gr.refine() => {
                let answered = qs.iter().any(|&q| state.profile.is_answered(q));
                let movers = qs.iter().filter(|q| ask_first.contains(q)).count();
                html! {
                    <details class="dg-group dg-refine" open={answered} data-group={gr.id().to_owned()}>
                        <summary>
                            <span class="dg-group-title">{ gr.title() }</span>
                            <span class="dg-refine-count">{ text::refine_count(qs.len(), movers) }</span>
                        </summary>
                        { cards }
                    </details>
                }
            }
            Some(gr) => html! {
                <div class="dg-group" data-group={gr.id().to_owned()}>
                    <h3 class="dg-group-title">{ gr.title() }</h3>
                    { cards }
                </div>
            },
            None => html! { <div class="dg-group">{ cards }</div> },
        }
    });

    let error = state.error.clone().map(|message| {
        let dismiss = dispatch.reform(|_: MouseEvent| Action::DismissError);
        html! {
            <div class="dg-error" role="alert">
                <p><strong>{ text::INPUT_ERROR }</strong>{ message }</p>
                <button type="button" onclick={dismiss}>{ text::DISMISS }</button>
            </div>
        }
    });
    let recommended = state.explanation.path;

    html! {
        <section class="dg" aria-label={state.label.clone()} data-path={state.explanation.path_id.clone()}
            lang={g.lang().to_owned()} dir={g.dir()} data-live={if live { "true" } else { "false" }}>
            <div class="dg-head">
                <p class="dg-kicker">{ text::KICKER }</p>
                <h2 class="dg-title">{ g.title() }</h2>
                <p class="dg-intro">{ g.intro() }</p>
                <PresetPicker guide={g.clone()} current={state.preset} {live} dispatch={dispatch.clone()} />
            </div>
            { for error }
            <div class="dg-main">
                <div class="dg-questions">
                    { for groups }
                    <Glance label={state.explanation.verdict().label()} path={state.explanation.path_name.clone()}
                        open={(!state.explanation.enough()).then(|| state.explanation.ask_first.len())} />
                </div>
                <div class="dg-side">
                    <Recommendation explanation={state.explanation.clone()} {live} dispatch={dispatch.clone()} />
                    <Share copied={state.copied.clone()} {live} can_link={props.can_link}
                        on_copy={props.on_copy.clone()} dispatch={dispatch.clone()} />
                </div>
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

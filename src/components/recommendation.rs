//! The live recommendation: the path, why, warnings, what would change it
//! (each a button that tries the change), watch-outs and what you still
//! own. It renders an [`Explanation`] and nothing else.

use std::rc::Rc;

use decision_guide_core::{text, Explanation};
use yew::prelude::*;

use crate::state::Action;

/// Props of [`Recommendation`].
#[derive(Properties, PartialEq, Clone)]
pub struct RecommendationProps {
    /// What to show.
    pub explanation: Rc<Explanation>,
    /// Whether input is taken yet.
    pub live: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The recommendation panel.
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let e = &props.explanation;
    let complete = e.complete();
    let badge = if complete {
        html! { <span class="dg-badge dg-badge-final">{ text::ALL_ANSWERED }</span> }
    } else {
        html! { <span class="dg-badge dg-badge-provisional">{ text::PROVISIONAL }</span> }
    };
    let provisional = (!complete).then(|| {
        let open = e.unanswered().count();
        let movers = e.open_movers();
        html! {
            <div class="dg-note">
                <p>{ text::open_questions(open, e.answers.len()) }</p>
                if movers.is_empty() {
                    <p>{ text::OPEN_CANNOT_MOVE }</p>
                } else {
                    <p>{ text::OPEN_CAN_MOVE }</p>
                    <ul>{ for movers.iter().map(|p| html! { <li>{ *p }</li> }) }</ul>
                }
            </div>
        }
    });
    let changes = e.would_change.iter().map(|c| {
        let onclick = {
            let (q, answer) = (c.question, Some(c.answer));
            props.dispatch.reform(move |_: MouseEvent| Action::Answer { q, answer })
        };
        html! {
            <li data-question={c.question_id.clone()} data-path={c.path_id.clone()}>
                <span class="dg-change-q">{ &c.prompt }</span>
                <span class="dg-change-row">
                    <button type="button" class="dg-try" disabled={!props.live}
                        aria-label={text::try_answer_name(&c.label, &c.prompt, &c.path_name)} {onclick}>
                        { text::try_answer(&c.label) }
                    </button>
                    <span class="dg-arrow" aria-hidden="true">{ "→" }</span>
                    <span class="dg-change-path">{ &c.path_name }</span>
                </span>
            </li>
        }
    });

    // Two children that never change places: yew diffs unkeyed children
    // from the end, and a part that comes and goes would make it rebuild
    // the verdict, the live region screen readers listen to.
    html! {
        <div class="dg-result" data-path={e.path_id.clone()}>
            <div class="dg-verdict" aria-live="polite" aria-atomic="true">
                <p class="dg-eyebrow">{ text::RECOMMENDED_PATH }{ badge }</p>
                <h3 class="dg-path-name" id="dg-result">{ &e.path_name }</h3>
                <p class="dg-summary">{ &e.path_summary }</p>
            </div>
            <div class="dg-explain">
                { for provisional }
                <h4>{ text::WHY }</h4>
                { for e.reasons.iter().map(|r| html! { <p class="dg-reason" data-rule={r.rule.clone()}>{ &r.text }</p> }) }
                if !e.warnings.is_empty() {
                    <h4>{ text::WARNINGS }</h4>
                    <ul class="dg-warnings">
                        { for e.warnings.iter().map(|w| html! { <li data-warning={w.id.clone()}>{ &w.text }</li> }) }
                    </ul>
                }
                <h4>{ text::WOULD_CHANGE }</h4>
                if e.would_change.is_empty() {
                    <p class="dg-muted">{ text::NOTHING_WOULD_CHANGE }</p>
                } else {
                    <ul class="dg-changes">{ for changes }</ul>
                }
                if !e.watch_outs.is_empty() {
                    <h4>{ text::WATCH_OUT_FOR }</h4>
                    <ul class="dg-list dg-watch">{ for e.watch_outs.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                }
                if !e.you_still_own.is_empty() {
                    <h4>{ text::YOU_STILL_OWN }</h4>
                    <ul class="dg-list dg-owned">{ for e.you_still_own.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                }
            </div>
        </div>
    }
}

//! The live recommendation: the path, why, what would change it (each a
//! button that tries the change), warnings, watch-outs and what you still own.

use std::rc::Rc;

use decision_guide_core::{Decision, Outcome, Profile};
use yew::prelude::*;

use crate::state::{Action, SharedGuide};

/// Props of [`Recommendation`].
#[derive(Properties, PartialEq, Clone)]
pub struct RecommendationProps {
    /// Unique prefix for element ids.
    pub uid: AttrValue,
    /// The guide.
    pub guide: SharedGuide,
    /// Current answers.
    pub profile: Profile,
    /// Their decision (the trace).
    pub decision: Decision,
    /// Their rendered result.
    pub outcome: Rc<Outcome>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The recommendation panel.
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let g = &props.guide;
    let o = &props.outcome;
    let path = &g.paths[usize::from(props.decision.path)];
    let unanswered = o.unanswered.len();
    let heading_id = format!("{}-result", props.uid);

    let badge = if o.complete {
        html! { <span class="dg-badge dg-badge-final">{ "All questions answered" }</span> }
    } else {
        html! { <span class="dg-badge dg-badge-provisional">{ "Provisional" }</span> }
    };

    let provisional = (!o.complete).then(|| {
        // The unanswered questions that, answered one way, move the path.
        let open: Vec<&str> = g
            .questions
            .iter()
            .enumerate()
            .filter(|&(q, _)| !props.profile.is_answered(q))
            .filter(|&(q, _)| props.decision.would_change.iter().any(|c| usize::from(c.question) == q))
            .map(|(_, question)| question.prompt.as_str())
            .collect();
        html! {
            <div class="dg-note">
                <p>{ format!("{unanswered} of {} questions are still unanswered; until then the lighter answer is assumed.", g.questions.len()) }</p>
                if open.is_empty() {
                    <p>{ "None of them can move this recommendation on its own." }</p>
                } else {
                    <p>{ "These could still move it:" }</p>
                    <ul>{ for open.iter().map(|p| html! { <li>{ *p }</li> }) }</ul>
                }
            </div>
        }
    });

    let changes = props.decision.would_change.iter().map(|c| {
        let (q, slot) = (usize::from(c.question), c.slot);
        let question = &g.questions[q];
        let label = &g.option(q, slot).label;
        let target = &g.paths[usize::from(c.path)].name;
        let onclick = {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Answer { q, slot }))
        };
        // The accessible name starts with the visible text, then says what it does.
        let aria = format!("Try “{label}”: answer {label} to “{}”, which moves it to {target}", question.prompt);
        html! {
            <li data-question={question.id.clone()} data-path={g.paths[usize::from(c.path)].id.clone()}>
                <span class="dg-change-q">{ &question.prompt }</span>
                <span class="dg-change-row">
                    <button type="button" class="dg-try" aria-label={aria} {onclick}>{ format!("Try “{label}”") }</button>
                    <span class="dg-arrow" aria-hidden="true">{ "→" }</span>
                    <span class="dg-change-path">{ target }</span>
                </span>
            </li>
        }
    });

    html! {
        <div class="dg-result" data-path={path.id.clone()}>
            <div class="dg-verdict" aria-live="polite" aria-atomic="true">
                <p class="dg-eyebrow">{ "Recommended path" }{ badge }</p>
                <h3 class="dg-path-name" id={heading_id}>{ &path.name }</h3>
                <p class="dg-summary">{ &path.summary }</p>
            </div>
            { for provisional }
            <h4>{ "Why" }</h4>
            { for o.reasons.iter().map(|r| html! { <p class="dg-reason" data-rule={r.rule.clone()}>{ &r.text }</p> }) }
            if !o.warnings.is_empty() {
                <h4>{ "Warnings" }</h4>
                <ul class="dg-warnings">
                    { for o.warnings.iter().map(|w| html! { <li data-warning={w.id.clone()}>{ &w.text }</li> }) }
                </ul>
            }
            <h4>{ "What would change it" }</h4>
            if o.would_change.is_empty() {
                <p class="dg-muted">{ "No single answer would change this recommendation." }</p>
            } else {
                <ul class="dg-changes">{ for changes }</ul>
            }
            <h4>{ "Watch out for" }</h4>
            <ul class="dg-list">{ for o.watch_outs.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
            <h4>{ "You still own" }</h4>
            <ul class="dg-list dg-owned">{ for o.you_still_own.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
        </div>
    }
}

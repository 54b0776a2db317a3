//! The live recommendation: how sure it is (a verdict, a lean while open
//! questions could change it, or blocked), the path, why, warnings, what
//! would change it (each a button that tries the change, kept with its
//! question among those to answer first while it leans, and the nearest
//! sets of several answers with a button that applies them), watch-outs,
//! what you still own and what is already in place. It renders an
//! [`Explanation`] and nothing else.

use std::rc::Rc;

use decision_guide_core::{text, Explanation, Id, QuestionId, Verdict, WouldChange};
use yew::prelude::*;

use crate::state::Action;

/// Props of [`Recommendation`].
#[derive(Properties, Clone)]
pub struct RecommendationProps {
    /// What to show.
    pub explanation: Rc<Explanation>,
    /// Whether input is taken yet.
    pub live: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A new explanation is made only when the answers change (see
/// [`crate::state::State`]): compared by pointer.
impl PartialEq for RecommendationProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.explanation, &other.explanation)
            && self.live == other.live
            && self.dispatch == other.dispatch
    }
}

/// The class of a verdict, for styling and tests.
fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Recommended => "recommended",
        Verdict::ConfirmFirst => "confirm-first",
        Verdict::Leaning => "leaning",
        Verdict::Blocked => "blocked",
    }
}

/// The recommendation panel.
#[component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let e = &props.explanation;
    let verdict = e.verdict();
    let kind = verdict_class(verdict);
    // A button that applies answers. The element then moves the focus to
    // the path's name, once the new result is rendered (element.js).
    let applies = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    // One change as a row: its button and where it leads (the arrow kept
    // with the path's first word). The row carries the answer for print,
    // where the button is not shown.
    let change_row = |c: &WouldChange| {
        let onclick = applies(Action::Answer {
            q: c.question,
            answer: Some(c.answer),
        });
        html! {
            <span class="dg-change-row" data-label={c.label.clone()} data-path={c.path_id.clone()}>
                <button type="button" class="dg-try" disabled={!props.live}
                    aria-label={text::try_answer_name(&c.label, &c.prompt, &c.path_name)} {onclick}>
                    { text::try_answer(&c.label) }
                </button>
                <span class="dg-change-path"><span class="dg-arrow" aria-hidden="true">{ "→ " }</span>{ &c.path_name }</span>
                if !c.blocked.is_empty() || !c.conflicts.is_empty() {
                    <span class="dg-blocked-there">{ text::blocked_there(&c.blocked, &c.conflicts) }</span>
                }
            </span>
        }
    };
    // A question and the rows of its changes, keyed by the question: a
    // list that grew or shrank keeps the node (and the button) that has the
    // focus.
    let question_item = |q: QuestionId, id: &str, prompt: &str| {
        html! {
            <li key={q.index()} data-question={id.to_owned()}>
                <span class="dg-change-q">{ prompt.to_owned() }</span>
                { for e.would_change.iter().filter(|c| c.question == q).map(change_row) }
            </li>
        }
    };
    // While it leans, the open questions to answer first each come with
    // the changes of their answer, and "what would change it" below lists
    // only the others.
    let ask_list = verdict != Verdict::Blocked && !e.enough();
    let status = if verdict == Verdict::Blocked {
        html! { <div class="dg-escalate"><p>{ text::ESCALATE }</p></div> }
    } else if ask_list {
        html! {
            <div class="dg-note dg-ask">
                <p>{ text::ASK_FIRST }</p>
                <ul class="dg-changes">{ for e.ask_first.iter().map(|a| question_item(a.question, &a.question_id, &a.prompt)) }</ul>
            </div>
        }
    } else if !e.complete() {
        html! {
            <div class="dg-note">
                <p>{ text::open_questions(e.unanswered().count(), e.answers.len()) }</p>
                <p>{ text::OPEN_CANNOT_MOVE }</p>
                if !e.could_block.is_empty() {
                    <p>{ text::COULD_BLOCK }</p>
                    <ul>{ for e.could_block.iter().map(|a| html! { <li data-question={a.question_id.clone()}>{ &a.prompt }</li> }) }</ul>
                }
            </div>
        }
    } else {
        Html::default()
    };
    // The other changes, one item a question, in the order they come.
    let asked = |q: QuestionId| ask_list && e.ask_first.iter().any(|a| a.question == q);
    let mut rest: Vec<&WouldChange> = Vec::new();
    for c in e.would_change.iter().filter(|c| !asked(c.question)) {
        if !rest.iter().any(|r| r.question == c.question) {
            rest.push(c);
        }
    }
    let changes = rest
        .iter()
        .map(|c| question_item(c.question, &c.question_id, &c.prompt));
    let nothing = if e.would_change.is_empty() {
        e.nothing_would_change()
    } else {
        text::ONLY_OPEN_WOULD_CHANGE
    };
    let further = e.further().enumerate().map(|(i, n)| {
        let onclick = applies(Action::AnswerAll(n.changes.iter().map(|c| (c.question, c.answer)).collect()));
        html! {
            <li key={i} data-path={n.path_id.clone()}>
                <p class="dg-change-q">{ text::changes_lead_to(n.changes.len(), &n.path_name) }
                    if !n.blocked.is_empty() || !n.conflicts.is_empty() {
                        { " " }<span class="dg-blocked-there">{ text::blocked_there(&n.blocked, &n.conflicts) }</span>
                    }
                </p>
                <ul class="dg-set">
                    { for n.changes.iter().map(|c| html! {
                        <li data-question={c.question_id.clone()}>{ &c.prompt }{ " " }<strong>{ text::answer_is(&c.label) }</strong></li>
                    }) }
                </ul>
                <button type="button" class="dg-try" disabled={!props.live}
                    aria-label={text::apply_name(&n.path_name)} {onclick}>{ text::APPLY }</button>
            </li>
        }
    });

    // Every part is always there, hidden when empty: yew diffs unkeyed
    // children by position, and a part that came and went would shift the
    // rest onto other nodes, rebuilding the live region screen readers
    // listen to and the button that has the focus.
    let section = |class: &'static str, show: bool, body: Html| {
        html! { <div class={format!("dg-sec {class}")} hidden={!show}>{ body }</div> }
    };
    html! {
        <div class="dg-result" data-path={e.path_id.clone()} data-verdict={kind}>
            <div class="dg-verdict" aria-live="polite" aria-atomic="true">
                <p class="dg-eyebrow">{ verdict.label() }<span class={format!("dg-badge dg-badge-{kind}")}>{ e.badge() }</span></p>
                <h3 class="dg-path-name" id="dg-result" tabindex="-1">{ &e.path_name }</h3>
                <p class="dg-summary">{ &e.path_summary }</p>
            </div>
            <div class="dg-explain">
                <div class="dg-sec dg-status">{ status }</div>
                <div class="dg-sec">
                    <h4>{ text::WHY }</h4>
                    { for e.reasons.iter().map(|r| html! { <p class="dg-reason" data-rule={r.rule.clone()}>{ &r.text }</p> }) }
                </div>
                { section("dg-sec-warnings", !e.warnings.is_empty(), html! { <>
                    <h4>{ text::WARNINGS }</h4>
                    <ul class="dg-warnings">
                        { for e.warnings.iter().map(|w| html! {
                            <li data-warning={w.id.clone()} class={w.blocks.then_some("dg-blocks")}>{ &w.text }</li>
                        }) }
                    </ul>
                </> }) }
                <div class="dg-sec">
                    <h4>{ text::WOULD_CHANGE }</h4>
                    <p class="dg-muted" hidden={!rest.is_empty()}>{ nothing }</p>
                    <ul class="dg-changes" hidden={rest.is_empty()}>{ for changes }</ul>
                    <p class="dg-further-title" hidden={e.further().next().is_none()}>{ text::FURTHER }</p>
                    <ul class="dg-changes dg-further" hidden={e.further().next().is_none()}>{ for further }</ul>
                </div>
                { section("dg-sec-watch", !e.watch_outs.is_empty(), html! { <>
                    <h4>{ text::WATCH_OUT_FOR }</h4>
                    <ul class="dg-list dg-watch">{ for e.watch_outs.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </> }) }
                { section("dg-sec-owned", !e.you_still_own.is_empty(), html! { <>
                    <h4>{ text::YOU_STILL_OWN }</h4>
                    <ul class="dg-list dg-owned">{ for e.you_still_own.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </> }) }
                { section("dg-sec-in-place", !e.in_place.is_empty(), html! { <>
                    <h4>{ text::IN_PLACE }</h4>
                    <ul class="dg-list dg-in-place">{ for e.in_place.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </> }) }
            </div>
        </div>
    }
}

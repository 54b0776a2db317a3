//! One question as a fieldset of radio buttons: each option, then "Not sure".

use decision_guide_core::{text, Id, OptionId, QuestionId};
use yew::prelude::*;

use crate::state::{Action, SharedGuide};

/// Props of [`QuestionCard`]: small and cheap to compare, so that a card
/// renders again only when its own answer changes.
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionCardProps {
    /// The guide.
    pub guide: SharedGuide,
    /// The question.
    pub q: QuestionId,
    /// Its answer, if any.
    pub answer: Option<OptionId>,
    /// Whether input is taken yet.
    pub live: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// One question card.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let question = props.guide.question(props.q);
    // Ids need only be unique inside the element's shadow root.
    let name = format!("dg-{}", question.id());
    let help_id = format!("{name}-help");
    let choices = question
        .option_ids()
        .map(|(o, opt)| (Some(o), opt.label()))
        .chain(std::iter::once((None, text::NOT_SURE)));
    let options = choices.map(|(answer, label)| {
        let code = answer.map_or(0, |o| o.index() + 1);
        let id = format!("{name}-{code}");
        let onchange = {
            let (dispatch, q) = (props.dispatch.clone(), props.q);
            Callback::from(move |_: Event| dispatch.emit(Action::Answer { q, answer }))
        };
        html! {
            <label class="dg-opt" for={id.clone()} data-answer={code.to_string()}>
                <input type="radio" id={id} name={name.clone()} value={code.to_string()}
                    checked={props.answer == answer} disabled={!props.live} {onchange} />
                <span>{ label }</span>
            </label>
        }
    });
    html! {
        <fieldset class="dg-q" data-question={question.id().to_owned()} aria-describedby={help_id.clone()}>
            <legend>{ question.prompt() }</legend>
            <p class="dg-help" id={help_id}>{ question.help() }</p>
            <div class="dg-options">{ for options }</div>
            if props.answer.is_none() {
                <p class="dg-assumed">{ question.unanswered() }</p>
            }
        </fieldset>
    }
}

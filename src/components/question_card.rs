//! One question as a fieldset of radio buttons: each option, then "Not sure".
//! They take input even in the pre-render: the element keeps what a reader
//! picks before the wasm arrives and hands it over when the guide goes live.

use decision_guide_core::{text, AnswerValue, Id, OptionId, QuestionId};
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
        .map(|(o, opt)| (Some(o), opt.label(), Some(opt.value())))
        .chain(std::iter::once((None, text::NOT_SURE, None)));
    let options = choices.map(|(answer, label, value)| {
        // The answer as the `answers` JSON gives it, for the element to
        // show a page's answers in the pre-render.
        let value = value.map(|v| match v {
            AnswerValue::Bool(true) => AttrValue::Static("true"),
            AnswerValue::Bool(false) => AttrValue::Static("false"),
            AnswerValue::Choice(c) => AttrValue::from(c.to_string()),
        });
        let code = answer.map_or(0, |o| o.index() + 1);
        let id = format!("{name}-{code}");
        let onchange = {
            let (dispatch, q) = (props.dispatch.clone(), props.q);
            Callback::from(move |_: Event| dispatch.emit(Action::Answer { q, answer }))
        };
        html! {
            <label class="dg-opt" for={id.clone()} data-answer={code.to_string()}>
                <input type="radio" id={id} name={name.clone()} value={code.to_string()}
                    data-value={value} checked={props.answer == answer} {onchange} />
                <span>{ label }</span>
            </label>
        }
    });
    html! {
        <fieldset class="dg-q" data-question={question.id().to_owned()} data-n={props.q.index().to_string()} aria-describedby={help_id.clone()}>
            <legend>{ question.prompt() }</legend>
            <p class="dg-help" id={help_id}>{ question.help() }</p>
            <div class="dg-options">{ for options }</div>
            if props.answer.is_none() {
                <p class="dg-assumed">{ question.unanswered() }</p>
            }
        </fieldset>
    }
}

//! One question as a fieldset of radio buttons: each option, then "Not sure".

use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct QuestionCardProps {
    /// Unique prefix for element ids in this widget.
    pub uid: AttrValue,
    /// The guide (shared, so a render copies no question text).
    pub guide: SharedGuide,
    /// Index of the question in the guide.
    pub index: usize,
    /// Its current slot (0 = not answered).
    pub slot: u8,
    /// Called with the chosen slot.
    pub on_answer: Callback<(usize, u8)>,
}

/// One question card.
#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let q = &props.guide.questions[props.index];
    let name = format!("{}-{}", props.uid, q.id);
    let help_id = format!("{name}-help");
    let labels = q
        .options
        .iter()
        .map(|o| o.label.as_str())
        .chain(std::iter::once("Not sure"));
    let options = labels.enumerate().map(|(i, label)| {
        // Options are slots 1..=n; "Not sure" is slot 0, shown last.
        let slot = if i == q.options.len() {
            0
        } else {
            (i + 1) as u8
        };
        let id = format!("{name}-{slot}");
        let onchange = {
            let (cb, index) = (props.on_answer.clone(), props.index);
            Callback::from(move |_: Event| cb.emit((index, slot)))
        };
        html! {
            <label class="dg-opt" for={id.clone()} data-slot={slot.to_string()}>
                <input type="radio" id={id} name={name.clone()} value={slot.to_string()}
                    checked={props.slot == slot} {onchange} />
                <span>{ label }</span>
            </label>
        }
    });
    html! {
        <fieldset class="dg-q" data-question={q.id.clone()} aria-describedby={help_id.clone()}>
            <legend>{ &q.prompt }</legend>
            <p class="dg-help" id={help_id}>{ &q.help }</p>
            <div class="dg-options">{ for options }</div>
        </fieldset>
    }
}

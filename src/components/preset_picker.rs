//! "Load an example": a select of the guide's presets, and a reset button.

use yew::prelude::*;

use crate::state::{Action, SharedGuide};

/// Props of [`PresetPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresetPickerProps {
    /// Unique prefix for element ids.
    pub uid: AttrValue,
    /// The guide.
    pub guide: SharedGuide,
    /// The preset currently loaded, if its answers are unchanged.
    pub current: Option<usize>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The picker and the reset button.
#[component]
pub fn PresetPicker(props: &PresetPickerProps) -> Html {
    let id = format!("{}-preset", props.uid);
    let onchange = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = select.value().parse::<usize>() {
                cb.emit(Action::Preset(n));
            }
        })
    };
    let reset = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Reset))
    };
    let current = props.current.map(|n| n.to_string()).unwrap_or_default();
    html! {
        <div class="dg-toolbar">
            <label for={id.clone()}>{ "Load an example" }</label>
            <select id={id} class="dg-select" {onchange}>
                <option value="" selected={props.current.is_none()}>{ "Choose a workflow…" }</option>
                { for props.guide.presets.iter().enumerate().map(|(i, p)| html! {
                    <option value={i.to_string()} data-preset={p.id.clone()} selected={current == i.to_string()}>{ &p.title }</option>
                }) }
            </select>
            <button type="button" class="dg-reset" onclick={reset}>{ "Reset answers" }</button>
        </div>
    }
}

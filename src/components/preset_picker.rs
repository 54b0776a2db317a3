//! "Load an example": a select of the guide's presets, and a reset button.

use decision_guide_core::{text, Id, PresetId};
use yew::prelude::*;

use crate::state::{Action, SharedGuide};

/// Props of [`PresetPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresetPickerProps {
    /// The guide.
    pub guide: SharedGuide,
    /// The preset currently loaded, if its answers are unchanged.
    pub current: Option<PresetId>,
    /// Whether input is taken yet.
    pub live: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The picker and the reset button.
#[component]
pub fn PresetPicker(props: &PresetPickerProps) -> Html {
    let onchange = {
        let dispatch = props.dispatch.clone();
        let guide = props.guide.clone();
        // An option's value is the preset's position; the empty one (the
        // prompt) loads nothing. A number with no preset behind it (a page
        // script changed the options) is shown as an error, not loaded.
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(n) = select.value().parse::<usize>() {
                dispatch.emit(match guide.preset_at(n) {
                    Ok(p) => Action::Preset(p),
                    Err(e) => Action::Error(e.to_string()),
                });
            }
        })
    };
    let reset = props.dispatch.reform(|_: MouseEvent| Action::Reset);
    html! {
        <div class="dg-toolbar">
            if !props.guide.presets().is_empty() {
                <label for="dg-preset">{ text::LOAD_EXAMPLE }</label>
                <select id="dg-preset" class="dg-select" disabled={!props.live} {onchange}>
                    <option value="" selected={props.current.is_none()}>{ text::CHOOSE_WORKFLOW }</option>
                    { for props.guide.preset_ids().map(|(id, p)| html! {
                        <option value={id.index().to_string()} data-preset={p.id().to_owned()} selected={props.current == Some(id)}>{ p.title() }</option>
                    }) }
                </select>
            }
            <button type="button" class="dg-reset" disabled={!props.live} onclick={reset}>{ text::RESET }</button>
        </div>
    }
}

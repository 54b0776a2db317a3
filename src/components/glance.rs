//! The summary that stays in view while a reader answers: the current
//! verdict and path in one line, how many open questions could change it,
//! and a button to the full result. It sits at the end of the questions,
//! stuck to the bottom of the viewport while they scroll by (widget.css);
//! where the result is beside the questions (a wide column) it is hidden.
//! The button works before the wasm arrives as after: the element handles
//! it (`element.js`), so it carries no callback here.

use std::rc::Rc;

use decision_guide_core::{text, Explanation};
use yew::prelude::*;

/// Props of [`Glance`].
#[derive(Properties, PartialEq, Clone)]
pub struct GlanceProps {
    /// What the full result shows.
    pub explanation: Rc<Explanation>,
}

/// The one-line summary.
#[component]
pub fn Glance(props: &GlanceProps) -> Html {
    let e = &props.explanation;
    let open = (!e.enough()).then(|| e.ask_first.len());
    html! {
        <div class="dg-glance">
            <p class="dg-glance-text">
                <span class="dg-glance-label">{ e.verdict().label() }</span>{ " " }
                <strong class="dg-glance-path">{ &e.path_name }</strong>
                if let Some(n) = open {
                    <span class="dg-glance-open">{ text::glance_open(n) }</span>
                }
            </p>
            <button type="button" class="dg-glance-go">{ text::SEE_WHY }</button>
        </div>
    }
}

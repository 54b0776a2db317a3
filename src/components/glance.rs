//! The summary that stays in view while a reader answers: the current
//! verdict and path in one line, how many open questions could change it,
//! and a button to the full result. It sits at the end of the questions,
//! stuck to the bottom of the viewport while they scroll by (widget.css);
//! where the result is beside the questions (a wide column) it is hidden.
//! The button works before the wasm arrives as after: the element handles
//! it (`element.js`), so it carries no callback here.

use decision_guide_core::text;
use yew::prelude::*;

/// Props of [`Glance`]: the three things it shows, cheap to compare, so
/// that it renders again only when one of them changes.
#[derive(Properties, PartialEq, Clone)]
pub struct GlanceProps {
    /// The verdict's headline ("Leaning toward", …).
    pub label: &'static str,
    /// The path's name.
    pub path: AttrValue,
    /// How many open questions could change it, while any could.
    pub open: Option<usize>,
}

/// The one-line summary.
#[component]
pub fn Glance(props: &GlanceProps) -> Html {
    html! {
        <div class="dg-glance">
            <p class="dg-glance-text">
                <span class="dg-glance-label">{ props.label }</span>{ " " }
                <strong class="dg-glance-path">{ props.path.clone() }</strong>
                if let Some(n) = props.open {
                    <span class="dg-glance-open">{ text::glance_open(n) }</span>
                }
            </p>
            // In the narrowest columns the words give way to the arrow
            // (widget.css); they stay the button's name.
            <button type="button" class="dg-glance-go">
                <span class="dg-glance-go-text">{ text::SEE_WHY }</span>
                <span class="dg-glance-go-icon" aria-hidden="true">{ "↓" }</span>
            </button>
        </div>
    }
}

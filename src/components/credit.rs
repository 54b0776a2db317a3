//! The source credit, both dates, and the dated vendor notes.

use yew::prelude::*;

use crate::state::SharedGuide;
use decision_guide_core::text;

/// Props of [`Credit`].
#[derive(Properties, PartialEq, Clone)]
pub struct CreditProps {
    /// The guide.
    pub guide: SharedGuide,
}

/// The credit footer.
#[component]
pub fn Credit(props: &CreditProps) -> Html {
    let g = &props.guide;
    html! {
        <div class="dg-credit">
            <p>{ g.source().credit() }</p>
            <p>{ text::dates(g.id(), g.version(), g.source().date(), g.notes_read()) }</p>
            if !g.notes().is_empty() {
                <details>
                    <summary>{ format!("{} ({})", text::VENDOR_NOTES, g.notes().len()) }</summary>
                    <ul>
                        { for g.notes().iter().map(|n| html! {
                            <li data-note={n.id().to_owned()}><strong>{ format!("{} (as read {}): ", n.source(), n.as_read()) }</strong>{ n.text() }</li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}

//! The source credit, the as-of date and the dated vendor notes.

use yew::prelude::*;

use crate::state::SharedGuide;

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
            <p>{ &g.source.credit }</p>
            <p>{ format!("Guide {} {}, facts as of {}.", g.id, g.version, g.as_of) }</p>
            if !g.notes.is_empty() {
                <details>
                    <summary>{ format!("Vendor notes ({})", g.notes.len()) }</summary>
                    <ul>
                        { for g.notes.iter().map(|n| html! {
                            <li data-note={n.id.clone()}><strong>{ format!("{} (as read {}): ", n.source, n.as_read) }</strong>{ &n.text }</li>
                        }) }
                    </ul>
                </details>
            }
        </div>
    }
}

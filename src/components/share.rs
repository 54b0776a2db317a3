//! "Copy as Markdown" and "Copy link": buttons that ask the element to copy
//! the decision record or a link to these answers, what happened (said
//! politely to screen readers), and the text itself to copy by hand where
//! the browser does not allow the clipboard.

use decision_guide_core::text;
use yew::prelude::*;

use crate::state::{Action, Copied, CopyKind};

/// Props of [`Share`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareProps {
    /// What the last copy did.
    pub copied: Option<Copied>,
    /// Whether input is taken yet.
    pub live: bool,
    /// Whether a link can reopen these answers.
    pub can_link: bool,
    /// Asks for a copy.
    pub on_copy: Callback<CopyKind>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The share bar.
#[component]
pub fn Share(props: &ShareProps) -> Html {
    let button = |kind: CopyKind, label: &'static str| {
        let onclick = props.on_copy.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class="dg-copy" disabled={!props.live} {onclick}>{ label }</button> }
    };
    let status = match &props.copied {
        Some(Copied {
            kind,
            by_hand: None,
        }) => html! {
            <p class="dg-copied">{ match kind { CopyKind::Markdown => text::COPIED_MARKDOWN, CopyKind::Link => text::COPIED_LINK } }</p>
        },
        Some(Copied {
            by_hand: Some(content),
            ..
        }) => {
            let dismiss = props.dispatch.reform(|_: MouseEvent| Action::DismissCopy);
            html! {
                <div class="dg-copy-by-hand">
                    <label for="dg-copy-text">{ text::COPY_BY_HAND }</label>
                    <textarea id="dg-copy-text" readonly=true rows="6" value={content.clone()} />
                    <button type="button" onclick={dismiss}>{ text::DISMISS }</button>
                </div>
            }
        }
        None => Html::default(),
    };
    html! {
        <div class="dg-share">
            <div class="dg-share-buttons">
                { button(CopyKind::Markdown, text::COPY_MARKDOWN) }
                if props.can_link { { button(CopyKind::Link, text::COPY_LINK) } }
            </div>
            <div class="dg-share-status" aria-live="polite">{ status }</div>
        </div>
    }
}

//! The rule of thumb, one line a path, the recommended line emphasised.

use decision_guide_core::{text, PathId};
use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`RuleOfThumb`].
#[derive(Properties, PartialEq, Clone)]
pub struct RuleOfThumbProps {
    /// The guide.
    pub guide: SharedGuide,
    /// The recommended path.
    pub recommended: PathId,
}

/// The rule of thumb.
#[component]
pub fn RuleOfThumb(props: &RuleOfThumbProps) -> Html {
    html! {
        <div class="dg-block dg-thumb">
            <h3>{ text::RULE_OF_THUMB }</h3>
            <ul>
                { for props.guide.path_ids().map(|(p, path)| {
                    let chosen = p == props.recommended;
                    html! {
                        <li data-path={path.id().to_owned()} data-recommended={chosen.then_some("true")} class={chosen.then_some("dg-chosen")}>
                            if chosen { <strong>{ path.rule_of_thumb() }</strong> } else { { path.rule_of_thumb() } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

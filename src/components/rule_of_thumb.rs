//! The rule of thumb, one line a path, the recommended line emphasised.

use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`RuleOfThumb`].
#[derive(Properties, PartialEq, Clone)]
pub struct RuleOfThumbProps {
    /// The guide.
    pub guide: SharedGuide,
    /// Index of the recommended path.
    pub recommended: usize,
}

/// The rule of thumb.
#[component]
pub fn RuleOfThumb(props: &RuleOfThumbProps) -> Html {
    html! {
        <div class="dg-block dg-thumb">
            <h3>{ "Rule of thumb" }</h3>
            <ul>
                { for props.guide.paths.iter().enumerate().map(|(i, p)| {
                    let chosen = i == props.recommended;
                    html! {
                        <li data-path={p.id.clone()} data-recommended={chosen.then_some("true")} class={classes!(chosen.then_some("dg-chosen"))}>
                            if chosen { <strong>{ &p.rule_of_thumb }</strong> } else { { &p.rule_of_thumb } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

//! The layers picture: each path a layer, lightest first, each adding
//! control and managed runtime; the recommended one marked.

use decision_guide_core::{text, PathId};
use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`Layers`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayersProps {
    /// The guide.
    pub guide: SharedGuide,
    /// The recommended path.
    pub recommended: PathId,
}

/// The layers picture.
#[component]
pub fn Layers(props: &LayersProps) -> Html {
    html! {
        <div class="dg-block dg-layers">
            <h3>{ text::LAYERS }</h3>
            <p class="dg-muted">{ props.guide.layers_caption() }</p>
            <ol>
                { for props.guide.path_ids().map(|(p, path)| {
                    let chosen = p == props.recommended;
                    // Heavier layers are drawn wider (widget.css, by position:
                    // no inline style, which a strict CSP would refuse).
                    html! {
                        <li data-path={path.id().to_owned()} data-recommended={chosen.then_some("true")}
                            class={if chosen { "dg-layer dg-chosen" } else { "dg-layer" }}>
                            <span class="dg-layer-name">{ path.name() }</span>
                            <span class="dg-layer-text">{ path.layer() }</span>
                            if chosen { <span class="dg-tag">{ text::RECOMMENDED }</span> }
                        </li>
                    }
                }) }
            </ol>
            <p class="dg-scale" aria-hidden="true"><span>{ text::LIGHTER }</span><span>{ text::HEAVIER }</span></p>
        </div>
    }
}

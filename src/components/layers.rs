//! The layers picture: each path a layer, lightest first, each adding
//! control and managed runtime; the recommended one marked.

use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`Layers`].
#[derive(Properties, PartialEq, Clone)]
pub struct LayersProps {
    /// The guide.
    pub guide: SharedGuide,
    /// Index of the recommended path.
    pub recommended: usize,
}

/// The layers picture.
#[component]
pub fn Layers(props: &LayersProps) -> Html {
    let n = props.guide.paths.len();
    html! {
        <div class="dg-block dg-layers">
            <h3>{ "Layers" }</h3>
            <p class="dg-muted">{ &props.guide.layers_caption }</p>
            <ol>
                { for props.guide.paths.iter().enumerate().map(|(i, p)| {
                    let chosen = i == props.recommended;
                    // Heavier layers are drawn wider: the width is the picture.
                    let style = format!("--dg-layer: {}", i + 1);
                    html! {
                        <li data-path={p.id.clone()} data-recommended={chosen.then_some("true")}
                            class={classes!("dg-layer", chosen.then_some("dg-chosen"))} {style}>
                            <span class="dg-layer-name">{ &p.name }</span>
                            <span class="dg-layer-text">{ &p.layer }</span>
                            if chosen { <span class="dg-tag">{ "Recommended" }</span> }
                        </li>
                    }
                }) }
            </ol>
            <p class="dg-scale" aria-hidden="true"><span>{ "lighter" }</span><span>{ format!("{n} layers") }</span><span>{ "more control and managed runtime" }</span></p>
        </div>
    }
}

//! Renders the static guide on the host (yew SSR) and prints its HTML: what
//! every `<decision-guide>` shows before its wasm has loaded, until the
//! wasm swaps in its own, identical, first render. `cargo xtask dist` runs
//! it; because the same components render both, the two cannot drift (and
//! the end-to-end tests compare them).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::rc::Rc;

    use decision_guide::components::app::{App, AppProps};
    use decision_guide::state::SharedGuide;
    use decision_guide::store::Store;

    let html = futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(|| AppProps {
            store: Store::new(SharedGuide(Rc::new(decision_guide_core::builtin().clone()))),
            on_copy: Default::default(),
            can_link: false,
        })
        .hydratable(false)
        .render(),
    );
    print!("{html}");
}

/// Rendering on the host needs the host: nothing to do in a wasm build.
#[cfg(target_arch = "wasm32")]
fn main() {}

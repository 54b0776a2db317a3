//! Rendering on the host (yew SSR), natively only: what the build's
//! pre-render writes (`examples/prerender.rs`) and what `tests/ssr.rs`
//! checks, from one function, so that the two render the same way.

use decision_guide_core::{text, Profile};

use crate::components::app::{App, AppProps};
use crate::state::{Action, SharedGuide};
use crate::store::Store;

/// The built-in guide's HTML as the components render it: the static
/// guide (nothing answered, not live) for `None`, or the live guide started
/// from `start`, as the element's first render is.
pub fn render_on_host(start: Option<Profile>) -> String {
    futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(move || {
            let store = Store::new(SharedGuide::builtin());
            if let Some(profile) = start {
                store.dispatch(Action::Start {
                    profile,
                    error: None,
                    label: text::landmark(1).into(),
                });
            }
            AppProps {
                store,
                on_copy: Default::default(),
                can_link: false,
            }
        })
        .hydratable(false)
        .render(),
    )
}

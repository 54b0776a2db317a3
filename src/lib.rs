//! The decision-guide widget: yew components that render one guide's
//! state, the store that owns that state, and (in the browser) what the
//! `<decision-guide>` element calls.
//!
//! The rules live in `decision-guide-core`; this crate renders a
//! [`state::State`] and turns clicks into [`state::Action`]s. Components
//! are plain yew function components with no browser calls in their render
//! path, so they also render on the host: `examples/prerender.rs` writes
//! the static guide that the element shows before its wasm has loaded.

pub mod components;
// The studio's engine (feature `studio`) is built without the element.
#[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
pub mod element;
#[cfg(not(target_arch = "wasm32"))]
pub mod host;
pub mod state;
pub mod store;
#[cfg(all(target_arch = "wasm32", feature = "studio"))]
pub mod studio;

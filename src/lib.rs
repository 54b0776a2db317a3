//! The decision-guide widget: yew components that run a guide in the
//! browser, and the `<decision-guide>` custom element around them.
//!
//! The rules live in `decision-guide-core`; this crate only renders a
//! [`state::State`] and turns clicks into [`state::Action`]s. Components are
//! plain yew function components, so they render on the host too (native
//! tests, and later server-side pre-rendering).

pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod element;
pub mod state;

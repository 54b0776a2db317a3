//! Entry point of the wasm build: defines `<decision-guide>`. Trunk (for
//! `index.html`) and `cargo xtask dist` (for the embed) both build this.

fn main() {
    #[cfg(target_arch = "wasm32")]
    decision_guide::element::start();
}

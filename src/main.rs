//! The wasm build's entry point. The `<decision-guide>` element is defined
//! by `element.js` before the wasm arrives; the wasm only exports what the
//! element calls (`element.rs`). `main` names that module so the linker
//! keeps its exports in this binary. With the `studio` feature it is the
//! guide studio's engine instead, and exports only what its worker calls
//! (`studio.rs`), without the widget.

fn main() {
    #[cfg(all(target_arch = "wasm32", not(feature = "studio")))]
    decision_guide::element::link();
    #[cfg(all(target_arch = "wasm32", feature = "studio"))]
    decision_guide::studio::link();
}

/// talc, a smaller allocator than std's dlmalloc (2.8 KB gzip less), and a
/// binned one: lol_alloc's free list saved 0.6 KB more but made an
/// answer's render slower (answer→DOM p95 6.9 → 10.9 ms).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

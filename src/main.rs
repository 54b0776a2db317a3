//! The wasm build's entry point. The `<decision-guide>` element is defined
//! by `element.js` before the wasm arrives; the wasm only exports what the
//! element calls (`element.rs`). `main` names that module so the linker
//! keeps its exports in this binary.

fn main() {
    #[cfg(target_arch = "wasm32")]
    decision_guide::element::link();
}

/// A smaller allocator than std's dlmalloc, for the shipped wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

//! `cargo xtask bench`: every figure of the project in one run, printed as
//! one table and kept in `target/bench.json` so that commits can be
//! compared.
//!
//! 1. `dist/` is built (its sizes are part of the table);
//! 2. the rules core natively (`crates/core/benches/classify.rs`): ns per
//!    classify and explanation, seconds for the exhaustive check;
//! 3. the embed in a blog page against static HTML and hand-written JS in
//!    headless Chromium (`tests/bench/measure.mjs`): first content,
//!    interactive, answer→DOM, memory over mount/unmount cycles;
//! 4. `tests/bench/report.mjs` prints the table with each goal;
//! 5. the guide studio in headless Chromium (`tests/bench/studio.mjs`):
//!    keystroke → errors and preview, → proof in the worker, → decision
//!    diff, and the longest main-thread task while typing, with its goals.
//!
//! Options after `bench` go to the browser part (`--loads N`, `--changes
//! N`, `--cycles N`).

use std::path::Path;

use anyhow::Result;

use crate::{cmd, dist, run_cmd};

/// Runs the whole benchmark.
pub fn bench(root: &Path, browser_options: Vec<String>) -> Result<()> {
    dist::dist(root)?;
    let json = root.join("target/bench.json");
    // A fresh file: figures of different commits must not mix.
    let _ = std::fs::remove_file(&json);
    let mut native = cmd(
        root,
        "cargo",
        &["bench", "--quiet", "-p", "decision-guide-core"],
    );
    native.env("DG_BENCH_JSON", &json);
    run_cmd(native)?;
    let json_arg = json.display().to_string();
    let mut args = vec!["tests/bench/measure.mjs", "--json", &json_arg];
    args.extend(browser_options.iter().map(String::as_str));
    run_cmd(cmd(root, "node", &args))?;
    run_cmd(cmd(root, "node", &["tests/bench/report.mjs", &json_arg]))?;
    run_cmd(cmd(
        root,
        "node",
        &["tests/bench/studio.mjs", "--json", &json_arg],
    ))
}

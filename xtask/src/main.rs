//! The project's dev tasks, as `cargo xtask <task>` (alias in
//! `.cargo/config.toml`), so the README's commands are short and the same on
//! every machine.
//!
//! - `test`: everything `.ci/run` checks (see [`test`]).
//! - `dist`: builds `dist/`, every surface (`dist.rs`, `page.rs`,
//!   `contract/`).
//! - `serve`: `dist`, then serves `dist/` and `www/` on 127.0.0.1.
//! - `bench`: the figures of `bench.rs`: sizes, browser timings against
//!   the two baselines, memory, and the rules core.
//! - `codegen`: writes the built-in guide's `static` from its JSON.
//!
//! Each task installs what it needs when it is missing (`tools.rs`) and
//! says nothing about tools that are already there.

mod bench;
mod contract;
mod dist;
mod names;
mod page;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
cargo xtask <task>

  test     fmt, clippy -D warnings (native and wasm), every native test,
           component tests in headless Chromium, the trunk dev build, dist,
           the size budget, and the end-to-end tests in Chromium
  dist     build dist/ (the embed, the full page, every other surface)
  serve    dist, then serve dist/ and www/ on http://127.0.0.1:8080
  bench    sizes, first content, interactive, answer→DOM and memory in
           Chromium against static HTML and hand-written JS, and the rules
           core natively; prints one table, writes target/bench.json
  codegen  write crates/core/src/builtin.rs from the built-in guide's JSON";

fn main() -> Result<()> {
    let task = std::env::args().nth(1);
    let root = root()?;
    match task.as_deref() {
        Some("test") => test(&root),
        Some("dist") => dist::dist(&root).map(|_| ()),
        Some("serve") => serve(&root),
        Some("bench") => bench::bench(&root, std::env::args().skip(2).collect()),
        Some("codegen") => codegen(&root),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => bail!("unknown task {other:?}\n\n{USAGE}"),
    }
}

/// The workspace root: the parent of this crate's directory.
fn root() -> Result<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    Ok(here
        .parent()
        .context("xtask lives inside the workspace")?
        .to_path_buf())
}

/// A command run in the workspace root with the project's tools first on PATH.
fn cmd(root: &Path, program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args)
        .current_dir(root)
        .env("PATH", tools::path_with_tools(root));
    c
}

/// Runs a command, echoing it, and fails if it fails.
fn run(root: &Path, program: &str, args: &[&str]) -> Result<()> {
    run_cmd(cmd(root, program, args))
}

fn run_cmd(mut c: Command) -> Result<()> {
    let shown = format!(
        "{} {}",
        c.get_program().to_string_lossy(),
        c.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    eprintln!("$ {shown}");
    let status = c
        .status()
        .with_context(|| format!("cannot start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Everything `.ci/run` checks, cheapest first.
fn test(root: &Path) -> Result<()> {
    tools::ensure_all(root)?;
    run(root, "cargo", &["fmt", "--all", "--check"])?;
    // Clippy natively (every package, and the core without its compiler)
    // and on the wasm widget, once, with the custom-guides feature: it only
    // adds code, so one check covers both variants.
    for scope in [
        &["--workspace", "--all-targets"][..],
        // The core as the shipped widget takes it: no compiler.
        &[
            "-p",
            "decision-guide-core",
            "--no-default-features",
            "--features",
            "builtin",
        ][..],
        &[
            "-p",
            "decision-guide",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--features",
            "custom-guides",
        ][..],
        &[
            "-p",
            "decision-guide",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "decision-guide-web",
            "--features",
            "studio",
        ][..],
    ] {
        run(
            root,
            "cargo",
            &[&["clippy", "--quiet"][..], scope, &["--", "-D", "warnings"]].concat(),
        )?;
    }
    run(root, "cargo", &["test", "--workspace", "--quiet"])?;
    // Component tests, in headless Chromium through chromedriver (the
    // runner takes no --quiet).
    let mut wasm = cmd(
        root,
        "cargo",
        &[
            "test",
            "-p",
            "decision-guide",
            "--target",
            "wasm32-unknown-unknown",
        ],
    );
    wasm.env("CHROMEDRIVER", tools::CHROMEDRIVER);
    run_cmd(wasm)?;
    dist::dist(root)?;
    dist::check_budget(root)?;
    // The dev loop (`trunk serve`) still builds; the end-to-end tests load
    // its page. Its own debug build: Trunk builds the workspace's default
    // members, whose features differ from the shipped widget's.
    run(root, "trunk", &["build", "index.html"])?;
    run(
        root,
        "npx",
        &[
            "playwright",
            "test",
            "--config",
            "tests/e2e/playwright.config.mjs",
        ],
    )?;
    eprintln!("xtask test: every check passed");
    Ok(())
}

fn serve(root: &Path) -> Result<()> {
    dist::dist(root)?;
    eprintln!("serving http://127.0.0.1:8080/ (the full page) and http://127.0.0.1:8080/www/ (embedding pages); Ctrl-C stops");
    run(root, "node", &["tests/e2e/serve.mjs", "8080"])
}

fn codegen(root: &Path) -> Result<()> {
    run(
        root,
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "decision-guide-core",
            "--no-default-features",
            "--features",
            "json",
            "--example",
            "codegen",
        ],
    )
}

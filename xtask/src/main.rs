//! The project's dev tasks, as `cargo xtask <task>` (alias in
//! `.cargo/config.toml`), so the README's commands are short and the same on
//! every machine.
//!
//! - `test`: formatting, clippy with warnings denied (native and wasm),
//!   native tests, component tests in headless Chromium, then `dist` and the
//!   end-to-end tests in Chromium.
//! - `dist`: builds `dist/` (the Trunk full page and the embed).
//! - `serve`: `dist`, then serves it (and `www/`) on 127.0.0.1.
//! - `bench`: the core benchmark, printing figures.
//!
//! Each task installs what it needs when it is missing (wasm target, trunk,
//! wasm-bindgen-cli at the Cargo.lock version, Chromium and its driver, npm
//! packages) and says nothing about tools that are already there.

mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
cargo xtask <task>

  test    fmt, clippy -D warnings, native tests, component tests in
          headless Chromium, dist, and the end-to-end tests
  dist    build dist/: index.html (Trunk) and the embed
          (decision-guide.js + decision-guide_bg.wasm)
  serve   dist, then serve dist/ and www/ on http://127.0.0.1:8080
  bench   the rules-core benchmark (classify ns, exhaustive check seconds)";

fn main() -> Result<()> {
    let task = std::env::args().nth(1);
    let root = root()?;
    match task.as_deref() {
        Some("test") => test(&root),
        Some("dist") => dist(&root).map(|_| ()),
        Some("serve") => serve(&root),
        Some("bench") => bench(&root),
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

/// A command run in `dir` with the project's tools first on PATH.
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

fn test(root: &Path) -> Result<()> {
    tools::ensure_all(root)?;
    run(root, "cargo", &["fmt", "--all", "--check"])?;
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run(
        root,
        "cargo",
        &[
            "clippy",
            "--quiet",
            "-p",
            "decision-guide",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
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
    dist(root)?;
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

/// Builds `dist/` and returns its path.
fn dist(root: &Path) -> Result<PathBuf> {
    tools::ensure_all(root)?;
    let dist = root.join("dist");
    // Trunk empties dist/ first, so the embed is written after it.
    run(root, "trunk", &["build", "index.html", "--release"])?;
    run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "--quiet",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "decision-guide-web",
        ],
    )?;
    let embed = root.join("target/embed");
    std::fs::create_dir_all(&embed)?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/decision-guide-web.wasm");
    run(
        root,
        "wasm-bindgen",
        &[
            wasm.to_str().context("utf-8 path")?,
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            "target/embed",
            "--out-name",
            "decision-guide",
        ],
    )?;
    run(
        root,
        "wasm-opt",
        &[
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
            "target/embed/decision-guide_bg.wasm",
            "-o",
            "dist/decision-guide_bg.wasm",
        ],
    )?;
    // One module a page includes: the element code, the wasm-bindgen glue
    // and its snippets bundled together; it finds its .wasm beside itself.
    std::fs::write(
        embed.join("entry.js"),
        "// Loads the wasm beside this script; its start function defines <decision-guide>.\nimport init from './decision-guide.js';\nawait init();\n",
    )?;
    run(
        root,
        "esbuild",
        &[
            "target/embed/entry.js",
            "--bundle",
            "--format=esm",
            "--minify",
            "--log-level=warning",
            "--outfile=dist/decision-guide.js",
        ],
    )?;
    sizes(root)?;
    Ok(dist)
}

/// Prints the size of each file in dist/, raw and gzipped.
fn sizes(root: &Path) -> Result<()> {
    let script = "const fs=require('fs'),z=require('zlib');for(const f of fs.readdirSync('dist').sort()){const p='dist/'+f;if(!fs.statSync(p).isFile())continue;const b=fs.readFileSync(p);console.log(`  ${f.padEnd(40)} ${String(b.length).padStart(8)} B raw ${String(z.gzipSync(b,{level:9}).length).padStart(8)} B gzip`)}";
    eprintln!("dist/:");
    run(root, "node", &["-e", script])
}

fn serve(root: &Path) -> Result<()> {
    dist(root)?;
    eprintln!("serving http://127.0.0.1:8080/ (the full page) and http://127.0.0.1:8080/www/ (embedding pages); Ctrl-C stops");
    run(root, "node", &["tests/e2e/serve.mjs", "8080"])
}

fn bench(root: &Path) -> Result<()> {
    run(
        root,
        "cargo",
        &["bench", "--quiet", "-p", "decision-guide-core"],
    )
}

//! Installing what the tasks need when it is missing, quietly when present:
//! the wasm target, rustfmt and clippy, trunk, wasm-bindgen-cli at the
//! version in Cargo.lock, Debian's Chromium and ChromeDriver, npm packages
//! (Playwright, binaryen's wasm-opt, TypeScript's tsc, the studio's
//! CodeMirror).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::run;

/// Trunk's version: 0.22 needs a newer rustc than this machine has.
const TRUNK: &str = "0.21.14";
/// Debian's ChromeDriver, which wasm-bindgen-test drives Chromium with.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// PATH with node_modules/.bin (wasm-opt, esbuild) and cargo's bin first.
pub fn path_with_tools(root: &Path) -> String {
    let mut parts = vec![root.join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("HOME") {
        parts.push(PathBuf::from(home).join(".cargo/bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// The stdout of `program args`, if it runs and succeeds.
fn output(root: &Path, program: &str, args: &[&str]) -> Option<String> {
    Command::new(program)
        .args(args)
        .env("PATH", path_with_tools(root))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("read Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen")
}

/// Installs everything the tasks need that is missing.
pub fn ensure_all(root: &Path) -> Result<()> {
    for (component, probe) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if output(root, "cargo", &[probe, "--version"]).is_none() {
            run(root, "rustup", &["component", "add", component])?;
        }
    }
    let targets = output(root, "rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        run(root, "rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let trunk = output(root, "trunk", &["--version"]).unwrap_or_default();
    if trunk.trim() != format!("trunk {TRUNK}") {
        run(
            root,
            "cargo",
            &["install", "trunk", "--version", TRUNK, "--locked"],
        )?;
    }
    let wbg = locked_wasm_bindgen(root)?;
    let have = output(root, "wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.trim() != format!("wasm-bindgen {wbg}") {
        // Not --locked: its lock file pins a crate version this registry lacks.
        run(
            root,
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &wbg],
        )?;
    }
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        run(root, "apt-get", &["update", "-qq"])?;
        let mut c = crate::cmd(
            root,
            "apt-get",
            &["install", "-y", "-qq", "chromium", "chromium-driver"],
        );
        c.env("DEBIAN_FRONTEND", "noninteractive");
        crate::run_cmd(c)?;
    }
    // Probes for package.json's tools, and for the editor the guide studio
    // bundles (a library, no tool); `npm ci` installs them all at once.
    let npm_tools = ["playwright", "wasm-opt", "tsc"];
    let npm_libraries = ["codemirror", "@codemirror/lang-json", "@lezer/highlight"];
    if npm_tools
        .iter()
        .any(|tool| !root.join("node_modules/.bin").join(tool).exists())
        || npm_libraries.iter().any(|lib| {
            !root
                .join("node_modules")
                .join(lib)
                .join("package.json")
                .exists()
        })
    {
        run(
            root,
            "npm",
            &["ci", "--no-audit", "--no-fund", "--loglevel=error"],
        )?;
    }
    Ok(())
}

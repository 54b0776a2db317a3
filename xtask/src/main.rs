//! The project's dev tasks, as `cargo xtask <task>` (alias in
//! `.cargo/config.toml`), so the README's commands are short and the same on
//! every machine.
//!
//! - `test`: formatting, clippy with warnings denied, and every test.
//! - `bench`: the core benchmark, printing figures.
//!
//! Each task installs what it needs when it is missing, and says nothing
//! about tools that are already there.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str = "\
cargo xtask <task>

  test    cargo fmt --check, clippy -D warnings, and every test
  bench   the rules-core benchmark (classify ns, exhaustive check seconds)";

fn main() -> Result<()> {
    let task = std::env::args().nth(1);
    let root = root()?;
    match task.as_deref() {
        Some("test") => test(&root),
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

/// Runs a command in `dir`, echoing it, and fails if it fails.
fn run(dir: &Path, program: &str, args: &[&str]) -> Result<()> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .with_context(|| format!("cannot start {program}"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// Whether `program args` runs and succeeds, with its output hidden.
fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Makes sure the rustup components the checks need are installed.
fn ensure_components() -> Result<()> {
    for (component, probe) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if !works("cargo", &[probe, "--version"]) {
            run(Path::new("."), "rustup", &["component", "add", component])?;
        }
    }
    Ok(())
}

fn test(root: &Path) -> Result<()> {
    ensure_components()?;
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
    run(root, "cargo", &["test", "--workspace", "--quiet"])?;
    eprintln!("xtask test: every check passed");
    Ok(())
}

fn bench(root: &Path) -> Result<()> {
    run(
        root,
        "cargo",
        &["bench", "--quiet", "-p", "decision-guide-core"],
    )
}

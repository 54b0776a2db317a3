//! The CLI against hostile input (issue "Trust"), through the real binary:
//! huge keys and values, 50 MB of JSON Lines, NUL bytes, bytes that are
//! not UTF-8, deep nesting, guide files that are missing, directories or
//! not text, a closed stdout, bad flags, the broken guides of
//! `crates/core/tests/broken/`, and a property over JSON Lines with the
//! core library as the oracle. Each test prints how many cases it ran.
//!
//! This file holds what the modules share (how a refusal and a usage error
//! look, the broken guides' folder, scratch directories); the tests are in
//! the modules, by subject.

#[path = "../common/mod.rs"]
mod common;

mod bytes;
mod flags;
mod guide_files;
mod json_lines;
mod output;
mod size;

use std::path::PathBuf;
use std::process::Output;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a refusal of bad input: exit 1, nothing on stdout, a short
/// stderr holding every needle.
fn refused(o: &Output, needles: &[&str]) {
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", excerpt(&err));
    assert!(o.stdout.is_empty(), "stdout: {}", excerpt(&text(&o.stdout)));
    assert!(
        o.stderr.len() < 2048,
        "{} bytes of stderr: {}",
        o.stderr.len(),
        excerpt(&err)
    );
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err:?}");
    }
}

/// Asserts a usage error: exit 2, the usage on stderr, nothing on stdout.
fn usage_error(o: &Output, args: &[&str], needle: &str) {
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{args:?}: stderr: {err}");
    assert!(o.stdout.is_empty(), "{args:?}");
    assert!(err.contains("USAGE:"), "{args:?}: {err}");
    assert!(err.contains(needle), "{args:?}: {needle:?} not in {err}");
}

fn excerpt(s: &str) -> String {
    decision_guide_core::excerpt(s)
}

/// A file of the broken guides' folder.
fn broken(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/broken")
        .join(name)
        .display()
        .to_string()
}

/// A scratch directory of this test binary's own, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("dg-hostile-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

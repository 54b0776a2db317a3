//! Flags: every bad flag, value or command is a usage error (exit 2, the
//! usage on stderr), an argument that is not UTF-8 included.

use std::process::{Command, Stdio};

use super::common::{run, BIN};
use super::usage_error;

#[test]
fn bad_flags_are_usage_errors() {
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["check", "--limit", "garbage"], "invalid digit"),
        (vec!["check", "--limit", "-1"], "invalid digit"),
        (vec!["check", "--limit", "1.5"], "invalid digit"),
        (vec!["check", "--limit", ""], "empty string"),
        (
            vec!["check", "--limit", "99999999999999999999999999"],
            "too large",
        ),
        (vec!["check", "--limit"], "missing argument"),
        (vec!["check", "--limit=x"], "invalid digit"),
        (vec!["check", "a.json", "b.json"], "unexpected argument"),
        (vec!["check", "--bogus"], "--bogus"),
        (vec!["classify", "--bogus"], "--bogus"),
        (vec!["classify", "-x"], "-x"),
        (vec!["classify", "--format"], "missing argument"),
        (
            vec!["classify", "--format", "xml"],
            "unknown --format \"xml\"",
        ),
        (vec!["classify", "stray"], "unexpected argument"),
        (vec!["guide", "--bogus"], "--bogus"),
        (vec!["guide", "extra"], "unexpected argument"),
        (vec!["presets", "--bogus"], "--bogus"),
        (vec!["presets", "--guide"], "missing argument"),
        (vec!["--bogus"], "--bogus"),
        (vec!["frobnicate"], "unknown command \"frobnicate\""),
        (vec![], "missing command"),
    ];
    for (args, needle) in &cases {
        usage_error(&run(args, "{}"), args, needle);
    }
    // Not UTF-8 in an argument.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let o = Command::new(BIN)
            .arg("classify")
            .arg("--title")
            .arg(std::ffi::OsStr::from_bytes(b"caf\xe9"))
            .stdin(Stdio::null())
            .output()
            .expect("runs");
        usage_error(&o, &["classify", "--title", "caf\\xe9"], "invalid unicode");
    }
    eprintln!("hostile::bad_flags: {} cases", cases.len() + 1);
}

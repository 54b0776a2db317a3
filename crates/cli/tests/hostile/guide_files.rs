//! Guide files: files that cannot be read (missing, a directory, not
//! UTF-8, empty) are named, and broken guides fail the check naming the
//! problem.

use super::common::run;
use super::{broken, text, Scratch};

#[test]
fn guide_files_that_cannot_be_read_are_named() {
    let scratch = Scratch::new("files");
    let utf16 = scratch.file("utf16.json", b"\xff\xfe{\0}\0");
    let latin1 = scratch.file("latin1.json", b"{\"id\": \"caf\xe9\"}");
    let empty = scratch.file("empty.json", b"");
    let dir = scratch.0.display().to_string();
    let missing = scratch.0.join("missing.json").display().to_string();
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (
            &missing,
            vec!["cannot read guide", "missing.json", "No such file"],
        ),
        (&dir, vec!["cannot read guide", "directory"]),
        (
            &utf16,
            vec![
                "cannot read guide",
                "not UTF-8 text: line 1, column 1 holds byte 0xff",
            ],
        ),
        (
            &latin1,
            vec![
                "cannot read guide",
                "not UTF-8 text: line 1, column 12 holds byte 0xe9",
            ],
        ),
        (
            &empty,
            vec!["is not valid (1 problem)", "$: the guide is empty"],
        ),
    ];
    let mut runs = 0;
    for (file, needles) in &cases {
        for args in [
            vec!["check", *file],
            vec!["classify", "--guide", *file],
            vec!["presets", "--guide", *file],
        ] {
            let o = run(&args, "{}");
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
            assert!(o.stdout.is_empty(), "{args:?}");
            for n in needles {
                assert!(err.contains(n), "{args:?}: {n:?} not in {err}");
            }
            runs += 1;
        }
    }
    eprintln!("hostile::guide_files_that_cannot_be_read: {runs} runs");
}

/// A few of the broken guides of `crates/core/tests/broken/` through
/// `check`: each exits 1 and says what is wrong (`broken.rs` in the core
/// checks all of them against `expected.toml`).
#[test]
fn broken_guides_fail_the_check_naming_the_problem() {
    let cases: [(&str, &str); 8] = [
        (
            "unknown-path-in-rule.json",
            "$.rules[0].path: unknown path \"nowhere\"",
        ),
        (
            "duplicate-question-id.json",
            "$.questions[2].id: duplicate id \"approval\"",
        ),
        ("fact-cycle.json", "fact \"agentic\" refers to itself"),
        (
            "not-json.json",
            "$: not valid JSON: expected value at line 1 column 1",
        ),
        (
            "empty-file.json",
            "$: the guide is empty: a guide is a JSON object",
        ),
        ("dead-rule.json", "FAIL dead-rule"),
        ("broken-invariant-path-is.json", "FAIL single-is-light"),
        ("empty-citation.json", "FAIL empty-citation"),
    ];
    for (file, needle) in cases {
        let o = run(&["check", &broken(file)], "");
        let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert_eq!(o.status.code(), Some(1), "{file}: {all}");
        assert!(all.contains(needle), "{file}: {needle:?} not in {all}");
    }
    // The base they are made from passes.
    let o = run(&["check", &broken("minimal.json")], "");
    assert!(o.status.success(), "{}", text(&o.stdout));
    eprintln!(
        "hostile::broken_guides_fail_the_check: {} guides",
        cases.len() + 1
    );
}

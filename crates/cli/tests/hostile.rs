//! The CLI against hostile input (issue "Trust"), through the real binary:
//! huge keys and values, 50 MB of JSON Lines, NUL bytes, bytes that are
//! not UTF-8, deep nesting, guide files that are missing, directories or
//! not text, a closed stdout, bad flags, the broken guides of
//! `crates/core/tests/broken/`, and a property over JSON Lines with the
//! core library as the oracle. Each test prints how many cases it ran.

mod common;

use std::cell::Cell;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use common::{run, run_closing_stdout, spawn, BIN};
use decision_guide_core::{builtin, parse_answers};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use serde_json::Value;

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

// ---------------------------------------------------------------------------
// Size

#[test]
fn ten_megabyte_keys_and_values_are_quoted_as_bounded_excerpts() {
    let big = 10_000_000;
    let key = "k".repeat(big);
    let value = "v".repeat(big);
    let wide = "é".repeat(big / 2);
    let controls = "\\u0001".repeat(big / 6);
    let cases: Vec<(String, String, Vec<&str>)> = vec![
        (
            "key".into(),
            format!("{{\"{key}\": true}}"),
            vec!["unknown question id \"kkk", "(10000000 characters)"],
        ),
        (
            "value".into(),
            format!("{{\"shape\": \"{value}\"}}"),
            vec![
                "question \"shape\": unknown option \"vvv",
                "(10000000 characters)",
            ],
        ),
        (
            "two-byte value".into(),
            format!("{{\"shape\": \"{wide}\"}}"),
            vec!["unknown option \"ééé", "(5000000 characters)"],
        ),
        (
            "escaped controls in a key".into(),
            format!("{{\"{controls}\": 1}}"),
            vec!["unknown question id \"\\u0001", "(1666666 characters)"],
        ),
        (
            "value on line 2 of JSON Lines".into(),
            format!("{{\"shape\": \"single\"}}\n{{\"tools_actions\": \"{value}\"}}\n"),
            vec![
                "line 2:",
                "question \"tools_actions\"",
                "(10000000 characters)",
            ],
        ),
        (
            "ten million digits".into(),
            format!("{{\"shape\": {}}}", "1".repeat(big)),
            vec!["number out of range"],
        ),
        (
            "a tiny number".into(),
            format!("{{\"shape\": 0.{}1}}", "0".repeat(big)),
            vec!["question \"shape\"", "got 0"],
        ),
    ];
    for (what, input, needles) in &cases {
        let o = run(&["classify"], input.as_bytes());
        eprintln!(
            "hostile: {what}: {} bytes in, {} bytes of stderr",
            input.len(),
            o.stderr.len()
        );
        refused(&o, needles);
    }
    eprintln!(
        "hostile::ten_megabyte_keys_and_values: {} cases",
        cases.len()
    );
}

#[test]
fn fifty_megabytes_of_json_lines_stream_through() {
    // Every preset's answers, and blank and indented lines between them.
    let guide = builtin();
    let samples: Vec<(String, String)> = guide
        .presets()
        .iter()
        .map(|p| {
            let answers = guide.answers_json(p.profile());
            let result = guide.evaluate(p.profile()).to_json();
            (answers, result)
        })
        .collect();
    let mut input = String::with_capacity(51 << 20);
    let mut expected = Vec::new();
    let mut k = 0usize;
    while input.len() < 50 << 20 {
        let (answers, result) = &samples[k % samples.len()];
        match k % 7 {
            0 => input.push_str("\n   \n"),
            3 => input.push_str("\t  "),
            _ => {}
        }
        input.push_str(answers);
        input.push_str(if k % 5 == 0 { "\r\n" } else { "\n" });
        expected.push(result);
        k += 1;
    }
    let mut child = spawn(&["classify"]);
    // Written here rather than with `feed`: every byte must go in.
    let mut pipe = child.stdin.take().expect("stdin");
    let bytes_in = input.len();
    let writer = std::thread::spawn(move || pipe.write_all(input.as_bytes()));
    // Read line by line, comparing as it comes: the output is ~200 MB.
    let reader = BufReader::new(child.stdout.take().expect("stdout"));
    let (mut lines, mut bytes_out, mut peak_kb) = (0usize, 0usize, 0u64);
    for line in reader.lines() {
        let line = line.expect("stdout line");
        bytes_out += line.len() + 1;
        if lines % 10_000 == 0 {
            peak_kb = peak_kb.max(peak_memory_kb(child.id()));
        }
        if lines % 997 == 0 {
            assert_eq!(&line, expected[lines], "line {}", lines + 1);
        }
        lines += 1;
    }
    writer.join().expect("writer").expect("stdin written");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("exits");
    assert!(status.success(), "{err}");
    assert_eq!(lines, expected.len());
    eprintln!(
        "hostile::fifty_megabytes_of_json_lines: {bytes_in} bytes, {} answers in, {lines} results ({bytes_out} bytes) out, peak memory {} MB",
        expected.len(),
        peak_kb / 1024
    );
    // Results are written as they are made: memory holds the input and
    // the answers, not 300 MB of results (1.7 GB before they streamed).
    assert!(peak_kb < 400 * 1024, "peak memory {} MB", peak_kb / 1024);
}

/// The peak memory of a running process in kB (Linux; 0 elsewhere).
fn peak_memory_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Bytes

#[test]
fn nul_bytes_are_refused_clearly() {
    let cases: [(&[u8], &[&str]); 5] = [
        (
            b"{\"shape\": \"single\"}\0",
            &["malformed JSON: trailing characters"],
        ),
        (
            b"\0{\"shape\": \"single\"}",
            &["malformed JSON: expected value at line 1 column 1"],
        ),
        (
            b"{\"sh\0ape\": \"single\"}",
            &["control character", "line 1 column 5"],
        ),
        (
            b"{\"shape\": \"single\"}\n\0\n",
            &["line 2:", "malformed JSON"],
        ),
        (b"\0\0\0\0", &["malformed JSON"]),
    ];
    for (input, needles) in cases {
        refused(&run(&["classify"], input), needles);
    }
    eprintln!("hostile::nul_bytes: {} cases", cases.len());
}

#[test]
fn bytes_that_are_not_utf8_are_refused_naming_the_line() {
    let cases: [(&[u8], &str); 4] = [
        (b"\xff", "line 1, column 1 holds byte 0xff"),
        (
            b"{\"shape\": \"single\"}\n{\"shape\": \"sin\xc3gle\"}\n",
            "line 2, column 15 holds byte 0xc3",
        ),
        (b"\xfe\xff\0{\0}", "line 1, column 1 holds byte 0xfe"),
        (
            b"{}\n{}\n\n{\"shape\": \"\xed\xa0\x80\"}",
            "line 4, column 12 holds byte 0xed",
        ),
    ];
    for (input, needle) in cases {
        refused(
            &run(&["classify"], input),
            &["cannot read stdin: not UTF-8 text:", needle],
        );
    }
    eprintln!("hostile::bytes_that_are_not_utf8: {} cases", cases.len());
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = 100_000;
    let cases = [
        "[".repeat(deep),
        format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        format!("{{\"shape\": {}", "[".repeat(deep)),
        format!("{{\"shape\": {}{}}}", "[".repeat(deep), "]".repeat(deep)),
        "{\"a\":".repeat(deep),
        format!(
            "{{\"shape\": \"single\"}}\n{{\"shape\": {}\n",
            "{\"a\":".repeat(deep)
        ),
    ];
    for input in &cases {
        let o = run(&["classify"], input.as_bytes());
        // Exit 1 with a message (a stack overflow is a signal, no code).
        refused(&o, &["decision-guide: "]);
    }
    // And as a guide file.
    let scratch = Scratch::new("deep");
    // A condition nested 100 000 levels deep (values that are only
    // skipped, such as a preset's answers, are skipped without recursion).
    let guide = format!("{{\"facts\": {{\"f\": {}", "{\"not\": ".repeat(deep));
    let file = scratch.file("deep.json", guide.as_bytes());
    refused(&run(&["check", &file], ""), &["recursion limit exceeded"]);
    eprintln!("hostile::deep_nesting: {} cases", cases.len() + 1);
}

// ---------------------------------------------------------------------------
// Guide files

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
            vec!["is not valid (1 problem)", "$: EOF while parsing a value"],
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
        ("not-json.json", "$: expected value at line 1 column 1"),
        ("empty-file.json", "$: EOF while parsing a value"),
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

// ---------------------------------------------------------------------------
// Output

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let many: String = (0..20_000)
        .map(|i| {
            if i % 2 == 0 {
                "{\"shape\": \"single\"}\n"
            } else {
                "{\"shape\": \"multi_step\", \"tools_actions\": true}\n"
            }
        })
        .collect();
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/guides/examples/always-bedrock.json")
        .display()
        .to_string();
    let minimal = broken("minimal.json");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["classify"], &many),
        (vec!["classify", "--format", "markdown"], &many),
        (vec!["classify"], "{\"shape\": \"single\"}"),
        (
            vec!["classify", "--format", "markdown"],
            "{\"shape\": \"single\"}",
        ),
        (vec!["classify", "--preset", "invoice-approval"], ""),
        (
            vec!["classify", "--guide", &example],
            "{\"shape\": \"single\"}",
        ),
        (vec!["check"], ""),
        (vec!["check", &minimal], ""),
        (vec!["check", &example, "--all"], ""),
        (vec!["guide"], ""),
        (vec!["presets"], ""),
        (vec!["presets", "--guide", &example], ""),
        (vec!["--help"], ""),
        (vec!["help"], ""),
        (vec!["--version"], ""),
    ];
    let mut runs = 0;
    for (args, stdin) in &cases {
        for keep in [0, 100] {
            let o = run_closing_stdout(args, stdin.as_bytes(), keep);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{args:?} after {keep} bytes: {}",
                text(&o.stderr)
            );
            assert_eq!(text(&o.stderr), "", "{args:?} after {keep} bytes");
            runs += 1;
        }
    }
    eprintln!(
        "hostile::a_closed_stdout: {runs} runs of {} commands",
        cases.len()
    );
}

// ---------------------------------------------------------------------------
// Flags

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

// ---------------------------------------------------------------------------
// JSON Lines, with the core library as the oracle

/// One line of input: a valid answers object for the built-in guide, or
/// now and then a bad one.
fn line() -> impl Strategy<Value = String> {
    let guide = builtin();
    let n = guide.questions().len();
    let valid = prop::collection::vec((0..n, any::<usize>()), 0..8).prop_map(move |picks| {
        let mut obj = serde_json::Map::new();
        for (q, pick) in picks {
            let question = &guide.questions()[q];
            let options = question.options();
            let value: Value = match pick % (options.len() + 1) {
                k if k == options.len() => Value::Null,
                k => serde_json::from_str(&options[k].value().to_json()).expect("JSON"),
            };
            obj.insert(question.id().to_owned(), value);
        }
        Value::Object(obj).to_string()
    });
    let bad = prop_oneof![
        Just("{\"colour\": \"red\"}".to_owned()),
        Just("{\"shape\": 3}".to_owned()),
        Just("{\"shape\": \"triple\"}".to_owned()),
        Just("[1, 2]".to_owned()),
        Just("{\"shape\": ".to_owned()),
        Just("\"text\"".to_owned()),
        Just("{\"shape\": \"single\", \"shape\": \"single\"}".to_owned()),
        "\\PC{1,12}",
    ];
    prop_oneof![40 => valid, 1 => bad]
}

/// What the CLI must print for `input`, worked out with the core.
fn oracle(input: &str) -> Result<String, String> {
    let guide = builtin();
    let lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err("no answers on stdin".to_owned());
    }
    let json_lines = lines.len() > 1 && serde_json::from_str::<Value>(lines[0].1).is_ok();
    if !json_lines {
        return parse_answers(guide, input)
            .map(|p| guide.evaluate(&p).to_json() + "\n")
            .map_err(|e| e.to_string());
    }
    let mut out = String::new();
    for (n, l) in lines {
        let p = parse_answers(guide, l).map_err(|e| format!("line {n}: {e}"))?;
        out.push_str(&guide.evaluate(&p).to_json());
        out.push('\n');
    }
    Ok(out)
}

#[test]
fn json_lines_give_what_the_core_gives() {
    let separator = prop_oneof![
        6 => Just("\n"),
        1 => Just("\r\n"),
        1 => Just("\n\n"),
        1 => Just("\n  \t\n"),
    ];
    let input = prop::collection::vec((line(), separator, "[ \t]{0,2}"), 1..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(l, sep, pad)| format!("{pad}{l}{pad}{sep}"))
            .collect::<String>()
    });
    let config = Config {
        cases: 96,
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    };
    let (accepted, refused_count, lines) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let result = TestRunner::new(config).run(&input, |input| {
        let o = run(&["classify"], input.as_bytes());
        let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
        lines.set(lines.get() + input.lines().filter(|l| !l.trim().is_empty()).count());
        match oracle(&input) {
            Ok(want) => {
                accepted.set(accepted.get() + 1);
                prop_assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr);
                prop_assert_eq!(stdout, want);
                prop_assert_eq!(stderr, "");
            }
            Err(message) => {
                refused_count.set(refused_count.get() + 1);
                prop_assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout);
                prop_assert_eq!(stdout, "");
                prop_assert_eq!(stderr, format!("decision-guide: {message}\n"));
            }
        }
        Ok::<(), TestCaseError>(())
    });
    eprintln!(
        "hostile::json_lines_give_what_the_core_gives: {} inputs ({} lines): {} classified, {} refused",
        accepted.get() + refused_count.get(),
        lines.get(),
        accepted.get(),
        refused_count.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

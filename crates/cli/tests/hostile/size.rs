//! Size: ten-megabyte keys and values quoted as bounded excerpts, and
//! 50 MB of JSON Lines streamed through in bounded memory.

use std::io::{BufRead, BufReader, Read, Write};

use decision_guide_core::builtin;

use super::common::{run, spawn};
use super::refused;

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

//! Bytes: NUL bytes, bytes that are not UTF-8, and nesting deep enough to
//! overflow a recursive reader, as answers and as a guide file.

use super::common::run;
use super::{refused, Scratch};

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

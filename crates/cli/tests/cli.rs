//! The CLI through the real binary: what a user types, what comes out,
//! and the exit code.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{run, run_closing_stdout, spawn};

use serde_json::Value;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// A guide of the example folder (`crates/core/guides/examples`).
fn example_guide(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/guides/examples")
        .join(name)
        .display()
        .to_string()
}

/// Writes `guide` to a fresh file of its own; the directory is removed
/// when the returned guard drops.
struct TempGuide(PathBuf);

impl TempGuide {
    fn new(name: &str, guide: &Value) -> Self {
        let dir = std::env::temp_dir().join(format!("dg-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("guide.json"), guide.to_string()).expect("write guide");
        TempGuide(dir)
    }

    fn path(&self) -> String {
        self.0.join("guide.json").display().to_string()
    }
}

impl Drop for TempGuide {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// Asserts a bad-input run: exit 1, nothing on stdout, one stderr line
/// containing every `needle`.
fn refused(o: &Output, needles: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert_eq!(stdout(o), "", "nothing may be half-written on stdout");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err:?}");
    }
}

#[test]
fn classify_one_object_prints_the_spec_shape() {
    let o = run(
        &["classify"],
        r#"{"shape": "multi_step", "tools_actions": true, "approval_resume": true, "app_owns_control": false, "data_in_aws": true}"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    // The fields of CONTRACT.md §4 (`RESULT_FIELDS`, which the contract
    // test holds to CONTRACT.md), in that order.
    let keys = decision_guide_core::RESULT_FIELDS;
    assert_eq!(v.as_object().expect("object").len(), keys.len());
    // Each key after the one before it (a nested `blocked` comes earlier).
    let mut from = 0;
    for k in keys {
        let at = out[from..]
            .find(&format!("\"{k}\":"))
            .unwrap_or_else(|| panic!("{k} out of order in {out}"));
        from += at;
    }
    assert_eq!(v["path"], "managed-agents");
    assert_eq!(v["complete"], false);
    assert_eq!(v["reasons"][0]["rule"], "agent-runtime");
    assert!(v["reasons"][0]["text"]
        .as_str()
        .expect("text")
        .contains("it must stop for a person's sign-off"));
    assert_eq!(v["guide"]["id"], "openai-on-aws");
    assert_eq!(v["guide"]["as_of"], "2026-05-05");
    assert!(v["would_change"]
        .as_array()
        .expect("array")
        .iter()
        .any(|c| c["question"] == "other_region"
            && c["answer"] == true
            && c["path"] == "bedrock-models"));
}

#[test]
fn a_pretty_printed_object_is_one_object() {
    let o = run(
        &["classify"],
        "{\n  \"shape\": \"single\",\n  \"aws_controls\": true\n}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).starts_with(r#"{"path":"bedrock-models""#));
}

#[test]
fn json_lines_give_one_result_a_line() {
    let input = "{\"shape\": \"single\"}\n\n{\"aws_procurement\": true}\n{\"shape\": \"multi_step\", \"app_owns_control\": false, \"tools_actions\": true, \"audit_actions\": true}\n";
    let o = run(&["classify"], input);
    assert!(o.status.success(), "{}", stderr(&o));
    let paths: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).expect("JSON")["path"]
                .as_str()
                .expect("path")
                .to_owned()
        })
        .collect();
    assert_eq!(paths, ["direct-api", "bedrock-models", "managed-agents"]);
}

#[test]
fn every_preset_classifies_like_its_answers() {
    let guide: Value = serde_json::from_str(&stdout(&run(&["guide"], ""))).expect("guide JSON");
    let listing = stdout(&run(&["presets"], ""));
    for preset in guide["presets"].as_array().expect("presets") {
        let id = preset["id"].as_str().expect("id");
        let by_name = run(&["classify", "--preset", id], "");
        let by_answers = run(&["classify"], preset["answers"].to_string());
        assert!(by_name.status.success() && by_answers.status.success());
        assert_eq!(stdout(&by_name), stdout(&by_answers), "preset {id}");
        let path = serde_json::from_str::<Value>(&stdout(&by_name)).expect("JSON")["path"].clone();
        let line = listing.lines().find(|l| l.starts_with(id)).expect("listed");
        assert!(line.contains(path.as_str().expect("path")), "{line}");
    }
}

#[test]
fn markdown_record_for_one_workflow() {
    let o = run(
        &[
            "classify",
            "--format",
            "markdown",
            "--preset",
            "invoice-approval",
        ],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    expect_test::expect_file!["snapshots/record-invoice-approval.md"].assert_eq(&stdout(&o));
}

#[test]
fn markdown_portfolio_for_json_lines() {
    let o = run(
        &["classify", "--format", "markdown"],
        "{\"shape\": \"single\"}\n{\"bedrock_standard\": true}\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    expect_test::expect_file!["snapshots/portfolio.md"].assert_eq(&stdout(&o));
}

#[test]
fn malformed_json_is_refused() {
    refused(
        &run(&["classify"], "{\"shape\": "),
        &["malformed JSON", "line 1"],
    );
}

#[test]
fn an_unknown_question_is_named_with_its_value() {
    refused(
        &run(&["classify"], r#"{"shape": "single", "colour": "red"}"#),
        &[
            "unknown question id \"colour\"",
            "\"red\"",
            "known ids: shape",
        ],
    );
}

#[test]
fn a_wrong_type_is_named() {
    refused(
        &run(&["classify"], r#"{"tools_actions": "yes"}"#),
        &[
            "question \"tools_actions\"",
            "expected true, false or null",
            "got \"yes\"",
        ],
    );
}

#[test]
fn an_unknown_option_is_named() {
    refused(
        &run(&["classify"], r#"{"shape": "parallel"}"#),
        &[
            "question \"shape\"",
            "unknown option \"parallel\"",
            "\"single\", \"multi_step\"",
        ],
    );
}

#[test]
fn a_non_object_is_refused() {
    refused(
        &run(&["classify"], "[1, 2]"),
        &["answers must be a JSON object", "got an array"],
    );
}

#[test]
fn json_lines_name_the_bad_line_and_write_nothing() {
    let input = "{\"shape\": \"single\"}\n{\"aws_controls\": true}\n{\"audit_actions\": 1}\n";
    refused(
        &run(&["classify"], input),
        &["line 3:", "question \"audit_actions\"", "got 1"],
    );
}

#[test]
fn empty_stdin_is_refused() {
    refused(&run(&["classify"], "  \n"), &["no answers on stdin"]);
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["classify", "--format", "yaml"], "{}");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown --format \"yaml\""));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
    refused(
        &run(&["classify", "--preset", "nope"], ""),
        &["unknown preset \"nope\"", "invoice-approval"],
    );
}

#[test]
fn check_passes_on_the_builtin_guide() {
    let o = run(&["check"], "");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    let (combinations, questions) = builtin_size();
    assert!(
        out.contains(&format!(
            "{combinations} combinations of {questions} questions, proven by reasoning over the rules"
        )),
        "{out}"
    );
    assert!(
        out.contains("ok   invariant p4-agent-work-means-managed-agents"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("every invariant holds"), "{out}");
}

#[test]
fn a_teams_own_guide_checks_and_classifies() {
    let guide = example_guide("always-bedrock.json");
    let o = run(&["check", &guide], "");
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("acme-always-bedrock 2026.11 — 9 combinations"));
    let o = run(
        &["classify", "--guide", &guide],
        r#"{"shape": "single", "approval_resume": true}"#,
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["path"], "bedrock-models");
    assert_eq!(v["guide"]["id"], "acme-always-bedrock");
    assert_eq!(
        v["would_change"][0],
        serde_json::json!({"question": "shape", "answer": "multi_step", "path": "managed-agents"})
    );
    // The team's guide validates answers against its own questions.
    refused(
        &run(
            &["classify", "--guide", &guide],
            r#"{"aws_controls": true}"#,
        ),
        &[
            "unknown question id \"aws_controls\"",
            "known ids: shape, approval_resume",
        ],
    );
    assert!(stdout(&run(&["presets", "--guide", &guide], ""))
        .contains("expense-approval  managed-agents"));
}

/// The built-in guide's combinations of answers (each question's options,
/// plus unanswered) and its number of questions, from `decision-guide guide`.
fn builtin_size() -> (u128, usize) {
    let g: Value = serde_json::from_str(&stdout(&run(&["guide"], ""))).expect("guide JSON");
    let questions = g["questions"].as_array().expect("questions");
    let combinations = questions
        .iter()
        .map(|q| match q["options"].as_array() {
            Some(options) => options.len() as u128 + 1,
            None => 3,
        })
        .product();
    (combinations, questions.len())
}

/// The built-in guide broken on purpose: the agent rule first, blind to the
/// preview limits, so that many combinations break its promises.
fn agent_rule_first() -> Value {
    let mut g: Value = serde_json::from_str(&stdout(&run(&["guide"], ""))).expect("guide JSON");
    let rules = g["rules"].as_array_mut().expect("rules");
    let at = rules
        .iter()
        .position(|r| r["id"] == "agent-runtime")
        .expect("agent rule");
    let mut agent = rules.remove(at);
    agent["when"] = serde_json::json!({"fact": "agent_runtime"});
    rules.insert(0, agent);
    g
}

#[test]
fn check_rejects_a_broken_guide_naming_the_combination() {
    let g = agent_rule_first();
    let file = TempGuide::new("broken", &g);
    let o = run(&["check", &file.path(), "--limit", "2"], "");
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("FAIL p7-preview-limits-keep-off-agents"),
        "{out}"
    );
    // Sign-off/audit with at least one yes (3² − 2² = 5 ways) × at least one
    // preview blocker (3⁵ × 7 − 2⁵ × 3 = 1605 ways over the Region, keys,
    // input, voice, residency and preview questions) × the 9 questions that
    // do not matter (shape, tools and control are fixed): every yes/no
    // question but those 11.
    let (_, questions) = builtin_size();
    let count = 5 * 1605 * 3u64.pow(questions as u32 - 11);
    assert!(out.contains(&format!("({count} combinations)")), "{out}");
    // The combination is printed as answers that classify accepts as-is.
    let line = out
        .lines()
        .skip_while(|l| !l.starts_with("FAIL p7"))
        .nth(1)
        .expect("an example line");
    let (answers, detail) = line.trim().split_once("  → ").expect("answers → detail");
    assert_eq!(detail, "got managed-agents");
    let replay = run(&["classify", "--guide", &file.path()], answers);
    assert!(
        stdout(&replay).starts_with(r#"{"path":"managed-agents""#),
        "{answers}"
    );
    assert!(
        out.contains(&format!(
            "… and {} more (run with --all to list every one)",
            count - 2
        )),
        "{out}"
    );
    assert!(out.contains("FAIL dead-rule"), "{out}");
    assert!(out.contains("\nNOT SOUND: "), "{out}");
}

#[test]
fn a_malformed_guide_lists_every_problem() {
    let mut g: Value = serde_json::from_str(&stdout(&run(&["guide"], ""))).expect("guide JSON");
    g["rules"][0]["path"] = Value::from("nowhere");
    g["questions"][2]["group"] = Value::from("nowhere");
    let file = TempGuide::new("bad", &g);
    let o = run(&["check", &file.path()], "");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("is not valid (2 problems)"), "{err}");
    assert!(
        err.contains("$.questions[2].group: unknown group \"nowhere\""),
        "{err}"
    );
    assert!(
        err.contains("$.rules[0].path: unknown path \"nowhere\""),
        "{err}"
    );
}

#[test]
fn a_closed_stdout_is_a_quiet_successful_end() {
    for args in [
        &["guide"][..],
        &[
            "classify",
            "--format",
            "markdown",
            "--preset",
            "invoice-approval",
        ],
        &["classify", "--preset", "invoice-approval"],
        &["presets"],
        &["--help"],
        &["check"],
    ] {
        let o = run_closing_stdout(args, b"", 0);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn huge_input_is_quoted_as_a_bounded_excerpt() {
    let key = "k".repeat(1_000_000);
    let o = run(&["classify"], format!("{{\"{key}\": true}}"));
    refused(&o, &["unknown question id \"kkk", "(1000000 characters)"]);
    assert!(
        stderr(&o).len() < 1000,
        "{} bytes of stderr",
        stderr(&o).len()
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let o = run(&["classify"], "\u{feff}{\"shape\": \"single\"}");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn every_command_has_its_own_help() {
    for (command, usage) in [
        (
            "classify",
            "decision-guide classify [--format json|markdown]",
        ),
        (
            "check",
            "decision-guide check [FILE] [--cases FILE] [--all | --limit N] [--enumerate | --format json]",
        ),
        (
            "diff",
            "decision-guide diff OLD NEW [--cases FILE] [--format text|markdown|json]",
        ),
        ("guide", "decision-guide guide"),
        ("presets", "decision-guide presets [--guide FILE]"),
    ] {
        for args in [
            vec![command, "--help"],
            vec![command, "-h"],
            vec!["help", command],
        ] {
            let o = run(&args, "");
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            let out = stdout(&o);
            assert!(
                out.starts_with(&format!("USAGE:\n  {usage}")),
                "{args:?}: {out}"
            );
            assert!(
                !out.contains("USAGE:\n  decision-guide classify") || command == "classify",
                "{args:?} printed every command: {out}"
            );
        }
    }
    // The overview still lists every command.
    let out = stdout(&run(&["--help"], ""));
    for command in ["classify", "check", "diff", "guide", "presets"] {
        assert!(out.contains(&format!("decision-guide {command}")), "{out}");
    }
}

#[test]
fn json_lines_may_carry_their_own_titles() {
    let lines = concat!(
        r#"{"$title": "Invoice agent", "shape": "multi_step", "tools_actions": true, "approval_resume": true, "app_owns_control": false}"#,
        "\n",
        r#"{"shape": "single"}"#,
        "\n"
    );
    let o = run(&["classify", "--format", "markdown"], lines);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(
        md.contains("| 1 | Invoice agent | Amazon Bedrock Managed Agents |"),
        "{md}"
    );
    assert!(md.contains("| 2 | Workflow on line 2 |"), "{md}");
    assert!(md.contains("## Decision record: Invoice agent"), "{md}");
    // JSON output is unchanged by a title.
    let o = run(&["classify"], lines);
    assert_eq!(stdout(&o).lines().count(), 2);
    assert!(!stdout(&o).contains("$title"));
    // A title must be a text, given once.
    refused(
        &run(&["classify"], r#"{"$title": 3, "shape": "single"}"#),
        &["question \"$title\"", "a non-empty text"],
    );
    refused(
        &run(&["classify"], r#"{"$title": "a", "$title": "b"}"#),
        &["\"$title\" is answered twice"],
    );
}

#[test]
fn a_guide_may_not_name_a_question_like_the_title_key() {
    let mut g: Value = serde_json::from_str(&stdout(&run(&["guide"], ""))).expect("guide JSON");
    let mut extra = g["questions"][1].clone();
    extra["id"] = Value::from("$title");
    g["questions"]
        .as_array_mut()
        .expect("questions")
        .push(extra);
    let file = TempGuide::new("dollar", &g);
    let o = run(&["check", &file.path()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "(1 problem):\n  $.questions[{}].id: question id \"$title\" starts with `$`",
            builtin_size().1
        )),
        "{}",
        stderr(&o)
    );
}

/// `check --all` lists every failing combination as it finds it: memory
/// stays flat however many there are (134 million here), and a reader that
/// stops early ends it quietly.
#[test]
fn check_all_streams_in_flat_memory() {
    use std::io::{BufRead, BufReader};
    let g = agent_rule_first();
    let file = TempGuide::new("stream", &g);
    let mut child = spawn(&["check", &file.path(), "--all"]);
    drop(child.stdin.take());
    let pid = child.id();
    let rss_kb = || -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
            .expect("VmRSS")
    };
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut read = |n: usize| {
        for _ in 0..n {
            lines.next().expect("a line").expect("text");
        }
    };
    read(20_000);
    let early = rss_kb();
    read(400_000);
    let late = rss_kb();
    assert!(
        late < early + 8 * 1024,
        "memory grew from {early} kB to {late} kB over 400 000 lines"
    );
    drop(lines);
    let o = child.wait_with_output().expect("ends");
    // A closed stdout ends it quietly; the exit code still says the guide
    // is not sound.
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_enumerate_is_the_oracle_and_refuses_past_its_limit() {
    let o = run(&["check", "--enumerate"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("more than the 50000000 the enumerating check lists"),
        "{}",
        stderr(&o)
    );
    let guide = example_guide("always-bedrock.json");
    let proof = stdout(&run(&["check", &guide], ""));
    let listed = stdout(&run(&["check", &guide, "--enumerate"], ""));
    assert!(listed.contains("listed one by one"), "{listed}");
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&proof), body(&listed));
}

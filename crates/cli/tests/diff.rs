//! `decision-guide diff` and `check --format json` through the real
//! binary: an edit of the built-in guide reviewed as a pull request would
//! see it, every move's example checked with `classify`, and what a user
//! gets wrong refused with words that name it.

mod common;

use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{run, run_closing_stdout};
use serde_json::Value;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn guides() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/guides")
}

fn builtin_path() -> String {
    guides().join("openai-on-aws.json").display().to_string()
}

fn builtin_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(builtin_path()).expect("guide")).expect("json")
}

/// A file in a directory of its own, removed when dropped.
struct Temp(PathBuf);

impl Temp {
    fn new(name: &str, text: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("dg-diff-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join(name);
        std::fs::write(&file, text).expect("write");
        Temp(file)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            std::fs::remove_dir_all(dir).ok();
        }
    }
}

/// The built-in guide with rule `rule` sent to `path`.
fn with_rule_path(rule: &str, path: &str) -> Value {
    let mut g = builtin_json();
    let rules = g["rules"].as_array_mut().expect("rules");
    let r = rules.iter_mut().find(|r| r["id"] == rule).expect("rule");
    r["path"] = Value::from(path);
    g
}

/// What `diff ARGS --format json` writes, which must succeed.
fn diff_json(args: &[&str]) -> Value {
    let args = [&["diff"][..], args, &["--format", "json"]].concat();
    let o = run(&args, "");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("one JSON object")
}

/// The path `classify` gives `answers` with `guide`.
fn classify(guide: &str, answers: &Value) -> String {
    let o = run(&["classify", "--guide", guide], answers.to_string());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("result");
    v["path"].as_str().expect("path").to_owned()
}

#[test]
fn an_edited_rule_is_reviewed_with_its_moves_and_the_cases_it_breaks() {
    let new = Temp::new(
        "new.json",
        &with_rule_path("voice", "bedrock-models").to_string(),
    );
    let cases = guides()
        .join("openai-on-aws.cases.toml")
        .display()
        .to_string();
    let v = diff_json(&[&builtin_path(), new.path(), "--cases", &cases]);
    assert_eq!(v["same_questions"], true);
    // Every combination of the guide is compared: as many as `check` proves.
    let check = run(&["check", "--format", "json"], "");
    let proved: Value = serde_json::from_str(&stdout(&check)).expect("check JSON");
    assert_eq!(v["combinations"], proved["proof"]["combinations"]);
    let moves = v["moves"].as_array().expect("moves");
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert_eq!(
        (moves[0]["from"].as_str(), moves[0]["to"].as_str()),
        (Some("direct-api"), Some("bedrock-models"))
    );
    assert_eq!(moves[0]["count"], v["moved"]);
    let moved: u128 = v["moved"].as_str().expect("count").parse().expect("number");
    assert!(moved > 0);
    // The example moves as it says.
    let example = &moves[0]["example"];
    assert_eq!(classify(&builtin_path(), example), "direct-api");
    assert_eq!(classify(new.path(), example), "bedrock-models");
    // The case that pins the voice rule now fails, and says where.
    let cases = v["cases"].as_array().expect("cases");
    let voice = cases
        .iter()
        .find(|c| c["name"].as_str().is_some_and(|n| n.contains("voice")))
        .expect("a voice case changed");
    assert_eq!(
        (voice["old"].as_bool(), voice["new"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(voice["failure"]
        .as_str()
        .expect("failure")
        .starts_with("path: want \"direct-api\""));
    assert_eq!(
        v["changes"],
        serde_json::json!([{"at": "$.rules[id=voice].path", "old": "direct-api", "new": "bedrock-models"}])
    );
    // Sent to Bedrock, the voice rule now breaks the guide's promises, and
    // the review says so.
    assert!(
        v["new_broken"].as_u64().is_some_and(|n| n > 0),
        "{}",
        v["new_broken"]
    );
    assert_eq!(v["cases_run"], 69);
}

#[test]
fn the_markdown_review_is_ready_to_paste() {
    let new = Temp::new(
        "new.json",
        &with_rule_path("voice", "bedrock-models").to_string(),
    );
    let o = run(
        &["diff", &builtin_path(), new.path(), "--format", "markdown"],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    expect_test::expect_file!["snapshots/diff-voice.md"].assert_eq(&stdout(&o));
}

#[test]
fn a_guide_against_itself_moves_nothing() {
    let o = run(&["diff", &builtin_path(), &builtin_path()], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("No combination of answers gets another path (all 24,407,490,807 combinations both versions take compared)."),
        "{out}"
    );
    assert!(out.contains("The new version is sound"), "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
}

#[test]
fn added_and_removed_questions_and_options_are_named() {
    let old = guides()
        .join("examples/always-bedrock.json")
        .display()
        .to_string();
    let mut g: Value =
        serde_json::from_str(&std::fs::read_to_string(&old).expect("guide")).expect("json");
    // A third shape, and the approval question gone (with what tested it).
    let shape = g["questions"]
        .as_array_mut()
        .expect("questions")
        .iter_mut()
        .find(|q| q["id"] == "shape")
        .expect("shape");
    let mut third = shape["options"][0].clone();
    third["value"] = Value::from("batch");
    third["label"] = Value::from("A nightly batch");
    third["fact"] = Value::from("it runs as a nightly batch");
    shape["options"]
        .as_array_mut()
        .expect("options")
        .push(third);
    let new = Temp::new("new.json", &g.to_string());
    let v = diff_json(&[&old, new.path()]);
    assert_eq!(v["same_questions"], false);
    assert_eq!(v["options"]["added"], serde_json::json!(["shape=batch"]));
    let only_new = v["only_new"].as_array().expect("only_new");
    assert!(!only_new.is_empty());
    for o in only_new {
        assert_eq!(o["example"]["shape"], "batch", "{o}");
    }
    assert_eq!(v["moved"], "0");
}

#[test]
fn what_a_user_gets_wrong_is_named() {
    let one = run(&["diff", &builtin_path()], "");
    assert_eq!(one.status.code(), Some(2));
    assert!(
        stderr(&one).contains("diff needs two guide files, OLD and NEW"),
        "{}",
        stderr(&one)
    );
    // The usage of `diff` alone, not of every command.
    assert!(
        stderr(&one).contains("USAGE:\n  decision-guide diff OLD NEW"),
        "{}",
        stderr(&one)
    );
    assert!(
        !stderr(&one).contains("decision-guide classify"),
        "{}",
        stderr(&one)
    );

    let missing = run(&["diff", &builtin_path(), "no-such-guide.json"], "");
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot read guide \"no-such-guide.json\""),
        "{}",
        stderr(&missing)
    );

    let broken = Temp::new("broken.json", "{\"id\": \"x\",");
    let bad = run(&["diff", &builtin_path(), broken.path()], "");
    assert_eq!(bad.status.code(), Some(1));
    let err = stderr(&bad);
    assert!(
        err.contains(&format!("guide {:?} is not valid", broken.path())) && err.contains("line 1"),
        "{err}"
    );
    assert_eq!(stdout(&bad), "");

    let format = run(
        &["diff", &builtin_path(), &builtin_path(), "--format", "yaml"],
        "",
    );
    assert_eq!(format.status.code(), Some(2));
    assert!(stderr(&format).contains("unknown format \"yaml\""));

    let cases = Temp::new("cases.json", "{\"case\": [{\"name\": 3}]}");
    let bad_cases = run(
        &[
            "diff",
            &builtin_path(),
            &builtin_path(),
            "--cases",
            cases.path(),
        ],
        "",
    );
    assert_eq!(bad_cases.status.code(), Some(1));
    let err = stderr(&bad_cases);
    assert!(
        err.contains("the cases are not valid") && err.contains("case[0].name"),
        "{err}"
    );
}

#[test]
fn check_as_json_names_errors_by_line_and_findings_with_examples() {
    let broken = Temp::new("broken.json", "{\n  \"id\": \"x\",\n  \"title\": 3\n}");
    let o = run(&["check", broken.path(), "--format", "json"], "");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["errors"][0]["at"], "$.title");
    assert_eq!(v["errors"][0]["line"], 3);
    assert_eq!(v["proof"], Value::Null);

    // The column counts characters, as an editor does, not the reader's bytes.
    let accents = Temp::new("accents.json", "{\"title\": \"ééééééééé\", x}");
    let o = run(&["check", accents.path(), "--format", "json"], "");
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(
        (
            v["errors"][0]["line"].as_u64(),
            v["errors"][0]["column"].as_u64()
        ),
        (Some(1), Some(24))
    );

    let dead = guides()
        .join("../tests/broken/dead-rule.json")
        .display()
        .to_string();
    let o = run(&["check", &dead, "--format", "json", "--limit", "1"], "");
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let finding = &v["proof"]["findings"][0];
    assert_eq!(finding["check"], "dead-rule");
    // Which rule, and where it is in the file, for an editor to go to.
    assert_eq!(
        finding["examples"][0]["entry"],
        serde_json::json!({"id": "never", "at": "$.rules[1]"})
    );
    assert!(finding["heading"]
        .as_str()
        .expect("heading")
        .starts_with("FAIL dead-rule"));

    let sound = run(&["check", "--format", "json"], "");
    assert!(sound.status.success());
    let v: Value = serde_json::from_str(&stdout(&sound)).expect("JSON");
    assert_eq!(v["proof"]["passed"], true);
    assert!(v["proof"]["heading"]
        .as_str()
        .expect("heading")
        .starts_with("sound:"));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    let new = Temp::new(
        "new.json",
        &with_rule_path("voice", "bedrock-models").to_string(),
    );
    for format in ["text", "markdown", "json"] {
        let args = ["diff", &builtin_path(), new.path(), "--format", format];
        let o = run_closing_stdout(&args, b"", 0);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{format}");
    }
}

#[test]
fn reordered_rules_keep_paths_but_change_reasons() {
    let mut g = builtin_json();
    let rules = g["rules"].as_array_mut().expect("rules");
    let at = |id: &str| rules.iter().position(|r| r["id"] == id).expect("rule");
    let (i, j) = (at("voice"), at("jurisdiction"));
    rules.swap(i, j);
    let new = Temp::new("new.json", &g.to_string());
    let v = diff_json(&[&builtin_path(), new.path()]);
    assert_eq!(v["moved"], "0");
    let moves = v["rule_moves"].as_array().expect("rule moves");
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert_eq!(
        (moves[0]["from"].as_str(), moves[0]["to"].as_str()),
        (Some("voice"), Some("jurisdiction"))
    );
    assert_eq!(moves[0]["count"], v["rule_moved"]);
    assert_eq!(
        v["reordered"],
        serde_json::json!([{"id": "voice", "old": 10, "new": 11}, {"id": "jurisdiction", "old": 11, "new": 10}])
    );
    // The example is decided by each rule in its version.
    let rule = |guide: &str| {
        let o = run(
            &["classify", "--guide", guide],
            moves[0]["example"].to_string(),
        );
        let r: Value = serde_json::from_str(&stdout(&o)).expect("result");
        r["reasons"][0]["rule"].as_str().expect("rule").to_owned()
    };
    assert_eq!(rule(&builtin_path()), "voice");
    assert_eq!(rule(new.path()), "jurisdiction");
    let text = stdout(&run(&["diff", &builtin_path(), new.path()], ""));
    assert!(
        text.contains("keep their path but get it from another rule"),
        "{text}"
    );
}

/// The example team guide with its questions replaced by `questions` and
/// its rules by one that tests `when` (if any) and the catch-all.
fn with_questions(questions: Value, when: Option<Value>) -> Value {
    let file = guides().join("examples/always-bedrock.json");
    let mut g: Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("guide")).expect("json");
    g["questions"] = questions;
    g["invariants"] = serde_json::json!([]);
    g["presets"] = serde_json::json!([]);
    let catch_all = serde_json::json!({"id": "acme-standard", "path": "bedrock-models", "reason": "Acme's standard."});
    g["rules"] = match when {
        Some(when) => {
            serde_json::json!([{"id": "picked", "when": when, "path": "managed-agents", "reason": "Because {because}."}, catch_all])
        }
        None => serde_json::json!([catch_all]),
    };
    g
}

/// `n` choice questions `{prefix}{i}`, each with the values `{value}0…`.
fn choices(prefix: &str, n: usize, options: usize, value: &str) -> Value {
    (0..n)
        .map(|i| {
            let options: Vec<Value> = (0..options)
                .map(|k| serde_json::json!({"value": format!("{value}{k}"), "label": format!("Answer {k}"), "fact": format!("it is {value}{k}")}))
                .collect();
            serde_json::json!({"id": format!("{prefix}{i}"), "type": "choice", "prompt": "Which?", "options": options,
                "unanswered": {"assume": format!("{value}0"), "meaning": "Assumed the first."}})
        })
        .collect()
}

#[test]
fn counts_that_would_not_fit_128_bits_are_refused_not_wrapped() {
    // 4^64 = 2^128 combinations: one more than 128 bits count.
    let huge = Temp::new(
        "huge.json",
        &with_questions(choices("q", 64, 3, "v"), None).to_string(),
    );
    let o = run(&["check", huge.path()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("more combinations of answers than can be counted"),
        "{}",
        stderr(&o)
    );
    // Two versions of 2^64 each, with no question in common: 2^128 together.
    let a = Temp::new(
        "a.json",
        &with_questions(choices("a", 32, 3, "v"), None).to_string(),
    );
    let b = Temp::new(
        "b.json",
        &with_questions(choices("b", 32, 3, "v"), None).to_string(),
    );
    let o = run(&["diff", a.path(), b.path()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the two versions together have more combinations"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_question_with_more_than_255_values_across_versions_lists_true_examples() {
    let when = serde_json::json!({"q": "q0", "is": "v10"});
    let old = Temp::new(
        "old.json",
        &with_questions(choices("q", 1, 250, "v"), Some(when)).to_string(),
    );
    let new = Temp::new(
        "new.json",
        &with_questions(choices("q", 1, 250, "w"), None).to_string(),
    );
    let v = diff_json(&[old.path(), new.path()]);
    let managed = v["only_old"]
        .as_array()
        .expect("only_old")
        .iter()
        .find(|o| o["path"] == "managed-agents")
        .expect("the old version's managed-agents combination");
    assert_eq!(managed["count"], "1");
    assert_eq!(managed["example"], serde_json::json!({"q0": "v10"}));
}

#[test]
fn an_id_cannot_pass_for_the_words_of_a_dead_rule() {
    // A rule that never holds, whose id holds the words "as here".
    let when = serde_json::json!({"all": [{"q": "q0", "is": "v1"}, {"q": "q0", "is": "v2"}]});
    let mut g = with_questions(choices("q", 1, 3, "v"), Some(when));
    g["rules"][0]["id"] = Value::from("alias here");
    let guide = Temp::new("dead.json", &g.to_string());
    let o = run(&["check", guide.path(), "--format", "json"], "");
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let example = &v["proof"]["findings"][0]["examples"][0];
    assert_eq!(example["answers"], Value::Null, "{example}");
    assert!(example["line"]
        .as_str()
        .expect("line")
        .ends_with("no combination meets its condition"));
    // --limit 0 lists no example, as the text does.
    let o = run(
        &["check", guide.path(), "--format", "json", "--limit", "0"],
        "",
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["proof"]["findings"][0]["examples"], serde_json::json!([]));
    // --all is text only.
    let o = run(&["check", guide.path(), "--format", "json", "--all"], "");
    assert_eq!(o.status.code(), Some(2));
}

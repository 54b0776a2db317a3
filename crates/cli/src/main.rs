//! `decision-guide`: the rules core as a command line.
//!
//! `classify` reads answers (one JSON object, or JSON Lines) on stdin and
//! writes one result JSON a line, or a Markdown decision record; `check`
//! proves a guide sound; `diff` shows what an edit of a guide does to its
//! advice; `guide` prints the built-in guide; `presets` lists the named
//! examples. Exit codes: 0 success, 1 bad input or a failed check,
//! 2 a usage error.

use std::io::{self, Read, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use decision_guide_core::{
    builtin, failure_heading, inspect, parse_guide, parse_titled_answers, review, Cases,
    CheckError, Guide, Profile, Record, ReviewError, BUILTIN_GUIDE_JSON,
};

/// Each command: its name, its usage line, and what it does. The help of
/// every command and the overview are written from this one table.
const COMMANDS: [(&str, &str, &str); 5] = [
    (
        "classify",
        "decision-guide classify [--format json|markdown] [--guide FILE] [--preset NAME] [--title TEXT]",
        "Reads one JSON answers object, or JSON Lines (one object a line), on
stdin and writes one result JSON a line on stdout. With --format markdown
it writes a decision record (for JSON Lines: a portfolio table, then each
record). --preset classifies a named example instead of reading stdin.
An object may carry its own title under \"$title\" (no question id starts
with $), which the record and the portfolio use; --title names the rest.",
    ),
    (
        "check",
        "decision-guide check [FILE] [--cases FILE] [--all | --limit N] [--enumerate | --format json]",
        "Proves a guide sound (default: the built-in guide) over every
combination of answers, unanswered included, by reasoning over its rules:
one path and a reason for each, no dead rule or advice, every {because}
cites an answer, every declared invariant holds. Lists up to N (default
20) failing combinations per broken promise, or every one with --all
(streamed as found). --enumerate lists every combination one by one
instead (the test oracle; at most 50 million combinations). --format json
writes one JSON object (errors with line and column, findings with their
examples), as the guide studio shows them. --cases (a *.cases.toml
file, or its JSON twin) also runs the golden cases, and fails if one does.",
    ),
    (
        "diff",
        "decision-guide diff OLD NEW [--cases FILE] [--format text|markdown|json]",
        "Shows what the edit from guide file OLD to NEW does to the advice, over
every combination of answers (to the questions of either version), by
reasoning over both rule chains at once: how many combinations move
between each pair of paths, with the first of each; combinations only one
version can be given (an option added or removed); questions and options
added or removed; presets whose path changed; texts that changed. With
--cases (a *.cases.toml file, or its JSON twin), the golden cases whose
result changed. --format markdown writes it for a pull request. Exits 0
whenever the review is written, whatever it finds (read \"new_broken\",
\"moved\" and \"cases\" of --format json to gate a merge).",
    ),
    (
        "guide",
        "decision-guide guide",
        "Prints the built-in guide as JSON: a starting point for your own.",
    ),
    (
        "presets",
        "decision-guide presets [--guide FILE]",
        "Lists the named examples with the path each one gets.",
    ),
];

/// The overview: every command's usage and help.
fn usage_text() -> String {
    let mut out = String::from(
        "decision-guide: which way to run an AI workflow on OpenAI and AWS\n\nUSAGE:\n",
    );
    for (_, line, help) in COMMANDS {
        out.push_str(&format!("  {line}\n"));
        for l in help.lines() {
            out.push_str(&format!("      {l}\n"));
        }
    }
    out.push_str("  decision-guide COMMAND --help\n      Help for one command.\n\n");
    out.push_str("EXIT: 0 success, 1 bad input or a failed check, 2 usage error.");
    out
}

/// One command's help.
fn command_help(name: &str) -> String {
    COMMANDS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, line, help)| format!("USAGE:\n  {line}\n\n{help}\n\nEXIT: 0 success, 1 bad input or a failed check, 2 usage error.\n"))
        .unwrap_or_else(usage_text)
}

/// A failure that decides the exit code.
enum Exit {
    /// Bad input or a failed check: the message is already printed or is in the error.
    Input(anyhow::Error),
    /// The command line itself was wrong.
    Usage(anyhow::Error),
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(Exit::Input(e)) => {
            eprintln!("decision-guide: {e:#}");
            ExitCode::from(1)
        }
        Err(Exit::Usage(e)) => {
            // A command's own usage when the mistake was within one, else
            // the overview.
            let help = std::env::args()
                .nth(1)
                .filter(|c| COMMANDS.iter().any(|(name, _, _)| name == c))
                .map_or_else(usage_text, |c| command_help(&c));
            eprintln!("decision-guide: {e:#}\n\n{}", help.trim_end());
            ExitCode::from(2)
        }
    }
}

fn usage(e: impl Into<anyhow::Error>) -> Exit {
    Exit::Usage(e.into())
}

fn run() -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(usage)? {
        Some(Value(cmd)) => cmd.string().map_err(usage)?,
        Some(Long("help") | Short('h')) => return write_stdout(&format!("{}\n", usage_text())),
        Some(Long("version") | Short('V')) => {
            return write_stdout(&format!("decision-guide {}\n", env!("CARGO_PKG_VERSION")))
        }
        Some(other) => return Err(usage(other.unexpected())),
        None => return Err(usage(anyhow::anyhow!("missing command"))),
    };
    match command.as_str() {
        "classify" => classify(&mut parser),
        "check" => check(&mut parser),
        "diff" => diff(&mut parser),
        "guide" => {
            match parser.next().map_err(usage)? {
                Some(Long("help") | Short('h')) => return write_stdout(&command_help("guide")),
                Some(arg) => return Err(usage(arg.unexpected())),
                None => {}
            }
            write_stdout(BUILTIN_GUIDE_JSON)
        }
        "presets" => presets(&mut parser),
        "help" => match parser.next().map_err(usage)? {
            Some(Value(cmd)) => write_stdout(&command_help(&cmd.string().map_err(usage)?)),
            _ => write_stdout(&format!("{}\n", usage_text())),
        },
        other => Err(usage(anyhow::anyhow!(
            "unknown command {other:?} (expected classify, check, diff, guide, presets or help)"
        ))),
    }
}

/// Golden cases from a `*.cases.toml` file, or their JSON twin (`.json`).
fn load_cases(file: &str) -> Result<Cases, Exit> {
    let text = read_text(file, "cases")?;
    let parsed = if file.ends_with(".json") {
        Cases::from_json(&text).map_err(|e| anyhow::anyhow!(e))
    } else {
        toml::from_str::<Cases>(&text).map_err(|e| anyhow::anyhow!("the cases are not valid: {e}"))
    };
    parsed
        .with_context(|| format!("cases {file:?}"))
        .map_err(Exit::Input)
}

/// A file's text, or an error that names the file and what it is (`what`).
fn read_text(file: &str, what: &str) -> Result<String, Exit> {
    std::fs::read(file)
        .map_err(anyhow::Error::from)
        .and_then(utf8)
        .with_context(|| format!("cannot read {what} {file:?}"))
        .map_err(Exit::Input)
}

/// Loads a guide file, or the built-in guide. A malformed file prints every
/// problem with its JSON path.
fn load_guide(file: Option<&str>) -> Result<Guide, Exit> {
    let Some(file) = file else {
        return Ok(builtin().clone());
    };
    let text = read_text(file, "guide")?;
    parse_guide(&text).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        Exit::Input(anyhow::anyhow!(
            "guide {file:?} is not valid ({} problem{}):\n{}",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            list.join("\n")
        ))
    })
}

#[derive(PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
}

fn classify(parser: &mut lexopt::Parser) -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let (mut format, mut guide_file, mut preset, mut title) = (Format::Json, None, None, None);
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("format") => {
                format = match parser
                    .value()
                    .map_err(usage)?
                    .string()
                    .map_err(usage)?
                    .as_str()
                {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        return Err(usage(anyhow::anyhow!(
                            "unknown --format {other:?} (expected json or markdown)"
                        )))
                    }
                }
            }
            Long("guide") => {
                guide_file = Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("preset") => {
                preset = Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("title") => title = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("help") | Short('h') => return write_stdout(&command_help("classify")),
            other => return Err(usage(other.unexpected())),
        }
    }
    let guide = load_guide(guide_file.as_deref())?;

    let items: Vec<(String, Profile)> = match preset {
        Some(name) => {
            let Some(p) = guide.find_preset(&name).map(|p| guide.preset(p)) else {
                let known: Vec<&str> = guide.presets().iter().map(|p| p.id()).collect();
                return Err(Exit::Input(anyhow::anyhow!(
                    "unknown preset {name:?}; known presets: {}",
                    known.join(", ")
                )));
            };
            vec![(
                title.unwrap_or_else(|| p.title().to_owned()),
                p.profile().clone(),
            )]
        }
        None => {
            let mut bytes = Vec::new();
            let text = io::stdin()
                .read_to_end(&mut bytes)
                .map_err(anyhow::Error::from)
                .and_then(|_| utf8(bytes))
                .context("cannot read stdin")
                .map_err(Exit::Input)?;
            read_answers(&guide, &text, title.as_deref()).map_err(Exit::Input)?
        }
    };

    // Everything is validated before anything is written, so bad input
    // never leaves half an answer on stdout.
    if format == Format::Json {
        // Evaluating cannot fail: results are written as they are made,
        // so memory holds the answers, not every result at once.
        let mut out = io::BufWriter::new(io::stdout().lock());
        let written = items.iter().try_for_each(|(_, p)| {
            out.write_all(guide.evaluate(p).to_json().as_bytes())?;
            out.write_all(b"\n")
        });
        return finish(written.and_then(|()| out.flush()));
    }
    // A Markdown portfolio summarises every record before the first one.
    let explanations: Vec<_> = items.iter().map(|(_, p)| guide.evaluate(p)).collect();
    let records: Vec<Record<'_>> = items
        .iter()
        .zip(&explanations)
        .map(|((title, profile), explanation)| Record {
            title: title.clone(),
            profile,
            explanation,
        })
        .collect();
    let out = match records.as_slice() {
        [one] => guide.markdown_record(one, 1),
        _ => guide.markdown_portfolio(&records),
    };
    write_stdout(&out)
}

/// Reads one JSON object (possibly spread over many lines) or JSON Lines.
/// It is JSON Lines when the first non-blank line is a whole JSON value.
fn read_answers(guide: &Guide, text: &str, title: Option<&str>) -> Result<Vec<(String, Profile)>> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let Some(&(_, first)) = lines.first() else {
        bail!("no answers on stdin: expected a JSON object such as {{\"shape\": \"single\"}}, or JSON Lines");
    };
    let json_lines = lines.len() > 1 && serde_json::from_str::<serde_json::Value>(first).is_ok();
    if !json_lines {
        let (own, profile) =
            parse_titled_answers(guide, text).map_err(|e| anyhow::anyhow!("{e}"))?;
        let name = own.unwrap_or_else(|| {
            title
                .unwrap_or(decision_guide_core::text::RECORD_TITLE)
                .to_owned()
        });
        return Ok(vec![(name, profile)]);
    }
    lines
        .into_iter()
        .map(|(n, line)| {
            let (own, profile) =
                parse_titled_answers(guide, line).map_err(|e| anyhow::anyhow!("line {n}: {e}"))?;
            let name = own.unwrap_or_else(|| decision_guide_core::text::line_title(title, n));
            Ok((name, profile))
        })
        .collect()
}

fn check(parser: &mut lexopt::Parser) -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let (mut file, mut limit, mut enumerate, mut json) = (None, 20usize, false, false);
    let mut cases = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("cases") => cases = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("format") => {
                let v = parser.value().map_err(usage)?.string().map_err(usage)?;
                json = match v.as_str() {
                    "text" => false,
                    "json" => true,
                    _ => {
                        return Err(usage(anyhow::anyhow!(
                            "unknown format {v:?}: use text or json"
                        )))
                    }
                };
            }
            Long("all") => limit = usize::MAX,
            Long("limit") => {
                limit = parser.value().map_err(usage)?.parse().map_err(usage)?;
            }
            Long("enumerate") => enumerate = true,
            Long("help") | Short('h') => return write_stdout(&command_help("check")),
            Value(v) if file.is_none() => file = Some(v.string().map_err(usage)?),
            other => return Err(usage(other.unexpected())),
        }
    }
    if json {
        if limit == usize::MAX {
            return Err(usage(anyhow::anyhow!(
                "--all streams text only: JSON is one object, held whole; use --limit N with --format json"
            )));
        }
        if enumerate {
            return Err(usage(anyhow::anyhow!(
                "--enumerate writes text only; leave out --format json"
            )));
        }
        // The studio's report (the same function in its worker): errors,
        // findings and examples as JSON, one object.
        let text = match file.as_deref() {
            Some(f) => read_text(f, "guide")?,
            None => BUILTIN_GUIDE_JSON.to_owned(),
        };
        let cases = cases.as_deref().map(load_cases).transpose()?;
        let report = inspect(&text, cases.map(Ok), limit);
        let failed = report["errors"].as_array().is_some_and(|e| !e.is_empty())
            || report["proof"]["passed"] != true
            || report["cases"]
                .as_array()
                .is_some_and(|c| c.iter().any(|c| c["passed"] != true));
        write_stdout(&format!("{report}\n"))?;
        return Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let guide = load_guide(file.as_deref())?;
    let cases = cases.as_deref().map(load_cases).transpose()?;
    let proved = prove_and_print(&guide, file.as_deref(), limit, enumerate)?;
    let Some(cases) = cases else {
        return Ok(proved);
    };
    // The golden cases after the proof: a count, then each failing case
    // with every field that came out otherwise.
    let runs = cases.run(&guide);
    let failed: Vec<_> = runs.iter().filter(|r| !r.passed()).collect();
    let mut text = format!(
        "\ncases: {} of {} pass\n",
        runs.len() - failed.len(),
        runs.len()
    );
    for run in &failed {
        text.push_str(&format!("  FAIL {}\n", run.name));
        for m in &run.mismatches {
            text.push_str(&format!(
                "    {}: want {}, got {}\n",
                m.field, m.want, m.got
            ));
        }
    }
    write_stdout(&text)?;
    Ok(if failed.is_empty() {
        proved
    } else {
        ExitCode::from(1)
    })
}

/// Proves `guide` (or lists every combination, with `enumerate`) and
/// writes the report; the exit code says whether it is sound.
fn prove_and_print(
    guide: &Guide,
    file: Option<&str>,
    limit: usize,
    enumerate: bool,
) -> Result<ExitCode, Exit> {
    let name = file.unwrap_or("built-in guide");
    let started = std::time::Instant::now();
    let input = |e: CheckError| Exit::Input(e.into());
    if enumerate {
        let report = guide.check_by_enumeration(limit).map_err(input)?;
        let elapsed = started.elapsed().as_secs_f64();
        let findings: Vec<_> = report
            .failures
            .iter()
            .map(|f| (f.check.as_str(), f.text.as_str(), f.count))
            .collect();
        let summary = Summary {
            guide,
            name,
            how: "listed one by one",
            combinations: report.combinations,
            rule_hits: &report.rule_hits,
            advice_hits: &report.advice_hits,
            elapsed,
        };
        return print_check(&summary, &findings, limit, |k, visit| {
            for (profile, detail) in &report.failures[k].examples {
                if visit(profile, detail).is_break() {
                    break;
                }
            }
        });
    }
    let proof = guide.prove().map_err(input)?;
    let elapsed = started.elapsed().as_secs_f64();
    let findings: Vec<_> = proof
        .failures()
        .iter()
        .map(|f| (f.check.as_str(), f.text.as_str(), f.count))
        .collect();
    let summary = Summary {
        guide,
        name,
        how: "proven by reasoning over the rules",
        combinations: proof.combinations(),
        rule_hits: proof.rule_hits(),
        advice_hits: proof.advice_hits(),
        elapsed,
    };
    print_check(&summary, &findings, limit, |k, visit| {
        proof.examples(&proof.failures()[k], |profile, detail| {
            visit(&profile, &detail)
        })
    })
}

fn diff(parser: &mut lexopt::Parser) -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let (mut files, mut cases, mut format) = (Vec::new(), None, DiffFormat::Text);
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("cases") => cases = Some(parser.value().map_err(usage)?.string().map_err(usage)?),
            Long("format") => {
                let v = parser.value().map_err(usage)?.string().map_err(usage)?;
                format = match v.as_str() {
                    "text" => DiffFormat::Text,
                    "markdown" | "md" => DiffFormat::Markdown,
                    "json" => DiffFormat::Json,
                    _ => {
                        return Err(usage(anyhow::anyhow!(
                            "unknown format {v:?}: use text, markdown or json"
                        )))
                    }
                };
            }
            Long("help") | Short('h') => return write_stdout(&command_help("diff")),
            Value(v) if files.len() < 2 => files.push(v.string().map_err(usage)?),
            other => return Err(usage(other.unexpected())),
        }
    }
    let [old, new] = files.as_slice() else {
        return Err(usage(anyhow::anyhow!(
            "diff needs two guide files, OLD and NEW"
        )));
    };
    let (old_text, new_text) = (read_text(old, "guide")?, read_text(new, "guide")?);
    let cases = cases.as_deref().map(load_cases).transpose()?;
    let review = review(&old_text, &new_text, cases.as_ref()).map_err(|e| {
        let e = match e {
            ReviewError::Old(_) => anyhow::anyhow!(
                "{}",
                e.to_string()
                    .replacen("the old guide", &format!("guide {old:?}"), 1)
            ),
            ReviewError::New(_) => anyhow::anyhow!(
                "{}",
                e.to_string()
                    .replacen("the new guide", &format!("guide {new:?}"), 1)
            ),
            ReviewError::Tangled(_) => anyhow::anyhow!(e),
        };
        Exit::Input(e)
    })?;
    write_stdout(&match format {
        DiffFormat::Text => review.to_text(),
        DiffFormat::Markdown => review.to_markdown(),
        DiffFormat::Json => format!("{}\n", review.to_json()),
    })
}

/// How `diff` writes its review.
#[derive(Clone, Copy)]
enum DiffFormat {
    Text,
    Markdown,
    Json,
}

/// What a check covered, for its report.
struct Summary<'a> {
    guide: &'a Guide,
    name: &'a str,
    how: &'a str,
    combinations: u128,
    rule_hits: &'a [u128],
    advice_hits: &'a [u128],
    elapsed: f64,
}

/// Writes a check's report as it goes: the summary, then each broken
/// promise with up to `limit` of its combinations, listed by `examples`
/// (finding number, visitor), so that `--all` streams however many there are.
fn print_check(
    s: &Summary<'_>,
    findings: &[(&str, &str, u128)],
    limit: usize,
    examples: impl Fn(usize, &mut dyn FnMut(&Profile, &str) -> ControlFlow<()>),
) -> Result<ExitCode, Exit> {
    let guide = s.guide;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut head = format!(
        "{}: {} {} — {} combinations of {} questions, {}, in {:.2} s\n",
        s.name,
        guide.id(),
        guide.version(),
        s.combinations,
        guide.questions().len(),
        s.how,
        s.elapsed
    );
    for (rule, hits) in guide.rules().iter().zip(s.rule_hits) {
        head.push_str(&format!(
            "  rule {:<28} → {:<16} fires for {hits}\n",
            rule.id(),
            guide.path(rule.path()).id()
        ));
    }
    for (advice, hits) in guide.advice().iter().zip(s.advice_hits) {
        head.push_str(&format!("  advice {:<42} applies to {hits}\n", advice.id()));
    }
    for inv in guide.invariants() {
        let broken = findings.iter().any(|(check, _, _)| *check == inv.id());
        head.push_str(&format!(
            "  {} invariant {}: {}\n",
            if broken { "FAIL" } else { "ok  " },
            inv.id(),
            inv.text()
        ));
    }
    let mut written = out.write_all(head.as_bytes());
    for (k, &(check, text, count)) in findings.iter().enumerate() {
        if written.is_err() {
            break;
        }
        written = writeln!(out, "\n{}", failure_heading(check, text, count));
        let mut shown = 0u128;
        examples(k, &mut |profile, detail| {
            if shown as usize >= limit || written.is_err() {
                return ControlFlow::Break(());
            }
            shown += 1;
            written = writeln!(out, "  {}", guide.example_line(check, profile, detail));
            ControlFlow::Continue(())
        });
        if written.is_ok() && shown < count {
            written = writeln!(
                out,
                "  … and {} more (run with --all to list every one)",
                count - shown
            );
        }
    }
    let passed = findings.is_empty();
    if written.is_ok() {
        written = if passed {
            writeln!(out, "{}", decision_guide_core::text::SOUND)
        } else {
            writeln!(
                out,
                "\n{}",
                decision_guide_core::text::not_sound(findings.len())
            )
        };
    }
    finish(written.and_then(|()| out.flush()))?;
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn presets(parser: &mut lexopt::Parser) -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let mut guide_file = None;
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("guide") => {
                guide_file = Some(parser.value().map_err(usage)?.string().map_err(usage)?)
            }
            Long("help") | Short('h') => return write_stdout(&command_help("presets")),
            other => return Err(usage(other.unexpected())),
        }
    }
    let guide = load_guide(guide_file.as_deref())?;
    let width = guide
        .presets()
        .iter()
        .map(|p| p.id().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for p in guide.presets() {
        let path = guide.path(guide.decide(p.profile())).id();
        out.push_str(&format!("{:<width$}  {:<15} {}\n", p.id(), path, p.title()));
    }
    write_stdout(&out)
}

/// Writes to stdout and flushes, treating a closed pipe (`| head`,
/// `| true`) as a quiet, successful end. Every output goes through here:
/// `print!` would panic on a closed pipe.
fn write_stdout(text: &str) -> Result<ExitCode, Exit> {
    let mut out = io::stdout().lock();
    finish(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The end of writing to stdout: a closed pipe is a quiet success.
fn finish(written: io::Result<()>) -> Result<ExitCode, Exit> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Exit::Input(e.into())),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Bytes as text, or an error that says where the first byte that is not
/// UTF-8 is (line and column, counted from 1).
fn utf8(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        anyhow::anyhow!("not UTF-8 text: line {line}, column {column} holds byte 0x{:02x}, which is not valid UTF-8", e.as_bytes()[at])
    })
}

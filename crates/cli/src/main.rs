//! `decision-guide`: the rules core as a command line.
//!
//! `classify` reads answers (one JSON object, or JSON Lines) on stdin and
//! writes one result JSON a line, or a Markdown decision record; `check`
//! proves a guide sound; `guide` prints the built-in guide; `presets` lists
//! the named examples. Exit codes: 0 success, 1 bad input or a failed check,
//! 2 a usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use decision_guide_core::{
    builtin, parse_answers, parse_guide, Guide, Profile, Record, BUILTIN_GUIDE_JSON,
};

const USAGE: &str = "\
decision-guide: which way to run an AI workflow on OpenAI and AWS

USAGE:
  decision-guide classify [--format json|markdown] [--guide FILE] [--preset NAME] [--title TEXT]
      Reads one JSON answers object, or JSON Lines (one object a line), on
      stdin and writes one result JSON a line on stdout. With --format
      markdown it writes a decision record (for JSON Lines: a portfolio
      table and each record). --preset classifies a named example instead
      of reading stdin.
  decision-guide check [FILE] [--all | --limit N]
      Enumerates every combination of answers, unanswered included, and
      proves the guide sound (default: the built-in guide). Lists up to N
      (default 20) failing combinations per broken promise, or --all.
  decision-guide guide
      Prints the built-in guide as JSON: a starting point for your own.
  decision-guide presets [--guide FILE]
      Lists the named examples with the path each one gets.

EXIT: 0 success, 1 bad input or a failed check, 2 usage error.";

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
            eprintln!("decision-guide: {e:#}\n\n{USAGE}");
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
        Some(Long("help") | Short('h')) => return write_stdout(&format!("{USAGE}\n")),
        Some(Long("version") | Short('V')) => {
            return write_stdout(&format!("decision-guide {}\n", env!("CARGO_PKG_VERSION")))
        }
        Some(other) => return Err(usage(other.unexpected())),
        None => return Err(usage(anyhow::anyhow!("missing command"))),
    };
    match command.as_str() {
        "classify" => classify(&mut parser),
        "check" => check(&mut parser),
        "guide" => {
            if let Some(arg) = parser.next().map_err(usage)? {
                return Err(usage(arg.unexpected()));
            }
            write_stdout(BUILTIN_GUIDE_JSON)
        }
        "presets" => presets(&mut parser),
        "help" => write_stdout(&format!("{USAGE}\n")),
        other => Err(usage(anyhow::anyhow!(
            "unknown command {other:?} (expected classify, check, guide or presets)"
        ))),
    }
}

/// Loads a guide file, or the built-in guide. A malformed file prints every
/// problem with its JSON path.
fn load_guide(file: Option<&str>) -> Result<Guide, Exit> {
    let Some(file) = file else {
        return Ok(builtin().clone());
    };
    let text = std::fs::read(file)
        .map_err(anyhow::Error::from)
        .and_then(utf8)
        .with_context(|| format!("cannot read guide {file:?}"))
        .map_err(Exit::Input)?;
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
            other => return Err(usage(other.unexpected())),
        }
    }
    let guide = load_guide(guide_file.as_deref())?;

    let items: Vec<(String, Profile)> = match preset {
        Some(name) => {
            let Some(p) = guide.preset(&name) else {
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
        let profile = parse_answers(guide, text).map_err(|e| anyhow::anyhow!("{e}"))?;
        return Ok(vec![(
            title
                .unwrap_or(decision_guide_core::text::RECORD_TITLE)
                .to_owned(),
            profile,
        )]);
    }
    lines
        .into_iter()
        .map(|(n, line)| {
            let profile =
                parse_answers(guide, line).map_err(|e| anyhow::anyhow!("line {n}: {e}"))?;
            let name = match title {
                Some(t) => format!("{t} (line {n})"),
                None => format!("Workflow on line {n}"),
            };
            Ok((name, profile))
        })
        .collect()
}

fn check(parser: &mut lexopt::Parser) -> Result<ExitCode, Exit> {
    use lexopt::prelude::*;
    let (mut file, mut limit) = (None, 20usize);
    while let Some(arg) = parser.next().map_err(usage)? {
        match arg {
            Long("all") => limit = usize::MAX,
            Long("limit") => {
                limit = parser.value().map_err(usage)?.parse().map_err(usage)?;
            }
            Value(v) if file.is_none() => file = Some(v.string().map_err(usage)?),
            other => return Err(usage(other.unexpected())),
        }
    }
    let guide = load_guide(file.as_deref())?;
    let name = file.as_deref().unwrap_or("built-in guide");
    let started = std::time::Instant::now();
    let report = guide.check(limit).map_err(|e| Exit::Input(e.into()))?;
    let elapsed = started.elapsed();

    let mut out = String::new();
    out.push_str(&format!(
        "{name}: {} {} — {} combinations of {} questions checked in {:.2} s\n",
        guide.id(),
        guide.version(),
        report.combinations,
        guide.questions().len(),
        elapsed.as_secs_f64()
    ));
    for (rule, hits) in guide.rules().iter().zip(&report.rule_hits) {
        out.push_str(&format!(
            "  rule {:<28} → {:<16} fires for {hits}\n",
            rule.id(),
            guide.path(rule.path()).id()
        ));
    }
    for (advice, hits) in guide.advice().iter().zip(&report.advice_hits) {
        out.push_str(&format!("  advice {:<42} applies to {hits}\n", advice.id()));
    }
    for inv in guide.invariants() {
        let broken = report.failures.iter().any(|f| f.check == inv.id());
        out.push_str(&format!(
            "  {} invariant {}: {}\n",
            if broken { "FAIL" } else { "ok  " },
            inv.id(),
            inv.text()
        ));
    }
    for f in &report.failures {
        out.push_str(&format!(
            "\nFAIL {} — {} ({} combination{})\n",
            f.check,
            f.text,
            f.count,
            if f.count == 1 { "" } else { "s" }
        ));
        for (profile, detail) in &f.examples {
            if f.check.starts_with("dead-") {
                out.push_str(&format!("  {detail}\n"));
            } else {
                out.push_str(&format!("  {}  → {detail}\n", guide.answers_json(profile)));
            }
        }
        let shown = f.examples.len() as u64;
        if shown < f.count {
            out.push_str(&format!(
                "  … and {} more (run with --all to list every one)\n",
                f.count - shown
            ));
        }
    }
    if report.passed() {
        out.push_str("sound: every combination gets one path and a reason, no rule is dead, every invariant holds\n");
    } else {
        out.push_str(&format!(
            "\nNOT SOUND: {} promise{} broken\n",
            report.failures.len(),
            if report.failures.len() == 1 { "" } else { "s" }
        ));
    }
    write_stdout(&out)?;
    Ok(if report.passed() {
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

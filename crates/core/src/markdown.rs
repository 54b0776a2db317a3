//! The Markdown decision record: one explanation rendered for a wiki page,
//! with the comparison table, the rule of thumb, the dated vendor notes it
//! relies on and both dates; and a portfolio table for many workflows.

use std::fmt::Write;

use crate::explain::{Explanation, Verdict};
use crate::model::Guide;
use crate::profile::Profile;
use crate::text;

/// One workflow to record: a title, its answers and their explanation.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// What the workflow is called in the record.
    pub title: String,
    /// Its answers.
    pub profile: &'a Profile,
    /// Their explanation.
    pub explanation: &'a Explanation,
}

/// Makes text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl Guide {
    /// A decision record in Markdown, with `level` the heading level of its
    /// title (1 for a standalone record).
    pub fn markdown_record(&self, record: &Record<'_>, level: usize) -> String {
        let h = "#".repeat(level);
        let e = record.explanation;
        let mut md = String::new();
        let _ = writeln!(md, "{h} {}\n", text::record_heading(&record.title));
        let open = e.unanswered().count();
        let verdict = e.verdict();
        let _ = writeln!(
            md,
            "**{}:** {} (`{}`), {}.\n",
            verdict.label(),
            e.path_name,
            e.path_id,
            text::status(open, e.answers.len(), e.enough())
        );
        if verdict == Verdict::Blocked {
            let ids: Vec<String> = e.blocked().iter().map(|id| format!("`{id}`")).collect();
            let _ = writeln!(md, "{} ({})\n", text::ESCALATE, ids.join(", "));
        }
        for (intro, list) in [
            (text::ASK_FIRST, &e.ask_first),
            (text::COULD_BLOCK, &e.could_block),
        ] {
            if !list.is_empty() {
                let _ = writeln!(md, "{intro}\n");
                for a in list {
                    let _ = writeln!(md, "- {} (`{}`) {}", a.prompt, a.question_id, a.help);
                }
                md.push('\n');
            }
        }
        let _ = writeln!(md, "> {}\n", e.path_summary);

        let _ = writeln!(md, "{h}# {}\n", text::WHY);
        for r in &e.reasons {
            let _ = writeln!(md, "- {} {}", r.text, text::rule_cited(&r.rule));
        }

        if !e.warnings.is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::WARNINGS);
            for w in &e.warnings {
                let _ = writeln!(md, "- **{}**: {}", w.id, w.text);
            }
        }

        let _ = writeln!(md, "\n{h}# {}\n", text::WOULD_CHANGE);
        if e.would_change.is_empty() {
            let _ = writeln!(md, "{}", e.nothing_would_change());
        } else {
            let _ = writeln!(
                md,
                "| {} | {} |\n|---|---|",
                text::IF_ANSWER_WERE,
                text::WOULD_BE
            );
            for c in &e.would_change {
                let to = if c.blocked.is_empty() && c.conflicts.is_empty() {
                    c.path_name.clone()
                } else {
                    format!(
                        "{} ({})",
                        c.path_name,
                        text::blocked_there(&c.blocked, &c.conflicts)
                    )
                };
                let _ = writeln!(
                    md,
                    "| {}: **{}** | {} |",
                    cell(&c.prompt),
                    cell(&c.label),
                    cell(&to)
                );
            }
        }

        if e.further().next().is_some() {
            let _ = writeln!(md, "\n{}:\n", text::FURTHER);
            for n in e.further() {
                let answers: Vec<String> = n
                    .changes
                    .iter()
                    .map(|c| format!("{}: **{}**", c.prompt, c.label))
                    .collect();
                let blocked = if n.blocked.is_empty() && n.conflicts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", text::blocked_there(&n.blocked, &n.conflicts))
                };
                let _ = writeln!(
                    md,
                    "- {} {}{blocked}",
                    text::changes_lead_to(n.changes.len(), &n.path_name),
                    answers.join("; ")
                );
            }
        }

        if !e.watch_outs.is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::WATCH_OUT_FOR);
            for w in &e.watch_outs {
                let _ = writeln!(md, "- {w}");
            }
        }
        let _ = writeln!(md, "\n{h}# {}\n", text::YOU_STILL_OWN);
        for item in &e.you_still_own {
            let _ = writeln!(md, "- [ ] {item}");
        }
        if !e.in_place.is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::IN_PLACE);
            for item in &e.in_place {
                let _ = writeln!(md, "- [x] {item}");
            }
        }

        let _ = writeln!(
            md,
            "\n{h}# {}\n\n| {} | {} |\n|---|---|",
            text::ANSWERS,
            text::QUESTION,
            text::ANSWER
        );
        for a in &e.answers {
            let answer = match &a.answer {
                Some(label) => label.clone(),
                None => format!("{} ({})", text::NOT_SURE, a.unanswered),
            };
            let _ = writeln!(md, "| {} | {} |", cell(&a.prompt), cell(&answer));
        }

        let _ = writeln!(
            md,
            "\n{h}# {}\n\n| {} | {} | {} |\n|---|---|---|",
            text::PATHS_COMPARED,
            text::PATH,
            text::USE_WHEN,
            text::WATCH_OUT_FOR
        );
        for (p, path) in self.path_ids() {
            let name = if p == e.path {
                format!("**{} ({})**", path.name(), text::RECOMMENDED)
            } else {
                path.name().to_owned()
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                cell(&name),
                cell(path.use_when()),
                cell(path.watch_out_for())
            );
        }

        let _ = writeln!(md, "\n{h}# {}\n", text::RULE_OF_THUMB);
        for (p, path) in self.path_ids() {
            if p == e.path {
                let _ = writeln!(md, "- **{}**", path.rule_of_thumb());
            } else {
                let _ = writeln!(md, "- {}", path.rule_of_thumb());
            }
        }

        if !e.notes.is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::VENDOR_NOTES);
            for n in &e.notes {
                let at = if n.url.is_empty() {
                    String::new()
                } else {
                    format!(", <{}>", n.url)
                };
                let _ = writeln!(md, "- {} (as read {}{at}): {}", n.source, n.as_read, n.text);
            }
        }
        let _ = writeln!(md, "\n{}", self.markdown_footer(record.profile));
        md
    }

    fn markdown_footer(&self, profile: &Profile) -> String {
        let source = self.source();
        text::record_footer(
            &self.answers_json(profile),
            (self.id(), self.version()),
            (source.title(), source.author(), source.date()),
            self.notes_read(),
        )
    }

    /// A portfolio: one table of every workflow, then each record in full.
    pub fn markdown_portfolio(&self, records: &[Record<'_>]) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# {}\n", text::PORTFOLIO_TITLE);
        let columns = text::PORTFOLIO_COLUMNS;
        let _ = writeln!(
            md,
            "| {} |\n|{}",
            columns.join(" | "),
            "---|".repeat(columns.len())
        );
        for (i, r) in records.iter().enumerate() {
            let e = r.explanation;
            let (answered, total) = (r.profile.answered_count(), e.answers.len());
            let status = match e.verdict() {
                Verdict::Blocked => text::status_answered(text::STATUS_BLOCKED, answered, total),
                Verdict::Leaning => text::status_answered(text::STATUS_LEAN, answered, total),
                Verdict::ConfirmFirst => {
                    text::status_answered(text::STATUS_CONFIRM_FIRST, answered, total)
                }
                Verdict::Recommended if e.complete() => text::STATUS_RECOMMENDED.to_owned(),
                // Open answers that cannot move the path may still block it:
                // say how many, so that the row does not read as final.
                Verdict::Recommended if !e.could_block.is_empty() => {
                    text::recommended_could_block(e.could_block.len(), answered, total)
                }
                Verdict::Recommended => {
                    text::status_answered(text::STATUS_RECOMMENDED, answered, total)
                }
            };
            let rule = e.reasons.first().map_or("", |r| r.rule.as_str());
            let _ = writeln!(
                md,
                "| {} | {} | {} | {status} | `{rule}` |",
                i + 1,
                cell(&r.title),
                cell(&e.path_name),
            );
        }
        let counts: Vec<(&str, usize)> = self
            .path_ids()
            .map(|(p, path)| {
                let count = records.iter().filter(|r| r.explanation.path == p).count();
                (path.name(), count)
            })
            .collect();
        let _ = writeln!(md, "\n{}\n", text::path_counts(&counts));
        for r in records {
            md.push_str(&self.markdown_record(r, 2));
            md.push('\n');
        }
        md
    }
}

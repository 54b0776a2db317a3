//! The Markdown decision record: one explanation rendered for a wiki page,
//! with the comparison table, the rule of thumb, the dated vendor notes it
//! relies on and both dates; and a portfolio table for many workflows.

use std::fmt::Write;

use crate::explain::Explanation;
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
        let _ = writeln!(md, "{h} Decision record: {}\n", record.title);
        let open = e.unanswered().count();
        let _ = writeln!(
            md,
            "**{}:** {} (`{}`), {}.\n",
            text::RECOMMENDED_PATH,
            e.path_name,
            e.path_id,
            text::status(open, e.answers.len())
        );
        let _ = writeln!(md, "> {}\n", e.path_summary);

        let _ = writeln!(md, "{h}# {}\n", text::WHY);
        for r in &e.reasons {
            let _ = writeln!(md, "- {} (rule `{}`)", r.text, r.rule);
        }

        if !e.warnings.is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::WARNINGS);
            for w in &e.warnings {
                let _ = writeln!(md, "- **{}**: {}", w.id, w.text);
            }
        }

        let _ = writeln!(md, "\n{h}# {}\n", text::WOULD_CHANGE);
        if e.would_change.is_empty() {
            let _ = writeln!(md, "{}", text::NOTHING_WOULD_CHANGE);
        } else {
            let _ = writeln!(
                md,
                "| If this answer were | the recommendation would be |\n|---|---|"
            );
            for c in &e.would_change {
                let _ = writeln!(
                    md,
                    "| {}: **{}** | {} |",
                    cell(&c.prompt),
                    cell(&c.label),
                    cell(&c.path_name)
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

        let _ = writeln!(
            md,
            "\n{h}# {}\n\n| Question | Answer |\n|---|---|",
            text::ANSWERS
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

        if !self.notes().is_empty() {
            let _ = writeln!(md, "\n{h}# {}\n", text::VENDOR_NOTES);
            for n in self.notes() {
                let _ = writeln!(
                    md,
                    "- {} (as read {}): {}",
                    n.source(),
                    n.as_read(),
                    n.text()
                );
            }
        }
        let _ = writeln!(md, "\n{}", self.markdown_footer(record.profile));
        md
    }

    fn markdown_footer(&self, profile: &Profile) -> String {
        let source = self.source();
        let read = match self.notes_read() {
            Some(read) => format!(", vendor notes as read {read}"),
            None => String::new(),
        };
        format!(
            "_Answers: `{}`. Guide `{}` {}: source \"{}\" ({}, {}){read}._",
            self.answers_json(profile),
            self.id(),
            self.version(),
            source.title(),
            source.author(),
            source.date(),
        )
    }

    /// A portfolio: one table of every workflow, then each record in full.
    pub fn markdown_portfolio(&self, records: &[Record<'_>]) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# AI workflow portfolio\n");
        let _ = writeln!(
            md,
            "| # | Workflow | Recommendation | Status | Deciding rule |\n|---|---|---|---|---|"
        );
        for (i, r) in records.iter().enumerate() {
            let e = r.explanation;
            let answered = r.profile.answered_count();
            let status = if e.complete() {
                "complete".to_owned()
            } else {
                format!("provisional ({answered}/{} answered)", e.answers.len())
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
        let summary: Vec<String> = self
            .path_ids()
            .map(|(p, path)| {
                let count = records.iter().filter(|r| r.explanation.path == p).count();
                format!("{}: {count}", path.name())
            })
            .collect();
        let _ = writeln!(md, "\n{}.\n", summary.join("; "));
        for r in records {
            md.push_str(&self.markdown_record(r, 2));
            md.push('\n');
        }
        md
    }
}

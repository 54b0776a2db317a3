//! The Markdown decision record: a rendering of one decision's trace that a
//! person pastes into a wiki, and a portfolio table for many workflows.

use std::fmt::Write;

use crate::answers::Profile;
use crate::eval::Decision;
use crate::guide::Guide;
use crate::result::Outcome;

/// One workflow to record: a title, its answers and its decision.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// What the workflow is called in the record.
    pub title: String,
    /// Its answers.
    pub profile: &'a Profile,
    /// Its decision.
    pub decision: &'a Decision,
}

/// Makes text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

impl Guide {
    fn answer_text(&self, profile: &Profile, q: usize) -> String {
        match profile.slot(q) {
            0 => {
                let assumed = &self.option(q, self.questions[q].assume).label;
                format!("not answered (assumed: {assumed})")
            }
            slot => self.option(q, slot).label.clone(),
        }
    }

    /// A decision record in Markdown, with `level` the heading level of its
    /// title (1 for a standalone record).
    pub fn markdown_record(&self, record: &Record<'_>, level: usize) -> String {
        let h = "#".repeat(level);
        let o: Outcome = self.outcome(record.profile, record.decision);
        let path = &self.paths[usize::from(record.decision.path)];
        let mut md = String::new();
        let _ = writeln!(md, "{h} Decision record: {}\n", record.title);
        let status = if o.complete {
            "all questions answered".to_owned()
        } else {
            format!(
                "provisional, {} of {} questions unanswered",
                o.unanswered.len(),
                self.questions.len()
            )
        };
        let _ = writeln!(
            md,
            "**Recommendation:** {} (`{}`), {status}.\n",
            path.name, path.id
        );
        let _ = writeln!(md, "> {}\n", path.summary);

        let _ = writeln!(md, "{h}# Why\n");
        for r in &o.reasons {
            let _ = writeln!(md, "- {} (rule `{}`)", r.text, r.rule);
        }

        let _ = writeln!(md, "\n{h}# Answers\n\n| Question | Answer |\n|---|---|");
        for (q, question) in self.questions.iter().enumerate() {
            let _ = writeln!(
                md,
                "| {} | {} |",
                cell(&question.prompt),
                cell(&self.answer_text(record.profile, q))
            );
        }

        let _ = writeln!(md, "\n{h}# What would change it\n");
        if record.decision.would_change.is_empty() {
            let _ = writeln!(md, "No single answer would change this recommendation.");
        } else {
            let _ = writeln!(
                md,
                "| If this answer were | the recommendation would be |\n|---|---|"
            );
            for c in &record.decision.would_change {
                let (q, slot) = (usize::from(c.question), c.slot);
                let _ = writeln!(
                    md,
                    "| {}: **{}** | {} |",
                    cell(&self.questions[q].prompt),
                    cell(&self.option(q, slot).label),
                    cell(&self.paths[usize::from(c.path)].name)
                );
            }
        }

        if !o.warnings.is_empty() {
            let _ = writeln!(md, "\n{h}# Warnings\n");
            for w in &o.warnings {
                let _ = writeln!(md, "- **{}**: {}", w.id, w.text);
            }
        }
        let _ = writeln!(md, "\n{h}# Watch out for\n");
        for w in &o.watch_outs {
            let _ = writeln!(md, "- {w}");
        }
        let _ = writeln!(md, "\n{h}# You still own\n");
        for item in &o.you_still_own {
            let _ = writeln!(md, "- [ ] {item}");
        }

        let _ = writeln!(
            md,
            "\n{h}# The paths compared\n\n| Path | Use when | Watch out for |\n|---|---|---|"
        );
        for (i, p) in self.paths.iter().enumerate() {
            let mark = if i == usize::from(record.decision.path) {
                " (recommended)"
            } else {
                ""
            };
            let name = format!("{}{mark}", p.name);
            let name = if mark.is_empty() {
                name
            } else {
                format!("**{name}**")
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                cell(&name),
                cell(&p.use_when),
                cell(&p.watch_out_for)
            );
        }
        let _ = writeln!(md, "\n{}", self.markdown_footer(record.profile));
        md
    }

    fn markdown_footer(&self, profile: &Profile) -> String {
        format!(
            "_Answers: `{}`. Guide `{}` {} (facts as of {}). Source: \"{}\" ({}, {})._",
            self.answers_json(profile),
            self.id,
            self.version,
            self.as_of,
            self.source.title,
            self.source.author,
            self.source.date
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
            let path = &self.paths[usize::from(r.decision.path)];
            let answered = r.profile.answered_count();
            let status = if answered == self.questions.len() {
                "complete".to_owned()
            } else {
                format!("provisional ({answered}/{} answered)", self.questions.len())
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {status} | `{}` |",
                i + 1,
                cell(&r.title),
                cell(&path.name),
                self.rules[usize::from(r.decision.rule)].id
            );
        }
        let mut counts = vec![0usize; self.paths.len()];
        for r in records {
            counts[usize::from(r.decision.path)] += 1;
        }
        let summary: Vec<String> = self
            .paths
            .iter()
            .zip(&counts)
            .map(|(p, c)| format!("{}: {c}", p.name))
            .collect();
        let _ = writeln!(md, "\n{}.\n", summary.join("; "));
        for r in records {
            md.push_str(&self.markdown_record(r, 2));
            md.push('\n');
        }
        md
    }
}

//! One resolved explanation of a decision, which every surface only renders:
//! the result JSON (SPEC §4) here, the Markdown record in `markdown.rs`, and
//! the widget's recommendation panel. Texts are filled in and lists are
//! final, so no renderer goes back to the guide to join parts by index.

use crate::eval::{Ctx, Decision};
use crate::ids::{Id, OptionId, PathId, QuestionId, Set};
use crate::json::{array, push_quoted, Object};
use crate::model::{AdviceKind, Guide, Part, Template};
use crate::profile::Profile;
use crate::text;

/// Why a path was recommended, and everything around it, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The recommended path.
    pub path: PathId,
    /// Its stable id.
    pub path_id: String,
    /// Its name.
    pub path_name: String,
    /// Its one-line summary.
    pub path_summary: String,
    /// The reasons: the rule that fired and why, in words.
    pub reasons: Vec<Reason>,
    /// Warnings, each with its stable id.
    pub warnings: Vec<Warning>,
    /// Watch-outs that apply to these answers.
    pub watch_outs: Vec<String>,
    /// What the team still owns on this path, for these answers.
    pub you_still_own: Vec<String>,
    /// Every single-answer change that moves the path.
    pub would_change: Vec<WouldChange>,
    /// Every question with its answer (or what is assumed).
    pub answers: Vec<AnswerLine>,
    /// Which guide decided.
    pub guide: GuideRef,
}

/// One reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The rule that fired.
    pub rule: String,
    /// Why, citing the answers that made it fire.
    pub text: String,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Stable id, e.g. `heaviest-path`.
    pub id: String,
    /// The warning in words.
    pub text: String,
}

/// One answer that, changed alone, moves the recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WouldChange {
    /// The question.
    pub question: QuestionId,
    /// Its id.
    pub question_id: String,
    /// Its prompt.
    pub prompt: String,
    /// Whether the question is still unanswered.
    pub open: bool,
    /// The answer that would move it.
    pub answer: OptionId,
    /// That answer as JSON (`true`, `"multi_step"`).
    pub answer_json: String,
    /// Its label.
    pub label: String,
    /// That path's id.
    pub path_id: String,
    /// That path's name.
    pub path_name: String,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerLine {
    /// Its id.
    pub id: String,
    /// Its prompt.
    pub prompt: String,
    /// The label of the answer given, if any.
    pub answer: Option<String>,
    /// What "not answered" means for it.
    pub unanswered: String,
}

/// The guide's identity and dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideRef {
    /// Guide id.
    pub id: String,
    /// Guide version.
    pub version: String,
    /// The date of the source it follows.
    pub as_of: String,
    /// When the vendor notes it relies on were read, if it has any.
    pub notes_read: Option<String>,
}

impl Explanation {
    /// Whether every question has been answered.
    pub fn complete(&self) -> bool {
        self.answers.iter().all(|a| a.answer.is_some())
    }

    /// The ids of the questions not answered yet.
    pub fn unanswered(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .filter(|a| a.answer.is_none())
            .map(|a| a.id.as_str())
    }

    /// The open questions that, answered one way, would move the path.
    pub fn open_movers(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.would_change.iter().filter(|c| c.open) {
            if out.last() != Some(&c.prompt.as_str()) {
                out.push(&c.prompt);
            }
        }
        out
    }

    /// The result JSON of SPEC §4, on one line. Field names are a public
    /// contract: extend, never rename.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(2048);
        let mut o = Object::new(&mut out);
        o.str("path", &self.path_id);
        o.raw("complete", if self.complete() { "true" } else { "false" });
        array(o.key("reasons"), &self.reasons, |out, r| {
            let mut o = Object::new(out);
            o.str("rule", &r.rule);
            o.str("text", &r.text);
            o.end();
        });
        array(o.key("watch_outs"), &self.watch_outs, |out, w| {
            push_quoted(out, w)
        });
        array(o.key("you_still_own"), &self.you_still_own, |out, w| {
            push_quoted(out, w)
        });
        array(o.key("warnings"), &self.warnings, |out, w| {
            let mut o = Object::new(out);
            o.str("id", &w.id);
            o.str("text", &w.text);
            o.end();
        });
        array(o.key("would_change"), &self.would_change, |out, c| {
            let mut o = Object::new(out);
            o.str("question", &c.question_id);
            o.raw("answer", &c.answer_json);
            o.str("path", &c.path_id);
            o.end();
        });
        array(o.key("unanswered"), self.unanswered(), push_quoted);
        let mut g = Object::new(o.key("guide"));
        g.str("id", &self.guide.id);
        g.str("version", &self.guide.version);
        g.str("as_of", &self.guide.as_of);
        if let Some(read) = &self.guide.notes_read {
            g.str("notes_read", read);
        }
        g.end();
        o.end();
        out
    }
}

impl Guide {
    /// The cited answers as one clause: "a", "a and b", or "a; b; and c"
    /// (clauses may hold commas and "and" of their own). Answers that are
    /// only assumed say so.
    pub(crate) fn because(&self, profile: &Profile, cited: Set<QuestionId>) -> String {
        let parts: Vec<String> = cited
            .iter()
            .map(|q| {
                let fact = self.option(q, self.effective(profile, q)).fact();
                if profile.is_answered(q) {
                    fact.to_owned()
                } else {
                    format!("{fact}{}", text::ASSUMED_SUFFIX)
                }
            })
            .collect();
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, [one])) => format!("{one} and {last}"),
            Some((last, rest)) => format!("{}; and {last}", rest.join("; ")),
        }
    }

    /// A template's text, each `{because}` replaced by the answers its
    /// condition cites in `ctx`.
    fn fill(&self, template: &Template, profile: &Profile, ctx: &Ctx<'_>) -> String {
        let mut out = String::new();
        for part in template.parts.iter() {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Cite(c) => {
                    let cited = self.logic().cite(*c, ctx);
                    out.push_str(&self.because(profile, cited));
                }
            }
        }
        out
    }

    /// Resolves a decision into the explanation every surface renders.
    pub fn explain(&self, profile: &Profile, decision: &Decision) -> Explanation {
        self.with_outcome(profile, decision, |ctx| {
            self.explain_in(profile, decision, ctx)
        })
    }

    fn explain_in(&self, profile: &Profile, decision: &Decision, ctx: &Ctx<'_>) -> Explanation {
        let path = self.path(decision.path);
        let rule = self.rule(decision.rule);
        let mut warnings = Vec::new();
        let mut watch_outs = Vec::new();
        for a in decision.advice.iter() {
            let advice = self.advice_entry(a);
            let text = self.fill(&advice.text, profile, ctx);
            match advice.kind {
                AdviceKind::Warning => warnings.push(Warning {
                    id: advice.warning.to_string(),
                    text,
                }),
                AdviceKind::WatchOut => watch_outs.push(text),
            }
        }
        // Listed in the order the path names them, then what advice added.
        let mut you_still_own = Vec::new();
        let listed = path.you_still_own.iter().copied().chain(
            decision
                .advice
                .iter()
                .flat_map(|a| self.advice_entry(a).adds.iter().copied()),
        );
        let mut seen = Set::EMPTY;
        for r in listed {
            if decision.owned.contains(r) && !seen.contains(r) {
                seen.insert(r);
                you_still_own.push(self.responsibilities[r.index()].text.to_string());
            }
        }
        Explanation {
            path: decision.path,
            path_id: path.id.to_string(),
            path_name: path.name.to_string(),
            path_summary: path.summary.to_string(),
            reasons: vec![Reason {
                rule: rule.id.to_string(),
                text: self.fill(&rule.reason, profile, ctx),
            }],
            warnings,
            watch_outs,
            you_still_own,
            would_change: decision
                .would_change
                .iter()
                .map(|c| {
                    let question = self.question(c.question);
                    let option = self.option(c.question, c.answer);
                    let to = self.path(c.path);
                    WouldChange {
                        question: c.question,
                        question_id: question.id.to_string(),
                        prompt: question.prompt.to_string(),
                        open: !profile.is_answered(c.question),
                        answer: c.answer,
                        answer_json: option.value.to_json(),
                        label: option.label.to_string(),
                        path_id: to.id.to_string(),
                        path_name: to.name.to_string(),
                    }
                })
                .collect(),
            answers: self
                .question_ids()
                .map(|(q, question)| AnswerLine {
                    id: question.id.to_string(),
                    prompt: question.prompt.to_string(),
                    answer: profile
                        .answer(q)
                        .map(|o| self.option(q, o).label.to_string()),
                    unanswered: question.unanswered.to_string(),
                })
                .collect(),
            guide: GuideRef {
                id: self.id.to_string(),
                version: self.version.to_string(),
                as_of: self.as_of.to_string(),
                notes_read: self.notes_read().map(str::to_owned),
            },
        }
    }

    /// Classifies and explains in one step.
    pub fn evaluate(&self, profile: &Profile) -> Explanation {
        self.explain(profile, &self.classify(profile))
    }
}

//! The result of SPEC §4, rendered from a [`Decision`]'s trace.
//!
//! This is the one shape the CLI prints, the element exposes as `result`
//! and the `decision-change` event carries. Field names are a public
//! contract: extend, never rename.

use serde::{Serialize, Serializer};

use crate::answers::Profile;
use crate::eval::{Decision, QuestionSet};
use crate::guide::{AdviceKind, AnswerValue, Guide};

/// The result JSON of SPEC §4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The recommended path id.
    pub path: String,
    /// Whether every question has been answered.
    pub complete: bool,
    /// Why: the rule that fired, in words.
    pub reasons: Vec<Reason>,
    /// Things to watch, the path's own first.
    pub watch_outs: Vec<String>,
    /// What the team must still build or own on this path.
    pub you_still_own: Vec<String>,
    /// Warnings, each with a stable id.
    pub warnings: Vec<Warning>,
    /// Every single-answer change that moves the path.
    pub would_change: Vec<WouldChange>,
    /// Ids of the questions not answered yet.
    pub unanswered: Vec<String>,
    /// Which guide decided.
    pub guide: GuideRef,
}

/// One reason: the rule id and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The rule that fired.
    pub rule: String,
    /// Why, citing the answers that made it fire.
    pub text: String,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// Stable id, e.g. `heaviest-path`.
    pub id: String,
    /// The warning in words.
    pub text: String,
}

/// One answer change that moves the recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WouldChange {
    /// Question id.
    pub question: String,
    /// The answer that would move it.
    pub answer: AnswerValue,
    /// Where it would move to.
    pub path: String,
}

/// The guide's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuideRef {
    /// Guide id.
    pub id: String,
    /// Guide version.
    pub version: String,
    /// The date its facts are as of.
    pub as_of: String,
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Bool(b) => s.serialize_bool(*b),
            AnswerValue::Choice(c) => s.serialize_str(c),
        }
    }
}

impl Guide {
    /// The option a slot stands for (`slot` ≥ 1).
    pub fn option(&self, q: usize, slot: u8) -> &crate::guide::QOption {
        &self.questions[q].options[usize::from(slot - 1)]
    }

    /// Renders the cited answers as one clause: "a", "a and b", or
    /// "a; b; and c" (the clauses themselves may contain commas and "and").
    /// Answers that are only assumed say so.
    pub fn because(&self, profile: &Profile, cited: QuestionSet) -> String {
        let parts: Vec<String> = (0..self.questions.len())
            .filter(|q| cited & (1 << q) != 0)
            .map(|q| {
                let slot = match profile.slot(q) {
                    0 => self.questions[q].assume,
                    v => v,
                };
                let fact = &self.option(q, slot).fact;
                if profile.is_answered(q) {
                    fact.clone()
                } else {
                    format!("{fact} (assumed until answered)")
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

    fn fill(&self, template: &str, profile: &Profile, cited: QuestionSet) -> String {
        if template.contains("{because}") {
            template.replace("{because}", &self.because(profile, cited))
        } else {
            template.to_owned()
        }
    }

    /// The SPEC §4 result for a profile and its decision.
    pub fn outcome(&self, profile: &Profile, d: &Decision) -> Outcome {
        let path = &self.paths[usize::from(d.path)];
        let rule = &self.rules[usize::from(d.rule)];
        let mut watch_outs = vec![path.watch_out_for.clone()];
        let mut warnings = Vec::new();
        let mut owned: Vec<usize> = path.you_still_own.clone();
        for &(i, cites) in &d.advice {
            let a = &self.advice[usize::from(i)];
            let text = self.fill(&a.text, profile, cites);
            match a.kind {
                AdviceKind::Warning => warnings.push(Warning {
                    id: a.id.clone(),
                    text,
                }),
                AdviceKind::WatchOut => watch_outs.push(text),
            }
            for &r in &a.adds {
                if !owned.contains(&r) {
                    owned.push(r);
                }
            }
        }
        Outcome {
            path: path.id.clone(),
            complete: profile.answered_count() == self.questions.len(),
            reasons: vec![Reason {
                rule: rule.id.clone(),
                text: self.fill(&rule.reason, profile, d.cited),
            }],
            watch_outs,
            you_still_own: owned
                .into_iter()
                .map(|r| self.responsibilities[r].1.clone())
                .collect(),
            warnings,
            would_change: d
                .would_change
                .iter()
                .map(|c| WouldChange {
                    question: self.questions[usize::from(c.question)].id.clone(),
                    answer: self.option(usize::from(c.question), c.slot).value.clone(),
                    path: self.paths[usize::from(c.path)].id.clone(),
                })
                .collect(),
            unanswered: (0..self.questions.len())
                .filter(|&q| !profile.is_answered(q))
                .map(|q| self.questions[q].id.clone())
                .collect(),
            guide: GuideRef {
                id: self.id.clone(),
                version: self.version.clone(),
                as_of: self.as_of.clone(),
            },
        }
    }

    /// Classifies and renders in one step.
    pub fn evaluate(&self, profile: &Profile) -> Outcome {
        self.outcome(profile, &self.classify(profile))
    }
}

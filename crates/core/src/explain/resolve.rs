//! Resolving a decision into its [`Explanation`]: templates filled with
//! the answers they cite, advice sorted into warnings and watch-outs, what
//! is owned and in place, the nearby paths and the open questions that
//! could move or block the result.

use super::{
    AnswerLine, Answering, AskFirst, Explanation, GuideRef, NearestLine, NoteLine, Reason, Warning,
    WouldChange,
};
use crate::eval::{Ctx, Decision};
use crate::ids::{Id, OptionId, QuestionId, Set};
use crate::model::{AdviceKind, Guide, Part, Template};
use crate::profile::Profile;
use crate::text;

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
                    conflict: advice.conflict(),
                    blocks: advice.blocks,
                }),
                AdviceKind::WatchOut => watch_outs.push(text),
            }
        }
        // Listed in the order the path names them, then what advice added.
        let (mut you_still_own, mut in_place) = (Vec::new(), Vec::new());
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
                let text = self.responsibilities[r.index()].text.to_string();
                if decision.in_place.contains(r) {
                    in_place.push(text);
                } else {
                    you_still_own.push(text);
                }
            }
        }
        let logic = self.logic();
        let notes = self
            .notes
            .iter()
            .filter(|n| n.when.is_none_or(|c| logic.holds(c, ctx)))
            .map(|n| NoteLine {
                id: n.id.to_string(),
                source: n.source.to_string(),
                as_read: n.as_read.to_string(),
                text: n.text.to_string(),
                url: n.url.to_string(),
            })
            .collect();
        let answering = |q: QuestionId, o: OptionId| {
            let option = self.option(q, o);
            Answering {
                question: q,
                question_id: self.question(q).id.to_string(),
                prompt: self.question(q).prompt.to_string(),
                open: !profile.is_answered(q),
                answer: o,
                answer_json: option.value.to_json(),
                label: option.label.to_string(),
            }
        };
        let nearest = decision
            .nearest
            .iter()
            .map(|n| {
                let (blocked, conflicts) = self.conflicts_after(profile, &n.answers);
                NearestLine {
                    path_id: self.path(n.path).id.to_string(),
                    path_name: self.path(n.path).name.to_string(),
                    changes: n.answers.iter().map(|&(q, o)| answering(q, o)).collect(),
                    blocked,
                    conflicts,
                }
            })
            .collect();
        let mut ask_first: Vec<AskFirst> = Vec::new();
        for c in decision
            .would_change
            .iter()
            .filter(|c| !profile.is_answered(c.question))
        {
            if ask_first.last().map(|a| a.question) != Some(c.question) {
                ask_first.push(AskFirst {
                    question: c.question,
                    question_id: self.question(c.question).id.to_string(),
                    prompt: self.question(c.question).prompt.to_string(),
                    help: self.question(c.question).help.to_string(),
                });
            }
        }
        let standing: Vec<String> = warnings
            .iter()
            .filter(|w: &&Warning| w.conflict)
            .map(|w| w.id.clone())
            .collect();
        let could_block = self.could_block(profile, decision, &standing);
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
            nearest,
            ask_first,
            could_block,
            in_place,
            notes,
            would_change: decision
                .would_change
                .iter()
                .map(|c| {
                    let question = self.question(c.question);
                    let option = self.option(c.question, c.answer);
                    let to = self.path(c.path);
                    let (blocked, conflicts) =
                        self.conflicts_after(profile, &[(c.question, c.answer)]);
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
                        blocked,
                        conflicts,
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

    /// The blocking and the other conflict warnings the result would carry
    /// with `changes` made to `profile` (each id once): "what would change
    /// it" says when the path it leads to would be blocked there, or need a
    /// confirmation.
    fn conflicts_after(
        &self,
        profile: &Profile,
        changes: &[(QuestionId, OptionId)],
    ) -> (Vec<String>, Vec<String>) {
        let (mut blocked, mut conflicts) = (Vec::new(), Vec::new());
        if !self.advice.iter().any(|a| a.conflict()) {
            return (blocked, conflicts);
        }
        let mut changed = profile.clone();
        for &(q, o) in changes {
            changed.set(q, Some(o));
        }
        for a in self.classify_here(&changed).advice.iter() {
            let advice = self.advice_entry(a);
            let list = match (advice.blocks, advice.conflict) {
                (true, _) => &mut blocked,
                (false, true) => &mut conflicts,
                _ => continue,
            };
            if !list.iter().any(|b: &String| *b == *advice.warning) {
                list.push(advice.warning.to_string());
            }
        }
        (blocked, conflicts)
    }

    /// The open questions whose answer, one way, would not move the path
    /// but would block the result or call for a confirmation it does not
    /// call for now.
    fn could_block(&self, profile: &Profile, decision: &Decision, now: &[String]) -> Vec<AskFirst> {
        let mut out = Vec::new();
        if !self.advice.iter().any(|a| a.conflict()) {
            return out;
        }
        for (q, question) in self.question_ids() {
            if profile.is_answered(q) || decision.would_change.iter().any(|c| c.question == q) {
                continue;
            }
            let moves = question.option_ids().any(|(o, _)| {
                let (blocked, conflicts) = self.conflicts_after(profile, &[(q, o)]);
                blocked.iter().chain(&conflicts).any(|id| !now.contains(id))
            });
            if moves {
                out.push(AskFirst {
                    question: q,
                    question_id: question.id.to_string(),
                    prompt: question.prompt.to_string(),
                    help: question.help.to_string(),
                });
            }
        }
        out
    }

    /// Classifies and explains in one step.
    pub fn evaluate(&self, profile: &Profile) -> Explanation {
        self.explain(profile, &self.classify(profile))
    }
}

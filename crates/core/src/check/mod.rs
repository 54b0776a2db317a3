//! The soundness proof: over every combination of answers (unanswered
//! included), each gets one path, every `{because}` in a text that applies
//! cites at least one answer, no rule or advice is dead, and each declared
//! invariant holds; each broken promise is named with the combinations
//! that break it.
//!
//! Two provers give the same [`Report`]:
//! - `symbolic.rs` ([`Guide::check`], [`Guide::prove`]) reasons over the
//!   rules with decision diagrams: every set of combinations (where a rule
//!   fires, where an invariant breaks) is one diagram, so the number of
//!   combinations sets no ceiling. Its failing combinations are listed
//!   from the diagram, lazily, in memory that does not grow with them.
//! - `enumerate.rs` ([`Guide::check_by_enumeration`]) evaluates every
//!   combination one by one. It is kept as the oracle the symbolic proof
//!   is tested against, and refuses guides past [`MAX_COMBINATIONS`].
//!
//! Both list a promise's combinations in the same order (the first question
//! varies fastest), so their examples agree too; the words of an example
//! come from one place, [`Guide::promise_detail`].

mod enumerate;
mod symbolic;

use std::fmt;

pub use enumerate::MAX_COMBINATIONS;
pub use symbolic::{Finding, Proof, MAX_NODES};
pub(crate) use symbolic::{Frame, Symbols};

use crate::eval::{Ctx, Logic};
use crate::ids::{Id, RuleId};
use crate::model::{Direction, Guide, InvariantCheck, Part, Template};
use crate::profile::Profile;

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How many combinations of answers there are (all were covered).
    pub combinations: u128,
    /// For how many combinations each rule fires, in rule order.
    pub rule_hits: Vec<u128>,
    /// To how many combinations each advice entry applies, in advice order.
    pub advice_hits: Vec<u128>,
    /// One entry per broken promise, with its offending combinations.
    pub failures: Vec<Failure>,
}

/// One broken promise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The invariant id, or `dead-rule`, `dead-advice`, `empty-citation`.
    pub check: String,
    /// The promise in words.
    pub text: String,
    /// How many combinations break it (for `dead-…`: how many entries are dead).
    pub count: u128,
    /// The first of them (up to the limit asked for), each with what went wrong.
    pub examples: Vec<(Profile, String)>,
}

impl Report {
    /// Whether every promise holds.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Why the check could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// The answer space is too large to enumerate (the oracle only).
    TooLarge(u128),
    /// The rules are so entangled that their decision diagrams would pass
    /// this many nodes.
    TooTangled(usize),
    /// Two versions of a guide have, over the questions and options of
    /// either, more combinations than 128 bits count (the diff only).
    TooManyToCount,
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::TooLarge(n) => write!(
                f,
                "the guide has {n} combinations of answers, more than the {MAX_COMBINATIONS} the enumerating check lists; use the symbolic check"
            ),
            CheckError::TooManyToCount => write!(
                f,
                "the two versions together have more combinations of answers than can be counted (2^128 or more): compare versions with fewer questions or options"
            ),
            CheckError::TooTangled(n) => write!(
                f,
                "the guide's conditions are too entangled to prove: their decision diagrams would pass {n} nodes; split long `any`/`all` chains into facts, or drop questions"
            ),
        }
    }
}

impl std::error::Error for CheckError {}

/// A promise a combination can break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Promise {
    /// The invariant at this position.
    Invariant(usize),
    /// Every `{because}` that applies cites an answer.
    Citation,
}

/// The text of the citation promise.
pub(crate) const CITATION: &str =
    "Every {because} in a reason or advice that applies cites at least one answer.";

/// Whether a template cites no answer for one of its `{because}`s.
pub(crate) fn cites_nothing(logic: &Logic<'_>, template: &Template, ctx: &Ctx<'_>) -> bool {
    template
        .parts
        .iter()
        .any(|p| matches!(p, Part::Cite(c) if logic.cite(*c, ctx).is_empty()))
}

/// A broken promise's heading, as `decision-guide check` and the widget
/// word it: "FAIL id — promise (N combinations)".
pub fn failure_heading(check: &str, text: &str, count: u128) -> String {
    // A dead-entry promise counts entries, every other combinations.
    let (one, many) = match check {
        "dead-rule" => ("rule", "rules"),
        "dead-advice" => ("advice entry", "advice entries"),
        _ => ("combination", "combinations"),
    };
    format!(
        "FAIL {check} — {text} ({count} {})",
        if count == 1 { one } else { many }
    )
}

impl Guide {
    /// One example of a broken promise, as `decision-guide check` and the
    /// widget word it: the answers (as JSON that `classify` takes) and what
    /// went wrong there, or for a dead rule or advice just which one.
    pub fn example_line(&self, check: &str, profile: &Profile, detail: &str) -> String {
        if !example_has_answers(check, detail) {
            detail.to_owned()
        } else {
            format!("{}  → {detail}", self.answers_json(profile))
        }
    }

    /// Number of combinations of answers, unanswered included.
    pub fn combinations(&self) -> u128 {
        self.questions
            .iter()
            .map(|q| q.options.len() as u128 + 1)
            .product()
    }

    /// What went wrong for `profile`, which breaks `promise`: the words of
    /// every example, whichever prover found it.
    pub(crate) fn promise_detail(&self, promise: Promise, profile: &Profile) -> String {
        let decision = self.classify(profile);
        let path = decision.path;
        match promise {
            Promise::Citation => self.with_outcome(profile, &decision, |ctx| {
                self.uncited(&self.logic(), ctx, decision.rule).join("; ")
            }),
            Promise::Invariant(k) => match self.invariants[k].check {
                InvariantCheck::PathIn { .. } => format!("got {}", self.path(path).id),
                InvariantCheck::Implies { .. } => {
                    self.with_outcome(profile, &decision, |ctx| self.describe_outcome(ctx))
                }
                InvariantCheck::Monotone {
                    question,
                    answer,
                    never,
                } => {
                    let after = self
                        .with_answer(profile, question, Some(answer))
                        .map_or(path, |p| self.decide(&p));
                    let broken = match never {
                        Direction::Lighter => after < path,
                        Direction::Heavier => after > path,
                    };
                    debug_assert!(broken, "a monotone example moves the path");
                    format!(
                        "{} then answering {}={} gives {}",
                        self.path(path).id,
                        self.question(question).id,
                        self.option(question, answer).value.to_json(),
                        self.path(after).id
                    )
                }
            },
        }
    }

    /// The texts that apply and cite no answer where they say `{because}`.
    pub(crate) fn uncited(&self, logic: &Logic<'_>, ctx: &Ctx<'_>, rule: RuleId) -> Vec<String> {
        let rule = self.rule(rule);
        std::iter::once((&rule.reason, "rule", &rule.id))
            .chain(
                ctx.advice
                    .iter()
                    .map(|a| self.advice_entry(a))
                    .map(|a| (&a.text, "advice", &a.id)),
            )
            .filter(|(template, _, _)| cites_nothing(logic, template, ctx))
            .map(|(_, what, id)| format!("{what} {id:?} cites no answer"))
            .collect()
    }

    /// The outcome of a combination, for a broken promise's example.
    fn describe_outcome(&self, ctx: &Ctx<'_>) -> String {
        let advice: Vec<&str> = ctx
            .advice
            .iter()
            .map(|a| &*self.advice_entry(a).id)
            .collect();
        let owned: Vec<&str> = ctx
            .owned
            .iter()
            .map(|r| &*self.responsibilities[r.index()].id)
            .collect();
        let in_place: Vec<&str> = ctx
            .in_place
            .iter()
            .map(|r| &*self.responsibilities[r.index()].id)
            .collect();
        let in_place = if in_place.is_empty() {
            String::new()
        } else {
            format!(" (in place [{}])", in_place.join(", "))
        };
        format!(
            "got {} with advice [{}] and owned [{}]{in_place}",
            self.path(ctx.path).id,
            advice.join(", "),
            owned.join(", ")
        )
    }

    /// The failures for dead rules and dead advice, from how often each
    /// applies, with the first `limit` dead entries as examples.
    pub(crate) fn dead(
        &self,
        rule_hits: &[u128],
        advice_hits: &[u128],
        limit: usize,
        mut first_where: impl FnMut(RuleId) -> Option<(Profile, Vec<RuleId>)>,
    ) -> [Failure; 2] {
        let dead = |what: &str, examples: Vec<(Profile, String)>| Failure {
            check: format!("dead-{what}"),
            text: format!("Every {what} applies to at least one combination."),
            count: examples.len() as u128,
            examples: examples.into_iter().take(limit).collect(),
        };
        // A dead rule is shadowed where its condition holds (the first such
        // combination, the rule that decides it, and every rule that
        // decides some of them), or its condition never holds.
        let mut rules = Vec::new();
        for i in dead_entries(rule_hits) {
            let r = &self.rules[i];
            if rules.len() >= limit {
                rules.push((self.empty_profile(), String::new()));
                continue;
            }
            rules.push(match first_where(RuleId::at(i)) {
                Some((profile, deciders)) => {
                    let winner = self.rule(self.classify_here(&profile).rule).id.clone();
                    let others: Vec<String> = deciders
                        .iter()
                        .map(|&d| format!("{:?}", self.rule(d).id))
                        .collect();
                    let all = if others.len() > 1 {
                        format!(" (rules that decide some of them: {})", others.join(", "))
                    } else {
                        String::new()
                    };
                    let detail = if matches!(self.conds[r.when.index()], crate::model::Cond::Always) {
                        format!(
                            "rule {:?} never applies: the rules above it decide every combination ({SHADOWED}, rule {winner:?}){all}",
                            r.id
                        )
                    } else {
                        format!(
                            "rule {:?} never applies: where its condition holds, {SHADOWED}, rule {winner:?} decides first{all}",
                            r.id
                        )
                    };
                    (profile, detail)
                }
                None => (
                    self.empty_profile(),
                    format!("rule {:?}{NO_COMBINATION}", r.id),
                ),
            });
        }
        let advice = dead_entries(advice_hits)
            .map(|i| &self.advice[i])
            .map(|a| {
                (
                    self.empty_profile(),
                    format!("advice {:?} never applies", a.id),
                )
            })
            .collect();
        [dead("rule", rules), dead("advice", advice)]
    }
}

/// The positions of the entries (rules, or advice) that apply nowhere,
/// given how often each applies: the order in which their dead-entry
/// findings list them.
pub(crate) fn dead_entries(hits: &[u128]) -> impl Iterator<Item = usize> + '_ {
    hits.iter()
        .enumerate()
        .filter(|(_, &h)| h == 0)
        .map(|(i, _)| i)
}

/// How a dead rule's example says that earlier rules take its combinations.
const SHADOWED: &str = "as here";

/// What follows the id of a dead rule whose condition never holds.
const NO_COMBINATION: &str = " never applies: no combination meets its condition";

/// Whether an example of a broken promise names a combination of answers:
/// every one does, but a dead advice entry and a rule whose condition never
/// holds. The rule's id is read as the quoted text it was written as (its
/// own quotes escaped), so no id can pass for the words after it.
pub fn example_has_answers(check: &str, detail: &str) -> bool {
    match check {
        "dead-advice" => false,
        "dead-rule" => after_quoted_id(detail) != Some(NO_COMBINATION),
        _ => true,
    }
}

/// The words after `rule "…"` at the start of `detail`.
fn after_quoted_id(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("rule \"")?;
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(&rest[i + 1..]),
            _ => escaped = false,
        }
    }
    None
}

//! The evaluator: `classify(&Profile) -> Decision`, total and allocation-light.
//!
//! A [`Decision`] is the trace of one evaluation: which rule fired, which
//! answers made it fire, which advice applied (and why), and every
//! single-answer change that would move the path. Everything a person reads
//! (reasons, "what would change it", the Markdown record) is rendered from
//! this trace, so no explanation is written twice.

use crate::answers::{Profile, MAX_QUESTIONS};
use crate::guide::{Cond, Guide};

/// A set of question indexes (bit `q` set = question `q`).
pub type QuestionSet = u64;

/// The outcome of one evaluation, with its trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Index of the recommended path in [`Guide::paths`].
    pub path: u8,
    /// Index of the rule that fired in [`Guide::rules`].
    pub rule: u16,
    /// The questions whose answers made the rule fire.
    pub cited: QuestionSet,
    /// The advice that applies, each with the questions its text cites.
    pub advice: Vec<(u16, QuestionSet)>,
    /// Every single-answer change that moves the path, in question order.
    pub would_change: Vec<Change>,
}

/// One answer that, changed alone, moves the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// Question index.
    pub question: u8,
    /// The new slot (option index + 1).
    pub slot: u8,
    /// The path it would move to.
    pub path: u8,
}

/// What a condition can see: the answers and, for advice, the outcome.
struct Ctx<'a> {
    slots: &'a [u8],
    assume: &'a [u8],
    path: u8,
    /// Bit set of paths one answer away.
    near: u8,
}

impl Ctx<'_> {
    fn effective(&self, q: u8) -> u8 {
        let q = usize::from(q);
        match self.slots[q] {
            0 => self.assume[q],
            v => v,
        }
    }
}

impl Cond {
    /// Whether the condition holds (short-circuiting).
    fn holds(&self, ctx: &Ctx<'_>) -> bool {
        match self {
            Cond::Always => true,
            Cond::Is { q, slot } => ctx.effective(*q) == *slot,
            Cond::Unanswered(q) => ctx.slots[usize::from(*q)] == 0,
            Cond::Path(p) => ctx.path == *p,
            Cond::NearPath(p) => ctx.near & (1 << p) != 0,
            Cond::All(cs) => cs.iter().all(|c| c.holds(ctx)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(ctx)),
            Cond::Not(c) => !c.holds(ctx),
        }
    }

    /// Collects the questions whose answers make this (holding) condition
    /// hold: every holding branch of an `any`, nothing under a `not`.
    fn cite(&self, ctx: &Ctx<'_>, out: &mut QuestionSet) {
        match self {
            Cond::Is { q, .. } => *out |= 1 << q,
            Cond::All(cs) => cs.iter().for_each(|c| c.cite(ctx, out)),
            Cond::Any(cs) => cs
                .iter()
                .filter(|c| c.holds(ctx))
                .for_each(|c| c.cite(ctx, out)),
            Cond::Always
            | Cond::Unanswered(_)
            | Cond::Path(_)
            | Cond::NearPath(_)
            | Cond::Not(_) => {}
        }
    }
}

impl Guide {
    /// The slot assumed for each unanswered question, copied once per
    /// evaluation onto the stack: the inner loop reads it many times, and
    /// a local array measured faster than reading through `questions`.
    pub(crate) fn assumptions(&self) -> [u8; MAX_QUESTIONS] {
        let mut assume = [0u8; MAX_QUESTIONS];
        for (a, q) in assume.iter_mut().zip(&self.questions) {
            *a = q.assume;
        }
        assume
    }

    /// The first rule that matches these slots: `(rule index, path)`.
    ///
    /// Total: validation guarantees the last rule is a catch-all.
    pub(crate) fn first_match(&self, slots: &[u8], assume: &[u8]) -> (u16, u8) {
        let ctx = Ctx {
            slots,
            assume,
            path: 0,
            near: 0,
        };
        self.rules
            .iter()
            .enumerate()
            .find(|(_, r)| r.when.holds(&ctx))
            .map_or((0, 0), |(i, r)| (i as u16, r.path))
    }

    /// Just the path for a profile: the fast form used by the soundness check.
    pub fn decide(&self, profile: &Profile) -> u8 {
        self.first_match(&profile.0, &self.assumptions()).1
    }

    /// Classifies a profile: the path, the rule that chose it and why, every
    /// single-answer change that would move it, and the advice that applies.
    ///
    /// Never fails and never panics: the profile was validated against this
    /// guide, and the guide was validated to end with a catch-all rule.
    pub fn classify(&self, profile: &Profile) -> Decision {
        let assume = self.assumptions();
        let n = self.questions.len();
        let mut slots = [0u8; MAX_QUESTIONS];
        slots[..n].copy_from_slice(&profile.0);
        let (rule, path) = self.first_match(&slots[..n], &assume[..n]);

        let mut would_change = Vec::new();
        let mut near = 0u8;
        for q in 0..n {
            let current = slots[q];
            for slot in 1..=self.questions[q].options.len() as u8 {
                if slot == current {
                    continue;
                }
                slots[q] = slot;
                let (_, moved) = self.first_match(&slots[..n], &assume[..n]);
                if moved != path {
                    near |= 1 << moved;
                    would_change.push(Change {
                        question: q as u8,
                        slot,
                        path: moved,
                    });
                }
            }
            slots[q] = current;
        }

        let ctx = Ctx {
            slots: &slots[..n],
            assume: &assume[..n],
            path,
            near,
        };
        let mut cited = 0;
        self.rules[usize::from(rule)].when.cite(&ctx, &mut cited);
        let advice = self
            .advice
            .iter()
            .enumerate()
            .filter(|(_, a)| a.when.holds(&ctx))
            .map(|(i, a)| {
                let mut cites = 0;
                a.when.cite(&ctx, &mut cites);
                (i as u16, cites)
            })
            .collect();

        Decision {
            path,
            rule,
            cited,
            advice,
            would_change,
        }
    }

    /// Whether an answers-only `cond` holds for `profile` (invariants in
    /// the check); `assume` comes from [`Guide::assumptions`].
    pub(crate) fn holds(&self, cond: &Cond, profile: &Profile, assume: &[u8]) -> bool {
        cond.holds(&Ctx {
            slots: &profile.0,
            assume,
            path: 0,
            near: 0,
        })
    }
}

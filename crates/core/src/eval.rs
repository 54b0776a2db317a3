//! The evaluator: [`Guide::classify`] turns a [`Profile`] into a
//! [`Decision`], total and allocation-light.
//!
//! A decision is the trace of one evaluation: which rule fired, which
//! advice applies, what the team still owns, and every single-answer change
//! that would move the path. Everything a person reads is rendered from it
//! (see `explain/`), so no explanation is written twice.

use std::cell::Cell;

use crate::ids::{AdviceId, CondId, Id, OptionId, PathId, QuestionId, RespId, RuleId, Set};
use crate::model::{Cond, Fact, Guide, Span, MAX_QUESTIONS};
use crate::profile::Profile;
use crate::reach::Nearest;

/// The outcome of one evaluation, with its trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub(crate) path: PathId,
    pub(crate) rule: RuleId,
    pub(crate) near: Set<PathId>,
    pub(crate) near_open: Set<PathId>,
    pub(crate) advice: Set<AdviceId>,
    pub(crate) owned: Set<RespId>,
    pub(crate) in_place: Set<RespId>,
    pub(crate) would_change: Vec<Change>,
    pub(crate) nearest: Vec<Nearest>,
}

impl Decision {
    /// The recommended path.
    pub fn path(&self) -> PathId {
        self.path
    }
    /// The rule that decided it.
    pub fn rule(&self) -> RuleId {
        self.rule
    }
    /// The advice entries that apply, in guide order.
    pub fn advice(&self) -> Set<AdviceId> {
        self.advice
    }
    /// The responsibilities the team owns: to-dos and those in place.
    pub fn owned(&self) -> Set<RespId> {
        self.owned
    }
    /// The responsibilities the answers say are already in place.
    pub fn in_place(&self) -> Set<RespId> {
        self.in_place
    }
    /// For each other path, one smallest set of answer changes that leads there.
    pub fn nearest(&self) -> &[Nearest] {
        &self.nearest
    }
    /// Every single-answer change that moves the path, in question order.
    pub fn would_change(&self) -> &[Change] {
        &self.would_change
    }
}

/// One answer that, changed alone, moves the recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The question.
    pub question: QuestionId,
    /// The answer that would move it.
    pub answer: OptionId,
    /// Where it would move to.
    pub path: PathId,
}

/// The answers as conditions see them, and (for advice and invariants) the
/// outcome. Facts are worked out at most once per set of answers: a fact
/// such as "agent runtime" is tested by many rules, advice and invariants.
pub(crate) struct Ctx<'a> {
    /// Each question's effective option (the assumed one while unanswered).
    pub(crate) effective: &'a [u8],
    /// Bit `q` set: question `q` is answered.
    pub(crate) answered: u64,
    pub(crate) path: PathId,
    /// The paths one answer away.
    pub(crate) near: Set<PathId>,
    /// The paths one answer to an open question away.
    pub(crate) near_open: Set<PathId>,
    pub(crate) advice: Set<AdviceId>,
    pub(crate) owned: Set<RespId>,
    pub(crate) in_place: Set<RespId>,
    /// Bit `f`: fact `f` has been worked out for these answers.
    facts_known: Cell<u64>,
    /// Bit `f`: fact `f` holds (meaningful where known).
    facts_hold: Cell<u64>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn answers(effective: &'a [u8], answered: u64) -> Self {
        Ctx {
            effective,
            answered,
            path: PathId(0),
            near: Set::EMPTY,
            near_open: Set::EMPTY,
            advice: Set::EMPTY,
            owned: Set::EMPTY,
            in_place: Set::EMPTY,
            facts_known: Cell::new(0),
            facts_hold: Cell::new(0),
        }
    }

    /// The answers with the outcome advice conditions see: the path and the
    /// paths one answer (to any question, to an open one) away.
    pub(crate) fn outcome(
        effective: &'a [u8],
        answered: u64,
        path: PathId,
        near: Set<PathId>,
        near_open: Set<PathId>,
    ) -> Self {
        Ctx {
            path,
            near,
            near_open,
            ..Ctx::answers(effective, answered)
        }
    }
}

/// A guide's condition tables, borrowed once: evaluation reads them many
/// times per set of answers.
#[derive(Clone, Copy)]
pub(crate) struct Logic<'g> {
    conds: &'g [Cond],
    children: &'g [CondId],
    facts: &'g [Fact],
}

impl<'g> Logic<'g> {
    /// The parts of an `all` or `any`.
    pub(crate) fn children_of(&self, s: Span) -> &'g [CondId] {
        let start = usize::from(s.start);
        &self.children[start..start + usize::from(s.len)]
    }

    /// Whether condition `c` holds (short-circuiting).
    pub(crate) fn holds(&self, c: CondId, ctx: &Ctx<'_>) -> bool {
        match self.conds[c.index()] {
            Cond::Always => true,
            Cond::Is(q, o) => ctx.effective[q.index()] == o.0,
            Cond::Unanswered(q) => ctx.answered & (1u64 << q.0) == 0,
            Cond::Path(p) => ctx.path == p,
            Cond::NearPath(p) => ctx.near.contains(p),
            Cond::OpenNearPath(p) => ctx.near_open.contains(p),
            Cond::Advice(a) => ctx.advice.contains(a),
            Cond::Owns(r) => ctx.owned.contains(r),
            Cond::InPlace(r) => ctx.in_place.contains(r),
            Cond::Fact(f) => {
                let bit = 1u64 << f.0;
                if ctx.facts_known.get() & bit != 0 {
                    return ctx.facts_hold.get() & bit != 0;
                }
                let holds = self.holds(self.facts[f.index()].cond, ctx);
                ctx.facts_known.set(ctx.facts_known.get() | bit);
                if holds {
                    ctx.facts_hold.set(ctx.facts_hold.get() | bit);
                }
                holds
            }
            Cond::All(s) => self.children_of(s).iter().all(|&c| self.holds(c, ctx)),
            Cond::Any(s) => self.children_of(s).iter().any(|&c| self.holds(c, ctx)),
            Cond::Not(c) => !self.holds(c, ctx),
        }
    }

    /// The questions whose answers make condition `c` hold: every holding
    /// branch of an `any`, nothing under a `not`. Empty when `c` does not hold.
    pub(crate) fn cite(&self, c: CondId, ctx: &Ctx<'_>) -> Set<QuestionId> {
        let mut out = Set::EMPTY;
        if self.holds(c, ctx) {
            self.cite_into(c, ctx, &mut out);
        }
        out
    }

    fn cite_into(&self, c: CondId, ctx: &Ctx<'_>, out: &mut Set<QuestionId>) {
        match self.conds[c.index()] {
            Cond::Is(q, _) => out.insert(q),
            Cond::Fact(f) => self.cite_into(self.facts[f.index()].cond, ctx, out),
            Cond::All(s) => self
                .children_of(s)
                .iter()
                .for_each(|&c| self.cite_into(c, ctx, out)),
            Cond::Any(s) => self
                .children_of(s)
                .iter()
                .filter(|&&c| self.holds(c, ctx))
                .for_each(|&c| self.cite_into(c, ctx, out)),
            Cond::Always
            | Cond::Unanswered(_)
            | Cond::Path(_)
            | Cond::NearPath(_)
            | Cond::OpenNearPath(_)
            | Cond::Advice(_)
            | Cond::Owns(_)
            | Cond::InPlace(_)
            | Cond::Not(_) => {}
        }
    }
}

impl Guide {
    /// The condition tables, for evaluation.
    pub(crate) fn logic(&self) -> Logic<'_> {
        Logic {
            conds: &self.conds,
            children: &self.children,
            facts: &self.facts,
        }
    }

    /// The first rule whose condition holds. Total: the compiler guarantees
    /// that the last rule is a catch-all.
    pub(crate) fn first_match(&self, ctx: &Ctx<'_>) -> RuleId {
        let last = self.rules.len().saturating_sub(1);
        let logic = self.logic();
        let i = self
            .rules
            .iter()
            .position(|r| logic.holds(r.when, ctx))
            .unwrap_or(last);
        RuleId::at(i)
    }

    /// The advice that applies, what is owned and what of that is in
    /// place, once `ctx` carries the path and the nearby paths.
    pub(crate) fn advice_and_owned(
        &self,
        ctx: &Ctx<'_>,
    ) -> (Set<AdviceId>, Set<RespId>, Set<RespId>) {
        let logic = self.logic();
        let mut advice = Set::EMPTY;
        let mut listed: Set<RespId> = self.path(ctx.path).you_still_own.iter().copied().collect();
        for (i, a) in self.advice.iter().enumerate() {
            if logic.holds(a.when, ctx) {
                advice.insert(AdviceId::at(i));
                listed = listed.union(a.adds.iter().copied().collect());
            }
        }
        let owned: Set<RespId> = listed
            .iter()
            .filter(|r| logic.holds(self.responsibilities[r.index()].when, ctx))
            .collect();
        let in_place = owned
            .iter()
            .filter(|r| {
                self.responsibilities[r.index()]
                    .in_place
                    .is_some_and(|c| logic.holds(c, ctx))
            })
            .collect();
        (advice, owned, in_place)
    }

    /// Each question's effective option and the set of answered questions,
    /// on the stack: the inner loops read them many times.
    fn effective_answers(&self, profile: &Profile) -> ([u8; MAX_QUESTIONS], u64) {
        let mut effective = [0u8; MAX_QUESTIONS];
        let mut answered = 0u64;
        for (q, question) in self.questions.iter().enumerate() {
            let answer = profile.answer(QuestionId::at(q));
            effective[q] = answer.unwrap_or(question.assume).0;
            if answer.is_some() {
                answered |= 1 << q;
            }
        }
        (effective, answered)
    }

    /// Just the path for a profile: the fast form, for listings.
    pub fn decide(&self, profile: &Profile) -> PathId {
        let (effective, answered) = self.effective_answers(profile);
        let n = self.questions.len();
        self.rule(self.first_match(&Ctx::answers(&effective[..n], answered)))
            .path
    }

    /// Classifies a profile: the path, the rule that chose it, every
    /// single-answer change that would move it, the advice that applies and
    /// what the team still owns.
    ///
    /// Never fails and never panics: the profile was made for this guide,
    /// and the guide was compiled to end with a catch-all rule.
    pub fn classify(&self, profile: &Profile) -> Decision {
        let mut decision = self.classify_here(profile);
        decision.nearest = self.nearest_from(profile, decision.path);
        decision
    }

    /// [`Guide::classify`] without the nearest sets: what a result would be
    /// after a change, for "what would change it" to say whether it would be
    /// blocked or to confirm there.
    pub(crate) fn classify_here(&self, profile: &Profile) -> Decision {
        let n = self.questions.len();
        let (mut effective, answered) = self.effective_answers(profile);
        let rule = self.first_match(&Ctx::answers(&effective[..n], answered));
        let path = self.rule(rule).path;

        let mut would_change = Vec::new();
        let mut near = Set::EMPTY;
        let mut near_open = Set::EMPTY;
        for (q, question) in self.questions.iter().enumerate() {
            let current = effective[q];
            let given = profile.answer(QuestionId::at(q));
            for o in 0..question.options.len() {
                let o = OptionId::at(o);
                if given == Some(o) {
                    continue;
                }
                effective[q] = o.0;
                let ctx = Ctx::answers(&effective[..n], answered | 1 << q);
                let moved = self.rule(self.first_match(&ctx)).path;
                if moved != path {
                    near.insert(moved);
                    if given.is_none() {
                        near_open.insert(moved);
                    }
                    would_change.push(Change {
                        question: QuestionId::at(q),
                        answer: o,
                        path: moved,
                    });
                }
            }
            effective[q] = current;
        }

        let ctx = Ctx::outcome(&effective[..n], answered, path, near, near_open);
        let (advice, owned, in_place) = self.advice_and_owned(&ctx);
        Decision {
            path,
            rule,
            near,
            near_open,
            advice,
            owned,
            in_place,
            would_change,
            nearest: Vec::new(),
        }
    }

    /// Calls `f` with the answers of `profile` and the whole outcome of
    /// `decision` (advice and what is owned too), as invariants and
    /// `{because}` citations see them.
    pub(crate) fn with_outcome<R>(
        &self,
        profile: &Profile,
        decision: &Decision,
        f: impl FnOnce(&Ctx<'_>) -> R,
    ) -> R {
        let (effective, answered) = self.effective_answers(profile);
        let n = self.questions.len();
        let ctx = Ctx {
            advice: decision.advice,
            owned: decision.owned,
            in_place: decision.in_place,
            ..Ctx::outcome(
                &effective[..n],
                answered,
                decision.path,
                decision.near,
                decision.near_open,
            )
        };
        f(&ctx)
    }
}

//! The symbolic proof: every condition of a guide as a decision diagram
//! over all combinations of answers at once (see `mdd.rs`).
//!
//! The first-match rule chain becomes one diagram per rule (where it fires:
//! its condition, minus every earlier rule's) and one per path. "One
//! answer away" is read off the path diagrams by fixing one question at a
//! time ([`Mdd::restrict`]); advice, what is owned, citations and each
//! invariant are then diagrams too, and a promise is broken exactly where
//! its diagram is not empty. Counting a diagram's combinations and listing
//! them are walks over its nodes, so the cost follows how entangled the
//! rules are, not how many combinations there are.

use std::ops::ControlFlow;

use super::{CheckError, Failure, Promise, Report, CITATION};
use crate::ids::{AdviceId, CondId, Id, OptionId, PathId, QuestionId, RespId, RuleId};
use crate::mdd::{Mdd, Node, TooLarge, FALSE, TRUE};
use crate::model::{Cond, Direction, Guide, InvariantCheck, Part, Template};
use crate::profile::Profile;

/// The most decision-diagram nodes a proof may build before it gives up
/// with [`CheckError::TooTangled`] (about 30 bytes a node).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_NODES: usize = 8_000_000;
/// The most decision-diagram nodes a proof may build before it gives up
/// with [`CheckError::TooTangled`] (about 30 bytes a node).
#[cfg(target_arch = "wasm32")]
pub const MAX_NODES: usize = 2_000_000;

/// A guide's conditions as decision diagrams, built on demand and kept.
///
/// Question `q` is level `n - 1 - q`: the last question is the first level,
/// so that listing a diagram's combinations goes in the enumerating
/// check's order, where the first question varies fastest.
pub(crate) struct Symbols<'g> {
    g: &'g Guide,
    pub(crate) m: Mdd,
    conds: Vec<Option<Node>>,
    cited: Vec<Option<Node>>,
    fires: Vec<Node>,
    paths: Vec<Node>,
    nearby: Vec<Option<(Node, Node)>>,
    advice: Vec<Option<Node>>,
    owned: Vec<Option<Node>>,
    /// Where the questions sit when the diagram is shared with another
    /// guide's (the decision diff); `None`: the guide's own layout.
    frame: Option<Frame>,
}

/// A guide's rule chain in a diagram shared with another guide.
pub(crate) struct Chain {
    /// Where each path is decided.
    pub(crate) paths: Vec<Node>,
    /// Where each rule decides.
    pub(crate) fires: Vec<Node>,
    /// The shared diagram.
    pub(crate) m: Mdd,
}

/// Where one guide's questions sit in a diagram shared with another guide:
/// the level of each question, and the code of each of its options (code 0
/// is always "unanswered"). Used for the path diagrams only: rules test
/// answers, nothing else, so building the rule chain needs no more.
pub(crate) struct Frame {
    /// The level of each question, by question index.
    pub(crate) level: Vec<usize>,
    /// The code of each option, by question index and option index.
    pub(crate) code: Vec<Vec<usize>>,
}

impl<'g> Symbols<'g> {
    /// The rule chain of `g` as diagrams: where each rule fires, and where
    /// each path is decided.
    pub(crate) fn new(g: &'g Guide, budget: usize) -> Result<Self, TooLarge> {
        let n = g.questions.len();
        let radix = (0..n)
            .map(|l| g.questions[n - 1 - l].options.len() as u16 + 1)
            .collect();
        Self::chain(g, Mdd::new(radix, budget), None)
    }

    /// The path and rule diagrams of `g` in `m`, a diagram shared with
    /// another guide, with `g`'s questions where `frame` puts them; and `m`
    /// back.
    pub(crate) fn paths_in(g: &'g Guide, m: Mdd, frame: Frame) -> Result<Chain, TooLarge> {
        let s = Self::chain(g, m, Some(frame))?;
        Ok(Chain {
            paths: s.paths,
            fires: s.fires,
            m: s.m,
        })
    }

    /// The rule chain of `g` as diagrams in `m`.
    fn chain(g: &'g Guide, m: Mdd, frame: Option<Frame>) -> Result<Self, TooLarge> {
        let mut s = Symbols {
            g,
            m,
            conds: vec![None; g.conds.len()],
            cited: vec![None; g.conds.len()],
            fires: Vec::with_capacity(g.rules.len()),
            paths: vec![FALSE; g.paths.len()],
            nearby: vec![None; g.paths.len()],
            advice: vec![None; g.advice.len()],
            owned: vec![None; g.responsibilities.len()],
            frame,
        };
        let mut remaining = TRUE;
        for rule in g.rules.iter() {
            let when = s.cond(rule.when)?;
            let fires = s.m.and(remaining, when)?;
            remaining = s.m.and_not(remaining, when)?;
            let p = rule.path.index();
            s.paths[p] = s.m.or(s.paths[p], fires)?;
            s.fires.push(fires);
        }
        Ok(s)
    }

    /// The level of question `q`.
    pub(crate) fn level(&self, q: QuestionId) -> usize {
        match &self.frame {
            Some(frame) => frame.level[q.index()],
            None => self.g.questions.len() - 1 - q.index(),
        }
    }

    /// Where path `p` is decided.
    pub(crate) fn path(&self, p: PathId) -> Node {
        self.paths[p.index()]
    }

    /// The profile of one combination, given as one code per level.
    pub(crate) fn profile(&self, codes: &[u16]) -> Profile {
        let mut profile = self.g.empty_profile();
        for (q, _) in self.g.question_ids() {
            // A guide's own codes fit its options (at most MAX_OPTIONS).
            let code = codes[self.level(q)] as u8;
            profile.set(q, code.checked_sub(1).map(OptionId));
        }
        profile
    }

    /// Where condition `c` holds.
    pub(crate) fn cond(&mut self, c: CondId) -> Result<Node, TooLarge> {
        if let Some(done) = self.conds[c.index()] {
            return Ok(done);
        }
        let g = self.g;
        let node = match g.conds[c.index()] {
            Cond::Always => TRUE,
            Cond::Is(q, o) => {
                let assumed = g.question(q).assume == o;
                let l = self.level(q);
                let mine = match &self.frame {
                    Some(frame) => frame.code[q.index()][o.index()],
                    None => o.index() + 1,
                };
                self.m.var(l, |code| match code {
                    0 => assumed,
                    k => k == mine,
                })?
            }
            Cond::Unanswered(q) => {
                let l = self.level(q);
                self.m.var(l, |code| code == 0)?
            }
            Cond::Path(p) => self.path(p),
            Cond::NearPath(p) => self.nearby(p)?.0,
            Cond::OpenNearPath(p) => self.nearby(p)?.1,
            Cond::Advice(a) => self.advice(a)?,
            Cond::Owns(r) => self.owned(r)?,
            Cond::InPlace(r) => {
                let owned = self.owned(r)?;
                match g.responsibilities[r.index()].in_place {
                    Some(c) => {
                        let there = self.cond(c)?;
                        self.m.and(owned, there)?
                    }
                    None => FALSE,
                }
            }
            Cond::Fact(f) => self.cond(g.facts[f.index()].cond)?,
            Cond::All(span) => {
                let mut acc = TRUE;
                for &child in g.logic().children_of(span) {
                    let x = self.cond(child)?;
                    acc = self.m.and(acc, x)?;
                }
                acc
            }
            Cond::Any(span) => {
                let mut acc = FALSE;
                for &child in g.logic().children_of(span) {
                    let x = self.cond(child)?;
                    acc = self.m.or(acc, x)?;
                }
                acc
            }
            Cond::Not(inner) => {
                let x = self.cond(inner)?;
                self.m.not(x)?
            }
        };
        self.conds[c.index()] = Some(node);
        Ok(node)
    }

    /// Where one change of answer moves the path to `p` (to any question;
    /// to an open one), as `classify` works it out: every option of every
    /// question but the one given.
    fn nearby(&mut self, p: PathId) -> Result<(Node, Node), TooLarge> {
        if let Some(done) = self.nearby[p.index()] {
            return Ok(done);
        }
        let at = self.path(p);
        let (mut near, mut open) = (FALSE, FALSE);
        for l in 0..self.m.levels() {
            let mut any = FALSE;
            for code in 1..self.m.radix(l) {
                let moved = self.m.restrict(at, l, code)?;
                if moved == FALSE {
                    continue;
                }
                any = self.m.or(any, moved)?;
                let other = self.m.var(l, |c| c != code)?;
                let here = self.m.and(other, moved)?;
                near = self.m.or(near, here)?;
            }
            let unanswered = self.m.var(l, |c| c == 0)?;
            let here = self.m.and(unanswered, any)?;
            open = self.m.or(open, here)?;
        }
        let near = self.m.and_not(near, at)?;
        let open = self.m.and_not(open, at)?;
        self.nearby[p.index()] = Some((near, open));
        Ok((near, open))
    }

    /// Where advice `a` applies.
    fn advice(&mut self, a: AdviceId) -> Result<Node, TooLarge> {
        if let Some(done) = self.advice[a.index()] {
            return Ok(done);
        }
        let node = self.cond(self.g.advice[a.index()].when)?;
        self.advice[a.index()] = Some(node);
        Ok(node)
    }

    /// Where responsibility `r` is on the list of what the team owns.
    fn owned(&mut self, r: RespId) -> Result<Node, TooLarge> {
        if let Some(done) = self.owned[r.index()] {
            return Ok(done);
        }
        let g = self.g;
        let mut listed = FALSE;
        for (p, path) in g.path_ids() {
            if path.you_still_own.contains(&r) {
                listed = self.m.or(listed, self.path(p))?;
            }
        }
        for (i, a) in g.advice.iter().enumerate() {
            if a.adds.contains(&r) {
                let applies = self.advice(AdviceId::at(i))?;
                listed = self.m.or(listed, applies)?;
            }
        }
        let when = self.cond(g.responsibilities[r.index()].when)?;
        let node = self.m.and(listed, when)?;
        self.owned[r.index()] = Some(node);
        Ok(node)
    }

    /// Where condition `c` holds and its citation names at least one
    /// answer (see `Logic::cite`): every branch of an `all`, the holding
    /// branches of an `any`, nothing under a `not` or a test of the outcome.
    fn cites(&mut self, c: CondId) -> Result<Node, TooLarge> {
        let holds = self.cond(c)?;
        let names = self.names(c)?;
        self.m.and(holds, names)
    }

    /// Where `c`, if it holds, names an answer.
    fn names(&mut self, c: CondId) -> Result<Node, TooLarge> {
        if let Some(done) = self.cited[c.index()] {
            return Ok(done);
        }
        let g = self.g;
        let node = match g.conds[c.index()] {
            Cond::Is(..) => TRUE,
            Cond::Fact(f) => self.names(g.facts[f.index()].cond)?,
            Cond::All(span) => {
                let mut acc = FALSE;
                for &child in g.logic().children_of(span) {
                    let x = self.names(child)?;
                    acc = self.m.or(acc, x)?;
                }
                acc
            }
            Cond::Any(span) => {
                let mut acc = FALSE;
                for &child in g.logic().children_of(span) {
                    let x = self.cites(child)?;
                    acc = self.m.or(acc, x)?;
                }
                acc
            }
            Cond::Always
            | Cond::Unanswered(_)
            | Cond::Path(_)
            | Cond::NearPath(_)
            | Cond::OpenNearPath(_)
            | Cond::Advice(_)
            | Cond::Owns(_)
            | Cond::InPlace(_)
            | Cond::Not(_) => FALSE,
        };
        self.cited[c.index()] = Some(node);
        Ok(node)
    }

    /// Where some `{because}` of `template` cites nothing.
    fn uncited(&mut self, template: &Template) -> Result<Node, TooLarge> {
        let mut acc = FALSE;
        for part in template.parts.iter() {
            if let Part::Cite(c) = part {
                let ok = self.cites(*c)?;
                let bad = self.m.not(ok)?;
                acc = self.m.or(acc, bad)?;
            }
        }
        Ok(acc)
    }

    /// Where the invariant at `k` is broken.
    fn broken(&mut self, k: usize) -> Result<Node, TooLarge> {
        match self.g.invariants[k].check {
            InvariantCheck::PathIn { when, allowed } => {
                let when = self.cond(when)?;
                let mut ok = FALSE;
                for p in allowed.iter().filter(|p| p.index() < self.paths.len()) {
                    ok = self.m.or(ok, self.path(p))?;
                }
                self.m.and_not(when, ok)
            }
            InvariantCheck::Implies { when, then } => {
                let when = self.cond(when)?;
                let then = self.cond(then)?;
                self.m.and_not(when, then)
            }
            InvariantCheck::Monotone {
                question,
                answer,
                never,
            } => {
                let l = self.level(question);
                let code = answer.index() + 1;
                let mut acc = FALSE;
                for (before, _) in self.g.path_ids() {
                    for (after, _) in self.g.path_ids() {
                        let moves = match never {
                            Direction::Lighter => after < before,
                            Direction::Heavier => after > before,
                        };
                        if moves {
                            let then = self.m.restrict(self.path(after), l, code)?;
                            let both = self.m.and(self.path(before), then)?;
                            acc = self.m.or(acc, both)?;
                        }
                    }
                }
                let changed = self.m.var(l, |c| c != code)?;
                self.m.and(acc, changed)
            }
        }
    }
}

/// A finished proof: how often each rule and advice entry applies, and
/// each broken promise with the set of combinations that break it.
pub struct Proof<'g> {
    symbols: Symbols<'g>,
    combinations: u128,
    rule_hits: Vec<u128>,
    advice_hits: Vec<u128>,
    findings: Vec<Finding>,
}

/// One broken promise of a [`Proof`].
pub struct Finding {
    /// The invariant id, or `dead-rule`, `dead-advice`, `empty-citation`.
    pub check: String,
    /// The promise in words.
    pub text: String,
    /// How many combinations break it (for `dead-…`: how many entries are dead).
    pub count: u128,
    what: What,
}

enum What {
    /// The combinations in this diagram break this promise.
    Combinations(Node, Promise),
    /// These entries never apply: one example each, already in words.
    Dead(Failure),
}

impl Guide {
    /// Proves the guide sound over every combination of answers, by
    /// reasoning over its rules (no ceiling on their number), and keeps up
    /// to `limit` example combinations per broken promise.
    pub fn check(&self, limit: usize) -> Result<Report, CheckError> {
        Ok(self.prove()?.report(limit))
    }

    /// The proof itself, whose failing combinations can be listed one by
    /// one, however many there are ([`Proof::examples`]).
    pub fn prove(&self) -> Result<Proof<'_>, CheckError> {
        self.prove_within(MAX_NODES)
    }

    /// [`Guide::prove`] with a budget of decision-diagram nodes.
    pub fn prove_within(&self, budget: usize) -> Result<Proof<'_>, CheckError> {
        let tangled = |_: TooLarge| CheckError::TooTangled(budget);
        let mut s = Symbols::new(self, budget).map_err(tangled)?;
        let rule_hits: Vec<u128> = s.fires.iter().map(|&f| s.m.count(f)).collect();
        let mut advice_hits = Vec::with_capacity(self.advice.len());
        for i in 0..self.advice.len() {
            let applies = s.advice(AdviceId::at(i)).map_err(tangled)?;
            advice_hits.push(s.m.count(applies));
        }
        let mut findings = Vec::new();
        let mut promise = |s: &mut Symbols<'_>, check: &str, text: &str, p: Promise, at: Node| {
            if at != FALSE {
                findings.push(Finding {
                    check: check.to_owned(),
                    text: text.to_owned(),
                    count: s.m.count(at),
                    what: What::Combinations(at, p),
                });
            }
        };
        for (k, v) in self.invariants.iter().enumerate() {
            let at = s.broken(k).map_err(tangled)?;
            promise(&mut s, &v.id, &v.text, Promise::Invariant(k), at);
        }
        let mut uncited = FALSE;
        for (r, rule) in self.rules.iter().enumerate() {
            let bad = s.uncited(&rule.reason).map_err(tangled)?;
            let here = s.m.and(s.fires[r], bad).map_err(tangled)?;
            uncited = s.m.or(uncited, here).map_err(tangled)?;
        }
        for (i, a) in self.advice.iter().enumerate() {
            let bad = s.uncited(&a.text).map_err(tangled)?;
            let applies = s.advice(AdviceId::at(i)).map_err(tangled)?;
            let here = s.m.and(applies, bad).map_err(tangled)?;
            uncited = s.m.or(uncited, here).map_err(tangled)?;
        }
        promise(
            &mut s,
            "empty-citation",
            CITATION,
            Promise::Citation,
            uncited,
        );
        let first_where = |r: RuleId| {
            // Built with the rule chain, so never over the budget here.
            let when = s.cond(self.rules[r.index()].when).ok()?;
            let mut first = None;
            let _ = s.m.for_each(when, |codes| {
                first = Some(s.profile(codes));
                ControlFlow::Break(())
            });
            let mut deciders = Vec::new();
            for (j, &fires) in s.fires.iter().enumerate() {
                if s.m.and(fires, when).ok()? != FALSE {
                    deciders.push(RuleId::at(j));
                }
            }
            first.map(|p| (p, deciders))
        };
        for dead in self.dead(&rule_hits, &advice_hits, usize::MAX, first_where) {
            if dead.count > 0 {
                findings.push(Finding {
                    check: dead.check.clone(),
                    text: dead.text.clone(),
                    count: dead.count,
                    what: What::Dead(dead),
                });
            }
        }
        Ok(Proof {
            symbols: s,
            combinations: self.combinations(),
            rule_hits,
            advice_hits,
            findings,
        })
    }
}

impl Proof<'_> {
    /// How many combinations of answers there are (all were covered).
    pub fn combinations(&self) -> u128 {
        self.combinations
    }

    /// For how many combinations each rule fires, in rule order.
    pub fn rule_hits(&self) -> &[u128] {
        &self.rule_hits
    }

    /// To how many combinations each advice entry applies, in advice order.
    pub fn advice_hits(&self) -> &[u128] {
        &self.advice_hits
    }

    /// The broken promises, invariants first, in the guide's order.
    pub fn failures(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether every promise holds.
    pub fn passed(&self) -> bool {
        self.findings.is_empty()
    }

    /// How many decision-diagram nodes the proof built.
    pub fn nodes(&self) -> usize {
        self.symbols.m.size()
    }

    /// Calls `visit` with each combination that breaks `finding`, and what
    /// went wrong there, in order, until it breaks. For `dead-…` findings,
    /// each dead entry with no answers.
    pub fn examples(
        &self,
        finding: &Finding,
        mut visit: impl FnMut(Profile, String) -> ControlFlow<()>,
    ) {
        match &finding.what {
            What::Combinations(at, promise) => {
                let g = self.symbols.g;
                let _ = self.symbols.m.for_each(*at, |codes| {
                    let profile = self.symbols.profile(codes);
                    let detail = g.promise_detail(*promise, &profile);
                    visit(profile, detail)
                });
            }
            What::Dead(failure) => {
                for (profile, detail) in &failure.examples {
                    if visit(profile.clone(), detail.clone()).is_break() {
                        return;
                    }
                }
            }
        }
    }

    /// The report, with up to `limit` examples per broken promise.
    pub fn report(&self, limit: usize) -> Report {
        let failures = self
            .findings
            .iter()
            .map(|f| {
                let mut examples = Vec::new();
                if limit > 0 {
                    self.examples(f, |profile, detail| {
                        examples.push((profile, detail));
                        if examples.len() >= limit {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    });
                }
                Failure {
                    check: f.check.clone(),
                    text: f.text.clone(),
                    count: f.count,
                    examples,
                }
            })
            .collect();
        Report {
            combinations: self.combinations,
            rule_hits: self.rule_hits.clone(),
            advice_hits: self.advice_hits.clone(),
            failures,
        }
    }
}

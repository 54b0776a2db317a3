//! The enumerating check: every combination of answers is evaluated one by
//! one. It is the oracle the symbolic proof (`symbolic.rs`) is tested
//! against, on every generated and broken guide, and refuses guides whose
//! answer space passes [`MAX_COMBINATIONS`].
//!
//! It runs in two passes: first the rule, hence the path, of every
//! combination; then, in parallel over slices of that table, everything
//! else. "What would change it" for a combination is read from the table
//! (its neighbours differ in one answer), so no combination is evaluated
//! twice.

use std::collections::HashMap;

use super::{CheckError, Failure, Promise, Report, CITATION};
use crate::eval::{Ctx, Logic};
use crate::fx::Fx;
use crate::ids::{AdviceId, Id, OptionId, PathId, QuestionId, RuleId, Set};
use crate::model::{Cond, Direction, Guide, InvariantCheck, MAX_QUESTIONS};
use crate::profile::Profile;

/// Guides whose answer space is larger than this are refused rather than
/// left running for hours.
pub const MAX_COMBINATIONS: u64 = 50_000_000;

// One bit per invariant and one for citations must fit in `Found::failed`.
const _: () = assert!(crate::model::MAX_INVARIANTS < 128);

/// What the second pass finds for a combination.
#[derive(Clone, Copy)]
struct Found {
    advice: Set<AdviceId>,
    /// Bit `k`: invariant `k` is broken; the bit after the last invariant
    /// (a guide has at most `MAX_INVARIANTS`, 120): a citation is empty.
    failed: u128,
}

/// Packs what a combination's findings depend on into a key, when it fits.
struct Signature {
    /// Bits of each question's effective option.
    width: Vec<u32>,
    /// The questions some condition tests for "not answered".
    tested_unanswered: u64,
    /// Whether the packed answers fit in 64 bits.
    fits: bool,
}

impl Signature {
    fn new(guide: &Guide) -> Self {
        let width: Vec<u32> = guide
            .questions
            .iter()
            .map(|q| usize::BITS - (q.options.len().max(2) - 1).leading_zeros())
            .collect();
        let tested_unanswered = guide
            .conds
            .iter()
            .filter_map(|c| match c {
                Cond::Unanswered(q) => Some(1u64 << q.index()),
                _ => None,
            })
            .fold(0, |a, b| a | b);
        let fits = width.iter().sum::<u32>() <= 64;
        Signature {
            width,
            tested_unanswered,
            fits,
        }
    }

    fn key(
        &self,
        effective: &[u8],
        answered: u64,
        rule: RuleId,
        near: Set<PathId>,
        near_open: Set<PathId>,
    ) -> Option<(u64, u64, RuleId, u64)> {
        if !self.fits {
            return None;
        }
        let mut packed = 0u64;
        for (&e, &w) in effective.iter().zip(&self.width) {
            packed = packed << w | u64::from(e);
        }
        // Paths are at most 8, so both sets fit side by side.
        let nearby = near.bits() | near_open.bits() << 32;
        Some((packed, answered & self.tested_unanswered, rule, nearby))
    }
}

/// Counts the failures of one promise and keeps the first examples, as
/// combination numbers (turned into profiles and words at the end).
#[derive(Clone, Default)]
struct Tally {
    count: u64,
    examples: Vec<usize>,
}

impl Tally {
    fn add(&mut self, limit: usize, at: usize) {
        self.count += 1;
        if self.examples.len() < limit {
            self.examples.push(at);
        }
    }

    fn merge(&mut self, other: Tally, limit: usize) {
        self.count += other.count;
        let room = limit.saturating_sub(self.examples.len());
        self.examples.extend(other.examples.into_iter().take(room));
    }
}

/// What one slice of the second pass found.
#[derive(Clone)]
struct Partial {
    advice_hits: Vec<u64>,
    /// One tally per invariant, then the citation tally.
    tallies: Vec<Tally>,
}

/// The shape of the answer space: each question's number of codes
/// (options + 1 for "not answered") and its stride in the table.
struct Space {
    radix: Vec<usize>,
    stride: Vec<usize>,
    total: usize,
}

impl Space {
    /// The codes of combination `i` (code 0 = not answered; question 0
    /// is the fastest digit).
    fn codes(&self, mut i: usize, out: &mut [u8]) {
        for (q, &r) in self.radix.iter().enumerate() {
            out[q] = (i % r) as u8;
            i /= r;
        }
    }

    /// Moves `codes` to the next combination.
    fn advance(&self, codes: &mut [u8]) {
        for (digit, &r) in codes.iter_mut().zip(&self.radix) {
            *digit += 1;
            if usize::from(*digit) < r {
                return;
            }
            *digit = 0;
        }
    }
}

impl Guide {
    /// Effective options and the answered set for `codes`.
    fn decode(&self, codes: &[u8], effective: &mut [u8]) -> u64 {
        let mut answered = 0u64;
        for (q, (&code, question)) in codes.iter().zip(self.questions.iter()).enumerate() {
            if code == 0 {
                effective[q] = question.assume.0;
            } else {
                effective[q] = code - 1;
                answered |= 1 << q;
            }
        }
        answered
    }

    fn profile_at(&self, i: usize, space: &Space) -> Profile {
        let mut codes = [0u8; MAX_QUESTIONS];
        space.codes(i, &mut codes);
        let mut p = self.empty_profile();
        for (q, &code) in codes[..self.questions.len()].iter().enumerate() {
            p.set(QuestionId::at(q), code.checked_sub(1).map(OptionId));
        }
        p
    }

    /// Runs the enumerating check, keeping up to `limit` example
    /// combinations per broken promise: the oracle of the symbolic proof
    /// ([`Guide::check`]), for guides of at most [`MAX_COMBINATIONS`].
    pub fn check_by_enumeration(&self, limit: usize) -> Result<Report, CheckError> {
        let total = self.combinations();
        if total > u128::from(MAX_COMBINATIONS) {
            return Err(CheckError::TooLarge(total));
        }
        let radix: Vec<usize> = self.questions.iter().map(|q| q.options.len() + 1).collect();
        let stride = radix
            .iter()
            .scan(1usize, |acc, &r| {
                let s = *acc;
                *acc *= r;
                Some(s)
            })
            .collect();
        let space = Space {
            radix,
            stride,
            total: total as usize,
        };

        // Pass 1: the rule of every combination, in parallel slices.
        let threads = if cfg!(target_arch = "wasm32") {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |t| t.get().min(8))
        };
        let chunk = space.total.div_ceil(threads).max(1);
        let mut rules = vec![RuleId(0); space.total];
        let pass1 = |start: usize, slice: &mut [RuleId]| {
            let n = self.questions.len();
            let mut codes = [0u8; MAX_QUESTIONS];
            let mut effective = [0u8; MAX_QUESTIONS];
            space.codes(start, &mut codes[..n]);
            for slot in slice {
                let answered = self.decode(&codes[..n], &mut effective);
                *slot = self.first_match(&Ctx::answers(&effective[..n], answered));
                space.advance(&mut codes[..n]);
            }
        };
        if threads == 1 {
            pass1(0, &mut rules);
        } else {
            std::thread::scope(|s| {
                for (k, slice) in rules.chunks_mut(chunk).enumerate() {
                    s.spawn(move || pass1(k * chunk, slice));
                }
            });
        }
        let mut rule_hits = vec![0u64; self.rules.len()];
        for r in &rules {
            rule_hits[r.index()] += 1;
        }
        let paths: Vec<PathId> = rules.iter().map(|&r| self.rule(r).path).collect();

        // Pass 2: advice, ownership, invariants and citations, in slices.
        let run = |start: usize| {
            self.pass2(
                &space,
                &rules,
                &paths,
                start,
                (start + chunk).min(space.total),
                limit,
            )
        };
        let partials: Vec<Partial> = if threads == 1 {
            vec![run(0)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..space.total)
                    .step_by(chunk)
                    .map(|start| s.spawn(move || run(start)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut merged = Partial {
            advice_hits: vec![0; self.advice.len()],
            tallies: vec![Tally::default(); self.invariants.len() + 1],
        };
        for p in partials {
            for (a, b) in merged.advice_hits.iter_mut().zip(p.advice_hits) {
                *a += b;
            }
            for (a, b) in merged.tallies.iter_mut().zip(p.tallies) {
                a.merge(b, limit);
            }
        }

        let failure = |check: &str, text: &str, promise: Promise, t: Tally| Failure {
            check: check.to_owned(),
            text: text.to_owned(),
            count: u128::from(t.count),
            examples: t
                .examples
                .into_iter()
                .map(|i| {
                    let profile = self.profile_at(i, &space);
                    let detail = self.promise_detail(promise, &profile);
                    (profile, detail)
                })
                .collect(),
        };
        let mut tallies = merged.tallies.into_iter();
        let mut failures: Vec<Failure> = self
            .invariants
            .iter()
            .zip(tallies.by_ref())
            .enumerate()
            .map(|(k, (v, t))| failure(&v.id, &v.text, Promise::Invariant(k), t))
            .collect();
        if let Some(t) = tallies.next() {
            failures.push(failure("empty-citation", CITATION, Promise::Citation, t));
        }
        let rule_hits: Vec<u128> = rule_hits.into_iter().map(u128::from).collect();
        let advice_hits: Vec<u128> = merged.advice_hits.into_iter().map(u128::from).collect();
        let first_where = |r: RuleId| {
            let (n, logic, when) = (self.questions.len(), self.logic(), self.rule(r).when);
            let mut codes = [0u8; MAX_QUESTIONS];
            let mut effective = [0u8; MAX_QUESTIONS];
            let mut first = None;
            let mut deciders = vec![false; self.rules.len()];
            for (i, decided) in rules.iter().enumerate() {
                let answered = self.decode(&codes[..n], &mut effective);
                if logic.holds(when, &Ctx::answers(&effective[..n], answered)) {
                    first.get_or_insert_with(|| self.profile_at(i, &space));
                    deciders[decided.index()] = true;
                }
                space.advance(&mut codes[..n]);
            }
            let deciders = (0..self.rules.len())
                .filter(|&j| deciders[j])
                .map(RuleId::at)
                .collect();
            first.map(|p| (p, deciders))
        };
        failures.extend(self.dead(&rule_hits, &advice_hits, limit, first_where));
        failures.retain(|f| f.count > 0);
        Ok(Report {
            combinations: total,
            rule_hits,
            advice_hits,
            failures,
        })
    }

    /// The second pass over combinations `start..end`.
    ///
    /// What it finds for a combination depends only on the combination's
    /// signature (its effective answers, which of the questions tested for
    /// "not answered" are answered, its rule and its nearby paths), and far
    /// fewer signatures than combinations exist; so each signature is
    /// evaluated once and remembered.
    #[allow(clippy::too_many_arguments)]
    fn pass2(
        &self,
        space: &Space,
        rules: &[RuleId],
        paths: &[PathId],
        start: usize,
        end: usize,
        limit: usize,
    ) -> Partial {
        let n = self.questions.len();
        let logic = self.logic();
        let mut out = Partial {
            advice_hits: vec![0; self.advice.len()],
            tallies: vec![Tally::default(); self.invariants.len() + 1],
        };
        let signature = Signature::new(self);
        let mut seen: HashMap<(u64, u64, RuleId, u64), Found, Fx> = HashMap::default();
        let mut codes = [0u8; MAX_QUESTIONS];
        let mut effective = [0u8; MAX_QUESTIONS];
        space.codes(start, &mut codes[..n]);
        for i in start..end {
            let answered = self.decode(&codes[..n], &mut effective);
            let (path, rule) = (paths[i], rules[i]);
            let neighbour = |q: usize, code: usize| {
                i + code * space.stride[q] - usize::from(codes[q]) * space.stride[q]
            };
            // "What would change it", read from the table of paths: the
            // neighbours of a combination differ from it in one answer.
            let (mut near, mut near_open) = (Set::EMPTY, Set::EMPTY);
            for q in 0..n {
                for code in 1..space.radix[q] {
                    if code != usize::from(codes[q]) {
                        let p = paths[neighbour(q, code)];
                        if p != path {
                            near.insert(p);
                            if codes[q] == 0 {
                                near_open.insert(p);
                            }
                        }
                    }
                }
            }
            let ctx = || Ctx::outcome(&effective[..n], answered, path, near, near_open);
            let found = match signature.key(&effective[..n], answered, rule, near, near_open) {
                Some(key) => *seen
                    .entry(key)
                    .or_insert_with(|| self.find(&logic, &mut ctx(), rule)),
                None => self.find(&logic, &mut ctx(), rule),
            };
            for a in found.advice.iter() {
                out.advice_hits[a.index()] += 1;
            }
            for (k, tally) in out.tallies.iter_mut().enumerate() {
                if found.failed & (1 << k) != 0 {
                    tally.add(limit, i);
                }
            }
            for (v, tally) in self.invariants.iter().zip(out.tallies.iter_mut()) {
                if let InvariantCheck::Monotone {
                    question,
                    answer,
                    never,
                } = v.check
                {
                    let q = question.index();
                    let code = answer.index() + 1;
                    if usize::from(codes[q]) != code {
                        let after = paths[neighbour(q, code)];
                        let broken = match never {
                            Direction::Lighter => after < path,
                            Direction::Heavier => after > path,
                        };
                        if broken {
                            tally.add(limit, i);
                        }
                    }
                }
            }
            space.advance(&mut codes[..n]);
        }
        out
    }

    /// The advice of one combination and the promises it breaks (but the
    /// monotone ones, which compare neighbours in the table).
    fn find(&self, logic: &Logic<'_>, ctx: &mut Ctx<'_>, rule: RuleId) -> Found {
        let (advice, owned, in_place) = self.advice_and_owned(ctx);
        ctx.advice = advice;
        ctx.owned = owned;
        ctx.in_place = in_place;
        let mut failed = 0u128;
        for (k, v) in self.invariants.iter().enumerate() {
            let broken = match v.check {
                InvariantCheck::PathIn { when, allowed } => {
                    !allowed.contains(ctx.path) && logic.holds(when, ctx)
                }
                InvariantCheck::Implies { when, then } => {
                    logic.holds(when, ctx) && !logic.holds(then, ctx)
                }
                InvariantCheck::Monotone { .. } => false,
            };
            if broken {
                failed |= 1 << k;
            }
        }
        if !self.uncited(logic, ctx, rule).is_empty() {
            failed |= 1 << self.invariants.len();
        }
        Found { advice, failed }
    }
}

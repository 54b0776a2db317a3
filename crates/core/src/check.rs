//! The soundness check: every combination of answers (unanswered included)
//! is classified by the real evaluator, and the guide's promises are tested
//! against the results.
//!
//! It proves that each combination gets one path and a reason that cites
//! something, that no rule or advice is dead, and that each declared
//! invariant holds; and it names the combinations that break one.

use std::fmt;

use crate::answers::Profile;
use crate::guide::{Guide, InvariantCheck};

/// Guides whose answer space is larger than this are refused rather than
/// left running for hours.
pub const MAX_COMBINATIONS: u64 = 50_000_000;

/// What the check found.
#[derive(Debug, Clone)]
pub struct Report {
    /// How many combinations were classified.
    pub combinations: u64,
    /// How often each rule fired, in rule order.
    pub rule_hits: Vec<u64>,
    /// How often each advice entry applied, in advice order.
    pub advice_hits: Vec<u64>,
    /// One entry per broken promise, with its offending combinations.
    pub failures: Vec<Failure>,
}

/// One broken promise.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The invariant id, or `dead-rule`, `dead-advice`, `empty-reason`.
    pub check: String,
    /// The promise in words.
    pub text: String,
    /// How many combinations break it.
    pub count: u64,
    /// The first `limit` of them, each with what went wrong.
    pub examples: Vec<(Profile, String)>,
}

/// Why the check could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// The answer space is too large to enumerate.
    TooLarge(u128),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::TooLarge(n) => write!(
                f,
                "the guide has {n} combinations of answers, more than the {MAX_COMBINATIONS} the check enumerates; split it or drop questions"
            ),
        }
    }
}

impl std::error::Error for CheckError {}

impl Report {
    /// Whether every promise holds.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Collects failures of one kind, keeping at most `limit` examples.
struct Tally {
    failure: Failure,
    limit: usize,
}

impl Tally {
    fn new(check: &str, text: &str, limit: usize) -> Self {
        Tally {
            failure: Failure {
                check: check.to_owned(),
                text: text.to_owned(),
                count: 0,
                examples: Vec::new(),
            },
            limit,
        }
    }

    fn add(&mut self, profile: impl FnOnce() -> Profile, detail: impl FnOnce() -> String) {
        self.failure.count += 1;
        if self.failure.examples.len() < self.limit {
            self.failure.examples.push((profile(), detail()));
        }
    }
}

impl Guide {
    /// Number of combinations of answers, unanswered included.
    pub fn combinations(&self) -> u128 {
        self.questions
            .iter()
            .map(|q| q.options.len() as u128 + 1)
            .product()
    }

    /// Runs the exhaustive check, keeping up to `limit` example combinations
    /// per failure.
    pub fn check(&self, limit: usize) -> Result<Report, CheckError> {
        let total = self.combinations();
        if total > u128::from(MAX_COMBINATIONS) {
            return Err(CheckError::TooLarge(total));
        }
        let radix: Vec<u8> = self
            .questions
            .iter()
            .map(|q| q.options.len() as u8 + 1)
            .collect();
        let assume = self.assumptions();
        let mut paths = vec![0u8; total as usize];
        let mut rule_hits = vec![0u64; self.rules.len()];
        let mut advice_hits = vec![0u64; self.advice.len()];
        let mut tallies: Vec<Tally> = self
            .invariants
            .iter()
            .map(|v| Tally::new(&v.id, &v.text, limit))
            .collect();
        let mut empty_reason = Tally::new(
            "empty-reason",
            "Every reason cites at least one answer where its text says {because}.",
            limit,
        );

        let mut profile = self.empty_profile();
        for slot in paths.iter_mut() {
            let d = self.classify(&profile);
            *slot = d.path;
            rule_hits[usize::from(d.rule)] += 1;
            for &(a, _) in &d.advice {
                advice_hits[usize::from(a)] += 1;
            }
            let rule = &self.rules[usize::from(d.rule)];
            if d.cited == 0 && rule.reason.contains("{because}") {
                empty_reason.add(
                    || profile.clone(),
                    || format!("rule {:?} fired but cites no answer", rule.id),
                );
            }
            for (v, tally) in self.invariants.iter().zip(&mut tallies) {
                if let InvariantCheck::PathIn { when, allowed } = &v.check {
                    if allowed & (1 << d.path) == 0 && self.holds(when, &profile, &assume) {
                        tally.add(
                            || profile.clone(),
                            || format!("got {}", self.paths[usize::from(d.path)].id),
                        );
                    }
                }
            }
            // Advance the odometer: question 0 is the fastest digit.
            for (digit, &r) in profile.0.iter_mut().zip(&radix) {
                *digit += 1;
                if *digit < r {
                    break;
                }
                *digit = 0;
            }
        }

        // Monotone invariants compare neighbours in the finished table.
        for (v, tally) in self.invariants.iter().zip(&mut tallies) {
            if let InvariantCheck::Monotone {
                q,
                slot,
                never_lighter,
            } = v.check
            {
                self.monotone(&paths, &radix, usize::from(q), slot, never_lighter, tally);
            }
        }
        let mut failures: Vec<Failure> = tallies
            .into_iter()
            .map(|t| t.failure)
            .filter(|f| f.count > 0)
            .collect();
        if empty_reason.failure.count > 0 {
            failures.push(empty_reason.failure);
        }
        let mut dead = Tally::new(
            "dead-rule",
            "Every rule fires for at least one combination.",
            usize::MAX,
        );
        for (i, &hits) in rule_hits.iter().enumerate() {
            if hits == 0 {
                dead.add(
                    || self.empty_profile(),
                    || {
                        format!(
                            "rule {:?} never fires: earlier rules always win",
                            self.rules[i].id
                        )
                    },
                );
            }
        }
        let mut dead_advice = Tally::new(
            "dead-advice",
            "Every advice entry applies to at least one combination.",
            usize::MAX,
        );
        for (i, &hits) in advice_hits.iter().enumerate() {
            if hits == 0 {
                dead_advice.add(
                    || self.empty_profile(),
                    || format!("advice {:?} never applies", self.advice[i].id),
                );
            }
        }
        failures.extend(
            [dead.failure, dead_advice.failure]
                .into_iter()
                .filter(|f| f.count > 0),
        );

        Ok(Report {
            combinations: total as u64,
            rule_hits,
            advice_hits,
            failures,
        })
    }

    /// Checks that setting question `q` to `slot` never moves the path the
    /// wrong way, by looking up both combinations in the table of paths.
    fn monotone(
        &self,
        paths: &[u8],
        radix: &[u8],
        q: usize,
        slot: u8,
        never_lighter: bool,
        tally: &mut Tally,
    ) {
        let stride: usize = radix[..q].iter().map(|&r| usize::from(r)).product();
        for (i, &before) in paths.iter().enumerate() {
            let digit = (i / stride) % usize::from(radix[q]);
            if digit == usize::from(slot) {
                continue;
            }
            let j = i + usize::from(slot) * stride - digit * stride;
            let after = paths[j];
            let broken = if never_lighter {
                after < before
            } else {
                after > before
            };
            if broken {
                tally.add(
                    || self.profile_at(i, radix),
                    || {
                        format!(
                            "{} then answering {}={} gives {}",
                            self.paths[usize::from(before)].id,
                            self.questions[q].id,
                            self.answer_json(q, slot),
                            self.paths[usize::from(after)].id
                        )
                    },
                );
            }
        }
    }

    fn profile_at(&self, mut index: usize, radix: &[u8]) -> Profile {
        let mut p = self.empty_profile();
        for (q, &r) in radix.iter().enumerate() {
            p.0[q] = (index % usize::from(r)) as u8;
            index /= usize::from(r);
        }
        p
    }
}

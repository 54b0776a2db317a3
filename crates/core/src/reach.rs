//! The nearest answers to every other path: for each path that is not the
//! recommendation, one smallest set of at most [`MAX_CHANGES`] answer
//! changes that leads there.
//!
//! Exact by construction: the guide's path diagrams (the rule chain as
//! decision diagrams, see `check/symbolic.rs`) are walked once for the
//! cheapest way from the current answers to any combination the path
//! holds, where keeping an answer costs nothing, giving or changing one
//! costs one, and clearing one is not a change a reader can make. Among
//! equally small sets, the one that overturns the fewest answers already
//! given wins (further ties are broken in a fixed order). The diagrams are built on first
//! use and kept with the guide; a guide too entangled for them is searched
//! set by set instead, with the same costs.

use std::fmt;
#[cfg(feature = "compile")]
use std::sync::OnceLock;

#[cfg(feature = "compile")]
use crate::check::Symbols;
use crate::ids::{Id, OptionId, PathId, QuestionId};
#[cfg(feature = "compile")]
use crate::mdd::Mdd;
use crate::model::{Guide, List};
use crate::profile::Profile;

/// The most answer changes a nearest set may hold.
pub const MAX_CHANGES: usize = 3;

/// The most diagram nodes the path diagrams may take; past it, the search.
#[cfg(feature = "compile")]
const REACH_NODES: usize = 1_000_000;

/// One smallest set of answer changes that leads to a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearest {
    /// The path it leads to.
    pub path: PathId,
    /// The answers to give, in question order.
    pub answers: Vec<(QuestionId, OptionId)>,
}

/// A guide's paths as decision diagrams, in the smallest table that holds
/// them: node `k` (from 2; 0 and 1 are the leaves "no" and "yes") is at
/// `level[k - 2]`, with its children from `kids[start[k - 2]]`, one per
/// code of that level. Level `l` is question `n - 1 - l` (see `Symbols`).
/// The built-in guide's are written out at build time (`builtin.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub(crate) radix: List<u16>,
    pub(crate) level: List<u16>,
    pub(crate) start: List<u32>,
    pub(crate) kids: List<u32>,
    pub(crate) paths: List<u32>,
}

/// The path diagrams of a guide: written out by the code generator for the
/// built-in guide, or made on first use for a guide compiled at run time.
/// Not part of what a guide is: two guides compare equal whatever their
/// caches hold.
#[cfg_attr(not(feature = "builtin"), allow(dead_code))]
pub(crate) enum LazyReach {
    /// Written out by the code generator (`builtin.rs`).
    Built(&'static Reach),
    /// Made on first use; `None` when the guide is too entangled.
    #[cfg(feature = "compile")]
    Lazy(OnceLock<Option<Reach>>),
}

impl LazyReach {
    /// Nothing built yet.
    #[cfg(feature = "compile")]
    pub(crate) const fn new() -> Self {
        LazyReach::Lazy(OnceLock::new())
    }
}

impl Clone for LazyReach {
    fn clone(&self) -> Self {
        match self {
            LazyReach::Built(r) => LazyReach::Built(r),
            #[cfg(feature = "compile")]
            LazyReach::Lazy(_) => LazyReach::new(),
        }
    }
}

impl PartialEq for LazyReach {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LazyReach {}

impl fmt::Debug for LazyReach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LazyReach")
    }
}

/// The cost of a set of changes, compared as (changes, answers overturned):
/// the number of changes times 256, plus how many overturn a given answer.
type Cost = u16;
const ZERO: Cost = 0;
const NEVER: Cost = Cost::MAX;
const CHANGE: Cost = 256;

fn plus(a: Cost, b: Cost) -> Cost {
    if a == NEVER || b == NEVER {
        return NEVER;
    }
    let sum = a + b;
    if usize::from(sum / CHANGE) > MAX_CHANGES {
        NEVER
    } else {
        sum
    }
}

/// What moving question `q` from code `from` to code `to` costs.
fn step(from: u8, to: u8) -> Cost {
    match (from, to) {
        _ if from == to => ZERO,
        // Clearing an answer is not something a reader does to get a path.
        (_, 0) => NEVER,
        (0, _) => CHANGE,
        _ => CHANGE + 1,
    }
}

impl Guide {
    fn reach(&self) -> Option<&Reach> {
        match &self.reach {
            LazyReach::Built(r) => Some(r),
            #[cfg(feature = "compile")]
            LazyReach::Lazy(cell) => cell.get_or_init(|| self.path_diagrams()).as_ref(),
        }
    }

    /// The path diagrams of this guide, or `None` when it is too entangled
    /// for them.
    #[cfg(feature = "compile")]
    pub(crate) fn path_diagrams(&self) -> Option<Reach> {
        let s = Symbols::new(self, REACH_NODES).ok()?;
        let roots: Vec<u32> = self.path_ids().map(|(p, _)| s.path(p)).collect();
        let (m, paths): (Mdd, Vec<u32>) = s.m.compact(&roots);
        let (level, start, kids) = m.tables();
        Some(Reach {
            radix: List::Owned((0..m.levels()).map(|l| m.radix(l) as u16).collect()),
            level: List::Owned(level),
            start: List::Owned(start),
            kids: List::Owned(kids),
            paths: List::Owned(paths),
        })
    }

    /// For every path but the one `profile` gets, one smallest set of at
    /// most [`MAX_CHANGES`] answer changes that leads there; paths no such
    /// set reaches are left out. [`Guide::classify`] gives the same in its
    /// decision.
    pub fn nearest(&self, profile: &Profile) -> Vec<Nearest> {
        self.nearest_from(profile, self.decide(profile))
    }

    /// [`Guide::nearest`] from `current`, the path `profile` gets.
    pub(crate) fn nearest_from(&self, profile: &Profile, current: PathId) -> Vec<Nearest> {
        let codes: Vec<u8> = (0..self.questions.len())
            .map(|q| profile.answer(QuestionId::at(q)).map_or(0, |o| o.0 + 1))
            .collect();
        self.path_ids()
            .filter(|&(p, _)| p != current)
            .filter_map(|(p, _)| {
                let answers = match self.reach() {
                    Some(reach) => reach.cheapest(p, &codes),
                    #[cfg(feature = "compile")]
                    None => self.search(profile, p, &codes),
                    #[cfg(not(feature = "compile"))]
                    None => None,
                }?;
                Some(Nearest { path: p, answers })
            })
            .collect()
    }

    /// The cheapest changes by trying every set, smallest first: for guides
    /// too entangled for diagrams.
    #[cfg(feature = "compile")]
    fn search(
        &self,
        profile: &Profile,
        target: PathId,
        codes: &[u8],
    ) -> Option<Vec<(QuestionId, OptionId)>> {
        let moves: Vec<(usize, u8)> = self
            .question_ids()
            .flat_map(|(q, question)| {
                let from = codes[q.index()];
                (1..=question.options.len() as u8)
                    .filter(move |&to| to != from)
                    .map(move |to| (q.index(), to))
            })
            .collect();
        let mut best: Option<(Cost, Vec<(usize, u8)>)> = None;
        let mut chosen = Vec::with_capacity(MAX_CHANGES);
        for size in 1..=MAX_CHANGES {
            self.try_sets(
                profile,
                target,
                codes,
                &moves,
                0,
                size,
                &mut chosen,
                &mut best,
            );
            if best.is_some() {
                break;
            }
        }
        best.map(|(_, set)| {
            set.into_iter()
                .map(|(q, to)| (QuestionId::at(q), OptionId(to - 1)))
                .collect()
        })
    }

    #[allow(clippy::too_many_arguments)]
    #[cfg(feature = "compile")]
    fn try_sets(
        &self,
        profile: &Profile,
        target: PathId,
        codes: &[u8],
        moves: &[(usize, u8)],
        from: usize,
        size: usize,
        chosen: &mut Vec<(usize, u8)>,
        best: &mut Option<(Cost, Vec<(usize, u8)>)>,
    ) {
        if chosen.len() == size {
            let cost = chosen
                .iter()
                .map(|&(q, to)| step(codes[q], to))
                .fold(ZERO, plus);
            if best.as_ref().is_some_and(|(b, _)| *b <= cost) {
                return;
            }
            let mut p = profile.clone();
            for &(q, to) in chosen.iter() {
                p.set(QuestionId::at(q), Some(OptionId(to - 1)));
            }
            if self.decide(&p) == target {
                *best = Some((cost, chosen.clone()));
            }
            return;
        }
        for i in from..moves.len() {
            // One change a question.
            if chosen.iter().any(|&(q, _)| q == moves[i].0) {
                continue;
            }
            chosen.push(moves[i]);
            self.try_sets(profile, target, codes, moves, i + 1, size, chosen, best);
            chosen.pop();
        }
    }
}

/// The two leaves of a diagram.
const FALSE: u32 = 0;
const TRUE: u32 = 1;

impl Reach {
    fn levels(&self) -> usize {
        self.radix.len()
    }

    fn radix(&self, l: usize) -> usize {
        usize::from(self.radix[l])
    }

    fn level(&self, n: u32) -> usize {
        match n {
            FALSE | TRUE => self.levels(),
            _ => usize::from(self.level[n as usize - 2]),
        }
    }

    fn child(&self, n: u32, l: usize, code: usize) -> u32 {
        if self.level(n) == l {
            self.kids[self.start[n as usize - 2] as usize + code]
        } else {
            n
        }
    }

    /// The cheapest changes from `codes` (one a question) to a combination
    /// where `target` is decided, or `None` past [`MAX_CHANGES`].
    fn cheapest(&self, target: PathId, codes: &[u8]) -> Option<Vec<(QuestionId, OptionId)>> {
        let n = codes.len();
        // Level `l` is question `n - 1 - l` (see `Symbols`).
        let at = |l: usize| codes[n - 1 - l];
        let mut memo = vec![None; self.level.len() + 2];
        let root = self.paths[target.index()];
        if self.cost(root, &at, &mut memo) == NEVER {
            return None;
        }
        let mut changes = Vec::new();
        let mut node = root;
        for l in 0..self.levels() {
            if self.level(node) != l {
                continue;
            }
            let (mut best, mut pick) = (NEVER, 0);
            for code in 0..self.radix(l) {
                let kid = self.child(node, l, code);
                let c = plus(step(at(l), code as u8), self.cost(kid, &at, &mut memo));
                if c < best {
                    (best, pick) = (c, code);
                }
            }
            if pick as u8 != at(l) {
                changes.push((QuestionId::at(n - 1 - l), OptionId(pick as u8 - 1)));
            }
            node = self.child(node, l, pick);
        }
        debug_assert_eq!(node, TRUE);
        changes.reverse();
        Some(changes)
    }

    /// The cheapest way from node `f` down to `TRUE`; skipped levels keep
    /// their answers at no cost.
    fn cost(&self, f: u32, at: &impl Fn(usize) -> u8, memo: &mut [Option<Cost>]) -> Cost {
        match f {
            FALSE => return NEVER,
            TRUE => return ZERO,
            _ => {}
        }
        if let Some(c) = memo[f as usize] {
            return c;
        }
        let l = self.level(f);
        let mut best = NEVER;
        for code in 0..self.radix(l) {
            let kid = self.child(f, l, code);
            best = best.min(plus(step(at(l), code as u8), self.cost(kid, at, memo)));
        }
        memo[f as usize] = Some(best);
        best
    }
}

//! Multi-valued decision diagrams: every set of combinations of answers as
//! one shared, reduced graph, so that the proof and the nearest answers can
//! reason over all combinations at once instead of listing them.
//!
//! A level is a question; its `radix` is its number of codes (0 = not
//! answered, `k` = option `k - 1`). A node at a level has one child per
//! code; a node whose children are all the same is never made (it is that
//! child), so a path through the graph may skip levels, which then take
//! any code. The diagrams are canonical: two equal sets are the same node,
//! which makes "is it empty?" a comparison with [`FALSE`].
//!
//! The order of levels is fixed when the diagram is made (see
//! `check/symbolic.rs`, which puts the last question first so that
//! [`Mdd::for_each`] lists combinations in the enumerating check's order).

use std::collections::HashMap;
use std::ops::ControlFlow;

use crate::fx::Fx;

/// A node of a diagram: an index into its table. `FALSE` and `TRUE` are the
/// two leaves.
pub(crate) type Node = u32;

/// The empty set.
pub(crate) const FALSE: Node = 0;
/// The set of every combination.
pub(crate) const TRUE: Node = 1;

const NONE: u32 = u32::MAX;

/// The diagram grew past its budget of nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooLarge;

#[derive(Clone, Copy)]
struct Entry {
    /// The level; `levels` for a leaf.
    level: u16,
    /// Where its children start in `kids`.
    start: u32,
    /// The next node in the same hash bucket.
    next: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Op {
    And,
    Or,
    AndNot,
}

/// A table of nodes over fixed levels, with the operations on them.
pub(crate) struct Mdd {
    radix: Vec<u16>,
    nodes: Vec<Entry>,
    kids: Vec<Node>,
    /// Hash of (level, children) → the first node in that bucket.
    unique: HashMap<u64, u32, Fx>,
    apply: HashMap<(Op, Node, Node), Node, Fx>,
    budget: usize,
}

impl Mdd {
    /// An empty table over levels with these radices, refusing to grow
    /// past `budget` nodes.
    pub(crate) fn new(radix: Vec<u16>, budget: usize) -> Self {
        let leaf = |_| Entry {
            level: radix.len() as u16,
            start: 0,
            next: NONE,
        };
        Mdd {
            nodes: (0..2).map(leaf).collect(),
            radix,
            kids: Vec::new(),
            unique: HashMap::default(),
            apply: HashMap::default(),
            budget,
        }
    }

    /// How many levels there are.
    pub(crate) fn levels(&self) -> usize {
        self.radix.len()
    }

    /// How many codes level `l` has.
    pub(crate) fn radix(&self, l: usize) -> usize {
        usize::from(self.radix[l])
    }

    /// How many nodes the table holds.
    pub(crate) fn size(&self) -> usize {
        self.nodes.len()
    }

    /// The level of node `n` (`levels()` for a leaf).
    pub(crate) fn level(&self, n: Node) -> usize {
        usize::from(self.nodes[n as usize].level)
    }

    /// The child of `n` for `code` at level `l`, where `n` is at level `l`
    /// or below it (then `n` is its own child: the level is skipped).
    pub(crate) fn child(&self, n: Node, l: usize, code: usize) -> Node {
        let e = self.nodes[n as usize];
        if usize::from(e.level) == l {
            self.kids[e.start as usize + code]
        } else {
            n
        }
    }

    fn hash(level: usize, children: &[Node]) -> u64 {
        use std::hash::{BuildHasher, Hasher};
        let mut h = Fx.build_hasher();
        h.write_u64(level as u64);
        children.iter().for_each(|&c| h.write_u64(u64::from(c)));
        h.finish()
    }

    /// The node at level `l` with these children (one per code), made once.
    pub(crate) fn make(&mut self, l: usize, children: &[Node]) -> Result<Node, TooLarge> {
        debug_assert_eq!(children.len(), self.radix(l));
        if children.iter().all(|&c| c == children[0]) {
            return Ok(children[0]);
        }
        let h = Self::hash(l, children);
        let head = self.unique.get(&h).copied().unwrap_or(NONE);
        let mut at = head;
        while at != NONE {
            let e = self.nodes[at as usize];
            let start = e.start as usize;
            if usize::from(e.level) == l && self.kids[start..start + children.len()] == *children {
                return Ok(at);
            }
            at = e.next;
        }
        if self.nodes.len() >= self.budget {
            return Err(TooLarge);
        }
        let id = self.nodes.len() as Node;
        self.nodes.push(Entry {
            level: l as u16,
            start: self.kids.len() as u32,
            next: head,
        });
        self.kids.extend_from_slice(children);
        self.unique.insert(h, id);
        Ok(id)
    }

    /// The combinations whose code at level `l` is one that `holds` accepts.
    pub(crate) fn var(
        &mut self,
        l: usize,
        holds: impl Fn(usize) -> bool,
    ) -> Result<Node, TooLarge> {
        let children: Vec<Node> = (0..self.radix(l))
            .map(|c| if holds(c) { TRUE } else { FALSE })
            .collect();
        self.make(l, &children)
    }

    fn op(&mut self, op: Op, a: Node, b: Node) -> Result<Node, TooLarge> {
        match (op, a, b) {
            (Op::And, FALSE, _) | (Op::And, _, FALSE) => return Ok(FALSE),
            (Op::And, TRUE, x) | (Op::And, x, TRUE) => return Ok(x),
            (Op::Or, TRUE, _) | (Op::Or, _, TRUE) => return Ok(TRUE),
            (Op::Or, FALSE, x) | (Op::Or, x, FALSE) => return Ok(x),
            (Op::AndNot, FALSE, _) | (Op::AndNot, _, TRUE) => return Ok(FALSE),
            (Op::AndNot, x, FALSE) => return Ok(x),
            _ if a == b => return Ok(if op == Op::AndNot { FALSE } else { a }),
            _ => {}
        }
        // And and Or are symmetric: one cache entry serves both orders.
        let key = if op != Op::AndNot && b < a {
            (op, b, a)
        } else {
            (op, a, b)
        };
        if let Some(&hit) = self.apply.get(&key) {
            return Ok(hit);
        }
        let l = self.level(a).min(self.level(b));
        let mut children = Vec::with_capacity(self.radix(l));
        for code in 0..self.radix(l) {
            let (x, y) = (self.child(a, l, code), self.child(b, l, code));
            children.push(self.op(op, x, y)?);
        }
        let out = self.make(l, &children)?;
        // The cache only saves work: past a few million entries it is
        // dropped rather than left to grow with the proof.
        if self.apply.len() >= 1 << 22 {
            self.apply.clear();
        }
        self.apply.insert(key, out);
        Ok(out)
    }

    /// Both sets' common combinations.
    pub(crate) fn and(&mut self, a: Node, b: Node) -> Result<Node, TooLarge> {
        self.op(Op::And, a, b)
    }

    /// Either set's combinations.
    pub(crate) fn or(&mut self, a: Node, b: Node) -> Result<Node, TooLarge> {
        self.op(Op::Or, a, b)
    }

    /// The combinations of `a` that are not in `b`.
    pub(crate) fn and_not(&mut self, a: Node, b: Node) -> Result<Node, TooLarge> {
        self.op(Op::AndNot, a, b)
    }

    /// Every combination that is not in `a`.
    pub(crate) fn not(&mut self, a: Node) -> Result<Node, TooLarge> {
        self.op(Op::AndNot, TRUE, a)
    }

    /// The set `f` with level `l` fixed to `code`: for each combination,
    /// whether it would be in `f` had level `l` that code. The result does
    /// not depend on level `l`.
    pub(crate) fn restrict(&mut self, f: Node, l: usize, code: usize) -> Result<Node, TooLarge> {
        let mut memo: HashMap<Node, Node, Fx> = HashMap::default();
        self.restrict_in(f, l, code, &mut memo)
    }

    fn restrict_in(
        &mut self,
        f: Node,
        l: usize,
        code: usize,
        memo: &mut HashMap<Node, Node, Fx>,
    ) -> Result<Node, TooLarge> {
        let at = self.level(f);
        if at > l {
            return Ok(f);
        }
        if at == l {
            return Ok(self.child(f, l, code));
        }
        if let Some(&hit) = memo.get(&f) {
            return Ok(hit);
        }
        let mut children = Vec::with_capacity(self.radix(at));
        for c in 0..self.radix(at) {
            let kid = self.child(f, at, c);
            children.push(self.restrict_in(kid, l, code, memo)?);
        }
        let out = self.make(at, &children)?;
        memo.insert(f, out);
        Ok(out)
    }

    /// How many combinations of every level `f` holds.
    pub(crate) fn count(&self, f: Node) -> u128 {
        let mut memo: HashMap<Node, u128, Fx> = HashMap::default();
        self.skipped(0, self.level(f)) * self.count_in(f, &mut memo)
    }

    /// The number of combinations of levels `from..to`.
    fn skipped(&self, from: usize, to: usize) -> u128 {
        self.radix[from..to]
            .iter()
            .map(|&r| u128::from(r))
            .product()
    }

    /// Combinations of the levels from `f`'s own level down.
    fn count_in(&self, f: Node, memo: &mut HashMap<Node, u128, Fx>) -> u128 {
        match f {
            FALSE => return 0,
            TRUE => return 1,
            _ => {}
        }
        if let Some(&hit) = memo.get(&f) {
            return hit;
        }
        let l = self.level(f);
        let mut total = 0u128;
        for code in 0..self.radix(l) {
            let kid = self.child(f, l, code);
            total += self.skipped(l + 1, self.level(kid)) * self.count_in(kid, memo);
        }
        memo.insert(f, total);
        total
    }

    /// Calls `visit` with every combination in `f` (one code per level),
    /// in ascending order of the codes read as a number whose first level
    /// is the most significant digit, until it breaks. Memory stays that of
    /// one combination, however many there are.
    pub(crate) fn for_each(
        &self,
        f: Node,
        mut visit: impl FnMut(&[u16]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut codes = vec![0u16; self.levels()];
        self.walk(f, 0, &mut codes, &mut visit)
    }

    fn walk(
        &self,
        f: Node,
        l: usize,
        codes: &mut [u16],
        visit: &mut impl FnMut(&[u16]) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if f == FALSE {
            return ControlFlow::Continue(());
        }
        if l == self.levels() {
            return visit(codes);
        }
        for code in 0..self.radix(l) {
            codes[l] = code as u16;
            self.walk(self.child(f, l, code), l + 1, codes, visit)?;
        }
        ControlFlow::Continue(())
    }

    /// Copies the sets `roots` into a fresh table that holds only their
    /// nodes, and returns it with the roots' new names.
    pub(crate) fn compact(&self, roots: &[Node]) -> (Mdd, Vec<Node>) {
        let mut out = Mdd::new(self.radix.clone(), usize::MAX);
        let mut memo: HashMap<Node, Node, Fx> = HashMap::default();
        let mapped = roots
            .iter()
            .map(|&r| self.copy_into(r, &mut out, &mut memo))
            .collect();
        out.apply = HashMap::default();
        (out, mapped)
    }

    /// The table as plain lists, for nodes from 2 on: each node's level,
    /// where its children start, and every child (see `reach::Reach`).
    pub(crate) fn tables(&self) -> (Vec<u16>, Vec<u32>, Vec<u32>) {
        let inner = &self.nodes[2..];
        (
            inner.iter().map(|e| e.level).collect(),
            inner.iter().map(|e| e.start).collect(),
            self.kids.clone(),
        )
    }

    fn copy_into(&self, f: Node, out: &mut Mdd, memo: &mut HashMap<Node, Node, Fx>) -> Node {
        if f == FALSE || f == TRUE {
            return f;
        }
        if let Some(&hit) = memo.get(&f) {
            return hit;
        }
        let l = self.level(f);
        let children: Vec<Node> = (0..self.radix(l))
            .map(|code| self.copy_into(self.child(f, l, code), out, memo))
            .collect();
        // The budget of `out` is unbounded, and every node is already reduced.
        let n = out.make(l, &children).unwrap_or(FALSE);
        memo.insert(f, n);
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three levels of radix 3, 2 and 4.
    fn table() -> Mdd {
        Mdd::new(vec![3, 2, 4], 1000)
    }

    fn members(m: &Mdd, f: Node) -> Vec<Vec<u16>> {
        let mut out = Vec::new();
        let _ = m.for_each(f, |c| {
            out.push(c.to_vec());
            ControlFlow::Continue(())
        });
        out
    }

    #[test]
    fn operations_agree_with_sets_of_combinations() {
        let mut m = table();
        let a = m.var(0, |c| c != 1).expect("fits");
        let b = m.var(2, |c| c >= 2).expect("fits");
        let ab = m.and(a, b).expect("fits");
        let either = m.or(a, b).expect("fits");
        let only_a = m.and_not(a, b).expect("fits");
        let not_a = m.not(a).expect("fits");
        let all = members(&m, TRUE);
        assert_eq!(all.len(), 24);
        let by = |f: &dyn Fn(&[u16]) -> bool| -> Vec<Vec<u16>> {
            all.iter().filter(|c| f(c)).cloned().collect()
        };
        assert_eq!(members(&m, ab), by(&|c| c[0] != 1 && c[2] >= 2));
        assert_eq!(members(&m, either), by(&|c| c[0] != 1 || c[2] >= 2));
        assert_eq!(members(&m, only_a), by(&|c| c[0] != 1 && c[2] < 2));
        assert_eq!(members(&m, not_a), by(&|c| c[0] == 1));
        for f in [a, b, ab, either, only_a, not_a] {
            assert_eq!(m.count(f), members(&m, f).len() as u128);
        }
        // Canonical: the same set built two ways is the same node.
        let again = m.not(not_a).expect("fits");
        assert_eq!(again, a);
    }

    #[test]
    fn restrict_fixes_one_level() {
        let mut m = table();
        let a = m.var(0, |c| c == 2).expect("fits");
        let b = m.var(1, |c| c == 1).expect("fits");
        let f = m.or(a, b).expect("fits");
        assert_eq!(m.restrict(f, 0, 2).expect("fits"), TRUE);
        assert_eq!(m.restrict(f, 0, 0).expect("fits"), b);
        assert_eq!(m.restrict(f, 2, 3).expect("fits"), f);
    }

    #[test]
    fn the_budget_is_kept() {
        let mut m = Mdd::new(vec![3, 3, 3], 3);
        assert!(m.var(0, |c| c == 0).is_ok());
        assert_eq!(m.var(1, |c| c == 0), Err(TooLarge));
    }

    #[test]
    fn compact_keeps_only_what_the_roots_need() {
        let mut m = table();
        let a = m.var(0, |c| c == 2).expect("fits");
        let b = m.var(2, |c| c == 1).expect("fits");
        let _unused = m.or(a, b).expect("fits");
        let ab = m.and(a, b).expect("fits");
        let (small, roots) = m.compact(&[ab]);
        assert!(small.size() < m.size());
        assert_eq!(members(&small, roots[0]), members(&m, ab));
    }
}

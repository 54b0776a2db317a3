//! The decision diff: what an edit of a guide does to its advice, over
//! every combination of answers at once.
//!
//! Both versions' path diagrams are built in one decision diagram (see
//! `check/symbolic.rs`), over the questions of either version: a question
//! is matched by its id and an option by its value, so a question only one
//! version asks is read by that version alone, and an option only one
//! version offers makes combinations only that version can be given. Where
//! the old version decides path A and the new one path B is then one
//! diagram, `old[A] ∧ new[B]`, counted and listed like a broken promise in
//! the proof: exact, with no ceiling on combinations.

use crate::check::{CheckError, Frame, Symbols, MAX_NODES};
use crate::json::quote;
use crate::mdd::{Mdd, Node, TooLarge, FALSE, TRUE};
use crate::model::Guide;

/// What changed between two versions of a guide, in the decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// Whether both versions ask the same questions with the same options
    /// (then every combination can be given to both).
    pub same_questions: bool,
    /// How many combinations of answers both versions can be given (the
    /// answers to the questions of either version; each reads its own).
    pub combinations: u128,
    /// How many combinations the old version can be given.
    pub old_combinations: u128,
    /// How many combinations the new version can be given.
    pub new_combinations: u128,
    /// How many of them get another path from the new version.
    pub moved: u128,
    /// Each pair of paths combinations move between, biggest first.
    pub moves: Vec<Move>,
    /// How many keep their path but get it from another rule (so another
    /// reason).
    pub rule_moved: u128,
    /// Each pair of rules (by id) such combinations move between, biggest
    /// first; `from` and `to` are rule ids.
    pub rule_moves: Vec<Move>,
    /// Paths of the new version that no combination gets.
    pub unreached: Vec<String>,
    /// Combinations only the old version can be given (an option the new
    /// one no longer offers), by the path the old version gave them.
    pub only_old: Vec<Only>,
    /// Combinations only the new version can be given (a new option), by
    /// the path the new version gives them.
    pub only_new: Vec<Only>,
    /// Question ids only the new version asks.
    pub questions_added: Vec<String>,
    /// Question ids only the old version asked.
    pub questions_removed: Vec<String>,
    /// Options (`question=value`) of a question both ask, only in the new version.
    pub options_added: Vec<String>,
    /// Options of a question both ask, only in the old version.
    pub options_removed: Vec<String>,
    /// Presets whose path changed, or that only one version has.
    pub presets: Vec<PresetChange>,
}

/// Combinations that move from one path (or rule) to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The old version's path id.
    pub from: String,
    /// The new version's path id.
    pub to: String,
    /// How many combinations move so.
    pub count: u128,
    /// The first of them, as an answers object (JSON text) to the
    /// questions of either version: a question only one version asks is
    /// read by that version alone.
    pub example: String,
}

/// Combinations only one version can be given, with the path it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Only {
    /// The path id.
    pub path: String,
    /// How many combinations.
    pub count: u128,
    /// The first of them, as an answers object (JSON text).
    pub example: String,
}

/// A preset whose decision changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresetChange {
    /// The preset id.
    pub id: String,
    /// The old version's path for it, if the old version has it.
    pub old: Option<String>,
    /// The new version's path for it, if the new version has it.
    pub new: Option<String>,
}

/// One question of either version: its id and its options' values (JSON).
struct Slot {
    id: String,
    values: Vec<String>,
}

/// The questions of either version, the new version's first, in order;
/// each with the options of either (the new version's first).
fn slots(old: &Guide, new: &Guide) -> Vec<Slot> {
    let mut out: Vec<Slot> = new
        .questions
        .iter()
        .map(|q| Slot {
            id: q.id.to_string(),
            values: q.options.iter().map(|o| o.value.to_json()).collect(),
        })
        .collect();
    for q in old.questions.iter() {
        let values = q.options.iter().map(|o| o.value.to_json());
        match out.iter_mut().find(|s| s.id == *q.id) {
            Some(slot) => {
                for v in values {
                    if !slot.values.contains(&v) {
                        slot.values.push(v);
                    }
                }
            }
            None => out.push(Slot {
                id: q.id.to_string(),
                values: values.collect(),
            }),
        }
    }
    out
}

/// Where `g`'s questions sit among `slots` (slot `u` is level `n - 1 - u`,
/// so that listing goes with the first question varying fastest).
fn frame(g: &Guide, slots: &[Slot]) -> Frame {
    let n = slots.len();
    let mut frame = Frame {
        level: Vec::new(),
        code: Vec::new(),
    };
    for q in g.questions.iter() {
        let u = slots.iter().position(|s| s.id == *q.id).unwrap_or(0);
        frame.level.push(n - 1 - u);
        frame.code.push(
            q.options
                .iter()
                .map(|o| {
                    let v = o.value.to_json();
                    1 + slots[u].values.iter().position(|x| *x == v).unwrap_or(0)
                })
                .collect(),
        );
    }
    frame
}

/// Where every answer `g` is given is one of its options: unanswered, or
/// an option it offers, for each question it asks.
fn offered(m: &mut Mdd, frame: &Frame) -> Result<Node, TooLarge> {
    let mut acc = TRUE;
    for (q, codes) in frame.code.iter().enumerate() {
        let mine = m.var(frame.level[q], |c| c == 0 || codes.contains(&c))?;
        acc = m.and(acc, mine)?;
    }
    Ok(acc)
}

impl Guide {
    /// The decision diff from this version of a guide to `new`: over every
    /// combination of answers, which paths the edit moves, how many
    /// combinations move between each pair, and the first combination of
    /// each move; which keep their path but get it from another rule; which
    /// paths no combination reaches any more; and which presets it moves.
    pub fn diff(&self, new: &Guide) -> Result<Diff, CheckError> {
        let tangled = |_: TooLarge| CheckError::TooTangled(MAX_NODES);
        let slots = slots(self, new);
        let n = slots.len();
        // Every count below is at most this product: it must fit.
        slots
            .iter()
            .try_fold(1u128, |acc, s| acc.checked_mul(s.values.len() as u128 + 1))
            .ok_or(CheckError::TooManyToCount)?;
        let radix = (0..n)
            .map(|l| slots[n - 1 - l].values.len() as u16 + 1)
            .collect();
        let (old_frame, new_frame) = (frame(self, &slots), frame(new, &slots));
        let mut m = Mdd::new(radix, MAX_NODES);
        let ok_old = offered(&mut m, &old_frame).map_err(tangled)?;
        let ok_new = offered(&mut m, &new_frame).map_err(tangled)?;
        let old_chain = Symbols::paths_in(self, m, old_frame).map_err(tangled)?;
        let new_chain = Symbols::paths_in(new, old_chain.m, new_frame).map_err(tangled)?;
        let (old_paths, old_fires) = (old_chain.paths, old_chain.fires);
        let (new_paths, new_fires, mut m) = (new_chain.paths, new_chain.fires, new_chain.m);
        let both = m.and(ok_old, ok_new).map_err(tangled)?;

        let example = |m: &Mdd, at: Node| -> String {
            let mut out = String::from("{");
            let _ = m.for_each(at, |codes| {
                for (u, slot) in slots.iter().enumerate() {
                    let code = usize::from(codes[n - 1 - u]);
                    if code > 0 {
                        if out.len() > 1 {
                            out.push(',');
                        }
                        out.push_str(&quote(&slot.id));
                        out.push(':');
                        out.push_str(&slot.values[code - 1]);
                    }
                }
                std::ops::ControlFlow::Break(())
            });
            out.push('}');
            out
        };

        // Where the old version decides `from` and the new one `to`, for
        // each pair `counts` keeps: counted, with an example, biggest first.
        let between = |m: &mut Mdd,
                       old: &[(Node, String)],
                       new: &[(Node, String)],
                       counts: &dyn Fn(usize, usize) -> bool|
         -> Result<(Vec<Move>, u128), TooLarge> {
            let (mut out, mut total) = (Vec::new(), 0);
            for (a, (from, from_id)) in old.iter().enumerate() {
                for (b, (to, to_id)) in new.iter().enumerate() {
                    if !counts(a, b) {
                        continue;
                    }
                    let at = m.and(*from, *to)?;
                    let at = m.and(at, both)?;
                    if at == FALSE {
                        continue;
                    }
                    let count = m.count(at);
                    total += count;
                    out.push(Move {
                        from: from_id.clone(),
                        to: to_id.clone(),
                        count,
                        example: example(m, at),
                    });
                }
            }
            out.sort_by_key(|m| std::cmp::Reverse(m.count));
            Ok((out, total))
        };
        let named = |nodes: &[Node], ids: Vec<String>| -> Vec<(Node, String)> {
            nodes.iter().copied().zip(ids).collect()
        };
        let path_ids = |g: &Guide| g.paths.iter().map(|p| p.id.to_string()).collect();
        let rule_ids = |g: &Guide| g.rules.iter().map(|r| r.id.to_string()).collect();
        let (old_p, new_p) = (
            named(&old_paths, path_ids(self)),
            named(&new_paths, path_ids(new)),
        );
        let (moves, moved) =
            between(&mut m, &old_p, &new_p, &|a, b| old_p[a].1 != new_p[b].1).map_err(tangled)?;
        // The same path, decided by another rule: the reason a reader sees
        // changes (a reordered or tightened rule).
        let (old_r, new_r) = (
            named(&old_fires, rule_ids(self)),
            named(&new_fires, rule_ids(new)),
        );
        let same_path = |a: usize, b: usize| {
            let (x, y) = (&self.rules[a], &new.rules[b]);
            x.id != y.id && self.path(x.path).id == new.path(y.path).id
        };
        let (rule_moves, rule_moved) =
            between(&mut m, &old_r, &new_r, &same_path).map_err(tangled)?;

        // Paths the new version gives no combination it can be given.
        let mut unreached = Vec::new();
        for (p, &at) in new_paths.iter().enumerate() {
            if m.and(at, ok_new).map_err(tangled)? == FALSE {
                unreached.push(new.paths[p].id.to_string());
            }
        }

        let only = |m: &mut Mdd, g: &Guide, paths: &[Node], here: Node| {
            let mut out = Vec::new();
            for (p, &at) in paths.iter().enumerate() {
                let at = m.and(at, here)?;
                if at != FALSE {
                    out.push(Only {
                        path: g.paths[p].id.to_string(),
                        count: m.count(at),
                        example: example(m, at),
                    });
                }
            }
            Ok(out)
        };
        let old_alone = m.and_not(ok_old, ok_new).map_err(tangled)?;
        let only_old = only(&mut m, self, &old_paths, old_alone).map_err(tangled)?;
        let new_alone = m.and_not(ok_new, ok_old).map_err(tangled)?;
        let only_new = only(&mut m, new, &new_paths, new_alone).map_err(tangled)?;

        let ids =
            |g: &Guide| -> Vec<String> { g.questions.iter().map(|q| q.id.to_string()).collect() };
        let (old_ids, new_ids) = (ids(self), ids(new));
        let mut options_added = Vec::new();
        let mut options_removed = Vec::new();
        for q in new.questions.iter() {
            if let Some(o) = self.questions.iter().find(|o| o.id == q.id) {
                let values = |q: &crate::model::Question| -> Vec<String> {
                    q.options.iter().map(|o| o.value.to_json()).collect()
                };
                let (was, is) = (values(o), values(q));
                let plain = |v: &String| format!("{}={}", q.id, v.trim_matches('"'));
                options_added.extend(is.iter().filter(|v| !was.contains(v)).map(plain));
                options_removed.extend(was.iter().filter(|v| !is.contains(v)).map(plain));
            }
        }

        let path_of = |g: &Guide, id: &str| {
            g.find_preset(id).map(|p| {
                let profile = g.preset(p).profile();
                g.path(g.classify_here(profile).path).id.to_string()
            })
        };
        let mut presets = Vec::new();
        let preset_ids = new
            .presets
            .iter()
            .map(|p| p.id.to_string())
            .chain(self.presets.iter().map(|p| p.id.to_string()));
        for id in preset_ids {
            if presets.iter().any(|p: &PresetChange| p.id == id) {
                continue;
            }
            let (old, new) = (path_of(self, &id), path_of(new, &id));
            if old != new {
                presets.push(PresetChange { id, old, new });
            }
        }

        Ok(Diff {
            same_questions: only_old.is_empty()
                && only_new.is_empty()
                && old_ids.len() == new_ids.len()
                && old_ids.iter().all(|q| new_ids.contains(q))
                && options_added.is_empty()
                && options_removed.is_empty(),
            combinations: m.count(both),
            old_combinations: self.combinations(),
            new_combinations: new.combinations(),
            moved,
            moves,
            rule_moved,
            rule_moves,
            unreached,
            only_old,
            only_new,
            questions_added: new_ids
                .iter()
                .filter(|q| !old_ids.contains(q))
                .cloned()
                .collect(),
            questions_removed: old_ids
                .iter()
                .filter(|q| !new_ids.contains(q))
                .cloned()
                .collect(),
            options_added,
            options_removed,
            presets,
        })
    }
}

//! The decision diff against brute force: for pairs of generated guides
//! (the second often the first with one rule's path changed), every
//! combination of answers to the questions of either is classified by
//! both, and the counts of `Guide::diff` (paths and deciding rules moved,
//! combinations only one version takes, paths no longer reached) must be
//! exactly what that finds.

use std::collections::BTreeMap;

use decision_guide_core::{parse_answers, parse_guide, Guide, Move, Only};
use proptest::prelude::*;
use serde_json::{Map, Value};

use super::generated::generated_guide;
use super::{property, Tally};

/// Each question id of either guide, with the values either offers (JSON).
fn slots(old: &Guide, new: &Guide) -> Vec<(String, Vec<Value>)> {
    let mut out: Vec<(String, Vec<Value>)> = Vec::new();
    for g in [new, old] {
        for q in g.questions() {
            let values = q.options().iter().map(|o| {
                serde_json::from_str::<Value>(&o.value().to_json()).expect("a value is JSON")
            });
            match out.iter_mut().find(|(id, _)| id == q.id()) {
                Some((_, vs)) => {
                    for v in values {
                        if !vs.contains(&v) {
                            vs.push(v);
                        }
                    }
                }
                None => out.push((q.id().to_owned(), values.collect())),
            }
        }
    }
    out
}

/// The path `g` gives the answers of `combo` to its own questions, or
/// `None` when one of them is not an option it offers.
fn path_of(g: &Guide, combo: &Map<String, Value>) -> Option<String> {
    decided(g, combo).map(|(path, _)| path)
}

/// The path and the deciding rule `g` gives `combo` (see [`path_of`]).
fn decided(g: &Guide, combo: &Map<String, Value>) -> Option<(String, String)> {
    let own: Map<String, Value> = combo
        .iter()
        .filter(|(k, _)| g.questions().iter().any(|q| q.id() == k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let profile = parse_answers(g, &Value::Object(own).to_string()).ok()?;
    let e = g.evaluate(&profile);
    Some((e.path_id.to_string(), e.reasons[0].rule.to_string()))
}

/// A diff's moves as counts by (from, to).
fn by_pair(moves: &[Move]) -> BTreeMap<(String, String), u128> {
    moves
        .iter()
        .map(|m| ((m.from.clone(), m.to.clone()), m.count))
        .collect()
}

/// Combinations only one version takes, as counts by path.
fn by_path(only: &[Only]) -> BTreeMap<String, u128> {
    only.iter().map(|o| (o.path.clone(), o.count)).collect()
}

fn diff_holds(old_text: &str, new_text: &str, tally: &Tally) -> Result<(), TestCaseError> {
    let (Ok(old), Ok(new)) = (parse_guide(old_text), parse_guide(new_text)) else {
        tally.refused(0);
        return Ok(());
    };
    tally.ok();
    let diff = old
        .diff(&new)
        .map_err(|e| TestCaseError::fail(format!("diff refused small guides: {e}")))?;
    let slots = slots(&old, &new);
    let mut combos = vec![Map::new()];
    for (id, values) in &slots {
        combos = combos
            .into_iter()
            .flat_map(|c| {
                std::iter::once(c.clone()).chain(values.iter().map(move |v| {
                    let mut c = c.clone();
                    c.insert(id.clone(), v.clone());
                    c
                }))
            })
            .collect();
    }
    tally.checked.set(tally.checked.get() + 1);
    let (mut both, mut moved) = (0u128, 0u128);
    let mut moves: BTreeMap<(String, String), u128> = BTreeMap::new();
    let mut only_old: BTreeMap<String, u128> = BTreeMap::new();
    let mut only_new: BTreeMap<String, u128> = BTreeMap::new();
    let mut rule_moves: BTreeMap<(String, String), u128> = BTreeMap::new();
    let mut reached: Vec<String> = Vec::new();
    for combo in &combos {
        let (a, b) = (decided(&old, combo), decided(&new, combo));
        if let Some((p, _)) = &b {
            if !reached.contains(p) {
                reached.push(p.clone());
            }
        }
        match (a, b) {
            (Some((a, ra)), Some((b, rb))) => {
                both += 1;
                if a != b {
                    moved += 1;
                    *moves.entry((a, b)).or_default() += 1;
                } else if ra != rb {
                    *rule_moves.entry((ra, rb)).or_default() += 1;
                }
            }
            (Some((a, _)), None) => *only_old.entry(a).or_default() += 1,
            (None, Some((b, _))) => *only_new.entry(b).or_default() += 1,
            (None, None) => {}
        }
    }
    prop_assert_eq!(by_pair(&diff.rule_moves), rule_moves.clone(), "rule moves");
    prop_assert_eq!(
        diff.rule_moved,
        rule_moves.values().sum::<u128>(),
        "rule moved"
    );
    let unreached: Vec<String> = new
        .paths()
        .iter()
        .map(|p| p.id().to_owned())
        .filter(|p| !reached.contains(p))
        .collect();
    prop_assert_eq!(&diff.unreached, &unreached, "unreached paths");
    if !rule_moves.is_empty() {
        tally.kind("rule moved");
    }
    if !unreached.is_empty() {
        tally.kind("unreached");
    }
    for (seen, kind) in [
        (moved > 0, "moved"),
        (!only_old.is_empty(), "only old"),
        (!only_new.is_empty(), "only new"),
        (!diff.questions_removed.is_empty(), "question removed"),
        (diff.same_questions, "same questions"),
    ] {
        if seen {
            tally.kind(kind);
        }
    }
    prop_assert_eq!(diff.combinations, both, "combinations both take");
    prop_assert_eq!(diff.moved, moved, "combinations moved");
    prop_assert_eq!(by_pair(&diff.moves), moves, "moves");
    prop_assert_eq!(by_path(&diff.only_old), only_old, "only the old version");
    prop_assert_eq!(by_path(&diff.only_new), only_new, "only the new version");
    // Each example is one of the combinations it stands for.
    for m in &diff.moves {
        let combo: Map<String, Value> = serde_json::from_str(&m.example).expect("example is JSON");
        prop_assert_eq!(path_of(&old, &combo), Some(m.from.clone()), "{}", m.example);
        prop_assert_eq!(path_of(&new, &combo), Some(m.to.clone()), "{}", m.example);
    }
    for m in &diff.rule_moves {
        let combo: Map<String, Value> = serde_json::from_str(&m.example).expect("example is JSON");
        prop_assert_eq!(
            decided(&old, &combo).map(|d| d.1),
            Some(m.from.clone()),
            "{}",
            m.example
        );
        prop_assert_eq!(
            decided(&new, &combo).map(|d| d.1),
            Some(m.to.clone()),
            "{}",
            m.example
        );
    }
    Ok(())
}

/// A second version of `guide`: a rule sent to another path, an option
/// dropped, a question dropped, two rules swapped, or a guide of its own.
fn edited(guide: &Value, edit: u8, pick: usize, other: &Value) -> Value {
    let mut g = guide.clone();
    match edit % 5 {
        0 => {
            let paths: Vec<Value> = g["paths"].as_array().cloned().unwrap_or_default();
            if let Some(rules) = g["rules"].as_array_mut() {
                if !rules.is_empty() && !paths.is_empty() {
                    let n = rules.len();
                    rules[pick % n]["path"] = paths[pick % paths.len()]["id"].clone();
                }
            }
        }
        1 => {
            if let Some(qs) = g["questions"].as_array_mut() {
                let n = qs.len();
                if let Some(options) = qs[pick % n]["options"].as_array_mut() {
                    if options.len() > 2 {
                        options.remove(pick % options.len());
                    }
                }
            }
        }
        2 => {
            if let Some(qs) = g["questions"].as_array_mut() {
                if qs.len() > 1 {
                    qs.pop();
                }
            }
        }
        3 => {
            // Two rules swapped (never the catch-all): the same paths,
            // perhaps from other rules.
            if let Some(rules) = g["rules"].as_array_mut() {
                if rules.len() > 2 {
                    let n = rules.len() - 1;
                    rules.swap(pick % n, (pick / 7) % n);
                }
            }
        }
        _ => return other.clone(),
    }
    g
}

#[test]
fn decision_diff_counts_what_classify_says() {
    property(
        "decision_diff_counts_what_classify_says",
        192,
        (
            generated_guide(),
            generated_guide(),
            any::<u8>(),
            any::<usize>(),
        ),
        |(a, b, edit, pick), tally| {
            let new = edited(&a, edit, pick, &b);
            diff_holds(&a.to_string(), &new.to_string(), tally)
        },
    );
}

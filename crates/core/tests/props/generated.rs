//! Generated guides: random, mostly valid guides whose check (the proof
//! and the oracle) must agree with classifying each combination.

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use super::{guide_holds, property};

/// A random, mostly valid guide: a few questions, paths, facts, rules,
/// advice, responsibilities and invariants with random conditions. The
/// check's results are compared with classifying each combination.
pub(super) fn generated_guide() -> impl Strategy<Value = Value> {
    let question = (any::<bool>(), 2usize..5, any::<usize>());
    (
        prop::collection::vec(question, 1..5),
        1usize..5,
        prop::collection::vec(any::<u64>(), 0..3),
        prop::collection::vec((any::<u64>(), any::<usize>(), any::<bool>()), 0..6),
        prop::collection::vec((any::<u64>(), any::<bool>(), any::<u8>()), 0..4),
        prop::collection::vec((any::<u64>(), 0u8..5, any::<usize>()), 0..4),
    )
        .prop_map(|(questions, paths, facts, rules, advice, invariants)| {
            let qs: Vec<Value> = questions
                .iter()
                .enumerate()
                .map(|(i, &(is_bool, n, assume))| {
                    if is_bool {
                        json!({"id": format!("q{i}"), "type": "bool", "prompt": "Yes or no?",
                            "yes": {"fact": format!("q{i} is yes")}, "no": {"fact": format!("q{i} is no")},
                            "unanswered": {"assume": assume % 2 == 0, "meaning": "Assumed."}})
                    } else {
                        let options: Vec<Value> = (0..n)
                            .map(|o| json!({"value": format!("o{o}"), "label": format!("Option {o}"), "fact": format!("q{i} is o{o}")}))
                            .collect();
                        json!({"id": format!("q{i}"), "type": "choice", "prompt": "Which?", "options": options,
                            "unanswered": {"assume": format!("o{}", assume % n), "meaning": "Assumed."}})
                    }
                })
                .collect();
            let shape: Vec<(bool, usize)> = questions.iter().map(|&(b, n, _)| (b, n)).collect();
            let gen = Gen { questions: &shape, paths, facts: facts.len() };
            let fact_map: Map<String, Value> = facts
                .iter()
                .enumerate()
                .map(|(i, &seed)| {
                    // A fact's own condition tests answers only (no cycles).
                    let plain = Gen { facts: 0, ..gen };
                    (format!("f{i}"), plain.cond(seed, 2, false))
                })
                .collect();
            let mut rule_list: Vec<Value> = rules
                .iter()
                .enumerate()
                .map(|(i, &(seed, path, cite))| {
                    json!({"id": format!("r{i}"), "when": gen.cond(seed, 2, false), "path": format!("p{}", path % paths),
                        "reason": if cite { "Because {because}." } else { "A reason." }})
                })
                .collect();
            if !facts.is_empty() {
                // Every fact is used (an unused one is refused).
                let every: Vec<Value> = (0..facts.len()).map(|f| json!({"fact": format!("f{f}")})).collect();
                rule_list.push(json!({"id": "facts", "when": {"any": every}, "path": format!("p{}", paths - 1), "reason": "Because {because}."}));
            }
            rule_list.push(json!({"id": "catch-all", "path": "p0", "reason": "Otherwise."}));
            let advice_list: Vec<Value> = advice
                .iter()
                .enumerate()
                .map(|(i, &(seed, warning, adds))| {
                    json!({"id": format!("a{i}"), "kind": if warning { "warning" } else { "watch_out" },
                        "when": gen.cond(seed, 2, true), "text": if adds % 3 == 0 { "Because {because}." } else { "Advice." },
                        "conflict": warning && adds % 4 == 1, "blocks": warning && adds % 4 == 2,
                        "adds": match adds % 3 { 0 => vec!["r0"], 1 => vec!["r1"], _ => Vec::new() }})
                })
                .collect();
            let invariant_list: Vec<Value> = invariants
                .iter()
                .enumerate()
                .map(|(i, &(seed, form, pick))| {
                    let id = format!("i{i}");
                    let q = pick % shape.len();
                    match form {
                        0 => json!({"id": id, "text": "Path is.", "when": gen.cond(seed, 1, false), "path_is": [format!("p{}", pick % paths)]}),
                        1 => json!({"id": id, "text": "Path not.", "when": gen.cond(seed, 1, false), "path_not": [format!("p{}", pick % paths)]}),
                        2 => json!({"id": id, "text": "Implies.", "when": gen.cond(seed, 1, true), "then": gen.cond(seed.rotate_left(17), 1, true)}),
                        3 => {
                            // What is owned, in place, and which advice applies.
                            let then = match seed % 4 {
                                0 => json!({"owns": "r0"}),
                                1 => json!({"in_place": "r1"}),
                                2 if !advice.is_empty() => json!({"advice": format!("a{}", pick % advice.len())}),
                                _ => json!({"not": {"in_place": "r0"}}),
                            };
                            json!({"id": id, "text": "Owned.", "when": gen.cond(seed, 1, true), "then": then})
                        }
                        _ => json!({"id": id, "text": "Monotone.", "answering": {"q": format!("q{q}"), "is": gen.value(q, seed as usize)},
                            "never": if seed % 2 == 0 { "lighter" } else { "heavier" }}),
                    }
                })
                .collect();
            let path_list: Vec<Value> = (0..paths)
                .map(|p| json!({"id": format!("p{p}"), "name": "Path", "summary": "S.", "use_when": "U.",
                    "watch_out_for": "W.", "rule_of_thumb": "R.", "layer": "L.", "you_still_own": ["r0"]}))
                .collect();
            json!({
                "id": "generated", "version": "1", "title": "Generated", "as_of": "2026-01-01",
                "source": {"title": "proptest", "date": "2026-01-01", "credit": "Generated."},
                "questions": qs, "paths": path_list,
                "responsibilities": {"r0": {"text": "Something.", "in_place": gen.cond(11, 1, false)},
                    "r1": {"text": "Sometimes.", "when": gen.cond(7, 1, false), "in_place": gen.cond(13, 1, false)}},
                "notes": [{"id": "n0", "as_read": "2026-12", "source": "A vendor", "text": "A note.", "when": gen.cond(17, 1, true)}],
                "facts": fact_map, "rules": rule_list, "advice": advice_list, "invariants": invariant_list,
            })
        })
}

/// Makes conditions from a seed, for [`generated_guide`].
#[derive(Clone, Copy)]
struct Gen<'a> {
    questions: &'a [(bool, usize)],
    paths: usize,
    facts: usize,
}

impl Gen<'_> {
    fn value(&self, q: usize, pick: usize) -> Value {
        let (is_bool, n) = self.questions[q];
        if is_bool {
            Value::from(pick % 2 == 0)
        } else {
            Value::from(format!("o{}", pick % n))
        }
    }

    fn cond(&self, seed: u64, depth: u32, outcome: bool) -> Value {
        let pick = (seed % 1000) as usize;
        let next = seed.rotate_right(11) ^ 0x9e37_79b9_7f4a_7c15;
        let kind = seed % if depth == 0 { 3 } else { 7 };
        match kind {
            0 | 1 => {
                let q = pick % self.questions.len();
                if pick % 9 == 0 {
                    json!({"q": format!("q{q}"), "is": null})
                } else {
                    json!({"q": format!("q{q}"), "is": self.value(q, pick / 7)})
                }
            }
            2 if outcome => match pick % 3 {
                0 => json!({"path": format!("p{}", pick % self.paths)}),
                1 => json!({"near_path": format!("p{}", pick % self.paths)}),
                _ => json!({"open_near_path": format!("p{}", pick % self.paths)}),
            },
            2 if self.facts > 0 => json!({"fact": format!("f{}", pick % self.facts)}),
            2 => json!({"q": "q0", "is": null}),
            3 => json!({"not": self.cond(next, depth - 1, outcome)}),
            4 | 5 => {
                json!({"all": [self.cond(next, depth - 1, outcome), self.cond(next.rotate_left(23), depth - 1, outcome)]})
            }
            _ => {
                json!({"any": [self.cond(next, depth - 1, outcome), self.cond(next.rotate_left(29), depth - 1, outcome)]})
            }
        }
    }
}

#[test]
fn generated_guides_check_as_classify_says() {
    property(
        "generated_guides_check_as_classify_says",
        384,
        generated_guide(),
        |g, tally| guide_holds(&g.to_string(), tally),
    );
}

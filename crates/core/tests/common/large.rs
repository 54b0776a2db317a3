//! A large team guide made from a seed, shaped like a real one: `n` yes/no
//! questions in groups, named facts over a few questions each, a first-match
//! chain of rules that test facts and answers, advice on the decided and the
//! nearby paths, and invariants of every form. The benchmark proves a
//! 30-question one (3^30 combinations); the tests prove smaller ones against
//! the enumerating oracle, and this size against classifying samples.

use serde_json::{json, Value};

/// A small deterministic generator (SplitMix64), so that a seed always
/// makes the same guide.
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A guide of `n` yes/no questions, made from `seed`.
pub fn large_guide(n: usize, seed: u64) -> Value {
    let mut r = Seq(seed);
    let paths = ["light", "middle", "heavy"];
    let questions: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("q{i}"), "group": format!("g{}", i / 6), "type": "bool",
                "prompt": format!("Question {i}?"),
                "yes": {"fact": format!("q{i} holds")}, "no": {"fact": format!("q{i} does not hold")},
                "unanswered": {"assume": r.chance(25), "meaning": "Assumed until answered."}})
        })
        .collect();
    let groups: Vec<Value> = (0..n.div_ceil(6))
        .map(|g| json!({"id": format!("g{g}"), "title": format!("Group {g}"), "refine": g > 1}))
        .collect();
    // A test of one answer, drawn from a neighbourhood of questions (real
    // guides test related questions together).
    let answer = |r: &mut Seq, near: usize| {
        let q = (near + r.below(7)) % n;
        json!({"q": format!("q{q}"), "is": r.chance(70)})
    };
    let facts_n = n.min(24);
    let facts: serde_json::Map<String, Value> = (0..facts_n)
        .map(|k| {
            let near = k * n / facts_n;
            let parts: Vec<Value> = (0..2 + r.below(3)).map(|_| answer(&mut r, near)).collect();
            let body = if r.chance(50) {
                json!({"all": parts})
            } else {
                json!({"any": parts})
            };
            (format!("f{k}"), body)
        })
        .collect();
    let fact = |r: &mut Seq| json!({"fact": format!("f{}", r.below(facts_n))});
    let mut rules: Vec<Value> = (0..n + 10)
        .map(|i| {
            let near = i * n / (n + 10);
            let mut parts = vec![fact(&mut r), answer(&mut r, near)];
            if r.chance(40) {
                parts.push(json!({"not": fact(&mut r)}));
            }
            json!({"id": format!("r{i}"), "when": {"all": parts}, "path": paths[r.below(3)],
                "reason": "Because {because}."})
        })
        .collect();
    // Every fact is used by some rule.
    let every: Vec<Value> = (0..facts_n)
        .map(|k| json!({"fact": format!("f{k}")}))
        .collect();
    rules.push(json!({"id": "facts", "when": {"any": every}, "path": "middle", "reason": "Because {because}."}));
    rules.push(json!({"id": "otherwise", "path": "light", "reason": "Nothing else applies."}));
    let advice: Vec<Value> = (0..20)
        .map(|i| {
            let outcome = match i % 4 {
                0 => json!({"path": paths[r.below(3)]}),
                1 => json!({"near_path": paths[r.below(3)]}),
                2 => json!({"open_near_path": paths[r.below(3)]}),
                _ => json!({"not": {"path": "light"}}),
            };
            json!({"id": format!("a{i}"), "kind": if i % 3 == 0 { "watch_out" } else { "warning" },
                "when": {"all": [outcome, fact(&mut r)]}, "text": "Because {because}.",
                "adds": if i % 2 == 0 { vec!["extra"] } else { vec![] }})
        })
        .collect();
    let mut invariants: Vec<Value> = (0..12)
        .map(|i| match i % 3 {
            0 => json!({"id": format!("i{i}"), "text": "A path promise.", "when": {"all": [fact(&mut r), answer(&mut r, i)]},
                "path_not": [paths[r.below(3)]]}),
            1 => json!({"id": format!("i{i}"), "text": "An implication.", "when": {"advice": format!("a{}", r.below(20))},
                "then": {"any": [{"owns": "extra"}, {"not": {"path": "heavy"}}]}}),
            _ => json!({"id": format!("i{i}"), "text": "Monotone.", "answering": answer(&mut r, i), "never": "lighter"}),
        })
        .collect();
    invariants.push(
        json!({"id": "owned", "text": "Something is always owned.", "then": {"owns": "base"}}),
    );
    let path_list: Vec<Value> = paths
        .iter()
        .map(|p| {
            json!({"id": p, "name": format!("The {p} path"), "summary": "S.", "use_when": "U.", "watch_out_for": "W.",
                "rule_of_thumb": "R.", "layer": "L.", "you_still_own": ["base"]})
        })
        .collect();
    json!({
        "id": format!("large-{n}"), "version": "1", "title": "A large generated guide", "as_of": "2026-12-04",
        "source": {"title": "generated", "date": "2026-12-04", "credit": "Generated for the benchmark."},
        "groups": groups, "questions": questions, "paths": path_list,
        "responsibilities": {"base": "Something always owned.", "extra": {"text": "Sometimes owned.", "when": fact(&mut r), "in_place": answer(&mut r, 0)}},
        "facts": facts, "rules": rules, "advice": advice, "invariants": invariants,
    })
}

//! Guide files: any JSON value, and real guides with one to three
//! mistakes an author (or an attacker) can make, each maybe spoilt; a guide
//! that checks, or problems that each say where.

use decision_guide_core::BUILTIN_GUIDE_JSON;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::{apply, guide_holds, json_value, property, spoil, MINIMAL_GUIDE};

const ALWAYS_BEDROCK: &str = include_str!("../../guides/examples/always-bedrock.json");

/// One step along a JSON document.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every node of `v` with its path, in document order.
fn nodes(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| {
            at.push(Step::Index(i));
            nodes(x, at, out);
            at.pop();
        }),
        Value::Object(map) => map.iter().for_each(|(k, x)| {
            at.push(Step::Key(k.clone()));
            nodes(x, at, out);
            at.pop();
        }),
        _ => {}
    }
}

fn node<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

fn node_mut<'v>(v: &'v mut Value, path: &[Step]) -> &'v mut Value {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// One mistake an author (or an attacker) can make in a guide file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Delete the key or array entry.
    Delete,
    /// Replace the value with one of another JSON type.
    ChangeType(Value),
    /// Replace the value with anything.
    Replace(Value),
    /// Duplicate the enclosing array entry (same id twice).
    Duplicate,
    /// Swap two string values (ids, references, texts).
    Swap(usize),
    /// Copy another string value here (a reference to the wrong kind of id).
    Copy(usize),
    /// Write this object's first key twice in the text.
    DuplicateKey,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::Delete),
        3 => json_value().prop_map(Mutation::ChangeType),
        2 => json_value().prop_map(Mutation::Replace),
        2 => Just(Mutation::Duplicate),
        3 => any::<usize>().prop_map(Mutation::Swap),
        3 => any::<usize>().prop_map(Mutation::Copy),
        1 => Just(Mutation::DuplicateKey),
    ]
}

fn same_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

/// Writes `v` as JSON text with the first key of the object at `dup`
/// written twice.
fn write_with_duplicate_key(v: &Value, at: &mut Vec<Step>, dup: &[Step], out: &mut String) {
    match v {
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                at.push(Step::Index(i));
                write_with_duplicate_key(x, at, dup, out);
                at.pop();
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            if at.as_slice() == dup {
                if let Some((k, x)) = map.iter().next() {
                    out.push_str(&format!("{}:{},", json!(k), x));
                }
            }
            for (i, (k, x)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&json!(k).to_string());
                out.push(':');
                at.push(Step::Key(k.clone()));
                write_with_duplicate_key(x, at, dup, out);
                at.pop();
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Applies `m` at node `pick` of `base`; returns the guide text.
fn mutate(base: &Value, pick: usize, m: &Mutation) -> String {
    let mut v = base.clone();
    let mut all = Vec::new();
    nodes(&v, &mut Vec::new(), &mut all);
    let path = all[pick % all.len()].clone();
    let strings: Vec<Vec<Step>> = all
        .iter()
        .filter(|p| node(base, p).is_some_and(Value::is_string))
        .cloned()
        .collect();
    match m {
        Mutation::Delete => match path.split_last() {
            Some((Step::Key(k), parent)) => {
                if let Some(o) = node_mut(&mut v, parent).as_object_mut() {
                    o.shift_remove(k);
                }
            }
            Some((Step::Index(i), parent)) => {
                if let Some(a) = node_mut(&mut v, parent).as_array_mut() {
                    a.remove(*i);
                }
            }
            None => v = Value::Null,
        },
        Mutation::ChangeType(x) => {
            let node = node_mut(&mut v, &path);
            *node = if same_type(node, x) {
                json!([x])
            } else {
                x.clone()
            };
        }
        Mutation::Replace(x) => *node_mut(&mut v, &path) = x.clone(),
        Mutation::Duplicate => {
            // The innermost array entry on the path is written twice.
            if let Some(k) = path.iter().rposition(|s| matches!(s, Step::Index(_))) {
                if let Step::Index(i) = path[k] {
                    let array = node_mut(&mut v, &path[..k]);
                    let entry = array[i].clone();
                    if let Some(a) = array.as_array_mut() {
                        a.insert(i + 1, entry);
                    }
                }
            }
        }
        Mutation::Swap(other) | Mutation::Copy(other) if !strings.is_empty() => {
            let here = &strings[pick % strings.len()];
            let there = &strings[other % strings.len()];
            let a = node_mut(&mut v, here).clone();
            let b = node_mut(&mut v, there).clone();
            *node_mut(&mut v, here) = b;
            if matches!(m, Mutation::Swap(_)) {
                *node_mut(&mut v, there) = a;
            }
        }
        Mutation::Swap(_) | Mutation::Copy(_) => {}
        Mutation::DuplicateKey => {
            let objects: Vec<&Vec<Step>> = all
                .iter()
                .filter(|p| node(&v, p).is_some_and(Value::is_object))
                .collect();
            let Some(dup) = objects.get(pick % objects.len().max(1)).cloned() else {
                return v.to_string();
            };
            let mut out = String::new();
            write_with_duplicate_key(&v, &mut Vec::new(), dup, &mut out);
            return out;
        }
    }
    v.to_string()
}

#[test]
fn any_json_value_is_a_guide_or_refused_with_paths() {
    property(
        "any_json_value_is_a_guide_or_refused_with_paths",
        512,
        (json_value(), spoil()),
        |(v, s), tally| guide_holds(&apply(v.to_string(), &s), tally),
    );
}

#[test]
fn mutated_guides_are_guides_or_refused_with_paths() {
    let bases: Vec<(&str, Value)> = [
        ("minimal", MINIMAL_GUIDE),
        ("always-bedrock", ALWAYS_BEDROCK),
        ("built-in", BUILTIN_GUIDE_JSON),
    ]
    .into_iter()
    .map(|(name, text)| (name, serde_json::from_str(text).expect("JSON")))
    .collect();
    let strategy = (
        prop::sample::select(vec![0usize, 0, 1, 2]),
        prop::collection::vec((any::<usize>(), mutation()), 1..4),
        spoil(),
    );
    property(
        "mutated_guides_are_guides_or_refused_with_paths",
        1024,
        strategy,
        |(base, mutations, s), tally| {
            let (name, value) = &bases[base];
            tally.kind(*name);
            let mut text = value.to_string();
            for (pick, m) in &mutations {
                tally.kind(format!("{m:?}").split('(').next().unwrap_or_default());
                let Ok(v) = serde_json::from_str::<Value>(&text) else {
                    break;
                };
                text = mutate(&v, *pick, m);
            }
            guide_holds(&apply(text, &s), tally)
        },
    );
}

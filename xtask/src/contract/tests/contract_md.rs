//! The table against CONTRACT.md: the names and notes of the element
//! section's bullets (§6), and the result's fields against §4's list of
//! them and its example.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::*;

/// The values of a union of string literals (`"a" | "b"`), if it is one.
fn literals(ty: &str) -> Option<BTreeSet<String>> {
    let alternatives = split_top(ty, '|').into_iter();
    alternatives
        .map(|a| Some(a.strip_prefix('"')?.strip_suffix('"')?.to_owned()))
        .collect()
}

/// Whether `value` is the kind of JSON value `ty` describes at its top.
fn same_kind(c: &Contract, ty: &str, value: &Value) -> bool {
    match ty {
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        "undefined" => false,
        _ if ty.starts_with('"') => value.as_str() == Some(ty.trim_matches('"')),
        _ if ty.ends_with("[]") => value.is_array(),
        _ => match c.type_def(ty).and_then(|t| t.alias.as_deref()) {
            Some(alias) => split_top(alias, '|').iter().any(|a| same_kind(c, a, value)),
            None => value.is_object(),
        },
    }
}

/// Where the JSON `value` at `at` does not fit the type text `ty`.
fn conforms(c: &Contract, ty: &str, value: &Value, at: &str, out: &mut Vec<String>) {
    let fitting: Vec<&str> = split_top(ty, '|');
    let fitting: Vec<&str> = fitting
        .into_iter()
        .filter(|a| same_kind(c, a, value))
        .collect();
    let ty = match fitting.as_slice() {
        [one] => *one,
        [] => return out.push(format!("{at} is {value}, which is not `{ty}`")),
        _ => return, // only primitives overlap
    };
    if let Some(item) = ty.strip_suffix("[]") {
        for (i, v) in value.as_array().into_iter().flatten().enumerate() {
            conforms(c, item, v, &format!("{at}[{i}]"), out);
        }
        return;
    }
    let object = value.as_object().into_iter().flatten();
    if let Some(index) = ty.strip_prefix("{ [") {
        // `{ [key: string]: T }`
        let item = index
            .split_once("]:")
            .map_or("", |(_, t)| t.trim_end_matches('}').trim());
        object.for_each(|(k, v)| conforms(c, item, v, &format!("{at}.{k}"), out));
        return;
    }
    let Some(t) = c.type_def(ty) else { return };
    if let Some(alias) = &t.alias {
        return conforms(c, alias, value, at, out);
    }
    for (k, _) in object.filter(|(k, _)| !t.fields.iter().any(|f| &f.name == *k)) {
        out.push(format!(
            "{at}.{k} is in CONTRACT.md but no field of `{}`",
            t.name
        ));
    }
    for f in &t.fields {
        match value.get(&f.name) {
            Some(v) => conforms(c, &f.ty, v, &format!("{at}.{}", f.name), out),
            None if f.optional => {}
            None => out.push(format!("{at} lacks `{}`, a field of `{}`", f.name, t.name)),
        }
    }
}

/// Where the table and CONTRACT.md disagree, in §6 and in §4.
pub(super) fn contract_md_problems(c: &Contract, md: &str) -> Vec<String> {
    let mut out = element_problems(c, md);
    out.extend(result_problems(c, md));
    out
}

/// Where the table and §6 disagree: the names of the **Attributes**,
/// **Properties**, **Event** and **CSS custom properties** bullets, each
/// property's read-only or read/write and whether it reflects its
/// attribute, an attribute's values, and an event's flags.
fn element_problems(c: &Contract, md: &str) -> Vec<String> {
    let mut out = Problems::new("CONTRACT.md's element section");
    let Some(element) = section(md, "The element") else {
        return vec!["CONTRACT.md has no section headed `The element`".to_owned()];
    };
    let mut listed_as: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
    for (label, text) in bullets(element) {
        let label = label.to_lowercase();
        let kinds = [
            ("attribute", "attribute"),
            ("propert", "property"),
            ("event", "event"),
            ("css custom propert", "CSS custom property"),
        ];
        let Some((_, kind)) = kinds.into_iter().find(|(l, _)| label.starts_with(l)) else {
            continue;
        };
        listed_as.entry(kind).or_default().extend(listed(text));
    }
    let entries_of = |kind| listed_as.get(kind).cloned().unwrap_or_default();
    for kind in ["attribute", "property", "event", "CSS custom property"] {
        let named = entries_of(kind).into_iter().map(|(n, _)| n).collect();
        out.compare(kind, &c.names(kind), &named);
    }

    for (name, note) in entries_of("property") {
        let Some(p) = c.property(&name) else { continue };
        let ours = if p.readonly {
            "read-only"
        } else {
            "read/write"
        };
        let said = ["read-only", "read/write"]
            .into_iter()
            .find(|s| note.starts_with(s));
        if said != Some(ours) {
            let said = said.unwrap_or("neither read-only nor read/write");
            out.push(format!(
                "property `{name}` is {said} in CONTRACT.md, {ours} in {TABLE}"
            ));
        }
        // A property with an attribute says whether it reflects it.
        let said = match (note.contains("does not reflect"), note.contains("reflects")) {
            (true, _) => Some(false),
            (false, true) => Some(true),
            (false, false) => None,
        };
        if p.attribute.is_some() && said != Some(p.reflects) {
            let ours = if p.reflects {
                "reflects"
            } else {
                "does not reflect"
            };
            out.push(format!(
                "property `{name}` {ours} its attribute in {TABLE}, and CONTRACT.md must say so"
            ));
        }
    }
    for (name, note) in entries_of("attribute") {
        let Some(values) = c.attribute(&name).and_then(|a| literals(&a.ty)) else {
            continue;
        };
        let said = backticked(note.split(';').next().unwrap_or_default());
        if said != values {
            out.push(format!(
                "attribute `{name}` takes {values:?}, CONTRACT.md says {said:?}"
            ));
        }
    }
    for (name, note) in entries_of("event") {
        let Some(e) = c.events.iter().find(|e| e.name == name) else {
            continue;
        };
        for (flag, word) in [(e.bubbles, "bubbles"), (e.composed, "composed")] {
            if flag != note.contains(word) {
                out.push(format!(
                    "event `{name}`: `{word}` is {flag} only in {TABLE}"
                ));
            }
        }
    }
    out.list
}

/// How §4 gives the type of a result field: `string`, `boolean`, `array
/// of strings`, an object as its fields in braces (`` {`a`, `b`?} ``, `?`
/// for one that may be absent), `array of` such an object, or the
/// backticked values of a union of string literals.
fn prose_type(c: &Contract, ty: &str) -> String {
    if let Some(item) = ty.strip_suffix("[]") {
        return match item {
            "string" | "boolean" | "number" => format!("array of {item}s"),
            _ => format!("array of {}", prose_type(c, item)),
        };
    }
    let Some(t) = c.type_def(ty) else {
        return ty.to_owned();
    };
    if let Some(alias) = &t.alias {
        if literals(alias).is_none() {
            return format!("`{ty}`");
        }
        let quoted: Vec<String> = split_top(alias, '|')
            .into_iter()
            .map(|a| format!("`{a}`"))
            .collect();
        return quoted.join(" | ");
    }
    let fields = t.fields.iter().map(|f| {
        let optional = if f.optional { "?" } else { "" };
        format!("`{}`{optional}", f.name)
    });
    format!("{{{}}}", fields.collect::<Vec<_>>().join(", "))
}

/// The fields §4 lists, in its order: the bullets that open with a
/// backticked name, a type in parentheses and a colon, as (name, type,
/// meaning), whitespace made single spaces.
fn result_fields(result: &str) -> Vec<(String, String, String)> {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let items = result.split("\n- ").skip(1);
    let items = items.filter_map(|item| item.split("\n\n").next()?.strip_prefix('`'));
    let field = |item: &str| {
        let (name, rest) = item.split_once('`')?;
        if !rest.starts_with(" (") {
            return None;
        }
        let ty = bracketed(rest)?;
        let meaning = rest.trim_start()[ty.len()..].strip_prefix(':')?;
        Some((
            name.to_owned(),
            one_line(&ty[1..ty.len() - 1]),
            one_line(meaning),
        ))
    };
    items.filter_map(field).collect()
}

/// Where the table and §4 disagree: its list of fields (each with its type
/// and a meaning, in the order the JSON has them) against the result's
/// fields, and its example against their types.
fn result_problems(c: &Contract, md: &str) -> Vec<String> {
    let mut out = Problems::new("CONTRACT.md §4");
    let Some(result) = section(md, "The result") else {
        return vec!["CONTRACT.md has no section headed `The result`".to_owned()];
    };
    let listed = result_fields(result);
    for ty in c.results() {
        let ours: Vec<&str> = ty.fields.iter().map(|f| f.name.as_str()).collect();
        let theirs: Vec<&str> = listed.iter().map(|(n, _, _)| n.as_str()).collect();
        let names =
            |v: &[&str]| -> BTreeSet<String> { v.iter().map(|n| (*n).to_owned()).collect() };
        let kind = format!("field of `{}`", ty.name);
        out.compare(&kind, &names(&ours), &names(&theirs));
        // The names both have, in the order each gives them.
        let shared = |v: &[&str], other: &[&str]| -> Vec<String> {
            let v = v.iter().filter(|n| other.contains(n));
            v.map(|n| (*n).to_owned()).collect()
        };
        if shared(&ours, &theirs) != shared(&theirs, &ours) {
            out.push(format!(
                "§4 lists the fields of `{}` in another order than {TABLE}",
                ty.name
            ));
        }
        for (name, said, meaning) in &listed {
            let Some(f) = ty.fields.iter().find(|f| &f.name == name) else {
                continue;
            };
            let ours = prose_type(c, &f.ty);
            if *said != ours {
                out.push(format!(
                    "§4 gives `{name}` as ({said}), {TABLE} as ({ours})"
                ));
            }
            if meaning.is_empty() {
                out.push(format!("§4 gives `{name}` no meaning"));
            }
        }
    }

    let example = result
        .split("```json\n")
        .nth(1)
        .and_then(|r| r.split("\n```").next());
    match example.map(serde_json::from_str::<Value>) {
        None => out.push("CONTRACT.md's result section has no ```json example".to_owned()),
        Some(Err(e)) => out.push(format!("CONTRACT.md's result example is not JSON: {e}")),
        Some(Ok(example)) => {
            for ty in c.results() {
                conforms(c, &ty.name, &example, "the example result", &mut out.list);
            }
        }
    }
    out.list
}

#[test]
fn the_table_agrees_with_contract_md() {
    let problems = contract_md_problems(&table(), &read("CONTRACT.md"));
    assert_none("the table and CONTRACT.md disagree", problems);
}

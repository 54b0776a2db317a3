//! The table against the element's sources: `src/element.js` (observed
//! attributes, accessors, events), `src/widget.css` (the custom
//! properties and their defaults) and every file under `src/` (no slots
//! or CSS parts the table lacks), the class's static getters against
//! CONTRACT.md §6, and the result's fields against the core's
//! `RESULT_FIELDS`, which its own tests hold the JSON it writes to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Where the table and `src/element.js` disagree: the observed
/// attributes, the attributes it reads or writes on the element, its
/// accessors, the properties it takes over from before the upgrade,
/// and the events it dispatches, with their flags.
pub(super) fn element_js_problems(c: &Contract, js: &str) -> Vec<String> {
    let mut out = Problems::new("src/element.js");
    let observed = after(js, "observedAttributes()").and_then(|r| bracketed(after(r, "return")?));
    let table = c
        .attributes
        .iter()
        .filter(|a| a.observed)
        .map(|a| a.name.clone())
        .collect();
    out.compare(
        "observed attribute",
        &table,
        &string_literals(observed.unwrap_or_default()),
    );

    let mut used = BTreeSet::new();
    for receiver in ["this", "el"] {
        for verb in ["get", "has", "set", "toggle", "remove"] {
            let call = format!("{receiver}.{verb}Attribute(");
            for (i, _) in js.match_indices(&call) {
                let first = js[i + call.len()..]
                    .split([',', ')'])
                    .next()
                    .unwrap_or_default();
                used.extend(string_literals(first));
            }
        }
    }
    out.compare("attribute read or written", &c.names("attribute"), &used);

    let accessors = |kind: &str| -> BTreeSet<String> {
        let lines = js
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix(kind));
        lines
            .filter_map(|rest| Some(rest.split_once('(')?.0.to_owned()))
            .collect()
    };
    out.compare("property getter", &c.names("property"), &accessors("get "));
    let writable = c
        .properties
        .iter()
        .filter(|p| !p.readonly)
        .map(|p| p.name.clone());
    let writable: BTreeSet<String> = writable.collect();
    out.compare("property setter", &writable, &accessors("set "));
    // A property set before the upgrade shadows its setter, so
    // connectedCallback takes each writable one over.
    let taken = after(js, "for (const name of ")
        .and_then(bracketed)
        .unwrap_or_default();
    out.compare(
        "property taken over at upgrade",
        &writable,
        &string_literals(taken),
    );

    let mut dispatched = BTreeSet::new();
    for (i, _) in js.match_indices("new CustomEvent") {
        let Some(call) = bracketed(&js[i + "new CustomEvent".len()..]) else {
            continue;
        };
        let first = call.split(',').next().unwrap_or_default();
        let Some(name) = string_literals(first).pop_first() else {
            continue;
        };
        if let Some(e) = c.events.iter().find(|e| e.name == name) {
            for (flag, word) in [(e.bubbles, "bubbles: true"), (e.composed, "composed: true")] {
                if flag != call.contains(word) {
                    out.push(format!(
                        "event `{name}`: `{word}` is {flag} only in {TABLE}"
                    ));
                }
            }
        }
        dispatched.insert(name);
    }
    out.compare("event dispatched", &c.names("event"), &dispatched);
    out.list
}

/// Where the table and `src/widget.css` disagree: every `var(--dg-…,
/// default)` the stylesheet reads, with its default.
pub(super) fn css_problems(c: &Contract, css: &str) -> Vec<String> {
    let mut out = Problems::new("src/widget.css");
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for (i, _) in css.match_indices("var(--dg-") {
        let Some(call) = bracketed(&css[i + 3..]) else {
            continue;
        };
        let inner = &call[1..call.len() - 1];
        let (name, default) = inner.split_once(',').unwrap_or((inner, ""));
        let default = default.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(before) = found.insert(name.trim().to_owned(), default.clone()) {
            if before != default {
                out.push(format!("{name} has two defaults in src/widget.css"));
            }
        }
    }
    let keys = found.keys().cloned().collect();
    out.compare(
        "CSS custom property",
        &c.names("CSS custom property"),
        &keys,
    );
    for p in &c.css_properties {
        let (Some(default), Some(ours)) = (found.get(&p.name), &p.default) else {
            continue;
        };
        if default != ours {
            out.push(format!(
                "{} defaults to {default} in src/widget.css",
                p.name
            ));
        }
    }
    out.list
}

/// Where a source under `dir` makes a slot or a CSS part, which the
/// table has no place for.
fn slot_and_part_problems(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            slot_and_part_problems(&path, out);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for made in ["<slot", " part=", "setAttribute('part'", "::part("] {
            if text.contains(made) {
                out.push(format!(
                    "{} has `{made}`: declare it in {TABLE}",
                    path.display()
                ));
            }
        }
    }
}

/// Where `src/element.js` gives the element's class a static getter that
/// CONTRACT.md §6 does not name: each is contract (and then in the table)
/// or a diagnostic §6 says is not. `observedAttributes` is the platform's.
pub(super) fn static_problems(js: &str, md: &str) -> Vec<String> {
    let element = section(md, "The element").unwrap_or_default();
    let statics = js
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("static get "))
        .filter_map(|rest| Some(rest.split_once('(')?.0));
    let unnamed = statics
        .filter(|name| *name != "observedAttributes" && !element.contains(&format!("`{name}`")));
    let problem = |name| format!("static `{name}` of src/element.js is not in CONTRACT.md §6");
    unnamed.map(problem).collect()
}

/// The file that writes the result JSON, and declares its fields.
pub(super) const RESULT_JSON: &str = "crates/core/src/explain/json.rs";

/// Where the result's fields in the table are not `RESULT_FIELDS` of
/// [`RESULT_JSON`], in its order.
pub(super) fn result_json_problems(c: &Contract, rust: &str) -> Vec<String> {
    let declared = after(rust, "RESULT_FIELDS: &[&str] = &[")
        .and_then(|rest| rest.split_once("];"))
        .map(|(list, _)| list);
    let Some(declared) = declared else {
        return vec![format!(
            "{RESULT_JSON} declares no `RESULT_FIELDS: &[&str]`"
        )];
    };
    let written: Vec<String> = declared
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    let mut out = Problems::new(RESULT_JSON);
    for t in c.results() {
        let ours: Vec<String> = t.fields.iter().map(|f| f.name.clone()).collect();
        let kind = format!("field of `{}`", t.name);
        let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
        out.compare(&kind, &set(&ours), &set(&written));
        if set(&ours) == set(&written) && ours != written {
            out.push(format!(
                "the fields of `{}` are in another order than {RESULT_JSON} writes them",
                t.name
            ));
        }
    }
    out.list
}

#[test]
fn the_table_agrees_with_the_element_and_its_stylesheet() {
    let c = table();
    let mut problems = element_js_problems(&c, &read("src/element.js"));
    problems.extend(css_problems(&c, &read("src/widget.css")));
    slot_and_part_problems(&root().join("src"), &mut problems);
    assert_none("the table and src/ disagree", problems);
}

#[test]
fn every_static_of_the_class_is_named_in_contract_md() {
    let problems = static_problems(&read("src/element.js"), &read("CONTRACT.md"));
    assert_none("src/element.js and CONTRACT.md §6 disagree", problems);
}

#[test]
fn the_result_has_the_fields_the_core_writes() {
    let problems = result_json_problems(&table(), &read(RESULT_JSON));
    assert_none("the table and the result JSON disagree", problems);
}

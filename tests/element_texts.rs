//! The element's own sentences live in `text::ELEMENT` only: every
//! `say('key', { … })` in `src/element.js` names a text that exists, gives
//! every placeholder that text has, and every text is said somewhere. No
//! sentence is left written in the JavaScript. Native only.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use decision_guide_core::text;

const ELEMENT_JS: &str = include_str!("../src/element.js");
/// The custom-guides entry, which says one sentence of its own (`texts.KEY`).
const CUSTOM_JS: &str = include_str!("../src/entry/custom.js");

/// Each `say(...)` call: its key and the names its values object gives.
fn calls(js: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut rest = js;
    while let Some(at) = rest.find("say('") {
        rest = &rest[at + "say('".len()..];
        let Some(end) = rest.find('\'') else { break };
        let key = rest[..end].to_owned();
        // The arguments up to the call's closing parenthesis.
        let mut depth = 1;
        let mut args = String::new();
        for c in rest[end + 1..].chars() {
            match c {
                '(' | '{' | '[' => depth += 1,
                ')' | '}' | ']' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            args.push(c);
        }
        // Names at the top level of the object: `name:` or shorthand `name`.
        let inner = args.trim().trim_start_matches(',').trim();
        let inner = inner
            .strip_prefix('{')
            .and_then(|i| i.strip_suffix('}'))
            .unwrap_or(inner);
        let mut names = BTreeSet::new();
        let (mut level, mut part) = (0, String::new());
        for c in inner.chars().chain(std::iter::once(',')) {
            match c {
                '(' | '{' | '[' => level += 1,
                ')' | '}' | ']' => level -= 1,
                _ => {}
            }
            if c == ',' && level <= 0 {
                let name = part.split(':').next().unwrap_or("").trim().to_owned();
                if !name.is_empty() {
                    names.insert(name);
                }
                part.clear();
            } else {
                part.push(c);
            }
        }
        out.push((key, names));
    }
    out
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        match rest.find('}') {
            Some(close) if rest[..close].chars().all(|c| c.is_ascii_alphanumeric()) => {
                out.insert(rest[..close].to_owned());
                rest = &rest[close + 1..];
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_sentence_of_the_element_comes_from_text_rs() {
    let calls = calls(ELEMENT_JS);
    assert!(calls.len() >= 20, "only {} say() calls found", calls.len());
    let mut problems = Vec::new();
    for (key, given) in &calls {
        match text::ELEMENT.iter().find(|(k, _)| k == key) {
            None => problems.push(format!("say('{key}') has no text in text::ELEMENT")),
            Some((_, text)) => {
                let wanted = placeholders(text);
                if &wanted != given {
                    problems.push(format!(
                        "say('{key}') gives {given:?}, its text has {wanted:?}: {text}"
                    ));
                }
            }
        }
    }
    for (key, _) in text::ELEMENT {
        if !calls.iter().any(|(k, _)| k == key) && !CUSTOM_JS.contains(&format!("texts.{key}")) {
            problems.push(format!("text::ELEMENT {key:?} is never said by element.js"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_texts_travel_as_json_the_element_can_read() {
    let json: serde_json::Value =
        serde_json::from_str(&text::element_json()).expect("element_json is JSON");
    assert_eq!(json.as_object().map(|o| o.len()), Some(text::ELEMENT.len()));
    assert_eq!(json["loading"], "Loading the guide…");
}

//! The table against everything else that states the contract, one
//! file a subject: CONTRACT.md §4 and §6 (`contract_md.rs`); the element's
//! script, stylesheet and sources, and the fields the core writes into the
//! result (`sources.rs`); the generated manifest and declarations against
//! the schema's types and the TypeScript compiler (`outputs.rs`). Each
//! check returns every problem it finds, and `drift.rs` proves that each
//! one can fail. This file holds what they share: reading the workspace,
//! collecting problems, and reading the prose and source text they compare.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::*;

mod contract_md;
mod drift;
mod outputs;
mod sources;

impl Contract {
    /// The names of the entries of one kind.
    fn names(&self, kind: &str) -> BTreeSet<String> {
        let entries = self.entries().into_iter().filter(|e| e.kind == kind);
        entries.map(|e| e.name).collect()
    }

    /// The result (CONTRACT.md §4): the declared types the events carry.
    fn results(&self) -> Vec<&TypeDef> {
        let details: BTreeSet<&str> = self.events.iter().map(|e| e.detail.as_str()).collect();
        details
            .into_iter()
            .filter_map(|d| self.type_def(d))
            .collect()
    }
}

fn root() -> PathBuf {
    crate::root().expect("the workspace root")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn table() -> Contract {
    Contract::load(&root()).unwrap_or_else(|e| panic!("{e:#}"))
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}:\n  {}", problems.join("\n  "));
}

/// A fresh folder for one test's files, under target/: inside the
/// workspace, so that TypeScript finds the root's node_modules.
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/xtask-contract").join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("empty the scratch folder");
    }
    std::fs::create_dir_all(&dir).expect("make the scratch folder");
    dir
}

/// Problems, and the source the table is compared with.
struct Problems {
    source: &'static str,
    list: Vec<String>,
}

impl Problems {
    fn new(source: &'static str) -> Problems {
        Problems {
            source,
            list: Vec::new(),
        }
    }

    fn push(&mut self, problem: String) {
        self.list.push(problem);
    }

    /// The names of `kind` in only one of the table and the source.
    fn compare(&mut self, kind: &str, table: &BTreeSet<String>, other: &BTreeSet<String>) {
        let source = self.source;
        for name in table.difference(other) {
            self.push(format!("{kind} `{name}` is in {TABLE} but not in {source}"));
        }
        for name in other.difference(table) {
            self.push(format!("{kind} `{name}` is in {source} but not in {TABLE}"));
        }
    }
}

/// The `## ` section of `md` whose heading contains `words`, heading left out.
fn section<'a>(md: &'a str, words: &str) -> Option<&'a str> {
    let heading =
        |&(i, _): &(usize, &str)| md[i + 4..].lines().next()?.contains(words).then_some(());
    let (at, _) = md.match_indices("\n## ").find(|m| heading(m).is_some())?;
    let body = &md[at + 1..];
    let body = &body[body.find('\n')? + 1..];
    Some(body.find("\n## ").map_or(body, |end| &body[..end]))
}

/// The bullets of a section that open with a bold label: (label, the rest).
fn bullets(section: &str) -> Vec<(&str, &str)> {
    let items = section.split("\n- ").skip(1);
    let items = items.filter_map(|item| item.split("\n\n").next()?.strip_prefix("**"));
    items.filter_map(|item| item.split_once("**")).collect()
}

/// The text from the bracket that opens `text` (after spaces) to the
/// one that closes it, both included.
fn bracketed(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ if depth == 0 => return None,
            _ => {}
        }
        if depth == 0 {
            return Some(&text[..=i]);
        }
    }
    None
}

/// The names a bullet lists: the backticked words outside parentheses
/// in its first sentence, each with the parenthetical that follows it.
fn listed(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let (mut depth, mut i) = (0, 0);
    let bytes = text.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'.' if depth == 0 && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace) => break,
            b'`' => {
                let Some(len) = text[i + 1..].find('`') else {
                    break;
                };
                let rest = &text[i + len + 2..];
                let note = bracketed(rest).filter(|b| b.starts_with('('));
                let note = note.map_or("", |b| &b[1..b.len() - 1]);
                if depth == 0 {
                    out.push((text[i + 1..i + 1 + len].to_owned(), note.to_owned()));
                }
                i += len + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The backticked words of `text`.
fn backticked(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// `text` split at `sep` where no bracket is open.
fn split_top(text: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' => depth -= 1,
            _ if c == sep && depth == 0 => {
                out.push(text[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(text[start..].trim());
    out
}

/// The string literals ('…' or "…") in `text`.
fn string_literals(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find(['\'', '"']) {
        let quote = &rest[start..=start];
        let Some(len) = rest[start + 1..].find(quote) else {
            break;
        };
        out.insert(rest[start + 1..start + 1 + len].to_owned());
        rest = &rest[start + len + 2..];
    }
    out
}

fn after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    text.find(marker).map(|i| &text[i + marker.len()..])
}

#[test]
fn the_table_is_whole() {
    assert_none(TABLE, table().problems());
}

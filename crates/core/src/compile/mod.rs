//! The compiler: a [`RawGuide`] (the file as written) into a [`Guide`]
//! (every reference resolved to a typed id), or every problem found, each
//! with the JSON path of the offending value.
//!
//! This file compiles the parts of a guide; `cond.rs` compiles conditions,
//! facts and text templates, `tables.rs` rules, advice, invariants and
//! presets.

mod cond;
mod tables;

use std::collections::BTreeSet;
use std::fmt;

use crate::answers::known_list;
use crate::ids::{CondId, GroupId, OptionId, PathId, RespId};
use crate::model::{
    AnswerOption, AnswerValue, Cond, Fact, Group, Guide, LazyReach, List, Note, PathDef, Question,
    QuestionKind, Responsibility, Source, Text, MAX_ADVICE, MAX_GROUPS, MAX_INVARIANTS,
    MAX_OPTIONS, MAX_PATHS, MAX_PRESETS, MAX_QUESTIONS, MAX_RULES,
};
use crate::raw::{RawBoolSide, RawGuide, RawQuestion, RawResponsibility, RawValue};

use cond::Scope;

/// One problem in a guide file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideError {
    /// JSON path of the offending value, e.g. `$.rules[2].path`.
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

impl std::error::Error for GuideError {}

impl Guide {
    /// Validates and compiles a raw guide, or lists every problem found.
    pub fn from_raw(raw: &RawGuide) -> Result<Guide, Vec<GuideError>> {
        Compiler::new(raw).compile()
    }
}

/// The JSON path of member `key` of the object at `at`: `$.facts.name`, or
/// `$.facts["a.b"]` when the key is not a plain name (a dot or a space in
/// it would make the path ambiguous).
pub(crate) fn member(at: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        format!("{at}.{key}")
    } else {
        format!("{at}[{}]", crate::json::quote(key))
    }
}

/// The condition every guide has at index 0: "always".
pub(crate) const ALWAYS: CondId = CondId(0);

/// Holds the raw guide, what is compiled so far, and every error found.
struct Compiler<'a> {
    raw: &'a RawGuide,
    errors: Vec<GuideError>,
    questions: Vec<Question>,
    path_ids: Vec<&'a str>,
    resp_ids: Vec<&'a str>,
    advice_ids: Vec<&'a str>,
    conds: Vec<Cond>,
    children: Vec<CondId>,
    /// Each fact's node (`Cond::Fact`) by its index in the file (`None`: not yet, or broken).
    facts: Vec<Option<CondId>>,
    /// Each fact's own condition.
    fact_bodies: Vec<CondId>,
    facts_in_progress: BTreeSet<usize>,
    /// How deep the condition being compiled is, counting facts.
    depth: usize,
    /// Facts whose own condition has errors (reported once).
    broken_facts: BTreeSet<usize>,
}

fn text(s: &str) -> Text {
    Text::Owned(s.to_owned())
}

fn list<T: Clone>(v: Vec<T>) -> List<T> {
    List::Owned(v)
}

impl<'a> Compiler<'a> {
    fn new(raw: &'a RawGuide) -> Self {
        Compiler {
            raw,
            errors: Vec::new(),
            questions: Vec::new(),
            path_ids: raw.paths.iter().map(|p| p.id.as_str()).collect(),
            resp_ids: raw
                .responsibilities
                .0
                .iter()
                .map(|(k, _)| k.as_str())
                .collect(),
            advice_ids: raw.advice.iter().map(|a| a.id.as_str()).collect(),
            conds: vec![Cond::Always],
            children: Vec::new(),
            facts: vec![None; raw.facts.0.len()],
            fact_bodies: vec![ALWAYS; raw.facts.0.len()],
            facts_in_progress: BTreeSet::new(),
            depth: 0,
            broken_facts: BTreeSet::new(),
        }
    }

    fn err(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.errors.push(GuideError {
            at: at.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, at: &str, value: &str) {
        if value.trim().is_empty() {
            self.err(at, "must not be empty");
        }
    }

    fn unique<'s>(&mut self, at: &str, field: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.err(format!("{at}[{i}]{field}"), "must not be empty");
            } else if !seen.insert(id) {
                self.err(format!("{at}[{i}]{field}"), format!("duplicate id {id:?}"));
            }
        }
    }

    /// A list that must hold 1 to `max` entries; true when it holds more.
    fn limit(&mut self, at: &str, what: &str, len: usize, max: usize) -> bool {
        if len == 0 || len > max {
            self.err(at, format!("must hold 1 to {max} {what}, has {len}"));
        }
        len > max
    }

    /// A list that may be empty but must hold at most `max` entries; true
    /// when it holds more.
    fn at_most(&mut self, at: &str, what: &str, len: usize, max: usize) -> bool {
        if len > max {
            self.err(at, format!("must hold at most {max} {what}, has {len}"));
        }
        len > max
    }

    fn date(&mut self, at: &str, value: &str) {
        let ok = value.len() == 10
            && value.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !ok {
            self.err(at, format!("expected a date as YYYY-MM-DD, got {value:?}"));
        }
    }

    fn compile(mut self) -> Result<Guide, Vec<GuideError>> {
        let raw = self.raw;
        for (at, value) in [
            ("$.id", &raw.id),
            ("$.version", &raw.version),
            ("$.title", &raw.title),
            ("$.source.title", &raw.source.title),
            ("$.source.credit", &raw.source.credit),
        ] {
            self.non_empty(at, value);
        }
        self.date("$.as_of", &raw.as_of);
        if let Some(lang) = &raw.lang {
            // A BCP 47 language tag, as HTML's `lang` takes it: letters,
            // then subtags of letters and digits.
            let mut parts = lang.split('-');
            let first = parts.next().unwrap_or_default();
            let ok = (2..=8).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_alphabetic())
                && parts.all(|p| {
                    (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
                });
            if !ok {
                self.err(
                    "$.lang",
                    format!("expected a language tag such as \"en\" or \"pt-BR\", got {lang:?}"),
                );
            }
        }
        if let Some(dir) = &raw.dir {
            if dir != "ltr" && dir != "rtl" {
                self.err("$.dir", format!("expected \"ltr\" or \"rtl\", got {dir:?}"));
            }
        }
        self.date("$.source.date", &raw.source.date);
        self.unique("$.groups", ".id", raw.groups.iter().map(|g| g.id.as_str()));
        self.unique("$.notes", ".id", raw.notes.iter().map(|n| n.id.as_str()));
        self.unique(
            "$.questions",
            ".id",
            raw.questions.iter().map(|q| q.id.as_str()),
        );
        for (i, q) in raw.questions.iter().enumerate() {
            if q.id.starts_with('$') {
                self.err(
                    format!("$.questions[{i}].id"),
                    format!("question id {:?} starts with `$`, which is kept for other keys of an answers object (`$title`)", q.id),
                );
            }
        }
        // Every limit is reported (`|=` does not short-circuit); a guide over
        // one is read no further: its ids would not fit their typed ids, a
        // chain of facts could recurse deeper than the stack, and every
        // reference would be checked (and its message written) against
        // every entry of a list of any length.
        let mut over = self.limit(
            "$.questions",
            "questions",
            raw.questions.len(),
            MAX_QUESTIONS,
        );
        self.unique("$.paths", ".id", raw.paths.iter().map(|p| p.id.as_str()));
        over |= self.limit("$.paths", "paths", raw.paths.len(), MAX_PATHS);
        over |= self.at_most("$.advice", "entries", raw.advice.len(), MAX_ADVICE);
        over |= self.at_most(
            "$.invariants",
            "invariants",
            raw.invariants.len(),
            MAX_INVARIANTS,
        );
        over |= self.at_most("$.facts", "facts", raw.facts.0.len(), MAX_ADVICE);
        over |= self.at_most(
            "$.responsibilities",
            "items",
            raw.responsibilities.0.len(),
            MAX_ADVICE,
        );
        over |= self.at_most("$.rules", "rules", raw.rules.len(), MAX_RULES);
        over |= self.at_most("$.groups", "groups", raw.groups.len(), MAX_GROUPS);
        over |= self.at_most("$.presets", "presets", raw.presets.len(), MAX_PRESETS);
        for (i, q) in raw.questions.iter().enumerate() {
            // Too few options is reported with the question, below.
            if q.options.len() > MAX_OPTIONS {
                over |= self.limit(
                    &format!("$.questions[{i}].options"),
                    "options",
                    q.options.len(),
                    MAX_OPTIONS,
                );
            }
        }
        if over {
            return Err(self.errors);
        }
        for (what, field, keys) in [
            (
                "fact",
                "facts",
                &raw.facts
                    .0
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>(),
            ),
            ("responsibility", "responsibilities", &self.resp_ids.clone()),
        ] {
            let mut seen = BTreeSet::new();
            for k in keys {
                if !seen.insert(*k) {
                    self.err(
                        member(&format!("$.{field}"), k),
                        format!("{what} {k:?} is defined twice"),
                    );
                }
            }
        }

        self.questions = raw
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| self.question(i, q))
            .collect();
        let responsibilities = self.responsibilities();
        for (i, p) in raw.paths.iter().enumerate() {
            for (field, value) in [
                ("name", &p.name),
                ("summary", &p.summary),
                ("use_when", &p.use_when),
                ("watch_out_for", &p.watch_out_for),
                ("rule_of_thumb", &p.rule_of_thumb),
                ("layer", &p.layer),
            ] {
                self.non_empty(&format!("$.paths[{i}].{field}"), value);
            }
        }
        for (i, g) in raw.groups.iter().enumerate() {
            self.non_empty(&format!("$.groups[{i}].title"), &g.title);
        }
        let paths = raw
            .paths
            .iter()
            .enumerate()
            .map(|(i, p)| PathDef {
                id: text(&p.id),
                name: text(&p.name),
                summary: text(&p.summary),
                use_when: text(&p.use_when),
                watch_out_for: text(&p.watch_out_for),
                rule_of_thumb: text(&p.rule_of_thumb),
                layer: text(&p.layer),
                you_still_own: list(
                    self.resp_refs(&format!("$.paths[{i}].you_still_own"), &p.you_still_own),
                ),
            })
            .collect();
        let rules = self.rules();
        let advice = self.advice();
        let invariants = self.invariants();
        let presets = self.presets();
        let notes = self.notes();
        for (i, (name, _)) in raw.facts.0.iter().enumerate() {
            // A second fact of the same name is reported as defined twice.
            let repeated = raw.facts.0[..i].iter().any(|(k, _)| k == name);
            if self.facts[i].is_none() && !self.broken_facts.contains(&i) && !repeated {
                self.err(member("$.facts", name), "fact is never used");
            }
        }
        if self.conds.len() > usize::from(u16::MAX) || self.children.len() > usize::from(u16::MAX) {
            self.err(
                "$",
                "the guide's conditions are too large (more than 65535 parts)",
            );
        }

        // Every count of combinations (the proof's, the diff's) is exact in
        // 128 bits; a guide with more combinations than that is refused.
        let combinations = self
            .questions
            .iter()
            .try_fold(1u128, |n, q| n.checked_mul(q.options.len() as u128 + 1));
        if combinations.is_none() {
            self.err(
                "$.questions",
                "the guide has more combinations of answers than can be counted (2^128 or more): ask fewer questions or offer fewer options",
            );
        }

        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let facts = raw
            .facts
            .0
            .iter()
            .zip(&self.fact_bodies)
            .map(|((name, _), &cond)| Fact {
                name: text(name),
                cond,
            })
            .collect();
        Ok(Guide {
            id: text(&raw.id),
            version: text(&raw.version),
            title: text(&raw.title),
            intro: text(&raw.intro),
            lang: text(raw.lang.as_deref().unwrap_or("en")),
            rtl: raw.dir.as_deref() == Some("rtl"),
            as_of: text(&raw.as_of),
            source: Source {
                title: text(&raw.source.title),
                author: text(&raw.source.author),
                date: text(&raw.source.date),
                credit: text(&raw.source.credit),
            },
            notes: list(notes),
            groups: list(
                raw.groups
                    .iter()
                    .map(|g| Group {
                        id: text(&g.id),
                        title: text(&g.title),
                        refine: g.refine,
                    })
                    .collect(),
            ),
            questions: list(self.questions),
            paths: list(paths),
            layers_caption: text(&raw.layers_caption),
            responsibilities: list(responsibilities),
            facts: list(facts),
            conds: list(self.conds),
            children: list(self.children),
            rules: list(rules),
            advice: list(advice),
            invariants: list(invariants),
            presets: list(presets),
            reach: LazyReach::new(),
        })
    }

    fn question(&mut self, i: usize, q: &RawQuestion) -> Question {
        let at = format!("$.questions[{i}]");
        self.non_empty(&format!("{at}.prompt"), &q.prompt);
        self.non_empty(&format!("{at}.unanswered.meaning"), &q.unanswered.meaning);
        let group = q.group.as_ref().and_then(|g| {
            let found = self.raw.groups.iter().position(|x| x.id == *g);
            if found.is_none() {
                self.err(format!("{at}.group"), format!("unknown group {g:?}"));
            }
            found.map(GroupId::at)
        });
        let kind = match q.kind.as_str() {
            "bool" => QuestionKind::Bool,
            "choice" => QuestionKind::Choice,
            other => {
                self.err(
                    format!("{at}.type"),
                    format!("expected \"bool\" or \"choice\", got {other:?}"),
                );
                // Read as what its fields say, so that the one mistake is
                // not reported again at every answer to it.
                if q.options.is_empty() {
                    QuestionKind::Bool
                } else {
                    QuestionKind::Choice
                }
            }
        };
        let options = match kind {
            QuestionKind::Bool => {
                if !q.options.is_empty() {
                    self.err(
                        format!("{at}.options"),
                        "a bool question takes `yes` and `no`, not `options`",
                    );
                }
                let yes = self.bool_side(&at, "yes", q.yes.as_ref(), true);
                let no = self.bool_side(&at, "no", q.no.as_ref(), false);
                vec![yes, no]
            }
            QuestionKind::Choice => {
                if q.yes.is_some() || q.no.is_some() {
                    self.err(
                        format!("{at}.options"),
                        "a choice question takes `options`, not `yes` and `no`",
                    );
                }
                self.limit(
                    &format!("{at}.options"),
                    "options",
                    q.options.len(),
                    MAX_OPTIONS,
                );
                self.unique(
                    &format!("{at}.options"),
                    ".value",
                    q.options.iter().map(|o| o.value.as_str()),
                );
                q.options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| {
                        self.non_empty(&format!("{at}.options[{k}].label"), &o.label);
                        self.non_empty(&format!("{at}.options[{k}].fact"), &o.fact);
                        AnswerOption {
                            value: AnswerValue::Choice(text(&o.value)),
                            label: text(&o.label),
                            fact: text(&o.fact),
                        }
                    })
                    .collect()
            }
        };
        let mut question = Question {
            id: text(&q.id),
            group,
            kind,
            prompt: text(&q.prompt),
            help: text(&q.help),
            options: list(options),
            assume: OptionId(0),
            unanswered: text(&q.unanswered.meaning),
        };
        match (
            &q.unanswered.assume,
            question.option_for(&q.unanswered.assume),
        ) {
            (_, Ok(Some(o))) => question.assume = o,
            (RawValue::Null, _) | (_, Ok(None)) => self.err(
                format!("{at}.unanswered.assume"),
                "must be one of the question's answers, not null",
            ),
            (v, Err(_)) => self.err(
                format!("{at}.unanswered.assume"),
                format!(
                    "{v} is not one of the question's answers ({})",
                    question.expected_text()
                ),
            ),
        }
        question
    }

    fn bool_side(
        &mut self,
        at: &str,
        name: &str,
        side: Option<&RawBoolSide>,
        value: bool,
    ) -> AnswerOption {
        let label =
            side.and_then(|s| s.label.as_deref())
                .unwrap_or(if value { "Yes" } else { "No" });
        match side {
            Some(side) => self.non_empty(&format!("{at}.{name}.fact"), &side.fact),
            // The answer still exists, so that the one mistake is not
            // reported again at every test of it.
            None => self.err(
                format!("{at}.{name}"),
                "a bool question needs `yes` and `no`",
            ),
        }
        AnswerOption {
            value: AnswerValue::Bool(value),
            label: text(label),
            fact: text(side.map_or("", |s| s.fact.as_str())),
        }
    }

    fn responsibilities(&mut self) -> Vec<Responsibility> {
        let raw = self.raw;
        raw.responsibilities
            .0
            .iter()
            .map(|(id, r)| {
                let at = member("$.responsibilities", id);
                self.non_empty(&at, r.text());
                let when = match r {
                    RawResponsibility::When { when: Some(c), .. } => {
                        self.cond(&format!("{at}.when"), c, Scope::Answers)
                    }
                    _ => ALWAYS,
                };
                let in_place = match r {
                    RawResponsibility::When {
                        in_place: Some(c), ..
                    } => Some(self.cond(&format!("{at}.in_place"), c, Scope::Answers)),
                    _ => None,
                };
                Responsibility {
                    id: text(id),
                    text: text(r.text()),
                    when,
                    in_place,
                }
            })
            .collect()
    }

    /// The dated vendor notes, each with where it bears on a result.
    fn notes(&mut self) -> Vec<Note> {
        let raw = self.raw;
        raw.notes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let at = format!("$.notes[{i}]");
                for (field, value) in [
                    ("as_read", &n.as_read),
                    ("source", &n.source),
                    ("text", &n.text),
                ] {
                    self.non_empty(&format!("{at}.{field}"), value);
                }
                Note {
                    id: text(&n.id),
                    as_read: text(&n.as_read),
                    source: text(&n.source),
                    text: text(&n.text),
                    url: text(&n.url),
                    when: n
                        .when
                        .as_ref()
                        .map(|c| self.cond(&format!("{at}.when"), c, Scope::Advice)),
                }
            })
            .collect()
    }

    /// The responsibility `id`, or an error at `at` naming it.
    fn resp_ref(&mut self, at: String, id: &str) -> Option<RespId> {
        let found = self.resp_ids.iter().position(|r| *r == id);
        if found.is_none() {
            self.err(at, format!("unknown responsibility {id:?}"));
        }
        found.map(RespId::at)
    }

    fn resp_refs(&mut self, at: &str, ids: &[String]) -> Vec<RespId> {
        ids.iter()
            .enumerate()
            .filter_map(|(i, id)| self.resp_ref(format!("{at}[{i}]"), id))
            .collect()
    }

    fn path_ref(&mut self, at: &str, id: &str) -> PathId {
        match self.path_ids.iter().position(|p| *p == id) {
            Some(i) => PathId::at(i),
            None => {
                let known = known_list(&self.path_ids);
                self.err(at, format!("unknown path {id:?}; known paths: {known}"));
                PathId(0)
            }
        }
    }
}

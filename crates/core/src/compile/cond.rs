//! Compiling conditions, named facts and text templates into the guide's
//! condition table.

use super::{text, Compiler, ALWAYS};
use crate::answers::known_list;
use crate::ids::{AdviceId, CondId, FactId, Id, QuestionId};
use crate::model::{Cond, Part, Span, Template};
use crate::raw::RawCond;

/// The deepest a condition may nest, counting the facts it uses.
const MAX_DEPTH: usize = 256;

/// Which condition forms a place accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Rules, facts and responsibilities: answers only.
    Answers,
    /// Advice: answers, the decided path and the nearby paths.
    Advice,
    /// Invariants: all of that, plus which advice applies and what is owned.
    Invariant,
}

impl Compiler<'_> {
    fn push(&mut self, c: Cond) -> CondId {
        self.conds.push(c);
        CondId::at(self.conds.len() - 1)
    }

    /// Compiles a condition, reporting problems under `at`.
    pub(super) fn cond(&mut self, at: &str, c: &RawCond, scope: Scope) -> CondId {
        // JSON nesting is capped by the parser, but facts chain conditions
        // into one another: the depth through them is capped here, so that
        // compiling and evaluating never run out of stack.
        if self.depth >= MAX_DEPTH {
            self.err(
                at,
                format!("conditions nest too deeply: more than {MAX_DEPTH} levels, counting the facts they use"),
            );
            return ALWAYS;
        }
        self.depth += 1;
        let compiled = self.cond_form(at, c, scope);
        self.depth -= 1;
        compiled
    }

    fn cond_form(&mut self, at: &str, c: &RawCond, scope: Scope) -> CondId {
        let forms = [
            c.q.is_some() || c.is.is_some(),
            c.fact.is_some(),
            c.path.is_some(),
            c.near_path.is_some(),
            c.open_near_path.is_some(),
            c.advice.is_some(),
            c.owns.is_some(),
            c.in_place.is_some(),
            c.all.is_some(),
            c.any.is_some(),
            c.not.is_some(),
        ];
        if forms.iter().filter(|&&f| f).count() != 1 {
            self.err(
                at,
                "a condition is exactly one of {q, is}, fact, path, near_path, open_near_path, advice, owns, in_place, all, any, not",
            );
            return ALWAYS;
        }
        if c.q.is_some() || c.is.is_some() {
            return self.leaf(at, c);
        }
        if let Some(name) = &c.fact {
            return self.fact(&format!("{at}.fact"), name);
        }
        let path_form = [
            ("path", &c.path),
            ("near_path", &c.near_path),
            ("open_near_path", &c.open_near_path),
        ]
        .into_iter()
        .find_map(|(field, id)| id.as_ref().map(|id| (field, id)));
        if let Some((field, id)) = path_form {
            if scope == Scope::Answers {
                self.err(
                    format!("{at}.{field}"),
                    "only advice and invariants may test the decided path; rules, facts and responsibilities test answers",
                );
            }
            let p = self.path_ref(&format!("{at}.{field}"), id);
            return self.push(match field {
                "path" => Cond::Path(p),
                "near_path" => Cond::NearPath(p),
                _ => Cond::OpenNearPath(p),
            });
        }
        if let Some(id) = &c.advice {
            if scope != Scope::Invariant {
                self.err(
                    format!("{at}.advice"),
                    "only invariants may test which advice applies",
                );
            }
            return match self.advice_ids.iter().position(|a| a == id) {
                Some(i) => self.push(Cond::Advice(AdviceId::at(i))),
                None => {
                    self.err(format!("{at}.advice"), format!("unknown advice {id:?}"));
                    ALWAYS
                }
            };
        }
        let resp_form = [("owns", &c.owns), ("in_place", &c.in_place)]
            .into_iter()
            .find_map(|(field, id)| id.as_ref().map(|id| (field, id)));
        if let Some((field, id)) = resp_form {
            if scope != Scope::Invariant {
                self.err(
                    format!("{at}.{field}"),
                    "only invariants may test what is owned or in place",
                );
            }
            return match self.resp_ref(format!("{at}.{field}"), id) {
                Some(r) if field == "owns" => self.push(Cond::Owns(r)),
                Some(r) => self.push(Cond::InPlace(r)),
                None => ALWAYS,
            };
        }
        if let Some(inner) = &c.not {
            let inner = self.cond(&format!("{at}.not"), inner, scope);
            return self.push(Cond::Not(inner));
        }
        let (field, list, all) = match (&c.all, &c.any) {
            (Some(l), _) => ("all", l, true),
            (_, Some(l)) => ("any", l, false),
            _ => {
                // Every form is handled above; a new field must be too.
                self.err(
                    at,
                    "internal: a condition form the compiler does not handle",
                );
                return ALWAYS;
            }
        };
        if list.is_empty() {
            self.err(format!("{at}.{field}"), "must hold at least one condition");
        }
        let parts: Vec<CondId> = list
            .iter()
            .enumerate()
            .map(|(i, x)| self.cond(&format!("{at}.{field}[{i}]"), x, scope))
            .collect();
        let span = Span {
            start: u16::try_from(self.children.len()).unwrap_or(u16::MAX),
            len: u16::try_from(parts.len()).unwrap_or(u16::MAX),
        };
        self.children.extend(parts);
        self.push(if all {
            Cond::All(span)
        } else {
            Cond::Any(span)
        })
    }

    /// A fact by name, compiled once (in the answers scope) and shared.
    pub(super) fn fact(&mut self, at: &str, name: &str) -> CondId {
        let Some(i) = self.raw.facts.0.iter().position(|(k, _)| k == name) else {
            let known: Vec<&str> = self.raw.facts.0.iter().map(|(k, _)| k.as_str()).collect();
            self.err(
                at,
                format!("unknown fact {name:?}; known facts: {}", known_list(known)),
            );
            return ALWAYS;
        };
        if let Some(done) = self.facts[i] {
            return done;
        }
        if self.broken_facts.contains(&i) {
            return ALWAYS;
        }
        if !self.facts_in_progress.insert(i) {
            self.err(at, format!("fact {name:?} refers to itself"));
            return ALWAYS;
        }
        let before = self.errors.len();
        let raw = &self.raw.facts.0[i].1;
        let cond = self.cond(&super::member("$.facts", name), raw, Scope::Answers);
        self.facts_in_progress.remove(&i);
        if self.errors.len() != before {
            self.broken_facts.insert(i);
            return ALWAYS;
        }
        self.fact_bodies[i] = cond;
        let node = self.push(Cond::Fact(FactId::at(i)));
        self.facts[i] = Some(node);
        node
    }

    fn leaf(&mut self, at: &str, c: &RawCond) -> CondId {
        let (Some(id), Some(value)) = (&c.q, &c.is) else {
            self.err(at, "a question test needs both `q` and `is`");
            return ALWAYS;
        };
        let Some(q) = self.questions.iter().position(|x| x.id == *id) else {
            let known: Vec<&str> = self.questions.iter().map(|x| &*x.id).collect();
            self.err(
                format!("{at}.q"),
                format!(
                    "unknown question {id:?}; known questions: {}",
                    known_list(known)
                ),
            );
            return ALWAYS;
        };
        let q = QuestionId::at(q);
        match self.questions[q.index()].option_for(value) {
            Ok(Some(o)) => self.push(Cond::Is(q, o)),
            Ok(None) => self.push(Cond::Unanswered(q)),
            Err(_) => {
                let expected = self.questions[q.index()].expected_text();
                self.err(
                    format!("{at}.is"),
                    format!("question {id:?} takes {expected}, got {value}"),
                );
                ALWAYS
            }
        }
    }

    /// Compiles a text with `{because}` (the answers that make `own` hold)
    /// and `{because:FACT}` (the answers that make that fact hold).
    pub(super) fn template(&mut self, at: &str, source: &str, own: Option<CondId>) -> Template {
        self.non_empty(at, source);
        let mut parts = Vec::new();
        let mut rest = source;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Text(text(&rest[..open])));
            }
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                self.err(
                    at,
                    format!("unclosed placeholder near {:?}", snippet(&rest[open..])),
                );
                return Template {
                    parts: super::list(parts),
                };
            };
            let name = &after[..close];
            match name.strip_prefix("because") {
                Some("") => match own {
                    Some(c) => parts.push(Part::Cite(c)),
                    None => self.err(at, "`{because}` needs a `when` condition to cite"),
                },
                Some(fact) if fact.starts_with(':') => {
                    let c = self.fact(at, &fact[1..]);
                    parts.push(Part::Cite(c));
                }
                _ => self.err(
                    at,
                    format!(
                        "unknown placeholder {:?}; only {{because}} and {{because:FACT}} are defined",
                        snippet(&rest[open..open + close + 2])
                    ),
                ),
            }
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(text(rest)));
        }
        Template {
            parts: super::list(parts),
        }
    }
}

/// At most 20 characters of a text, for messages.
fn snippet(s: &str) -> String {
    s.chars().take(20).collect()
}

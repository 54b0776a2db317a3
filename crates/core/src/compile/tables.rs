//! Compiling a guide's decision tables: the ordered rules, the advice,
//! the invariants the check proves, and the presets (validated like any
//! answers from outside).

use super::cond::Scope;
use super::{list, member, text, Compiler, ALWAYS};
use crate::answers::validate;
use crate::ids::{Id, PathId, Set};
use crate::model::{Advice, AdviceKind, Cond, Direction, Invariant, InvariantCheck, Preset, Rule};

/// Stands in for an invariant with errors: the guide is rejected anyway,
/// and this always holds.
const NEVER_BROKEN: InvariantCheck = InvariantCheck::PathIn {
    when: ALWAYS,
    allowed: Set::from_bits(u64::MAX),
};
impl Compiler<'_> {
    pub(super) fn rules(&mut self) -> Vec<Rule> {
        let raw = self.raw;
        self.unique("$.rules", ".id", raw.rules.iter().map(|r| r.id.as_str()));
        if raw.rules.is_empty() {
            self.err(
                "$.rules",
                "a guide needs at least one rule (a catch-all last)",
            );
        }
        let last = raw.rules.len().saturating_sub(1);
        raw.rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let at = format!("$.rules[{i}]");
                let when = r
                    .when
                    .as_ref()
                    .map(|c| self.cond(&format!("{at}.when"), c, Scope::Answers));
                if i == last && r.when.is_some() {
                    self.err(format!("{at}.when"), "the last rule must be a catch-all (no `when`), so that every combination gets a path");
                }
                if i != last && r.when.is_none() {
                    self.err(format!("{at}.when"), "only the last rule may be a catch-all; every rule after this one could never fire");
                }
                Rule {
                    id: text(&r.id),
                    when: when.unwrap_or(ALWAYS),
                    path: self.path_ref(&format!("{at}.path"), &r.path),
                    reason: self.template(&format!("{at}.reason"), &r.reason, when),
                }
            })
            .collect()
    }

    pub(super) fn advice(&mut self) -> Vec<Advice> {
        let raw = self.raw;
        self.unique("$.advice", ".id", raw.advice.iter().map(|a| a.id.as_str()));
        raw.advice
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let at = format!("$.advice[{i}]");
                let kind = match a.kind.as_str() {
                    "warning" => AdviceKind::Warning,
                    "watch_out" => AdviceKind::WatchOut,
                    other => {
                        self.err(
                            format!("{at}.kind"),
                            format!("expected \"warning\" or \"watch_out\", got {other:?}"),
                        );
                        AdviceKind::Warning
                    }
                };
                if let Some(w) = &a.warning {
                    if kind == AdviceKind::WatchOut {
                        self.err(
                            format!("{at}.warning"),
                            "only a warning is reported under a warning id",
                        );
                    }
                    self.non_empty(&format!("{at}.warning"), w);
                }
                for (field, set) in [("conflict", a.conflict), ("blocks", a.blocks)] {
                    if set && kind == AdviceKind::WatchOut {
                        self.err(
                            format!("{at}.{field}"),
                            "only a warning can name a conflict or block a result",
                        );
                    }
                }
                let when = self.cond(&format!("{at}.when"), &a.when, Scope::Advice);
                Advice {
                    id: text(&a.id),
                    warning: text(a.warning.as_deref().unwrap_or(&a.id)),
                    kind,
                    conflict: a.conflict,
                    blocks: a.blocks,
                    when,
                    text: self.template(&format!("{at}.text"), &a.text, Some(when)),
                    adds: list(self.resp_refs(&format!("{at}.adds"), &a.adds)),
                }
            })
            .collect()
    }

    pub(super) fn invariants(&mut self) -> Vec<Invariant> {
        let raw = self.raw;
        self.unique(
            "$.invariants",
            ".id",
            raw.invariants.iter().map(|v| v.id.as_str()),
        );
        raw.invariants
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let at = format!("$.invariants[{i}]");
                self.non_empty(&format!("{at}.text"), &v.text);
                let check = match (&v.path_is, &v.path_not, &v.then, &v.answering, &v.never) {
                    (Some(ids), None, None, None, None) | (None, Some(ids), None, None, None) => {
                        let field = if v.path_is.is_some() { "path_is" } else { "path_not" };
                        let named: Set<PathId> = ids
                            .iter()
                            .enumerate()
                            .map(|(k, id)| self.path_ref(&format!("{at}.{field}[{k}]"), id))
                            .collect();
                        let all: Set<PathId> = (0..self.path_ids.len()).map(PathId::at).collect();
                        let allowed = if v.path_is.is_some() {
                            named
                        } else {
                            Set::from_bits(all.bits() & !named.bits())
                        };
                        let when = match &v.when {
                            Some(c) => self.cond(&format!("{at}.when"), c, Scope::Answers),
                            None => ALWAYS,
                        };
                        InvariantCheck::PathIn { when, allowed }
                    }
                    (None, None, Some(then), None, None) => {
                        let when = match &v.when {
                            Some(c) => self.cond(&format!("{at}.when"), c, Scope::Invariant),
                            None => ALWAYS,
                        };
                        let then = self.cond(&format!("{at}.then"), then, Scope::Invariant);
                        InvariantCheck::Implies { when, then }
                    }
                    (None, None, None, Some(answering), Some(never)) => {
                        if v.when.is_some() {
                            self.err(format!("{at}.when"), "an `answering` invariant takes no `when`");
                        }
                        let never = match never.as_str() {
                            "lighter" => Direction::Lighter,
                            "heavier" => Direction::Heavier,
                            other => {
                                self.err(format!("{at}.never"), format!("expected \"lighter\" or \"heavier\", got {other:?}"));
                                Direction::Lighter
                            }
                        };
                        let before = self.errors.len();
                        let c = self.cond(&format!("{at}.answering"), answering, Scope::Answers);
                        match self.conds[c.index()] {
                            Cond::Is(question, answer) => InvariantCheck::Monotone { question, answer, never },
                            // A condition with errors of its own is reported once.
                            _ if self.errors.len() != before => NEVER_BROKEN,
                            _ => {
                                self.err(format!("{at}.answering"), "must be one answer: {\"q\": ID, \"is\": VALUE} with a non-null VALUE");
                                NEVER_BROKEN
                            }
                        }
                    }
                    _ => {
                        self.err(at.clone(), "an invariant takes exactly one of: `path_is` or `path_not` (with an optional `when` over answers), `then` (with an optional `when`), or `answering` with `never`");
                        NEVER_BROKEN
                    }
                };
                Invariant {
                    id: text(&v.id),
                    text: text(&v.text),
                    check,
                }
            })
            .collect()
    }

    pub(super) fn presets(&mut self) -> Vec<Preset> {
        let raw = self.raw;
        self.unique(
            "$.presets",
            ".id",
            raw.presets.iter().map(|p| p.id.as_str()),
        );
        raw.presets
            .iter()
            .enumerate()
            .map(|(i, p)| {
                self.non_empty(&format!("$.presets[{i}].title"), &p.title);
                // The same validation as user input; every bad key is reported.
                let mut errors = Vec::new();
                let profile = validate(&self.questions, &p.answers, |e| {
                    errors.push(e);
                    true
                });
                for e in errors {
                    self.err(
                        member(&format!("$.presets[{i}].answers"), &e.key),
                        e.to_string(),
                    );
                }
                Preset {
                    id: text(&p.id),
                    title: text(&p.title),
                    profile,
                }
            })
            .collect()
    }
}

//! The result JSON (`CONTRACT.md` §4), written by hand: the widget carries
//! no JSON library.

use super::Explanation;
use crate::json::{array, push_quoted, Object};

/// The result's top-level fields, in the order [`Explanation::to_json`]
/// writes them: a public contract (`CONTRACT.md` §4), which the tests hold
/// the output to.
pub const RESULT_FIELDS: &[&str] = &[
    "path",
    "status",
    "complete",
    "reasons",
    "watch_outs",
    "you_still_own",
    "in_place",
    "warnings",
    "would_change",
    "nearest",
    "enough",
    "ask_first",
    "could_block",
    "blocked",
    "notes",
    "unanswered",
    "guide",
];

impl Explanation {
    /// The result JSON of `CONTRACT.md` §4, on one line. Field names are a
    /// public contract: extend, never rename.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(2048);
        let mut o = Object::new(&mut out);
        o.str("path", &self.path_id);
        o.str("status", self.verdict().id());
        o.raw("complete", if self.complete() { "true" } else { "false" });
        array(o.key("reasons"), &self.reasons, |out, r| {
            let mut o = Object::new(out);
            o.str("rule", &r.rule);
            o.str("text", &r.text);
            o.end();
        });
        array(o.key("watch_outs"), &self.watch_outs, |out, w| {
            push_quoted(out, w)
        });
        array(o.key("you_still_own"), &self.you_still_own, |out, w| {
            push_quoted(out, w)
        });
        array(o.key("in_place"), &self.in_place, |out, w| {
            push_quoted(out, w)
        });
        array(o.key("warnings"), &self.warnings, |out, w| {
            let mut o = Object::new(out);
            o.str("id", &w.id);
            o.str("text", &w.text);
            o.end();
        });
        array(o.key("would_change"), &self.would_change, |out, c| {
            let mut o = Object::new(out);
            o.str("question", &c.question_id);
            o.raw("answer", &c.answer_json);
            o.str("path", &c.path_id);
            if !c.blocked.is_empty() {
                array(o.key("blocked"), &c.blocked, |out, b| push_quoted(out, b));
            }
            if !c.conflicts.is_empty() {
                array(o.key("conflicts"), &c.conflicts, |out, b| {
                    push_quoted(out, b)
                });
            }
            o.end();
        });
        array(o.key("nearest"), &self.nearest, |out, n| {
            let mut o = Object::new(out);
            o.str("path", &n.path_id);
            if !n.blocked.is_empty() {
                array(o.key("blocked"), &n.blocked, |out, b| push_quoted(out, b));
            }
            if !n.conflicts.is_empty() {
                array(o.key("conflicts"), &n.conflicts, |out, b| {
                    push_quoted(out, b)
                });
            }
            let mut answers = Object::new(o.key("answers"));
            for c in &n.changes {
                answers.raw(&c.question_id, &c.answer_json);
            }
            answers.end();
            o.end();
        });
        o.raw("enough", if self.enough() { "true" } else { "false" });
        array(o.key("ask_first"), &self.ask_first, |out, a| {
            push_quoted(out, &a.question_id)
        });
        array(o.key("could_block"), &self.could_block, |out, a| {
            push_quoted(out, &a.question_id)
        });
        array(o.key("blocked"), self.blocked(), push_quoted);
        array(o.key("notes"), &self.notes, |out, n| {
            push_quoted(out, &n.id)
        });
        array(o.key("unanswered"), self.unanswered(), push_quoted);
        let mut g = Object::new(o.key("guide"));
        g.str("id", &self.guide.id);
        g.str("version", &self.guide.version);
        g.str("as_of", &self.guide.as_of);
        if let Some(read) = &self.guide.notes_read {
            g.str("notes_read", read);
        }
        g.end();
        o.end();
        out
    }
}

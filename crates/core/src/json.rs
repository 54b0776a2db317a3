//! Writing answers back out as JSON text, for reports and records that a
//! person copies into `decision-guide classify`. Writing needs no parser, so
//! the core stays free of one.

use std::fmt::Write;

use crate::answers::Profile;
use crate::guide::{AnswerValue, Guide};

/// Writes `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Guide {
    /// The JSON text of option `slot` of question `q` (`true`, `"single"`).
    pub fn answer_json(&self, q: usize, slot: u8) -> String {
        match &self.option(q, slot).value {
            AnswerValue::Bool(b) => b.to_string(),
            AnswerValue::Choice(s) => quote(s),
        }
    }

    /// The answered questions of a profile as one JSON object, in question
    /// order; unanswered questions are left out.
    pub fn answers_json(&self, profile: &Profile) -> String {
        let fields: Vec<String> = profile
            .answered()
            .map(|(q, o)| {
                format!(
                    "{}:{}",
                    quote(&self.questions[q].id),
                    self.answer_json(q, (o + 1) as u8)
                )
            })
            .collect();
        format!("{{{}}}", fields.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quote_escapes_what_json_requires() {
        assert_eq!(quote("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
    }
}

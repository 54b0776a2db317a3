//! Writing JSON text by hand: string literals, bounded excerpts of input
//! for error messages, and a small object writer. The result JSON and the
//! answers JSON are written with these, so the CLI and the browser print
//! the same bytes and the widget needs no JSON library.

use std::fmt::Write;

/// The most characters of an input string an error message quotes.
pub const EXCERPT_CHARS: usize = 60;

/// Writes `s` as a JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// Appends `s` as a JSON string literal.
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Control characters, and the invisible and direction-changing
            // ones: quoted input must read as it is (a right-to-left
            // override would turn an error message around; a zero-width
            // space would make "shape\u200b" look like "shape").
            c if (c as u32) < 0x20 || is_invisible(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Characters that change direction or show nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A string from outside as an error message quotes it: a JSON literal of
/// at most [`EXCERPT_CHARS`] characters, with the full length said when
/// it was cut, so that a megabyte of input never becomes a megabyte of
/// error message.
pub fn excerpt(s: &str) -> String {
    let count = s.chars().count();
    if count <= EXCERPT_CHARS {
        return quote(s);
    }
    let head: String = s.chars().take(EXCERPT_CHARS).collect();
    let mut out = quote(&head);
    out.insert(out.len() - 1, '…');
    let _ = write!(out, " ({count} characters)");
    out
}

/// Writes one JSON object field by field.
pub(crate) struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Starts a field and returns the buffer to write its value into.
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_quoted(self.out, key);
        self.out.push(':');
        self.out
    }

    pub(crate) fn str(&mut self, key: &str, value: &str) {
        push_quoted(self.key(key), value);
    }

    pub(crate) fn raw(&mut self, key: &str, json: &str) {
        self.key(key).push_str(json);
    }

    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

/// Writes a JSON array, one element at a time through `each`.
pub(crate) fn array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::{excerpt, quote};

    #[test]
    fn quote_escapes_what_json_requires() {
        assert_eq!(quote("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
    }

    #[test]
    fn invisible_and_direction_characters_are_escaped() {
        assert_eq!(quote("shape\u{200b}"), r#""shape\u200b""#);
        assert_eq!(quote("a\u{202e}b"), r#""a\u202eb""#);
    }

    #[test]
    fn excerpts_are_bounded_and_say_how_long_the_input_was() {
        assert_eq!(excerpt("short"), "\"short\"");
        let long = "x".repeat(1_000_000);
        let e = excerpt(&long);
        assert!(e.len() < 100, "{e}");
        assert!(e.ends_with("…\" (1000000 characters)"), "{e}");
    }
}

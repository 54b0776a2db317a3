//! Permalinks: a profile as a short URL-fragment value and back.
//!
//! Each question takes a fixed number of characters: one when every
//! question has at most 35 options, two when some question has more (a
//! guide may have up to 250). `-` (or `--`) means not answered, and an
//! answer is its option number counted from 1 in base 36. The width
//! follows from the guide, so a link always encodes every answer.

use std::fmt;

use crate::ids::{Id, OptionId, QuestionId};
use crate::json::{excerpt, quote};
use crate::model::Guide;
use crate::profile::Profile;

/// Why a permalink could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermalinkError {
    /// Not a permalink at all: a character no permalink holds.
    NotALink {
        /// The fragment, as a bounded excerpt.
        text: String,
    },
    /// Made for a guide with another number of questions (another version).
    Length {
        /// The fragment, as a bounded excerpt.
        text: String,
        /// Characters it has.
        got: usize,
        /// Characters this guide's links have.
        want: usize,
        /// Questions this guide has.
        questions: usize,
    },
    /// A character that is not an answer to its question.
    Answer {
        /// The fragment, as a bounded excerpt.
        text: String,
        /// The offending characters.
        code: String,
        /// The question's id.
        question: String,
    },
}

impl fmt::Display for PermalinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PermalinkError::NotALink { text } => write!(
                f,
                "the permalink {text} is not one this guide made: links hold only 0-9, a-z and -"
            ),
            PermalinkError::Length { text, got, want, questions } => write!(
                f,
                "the permalink {text} has {got} characters, but links to this guide have {want} ({questions} questions): it was made for another version of the guide"
            ),
            // Quoted as JSON, not with `{:?}`: Debug's escaper costs the
            // wasm about 1 KB gzip, and a link's characters and a
            // question's id read the same either way.
            PermalinkError::Answer { text, code, question } => write!(
                f,
                "the permalink {text} holds {}, which is not an answer to question {}",
                quote(code),
                quote(question)
            ),
        }
    }
}

impl std::error::Error for PermalinkError {}

impl Guide {
    /// Characters a question takes in this guide's permalinks.
    fn permalink_width(&self) -> usize {
        if self.questions.iter().all(|q| q.options.len() <= 35) {
            1
        } else {
            2
        }
    }

    /// The profile as a permalink fragment value.
    pub fn permalink(&self, profile: &Profile) -> String {
        let width = self.permalink_width();
        let mut out = String::with_capacity(profile.len() * width);
        for (q, _) in self.question_ids() {
            match profile.answer(q) {
                None => (0..width).for_each(|_| out.push('-')),
                Some(o) => {
                    let n = o.index() + 1;
                    if width == 2 {
                        out.push(digit(n / 36));
                    }
                    out.push(digit(n % 36));
                }
            }
        }
        out
    }

    /// Reads a permalink written by [`Guide::permalink`], refusing one of
    /// the wrong length or with an answer its question does not have.
    pub fn from_permalink(&self, text: &str) -> Result<Profile, PermalinkError> {
        let width = self.permalink_width();
        let chars: Vec<char> = text.chars().collect();
        if !chars
            .iter()
            .all(|&c| c == '-' || c.is_ascii_digit() || c.is_ascii_lowercase())
        {
            return Err(PermalinkError::NotALink {
                text: excerpt(text),
            });
        }
        let want = self.questions.len() * width;
        // A guide only ever adds questions at the end, so a link made
        // before some were added is read with them unanswered.
        if chars.is_empty() || chars.len() > want || chars.len() % width != 0 {
            return Err(PermalinkError::Length {
                text: excerpt(text),
                got: chars.len(),
                want,
                questions: self.questions.len(),
            });
        }
        let mut profile = self.empty_profile();
        for (i, code) in chars.chunks(width).enumerate() {
            let q = QuestionId::at(i);
            let question = self.question(q);
            let answer = if code.iter().all(|&c| c == '-') {
                None
            } else {
                let n = code
                    .iter()
                    .try_fold(0usize, |n, c| c.to_digit(36).map(|d| n * 36 + d as usize));
                match n {
                    Some(n) if (1..=question.options.len()).contains(&n) => {
                        Some(OptionId::at(n - 1))
                    }
                    _ => {
                        return Err(PermalinkError::Answer {
                            text: excerpt(text),
                            code: code.iter().collect(),
                            question: question.id.to_string(),
                        })
                    }
                }
            };
            profile.set(q, answer);
        }
        Ok(profile)
    }
}

fn digit(n: usize) -> char {
    char::from_digit((n % 36) as u32, 36).unwrap_or('-')
}

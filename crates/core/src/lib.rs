//! The rules core of decision-guide: the guide as data, validation of
//! answers at the edge, a total evaluator with its own trace, one resolved
//! explanation of each decision (rendered as the SPEC §4 result and as a
//! Markdown record), permalinks, and the exhaustive soundness check.
//!
//! It knows nothing of the DOM, of JSON transport or of the file system:
//! shells hand it values that any serde deserializer produced
//! ([`RawGuide`], [`RawAnswers`]) and get values back.
//!
//! ```
//! use decision_guide_core::{builtin, raw_answers, RawValue};
//! let guide = builtin();
//! let raw = raw_answers([("shape", RawValue::Str("single".into()))]);
//! let profile = guide.profile(&raw).unwrap();
//! assert_eq!(guide.evaluate(&profile).path_id, "direct-api");
//! ```

mod answers;
mod check;
mod compile;
mod eval;
mod explain;
mod ids;
mod json;
mod markdown;
mod model;
mod permalink;
mod profile;
mod raw;
pub mod text;

pub use answers::{AnswerError, AnswerProblem};
pub use check::{CheckError, Failure, Report, MAX_COMBINATIONS};
pub use compile::GuideError;
pub use eval::{Change, Decision};
pub use explain::{AnswerLine, Explanation, GuideRef, Reason, Warning, WouldChange};
pub use ids::{
    AdviceId, CondId, FactId, GroupId, Id, OptionId, PathId, QuestionId, RespId, RuleId, Set,
};
pub use json::{excerpt, quote, EXCERPT_CHARS};
pub use markdown::Record;
pub use model::{
    Advice, AdviceKind, AnswerOption, AnswerValue, Direction, Fact, Group, Guide, Invariant,
    InvariantCheck, Note, PathDef, Preset, Question, QuestionKind, Responsibility, Rule, Source,
    MAX_ADVICE, MAX_OPTIONS, MAX_PATHS, MAX_QUESTIONS,
};
pub use permalink::PermalinkError;
pub use profile::Profile;
pub use raw::{RawAnswers, RawGuide, RawMap, RawResponsibility, RawValue};

/// Builds a [`RawAnswers`] from pairs, for tests and shells.
pub fn raw_answers<'a>(pairs: impl IntoIterator<Item = (&'a str, RawValue)>) -> RawAnswers {
    RawAnswers(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

#[cfg(feature = "builtin")]
#[rustfmt::skip]
mod builtin;

/// The built-in guide, compiled at build time into a `static` (see
/// `codegen.rs`): no parsing, no JSON text, nothing that can fail.
#[cfg(feature = "builtin")]
pub fn builtin() -> &'static Guide {
    &builtin::GUIDE
}

#[cfg(feature = "json")]
mod codegen;
#[cfg(feature = "json")]
mod parse;
#[cfg(feature = "json")]
pub use parse::{parse_answers, parse_guide, AnswersTextError, BUILTIN_GUIDE_JSON};

/// The source of `builtin.rs` for the built-in guide's JSON, or the
/// guide's problems. Run by `cargo xtask codegen` and checked by a test.
#[cfg(feature = "json")]
pub fn builtin_source() -> Result<String, Vec<GuideError>> {
    let guide = parse_guide(BUILTIN_GUIDE_JSON)?;
    Ok(format!(
        "{}{}",
        "//! The built-in guide: `guides/openai-on-aws.json` compiled into a `static`\n\
         //! by `codegen.rs`. Generated, do not edit: `cargo xtask codegen` writes it,\n\
         //! and a test fails while it differs from the JSON.\n\
         #![allow(clippy::all)]\n\n\
         use std::borrow::Cow::Borrowed as B;\n\n\
         use crate::ids::*;\n\
         use crate::model::*;\n\
         use crate::profile::Profile;\n\n",
        guide.to_rust("GUIDE")
    ))
}

//! The rules core of decision-guide: the guide as data, validation of
//! answers at the edge, a total evaluator with its own trace, one resolved
//! explanation of each decision (rendered as the result JSON of
//! `CONTRACT.md` §4 and as a Markdown record), permalinks, and the
//! soundness proof with its enumerating oracle.
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
#[cfg(feature = "json")]
mod cases;
#[cfg(feature = "compile")]
mod check;
#[cfg(feature = "compile")]
mod compile;
#[cfg(feature = "compile")]
mod diff;
mod eval;
mod explain;
#[cfg(feature = "compile")]
mod fx;
mod ids;
#[cfg(feature = "json")]
mod inspect;
mod json;
mod markdown;
#[cfg(feature = "compile")]
mod mdd;
mod model;
mod permalink;
mod profile;
mod raw;
mod reach;
#[cfg(feature = "json")]
mod review;
pub mod text;

pub use answers::{AnswerError, AnswerProblem};
#[cfg(feature = "json")]
pub use cases::{Case, CaseRun, Cases, Mismatch};
#[cfg(feature = "compile")]
pub use check::{
    example_has_answers, failure_heading, CheckError, Failure, Finding, Proof, Report,
    MAX_COMBINATIONS, MAX_NODES,
};
#[cfg(feature = "compile")]
pub use compile::GuideError;
#[cfg(feature = "compile")]
pub use diff::{Diff, Move, Only, PresetChange};
pub use eval::{Change, Decision};
pub use explain::{
    AnswerLine, Answering, AskFirst, Explanation, GuideRef, NearestLine, NoteLine, Reason, Verdict,
    Warning, WouldChange, RESULT_FIELDS,
};
pub use ids::{
    AdviceId, CondId, FactId, GroupId, Id, OptionId, PathId, PresetId, QuestionId, RespId, RuleId,
    Set,
};
#[cfg(feature = "json")]
pub use inspect::inspect;
pub use json::{excerpt, quote, EXCERPT_CHARS};
pub use markdown::Record;
pub use model::{
    Advice, AdviceKind, AnswerOption, AnswerValue, Direction, Fact, Group, Guide, Invariant,
    InvariantCheck, NoSuchPreset, Note, PathDef, Preset, Question, QuestionKind, Responsibility,
    Rule, Source, MAX_ADVICE, MAX_OPTIONS, MAX_PATHS, MAX_QUESTIONS,
};
pub use permalink::PermalinkError;
pub use profile::Profile;
pub use raw::{RawAnswers, RawGuide, RawMap, RawResponsibility, RawValue};
pub use reach::{Nearest, Reach, MAX_CHANGES};
#[cfg(feature = "json")]
pub use review::{review, CaseChange, FieldChange, Review, ReviewError};

/// Builds a [`RawAnswers`] from pairs, for tests and shells.
pub fn raw_answers<'a>(pairs: impl IntoIterator<Item = (&'a str, RawValue)>) -> RawAnswers {
    RawAnswers(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

#[cfg(feature = "builtin")]
#[rustfmt::skip]
mod builtin;

/// The built-in guide, compiled ahead of time into a `static` (`builtin.rs`,
/// which `cargo xtask codegen` writes with `codegen.rs` and a test keeps in
/// step with the JSON): no parsing, no JSON text, nothing that can fail.
#[cfg(feature = "builtin")]
pub fn builtin() -> &'static Guide {
    &builtin::GUIDE
}

#[cfg(feature = "json")]
mod codegen;
#[cfg(feature = "json")]
mod parse;
#[cfg(feature = "json")]
pub use parse::{
    parse_answers, parse_guide, parse_titled_answers, AnswersTextError, BUILTIN_GUIDE_JSON,
    TITLE_KEY,
};

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

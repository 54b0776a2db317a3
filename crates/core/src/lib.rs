//! The rules core of decision-guide: the guide as data, validation of
//! answers at the edge, a total evaluator with its own trace, renderings of
//! that trace (the SPEC §4 result and a Markdown decision record), and the
//! exhaustive soundness check.
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
//! assert_eq!(guide.evaluate(&profile).path, "direct-api");
//! ```

mod answers;
mod check;
mod eval;
mod guide;
mod json;
mod markdown;
mod raw;
mod result;

pub use answers::{AnswerError, AnswerProblem, Profile, MAX_QUESTIONS};
pub use check::{CheckError, Failure, Report, MAX_COMBINATIONS};
pub use eval::{Change, Decision, QuestionSet};
pub use guide::{
    raw_answers, Advice, AdviceKind, AnswerValue, Cond, Group, Guide, GuideError, Invariant,
    InvariantCheck, Note, PathDef, Preset, QOption, Question, QuestionKind, Rule, Source,
    MAX_PATHS,
};
pub use json::quote;
pub use markdown::Record;
pub use raw::{RawAnswers, RawGuide, RawValue};
pub use result::{GuideRef, Outcome, Reason, Warning, WouldChange};

/// The built-in guide's JSON text, compiled into every binary.
pub const BUILTIN_GUIDE_JSON: &str = include_str!("../guides/openai-on-aws.json");

#[cfg(feature = "json")]
mod parse;
#[cfg(feature = "json")]
pub use parse::{builtin, parse_answers, parse_guide};

//! The guide file and answers as read from JSON, before validation.
//!
//! These types mirror the file format one to one and accept anything of the
//! right JSON shape; everything that can be wrong in meaning (an unknown
//! question id, a value of the wrong type, a dangling reference) is left to
//! [`crate::Guide::from_raw`] and [`crate::Guide::profile`], which report every
//! problem with its JSON path instead of stopping at the first. Any serde
//! deserializer works: `serde_json` behind the `json` feature (the CLI, the
//! tests, the widget's custom-guides variant); the shipped widget builds
//! [`RawAnswers`] by hand from what the element hands over, so it carries
//! no JSON parser.
//!
//! What each field means is documented in `CONTRACT.md` §7 ("Guides as
//! data"), the public contract; these types only give the fields' shapes.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A guide file exactly as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // The fields are documented in CONTRACT.md §7.
pub struct RawGuide {
    pub id: String,
    pub version: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub dir: Option<String>,
    pub as_of: String,
    pub source: RawSource,
    #[serde(default)]
    pub notes: Vec<RawNote>,
    #[serde(default)]
    pub groups: Vec<RawGroup>,
    pub questions: Vec<RawQuestion>,
    pub paths: Vec<RawPath>,
    #[serde(default)]
    pub layers_caption: String,
    #[serde(default)]
    pub responsibilities: RawMap<RawResponsibility>,
    #[serde(default)]
    pub facts: RawMap<RawCond>,
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub advice: Vec<RawAdvice>,
    #[serde(default)]
    pub invariants: Vec<RawInvariant>,
    #[serde(default)]
    pub presets: Vec<RawPreset>,
}

/// Where the guide's facts come from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawSource {
    pub title: String,
    #[serde(default)]
    pub author: String,
    pub date: String,
    pub credit: String,
}

/// A dated, checkable note from a vendor's documentation.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawNote {
    pub id: String,
    pub as_read: String,
    pub source: String,
    pub text: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub when: Option<RawCond>,
}

/// A heading under which questions are shown.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawGroup {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub refine: bool,
}

/// One question. `type` is `"bool"` (with `yes`/`no`) or `"choice"` (with `options`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawQuestion {
    pub id: String,
    #[serde(default)]
    pub group: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub prompt: String,
    #[serde(default)]
    pub help: String,
    #[serde(default)]
    pub options: Vec<RawOption>,
    #[serde(default)]
    pub yes: Option<RawBoolSide>,
    #[serde(default)]
    pub no: Option<RawBoolSide>,
    pub unanswered: RawUnanswered,
}

/// One option of a choice question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawOption {
    pub value: String,
    pub label: String,
    pub fact: String,
}

/// The `yes` or `no` side of a bool question.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawBoolSide {
    #[serde(default)]
    pub label: Option<String>,
    pub fact: String,
}

/// What an unanswered question means: the value assumed, and why.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawUnanswered {
    pub assume: RawValue,
    pub meaning: String,
}

/// An item of the "you still own" catalogue: its text, or its text and
/// the condition under which it applies (`{"text": ..., "when": COND}`).
#[derive(Debug, Clone)]
pub enum RawResponsibility {
    /// Always applies where a path or advice lists it.
    Text(String),
    /// Applies only where `when` holds, and is in place where `in_place` holds.
    When {
        /// The item in words.
        text: String,
        /// Where it applies.
        when: Option<Box<RawCond>>,
        /// Where the answers say it already exists.
        in_place: Option<Box<RawCond>>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResponsibilityFields {
    text: String,
    #[serde(default)]
    when: Option<RawCond>,
    #[serde(default)]
    in_place: Option<RawCond>,
}

impl<'de> Deserialize<'de> for RawResponsibility {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawResponsibility;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a text, or an object with `text` and an optional `when` and `in_place`",
                )
            }
            fn visit_str<E>(self, v: &str) -> Result<RawResponsibility, E> {
                Ok(RawResponsibility::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawResponsibility, A::Error> {
                let f = RawResponsibilityFields::deserialize(
                    de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(RawResponsibility::When {
                    text: f.text,
                    when: f.when.map(Box::new),
                    in_place: f.in_place.map(Box::new),
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl RawResponsibility {
    /// The item in words.
    pub fn text(&self) -> &str {
        match self {
            RawResponsibility::Text(t) | RawResponsibility::When { text: t, .. } => t,
        }
    }
}

/// A JSON object read in file order, duplicate keys kept so that the
/// compiler can report them (a map type would keep the last silently).
#[derive(Debug, Clone)]
pub struct RawMap<T>(pub Vec<(String, T)>);

impl<T> Default for RawMap<T> {
    fn default() -> Self {
        RawMap(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for RawMap<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = RawMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawMap<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, T>()? {
                    out.push(entry);
                }
                Ok(RawMap(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// One recommended path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawPath {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub use_when: String,
    pub watch_out_for: String,
    pub rule_of_thumb: String,
    pub layer: String,
    #[serde(default)]
    pub you_still_own: Vec<String>,
}

/// A condition, written as one of:
/// `{"q": ID, "is": VALUE}` (VALUE `null` tests "not answered"),
/// `{"fact": NAME}`, `{"path": ID}`, `{"near_path": ID}`, `{"open_near_path": ID}`,
/// `{"advice": ID}`, `{"owns": ID}`, `{"in_place": ID}`,
/// `{"all": [...]}`, `{"any": [...]}`, `{"not": COND}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawCond {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub is: Option<RawValue>,
    #[serde(default)]
    pub fact: Option<String>,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub near_path: Option<String>,
    #[serde(default)]
    pub open_near_path: Option<String>,
    #[serde(default)]
    pub advice: Option<String>,
    #[serde(default)]
    pub owns: Option<String>,
    #[serde(default)]
    pub in_place: Option<String>,
    #[serde(default)]
    pub all: Option<Vec<RawCond>>,
    #[serde(default)]
    pub any: Option<Vec<RawCond>>,
    #[serde(default)]
    pub not: Option<Box<RawCond>>,
}

/// A decision rule: when `when` holds (or always, if absent), the path is `path`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawRule {
    pub id: String,
    #[serde(default)]
    pub when: Option<RawCond>,
    pub path: String,
    pub reason: String,
}

/// Advice collected alongside the decision: a warning or a watch-out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawAdvice {
    pub id: String,
    /// The warning id to report under, when several entries share one.
    #[serde(default)]
    pub warning: Option<String>,
    pub kind: String,
    pub when: RawCond,
    pub text: String,
    #[serde(default)]
    pub adds: Vec<String>,
    /// A conflict between answers or needs (a warning only).
    #[serde(default)]
    pub conflict: bool,
    /// A conflict that leaves no path meeting every hard need (a warning only).
    #[serde(default)]
    pub blocks: bool,
}

/// A property that must hold for every combination of answers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawInvariant {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub when: Option<RawCond>,
    #[serde(default)]
    pub path_is: Option<Vec<String>>,
    #[serde(default)]
    pub path_not: Option<Vec<String>>,
    #[serde(default)]
    pub then: Option<RawCond>,
    #[serde(default)]
    pub answering: Option<RawCond>,
    #[serde(default)]
    pub never: Option<String>,
}

/// A named example with its answers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawPreset {
    pub id: String,
    pub title: String,
    pub answers: RawAnswers,
}

/// Any JSON value, kept only as precisely as validation needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    /// `null`: explicitly not answered.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Str(String),
    /// Anything else, as a short description for error messages (`3`, `an array`).
    Other(String),
}

impl fmt::Display for RawValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawValue::Null => f.write_str("null"),
            RawValue::Bool(b) => write!(f, "{b}"),
            RawValue::Str(s) => f.write_str(&crate::json::excerpt(s)),
            RawValue::Other(d) => f.write_str(d),
        }
    }
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RawValue>, D::Error> {
    RawValue::deserialize(d).map(Some)
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawValueVisitor)
    }
}

struct RawValueVisitor;

impl<'de> Visitor<'de> for RawValueVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_none<E>(self) -> Result<RawValue, E> {
        Ok(RawValue::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
        RawValue::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
        Ok(RawValue::Bool(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
        Ok(RawValue::Str(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Other(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue::Other(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
        // `Display` writes every digit (1e-300 as 302 characters), and
        // error messages quote this: long ones are written as `1e-300`.
        let plain = v.to_string();
        Ok(RawValue::Other(if plain.len() > 24 {
            format!("{v:e}")
        } else {
            plain
        }))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(RawValue::Other("an array".to_owned()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(RawValue::Other("an object".to_owned()))
    }
}

/// An answers object as written: question id to value, in file order.
/// Duplicate keys are kept so that validation can name them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawAnswers(pub Vec<(String, RawValue)>);

impl<'de> Deserialize<'de> for RawAnswers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RawAnswersVisitor)
    }
}

struct RawAnswersVisitor;

impl<'de> Visitor<'de> for RawAnswersVisitor {
    type Value = RawAnswers;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object mapping question ids to answers")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAnswers, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, RawValue>()? {
            out.push((k, v));
        }
        Ok(RawAnswers(out))
    }
}

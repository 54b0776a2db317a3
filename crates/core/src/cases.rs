//! Golden cases (feature `json`): what a team expects its guide to answer
//! for given answers or a preset, and a run of them against a guide.
//!
//! The format is the `[[case]]` tables of `guides/*.cases.toml`; the same
//! structure as JSON (`{"case": [{…}]}`) is its twin, which the studio
//! reads (the browser has no TOML reader). `tests/golden.rs`, `decision-guide
//! diff --cases` and the studio run cases through [`Case::run`], so they
//! agree on what passes.

use serde::Deserialize;
use serde_json::Value;

use crate::model::Guide;
use crate::profile::Profile;
use crate::raw::RawAnswers;

/// A file of golden cases.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cases {
    /// The cases, in file order.
    pub case: Vec<Case>,
}

/// One golden case: a set of answers (or a preset) and what the guide must
/// answer for it. `name`, `expect`, `rule`, `warnings` and `why` are
/// required; `blocked` is always checked (none, when left out); the other
/// fields are checked when given.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// What the case is about (a file's names should be unique: reviews
    /// name cases by it).
    pub name: String,
    /// The preset whose answers the case takes (or `answers`).
    #[serde(default)]
    pub preset: Option<String>,
    /// The answers the case takes (or `preset`).
    #[serde(default)]
    pub answers: Option<RawAnswers>,
    /// The path id expected.
    pub expect: String,
    /// The id of the rule expected to decide.
    pub rule: String,
    /// The warning ids expected, in order.
    pub warnings: Vec<String>,
    /// Whether every question is expected to be answered.
    #[serde(default)]
    pub complete: Option<bool>,
    /// The result's `would_change`, as JSON.
    #[serde(default)]
    pub would_change: Option<Value>,
    /// The result's `unanswered` question ids.
    #[serde(default)]
    pub unanswered: Option<Vec<String>>,
    /// The result's `enough`.
    #[serde(default)]
    pub enough: Option<bool>,
    /// The result's `ask_first` question ids.
    #[serde(default)]
    pub ask_first: Option<Vec<String>>,
    /// The ids of the blocking warnings; a case without it expects none.
    #[serde(default)]
    pub blocked: Vec<String>,
    /// The result's `nearest`, as JSON.
    #[serde(default)]
    pub nearest: Option<Value>,
    /// Why the guide must answer so (the principle the case pins).
    pub why: String,
}

/// One field of a case that came out otherwise than expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The field (`path`, `rule`, `warnings`, …, or `answers` when the
    /// case's answers do not fit the guide).
    pub field: String,
    /// What the case expects, as JSON.
    pub want: String,
    /// What the guide gave, as JSON (or the reason its answers were refused).
    pub got: String,
}

/// A case run against a guide.
#[derive(Debug, Clone)]
pub struct CaseRun {
    /// The case's name.
    pub name: String,
    /// The answers taken, when the guide accepted them.
    pub profile: Option<Profile>,
    /// The result JSON, when the answers were accepted.
    pub result: Option<Value>,
    /// What differs from the expectation: empty when the case passes.
    pub mismatches: Vec<Mismatch>,
}

impl CaseRun {
    /// Whether the guide answered as the case expects.
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

impl Cases {
    /// Reads cases from their JSON twin (`{"case": [...]}`), naming the
    /// place of a mistake.
    pub fn from_json(text: &str) -> Result<Cases, String> {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let at = e.path().to_string();
            format!("the cases are not valid: {}: {}", at, e.into_inner())
        })
    }

    /// Runs every case against `guide`, in order.
    pub fn run(&self, guide: &Guide) -> Vec<CaseRun> {
        self.case.iter().map(|c| c.run(guide)).collect()
    }
}

impl Case {
    /// The answers the case takes, or why `guide` refuses them.
    pub fn profile(&self, guide: &Guide) -> Result<Profile, String> {
        match (&self.preset, &self.answers) {
            (Some(id), None) => guide
                .find_preset(id)
                .map(|p| guide.preset(p).profile().clone())
                .ok_or_else(|| format!("the guide has no preset {id:?}")),
            (None, Some(raw)) => guide.profile(raw).map_err(|e| e.to_string()),
            _ => Err("a case gives exactly one of `preset` and `answers`".to_owned()),
        }
    }

    /// Runs the case against `guide`: every field it states, compared with
    /// the result JSON.
    pub fn run(&self, guide: &Guide) -> CaseRun {
        let mut run = CaseRun {
            name: self.name.clone(),
            profile: None,
            result: None,
            mismatches: Vec::new(),
        };
        let profile = match self.profile(guide) {
            Ok(p) => p,
            Err(why) => {
                run.mismatches.push(Mismatch {
                    field: "answers".to_owned(),
                    want: "answers this guide accepts".to_owned(),
                    got: why,
                });
                return run;
            }
        };
        let explanation = guide.evaluate(&profile);
        let json: Value = serde_json::from_str(&explanation.to_json()).unwrap_or(Value::Null);
        let mut expect = |field: &str, want: Value, got: &Value| {
            if want != *got {
                run.mismatches.push(Mismatch {
                    field: field.to_owned(),
                    want: want.to_string(),
                    got: got.to_string(),
                });
            }
        };
        expect("path", Value::from(self.expect.clone()), &json["path"]);
        expect(
            "rule",
            Value::from(self.rule.clone()),
            &json["reasons"][0]["rule"],
        );
        let warnings: Vec<Value> = json["warnings"]
            .as_array()
            .map(|w| w.iter().map(|w| w["id"].clone()).collect())
            .unwrap_or_default();
        expect(
            "warnings",
            Value::from(self.warnings.clone()),
            &Value::from(warnings),
        );
        if let Some(complete) = self.complete {
            expect("complete", Value::from(complete), &json["complete"]);
        }
        if let Some(wc) = &self.would_change {
            expect("would_change", wc.clone(), &json["would_change"]);
        }
        if let Some(un) = &self.unanswered {
            expect("unanswered", Value::from(un.clone()), &json["unanswered"]);
        }
        if let Some(enough) = self.enough {
            expect("enough", Value::from(enough), &json["enough"]);
        }
        if let Some(ask) = &self.ask_first {
            expect("ask_first", Value::from(ask.clone()), &json["ask_first"]);
        }
        expect(
            "blocked",
            Value::from(self.blocked.clone()),
            &json["blocked"],
        );
        if let Some(nearest) = &self.nearest {
            expect("nearest", nearest.clone(), &json["nearest"]);
        }
        run.profile = Some(profile);
        run.result = Some(json);
        run
    }
}

//! What the guide studio's worker calls in its own wasm (feature `studio`,
//! the custom-guides engine without the widget): the core's `inspect`
//! (errors, proof, golden cases) and `review` (the decision diff), each as
//! JSON text. The same functions print
//! `decision-guide check --format json` and `decision-guide diff --format
//! json`, so the studio and the CLI report the same findings.

use decision_guide_core::{inspect, review, Cases};
use wasm_bindgen::prelude::*;

/// How many example combinations the studio shows a finding.
const EXAMPLES: usize = 5;

/// The cases text (their JSON twin), or none for an empty text.
fn cases(text: &str) -> Option<Result<Cases, String>> {
    (!text.trim().is_empty()).then(|| Cases::from_json(text))
}

/// A guide's text inspected: `{errors, proof, cases, casesError}` (see
/// `decision_guide_core::inspect`).
#[wasm_bindgen]
pub fn studio_check(text: &str, cases_text: &str) -> String {
    inspect(text, cases(cases_text), EXAMPLES).to_string()
}

/// The review of the edit from `old` to `new` (guide texts), with the
/// cases run on both: the JSON of `decision-guide diff --format json`, or
/// `{"error": "…"}` when it cannot be made.
#[wasm_bindgen]
pub fn studio_diff(old: &str, new: &str, cases_text: &str) -> String {
    let cases = match cases(cases_text) {
        Some(Ok(c)) => Some(c),
        Some(Err(e)) => return serde_json::json!({ "error": e }).to_string(),
        None => None,
    };
    match review(old, new, cases.as_ref()) {
        Ok(r) => r.to_json(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

/// Does nothing; `main` calls it so that the linker keeps this module, and
/// with it the exports above, in the binary.
pub fn link() {}

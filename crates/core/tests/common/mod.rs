//! Helpers the core's tests share: the built-in guide as a JSON value to
//! break on purpose, and the position of an entry found by its id.

use decision_guide_core::BUILTIN_GUIDE_JSON;
use serde_json::Value;

/// The built-in guide as a JSON value.
pub fn builtin_value() -> Value {
    serde_json::from_str(BUILTIN_GUIDE_JSON).expect("built-in guide is JSON")
}

/// The position of the entry with this id in `list` (rules, advice, …).
pub fn position(g: &Value, list: &str, id: &str) -> usize {
    g[list]
        .as_array()
        .expect("list")
        .iter()
        .position(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {list} entry {id}"))
}

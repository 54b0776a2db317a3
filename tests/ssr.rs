//! The components render on the host (yew SSR), as the build's pre-render
//! does: the static guide has every question, the comparison table and the
//! rule of thumb, with nothing to click yet; a live state renders its
//! recommendation. Native only.
#![cfg(not(target_arch = "wasm32"))]

use decision_guide_core::{builtin, Profile};

/// Renders the app for the static state, or made live with `start` answers.
fn render(start: Option<Profile>) -> String {
    decision_guide::host::render_on_host(start)
}

#[test]
fn the_static_guide_renders_on_the_host() {
    let html = render(None);
    let g = builtin();
    for q in g.questions() {
        assert!(
            html.contains(&format!("data-question=\"{}\"", q.id())),
            "question {}",
            q.id()
        );
    }
    assert!(html.contains("<table>"), "comparison table");
    for p in g.paths() {
        assert!(
            html.contains(p.rule_of_thumb()),
            "rule of thumb for {}",
            p.id()
        );
        assert!(html.contains(p.use_when()), "table row for {}", p.id());
    }
    // Not live yet: every control but the answers is disabled until the
    // wasm takes over; the radio buttons take answers before it (the
    // element keeps them for the live guide).
    assert!(html.contains("data-live=\"false\""));
    assert!(html.matches("type=\"radio\"").count() > g.questions().len() * 2);
    let controls =
        html.matches("class=\"dg-try\"").count() + html.matches("class=\"dg-copy\"").count() + 2; // the preset picker and the reset button
    assert_eq!(
        html.matches("disabled=\"disabled\"").count(),
        controls,
        "every control but the answers is disabled"
    );
}

#[test]
fn a_live_state_renders_its_recommendation() {
    let g = builtin();
    let p = g.find_preset("invoice-approval").expect("preset");
    let p = g.preset(p).profile().clone();
    let html = render(Some(p));
    assert!(html.contains("data-live=\"true\""));
    assert!(
        html.contains("<tr data-path=\"managed-agents\" data-recommended=\"true\""),
        "{html}"
    );
    assert!(html.contains("data-warning=\"preview-limits\""));
    assert!(!html.contains("disabled"), "nothing is disabled once live");
}

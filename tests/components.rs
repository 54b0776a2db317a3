//! Component tests in headless Chromium (wasm-bindgen-test): the yew `App`
//! rendered from a store and clicked like a person would, and the widget
//! API the element calls (`element::mount`): start, results, errors,
//! Markdown, and apps reused from the pool rather than leaked.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use decision_guide::components::app::{App, AppProps};
use decision_guide::element::{self, builtin_guide};
use decision_guide::state::{Action, SharedGuide};
use decision_guide::store::Store;
use js_sys::{Array, Function};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew's scheduler render.
async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Waits until `cond` holds (yew renders on its own schedule), failing
/// with `what` after two seconds.
async fn until(what: &str, cond: impl Fn() -> bool) {
    for _ in 0..200 {
        if cond() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}");
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn fresh_div() -> Element {
    let div = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .get_attribute(name)
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).expect("query").length()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Mounts the app on a fresh store; returns its root and the store.
async fn mount_app() -> (Element, Store) {
    let store = Store::new(SharedGuide::builtin());
    let root = fresh_div();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            store: store.clone(),
            on_copy: Default::default(),
            can_link: false,
        },
    )
    .render();
    tick().await;
    (root, store)
}

/// Starts the guide with no answers, as the element does, and lets it render.
async fn go_live(store: &Store) {
    let empty = store.state().guide.empty_profile();
    store.dispatch(Action::Start {
        profile: empty,
        error: None,
        label: "Decision guide".into(),
    });
    tick().await;
}

#[wasm_bindgen_test]
async fn the_static_guide_renders_then_goes_live() {
    let (root, store) = mount_app().await;
    let questions = builtin_guide().questions().len() as u32;
    assert_eq!(count(&root, "fieldset.dg-q"), questions);
    assert_eq!(
        count(&root, "fieldset[data-question=shape] input[type=radio]"),
        3
    );
    assert_eq!(count(&root, "tbody tr[data-path]"), 3);
    assert_eq!(attr(&root, ".dg", "data-live").as_deref(), Some("false"));
    // Answers are taken before the wasm (the element keeps them for the
    // live guide); every other control waits for it.
    assert_eq!(count(&root, "input:disabled"), 0, "answers can be picked");
    assert!(count(&root, "select:disabled, button:disabled") >= 2);
    go_live(&store).await;
    assert_eq!(attr(&root, ".dg", "data-live").as_deref(), Some("true"));
    assert_eq!(count(&root, "select:disabled, button:disabled"), 0);
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("direct-api")
    );
    assert!(root
        .query_selector("[aria-live=polite] .dg-path-name")
        .expect("q")
        .is_some());
}

#[wasm_bindgen_test]
async fn clicking_an_answer_re_evaluates_and_renders_the_explanation() {
    let (root, store) = mount_app().await;
    go_live(&store).await;
    assert_eq!(count(&root, "input:disabled"), 0, "live");
    click(&root, "#dg-aws_controls-1");
    tick().await;
    let checked = root
        .query_selector("#dg-aws_controls-1")
        .expect("q")
        .expect("input")
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked();
    assert!(checked, "the radio is checked");
    assert_eq!(store.state().explanation.path_id, "bedrock-models");
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("bedrock-models")
    );
    assert_eq!(
        attr(&root, ".dg-thumb li[data-recommended=true]", "data-path").as_deref(),
        Some("bedrock-models")
    );
    assert_eq!(
        attr(&root, ".dg-reason", "data-rule").as_deref(),
        Some("aws-governance")
    );
    let reason = root
        .query_selector(".dg-reason")
        .expect("q")
        .expect("reason")
        .text_content()
        .unwrap_or_default();
    assert!(
        reason.contains("security requires AWS-native controls"),
        "{reason}"
    );
    // "Try" applies a would-change answer with one click.
    click(&root, ".dg-changes li[data-question=aws_controls] button");
    until("the change applies", || {
        store.state().explanation.path_id == "direct-api"
    })
    .await;
    until("the table follows", || {
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref() == Some("direct-api")
    })
    .await;
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("direct-api")
    );
}

/// A JS function that does nothing (the element's clipboard, here).
fn noop() -> Function {
    Function::new_no_args("")
}

/// The element's swap, at its simplest: the rendered root for the old one.
fn swap() -> Function {
    Function::new_with_args("old, next", "old.replaceWith(next)")
}

/// A shadow root with an (empty) pre-render root, as the element makes.
fn shadow_root() -> (Element, Element) {
    let host = fresh_div();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .expect("shadow");
    let root = document().create_element("div").expect("div");
    root.set_class_name("dg-root");
    shadow.append_child(&root).expect("append");
    (host, root)
}

#[wasm_bindgen_test]
async fn the_widget_starts_reports_and_returns_its_app_to_the_pool() {
    let changes = Rc::new(RefCell::new(Vec::<String>::new()));
    let changed: Function = {
        let changes = changes.clone();
        Closure::<dyn Fn()>::new(move || {
            changes.borrow_mut().push("changed".to_owned());
        })
        .into_js_value()
        .unchecked_into()
    };
    let (host, root) = shadow_root();
    let widget = element::mount(root, swap(), changed.clone(), noop(), false);
    let entries = Array::of4(
        &"shape".into(),
        &"multi_step".into(),
        &"tools_actions".into(),
        &true.into(),
    );
    widget.start(1, None, Some(entries), None, None);
    tick().await;
    let shadow = host.shadow_root().expect("shadow");
    assert_eq!(
        shadow
            .query_selector(".dg")
            .expect("q")
            .expect("rendered")
            .get_attribute("data-live")
            .as_deref(),
        Some("true")
    );
    assert!(
        widget.result_json().starts_with(r#"{"path":"direct-api""#),
        "{}",
        widget.result_json()
    );
    assert_eq!(changes.borrow().len(), 1, "one change: going live");

    // Bad answers: an error that names the key, shown in the widget; the
    // answers stay as they were.
    let bad = Array::of2(&"tools_actions".into(), &"yes".into());
    let error = widget
        .set_answers(bad, "answers property")
        .expect("refused");
    assert!(
        error.contains(r#"question "tools_actions": expected true, false or null, got "yes""#),
        "{error}"
    );
    tick().await;
    assert!(shadow.query_selector("[role=alert]").expect("q").is_some());
    assert_eq!(changes.borrow().len(), 1, "refused answers change nothing");

    // The record is the CLI's record.
    let state_md = widget.markdown();
    assert!(state_md.starts_with("# Decision record: "), "{state_md}");

    // Dropping the widget keeps its app for the next one: no new listeners.
    drop(widget);
    tick().await;
    assert!(
        shadow.query_selector(".dg").expect("q").is_none(),
        "the app left this shadow root"
    );
    let (host2, root2) = shadow_root();
    let again = element::mount(root2, swap(), changed, noop(), false);
    again.start(1, None, None, None, None);
    tick().await;
    let shadow2 = host2.shadow_root().expect("shadow");
    assert!(
        shadow2
            .query_selector(".dg[data-live=true]")
            .expect("q")
            .is_some(),
        "the pooled app renders here"
    );
    assert!(again.result_json().contains(r#""complete":false"#));
    assert_eq!(
        again
            .answers()
            .unchecked_into::<js_sys::Object>()
            .to_string(),
        "[object Object]"
    );
    drop(again);
    host.remove();
    host2.remove();
}

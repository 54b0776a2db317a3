//! Component tests in headless Chromium (wasm-bindgen-test): the yew `App`
//! rendered from the built-in guide, clicked like a person would, and the
//! `<decision-guide>` element with its attribute, properties and event.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use decision_guide::components::app::{App, AppProps};
use decision_guide::element;
use decision_guide::state::SharedGuide;
use decision_guide_core::Outcome;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew's scheduler render.
async fn tick() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
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

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Mounts the app with no answers; returns its root and the results it reports.
async fn mount_app() -> (Element, Rc<RefCell<Vec<Rc<Outcome>>>>) {
    let guide = element::load_builtin().expect("built-in guide loads in the browser");
    let seen = Rc::new(RefCell::new(Vec::new()));
    let root = fresh_div();
    let props = AppProps {
        guide: SharedGuide(guide.clone()),
        uid: "t1".into(),
        label: "Decision guide".into(),
        initial: guide.empty_profile(),
        error: None,
        on_change: {
            let seen = seen.clone();
            yew::Callback::from(move |(_, o)| seen.borrow_mut().push(o))
        },
        remote: Default::default(),
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    tick().await;
    (root, seen)
}

#[wasm_bindgen_test]
async fn renders_every_question_path_and_the_provisional_state() {
    let (root, seen) = mount_app().await;
    let questions = root.query_selector_all("fieldset.dg-q").expect("query");
    assert_eq!(questions.length(), 13);
    // Each question: its options plus "Not sure", as real radios with labels.
    assert_eq!(
        root.query_selector_all("fieldset[data-question=shape] input[type=radio]")
            .expect("q")
            .length(),
        3
    );
    assert!(root
        .query_selector("label[for=t1-shape-0]")
        .expect("q")
        .is_some());
    assert_eq!(
        root.query_selector_all("tbody tr[data-path]")
            .expect("q")
            .length(),
        3
    );
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("direct-api")
    );
    assert!(root
        .query_selector(".dg-badge-provisional")
        .expect("q")
        .is_some());
    assert!(root
        .query_selector("[aria-live=polite] .dg-path-name")
        .expect("q")
        .is_some());
    assert_eq!(
        seen.borrow().len(),
        1,
        "the first render reports its result"
    );
}

#[wasm_bindgen_test]
async fn clicking_an_answer_re_evaluates_and_renders_the_trace() {
    let (root, seen) = mount_app().await;
    click(&root, "#t1-aws_controls-1");
    tick().await;
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("bedrock-models")
    );
    assert_eq!(
        attr(&root, ".dg-thumb li[data-recommended=true]", "data-path").as_deref(),
        Some("bedrock-models")
    );
    // The reason is rendered from the trace: its rule, and the answer it cites.
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
    let last = seen.borrow().last().cloned().expect("reported");
    assert_eq!(last.path, "bedrock-models");
    // "Try" applies a would-change answer with one click: only the AWS
    // answers can move this one, each back to the direct API.
    assert_eq!(
        attr(&root, ".dg-changes li", "data-question").as_deref(),
        Some("aws_controls")
    );
    click(&root, ".dg-changes li[data-question=aws_controls] button");
    tick().await;
    assert_eq!(
        attr(&root, "tr[data-recommended=true]", "data-path").as_deref(),
        Some("direct-api")
    );
    assert_eq!(seen.borrow().last().expect("reported").path, "direct-api");
}

#[wasm_bindgen_test]
async fn the_element_takes_answers_and_reports_results_and_events() {
    element::start();
    element::start(); // defining twice is harmless
    let host = document()
        .create_element("decision-guide")
        .expect("element");
    host.set_attribute("answers", r#"{"shape": "multi_step", "app_owns_control": false, "tools_actions": true, "audit_actions": true}"#)
        .expect("attribute");
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let listener = {
        let events = events.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let path = Reflect::get(&e.detail(), &"path".into())
                .ok()
                .and_then(|p| p.as_string());
            events.borrow_mut().push(path.unwrap_or_default());
        })
    };
    document()
        .add_event_listener_with_callback("decision-change", listener.as_ref().unchecked_ref())
        .expect("listen");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    tick().await;

    let shadow = host.shadow_root().expect("open shadow root");
    let inner: Element = shadow
        .query_selector(".dg")
        .expect("q")
        .expect("rendered in the shadow root");
    assert_eq!(
        inner.get_attribute("data-path").as_deref(),
        Some("managed-agents")
    );
    let result = Reflect::get(&host, &"result".into()).expect("result");
    assert_eq!(
        Reflect::get(&result, &"path".into())
            .expect("path")
            .as_string()
            .as_deref(),
        Some("managed-agents")
    );
    assert_eq!(
        events.borrow().as_slice(),
        ["managed-agents"],
        "event bubbled out of the shadow root"
    );

    // A bad answers attribute shows an error and keeps the widget usable.
    host.set_attribute("answers", r#"{"shape": "sideways"}"#)
        .expect("attribute");
    tick().await;
    let alert = shadow
        .query_selector("[role=alert]")
        .expect("q")
        .expect("error shown");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("unknown option \"sideways\""));
    assert_eq!(
        Reflect::get(
            &Reflect::get(&host, &"result".into()).expect("r"),
            &"path".into()
        )
        .expect("p")
        .as_string()
        .as_deref(),
        Some("managed-agents")
    );

    host.remove();
    tick().await;
    document()
        .remove_event_listener_with_callback("decision-change", listener.as_ref().unchecked_ref())
        .expect("unlisten");
}

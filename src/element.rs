//! What the `<decision-guide>` element (in `element.js`) calls in the wasm:
//! [`mount`] makes a [`Widget`] for one element's shadow root, and the
//! widget's methods read and change its one [`Store`].
//!
//! yew never removes the event listeners it puts on an app's root element,
//! so an app destroyed with its element would leak them (and the element).
//! Instead, a widget that is dropped puts its app in a pool, and the next
//! element mounted takes it from there: listeners, DOM and wasm memory stay
//! bounded by the most widgets ever on the page at once.

use std::cell::RefCell;
use std::rc::Rc;

use decision_guide_core::{builtin, text, Guide, RawAnswers, RawValue, Record};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::components::app::{App, AppProps};
use crate::state::{Action, Copied, CopyKind, SharedGuide, State};
use crate::store::Store;

/// A mounted app and its root element, kept for the next element.
struct Pooled {
    app: yew::AppHandle<App>,
    root: Element,
}

thread_local! {
    static POOL: RefCell<Vec<Pooled>> = const { RefCell::new(Vec::new()) };
}

/// One mounted widget, as the element sees it.
#[wasm_bindgen]
pub struct Widget {
    store: Store,
    app: Option<yew::AppHandle<App>>,
    root: Element,
    /// The element's clipboard function: held here, not by the app, so
    /// that a pooled app keeps no way back to an element that has gone.
    copy: Rc<RefCell<Option<Function>>>,
}

/// Mounts a widget in place of `root`, the element inside the shadow root
/// that holds the pre-rendered guide (or nothing): a pooled app if there is
/// one, or a new one. The app renders into an element of its own, which
/// replaces `root` in one step once it has rendered: the guide becomes
/// live in place, with no flash, without yew's hydration (19 KB gzip) and
/// with one render (the element calls [`Widget::start`] right after this,
/// before the first render runs). The element does the swap: `swap(old,
/// new)` is called once the new root has rendered, so that it can carry
/// over what the reader had (focus, open details, a selection). `changed`
/// is called (with no arguments) after every change of answers.
///
/// `copy(kind, text)` is the element's clipboard: `kind` is `"markdown"`
/// (the text is the record) or `"link"` (the text is the permalink
/// fragment value, which the element turns into a URL); it reports back
/// with [`Widget::copied`]. `can_link` says whether the element keeps its
/// answers in the URL fragment, so that a link can reopen them.
#[wasm_bindgen]
pub fn mount(
    root: Element,
    swap: Function,
    changed: Function,
    copy: Function,
    can_link: bool,
) -> Widget {
    mount_guide(root, SharedGuide::builtin(), swap, changed, copy, can_link)
}

/// Mounts a widget running a team's own guide, handed over as the text of
/// the guide file: read and compiled by the same `parse_guide` as
/// `decision-guide check` (the same limits, errors and JSON paths), then
/// proven. A guide with problems, or one that breaks a promise, is not
/// shown as advice: the error is `{lead, problems}`, each problem worded
/// as `check` words it, for the element to show.
#[cfg(feature = "custom-guides")]
#[wasm_bindgen]
pub fn mount_with_guide(
    root: Element,
    text: &str,
    swap: Function,
    changed: Function,
    copy: Function,
    can_link: bool,
) -> Result<Widget, JsValue> {
    let refuse = |lead: &str, problems: Vec<String>| -> JsValue {
        let out = Object::new();
        let _ = Reflect::set(&out, &"lead".into(), &lead.into());
        let list: Array = problems.into_iter().map(JsValue::from).collect();
        let _ = Reflect::set(&out, &"problems".into(), &list);
        out.into()
    };
    let guide = decision_guide_core::parse_guide(text).map_err(|errors| {
        refuse(
            text::GUIDE_INVALID,
            errors.iter().map(ToString::to_string).collect(),
        )
    })?;
    let report = guide
        .check(1)
        .map_err(|e| refuse(text::GUIDE_UNPROVEN, vec![e.to_string()]))?;
    if !report.passed() {
        let problems = report
            .failures
            .iter()
            .map(|f| {
                let heading = decision_guide_core::failure_heading(&f.check, &f.text, f.count);
                match f.examples.first() {
                    Some((profile, detail)) => {
                        format!(
                            "{heading}: {}",
                            guide.example_line(&f.check, profile, detail)
                        )
                    }
                    None => heading,
                }
            })
            .collect();
        return Err(refuse(text::GUIDE_NOT_SOUND, problems));
    }
    Ok(mount_guide(
        root,
        SharedGuide::own(guide),
        swap,
        changed,
        copy,
        can_link,
    ))
}

fn mount_guide(
    root: Element,
    guide: SharedGuide,
    swap: Function,
    changed: Function,
    copy: Function,
    can_link: bool,
) -> Widget {
    let store = Store::new(guide);
    // Only a signal: the element asks for the result (and the permalink)
    // when it needs them, after the render, so an answer reaches the DOM
    // before any JSON is written.
    store.on_change(Some(yew::Callback::from(move |_: Rc<State>| {
        let _ = changed.call0(&JsValue::NULL);
    })));
    let copy = Rc::new(RefCell::new(Some(copy)));
    let on_copy = {
        let store = store.clone();
        let copy = copy.clone();
        yew::Callback::from(move |kind: CopyKind| {
            let Some(copy) = copy.borrow().clone() else {
                return;
            };
            let state = store.state();
            let (name, text) = match kind {
                CopyKind::Markdown => ("markdown", markdown(&state)),
                CopyKind::Link => ("link", state.guide.permalink(&state.profile)),
            };
            let _ = copy.call2(&JsValue::NULL, &name.into(), &text.into());
        })
    };
    let props = AppProps {
        store: store.clone(),
        on_copy,
        can_link,
    };
    let (app, own) = match POOL.with(|p| p.borrow_mut().pop()) {
        Some(Pooled { mut app, root: own }) => {
            app.update(props);
            (app, own)
        }
        None => {
            let own = root
                .owner_document()
                .and_then(|d| d.create_element("div").ok())
                .unwrap_or_else(|| root.clone());
            own.set_class_name("dg-root");
            let app = yew::Renderer::<App>::with_root_and_props(own.clone(), props).render();
            (app, own)
        }
    };
    if own != root {
        let (old, new) = (root.clone(), own.clone());
        store.when_mounted(move |_| {
            let _ = swap.call2(&JsValue::NULL, &old, &new);
        });
    }
    let root = own;
    Widget {
        store,
        app: Some(app),
        root,
        copy,
    }
}

/// An answers object handed over as `[key, value, key, value, …]` (the
/// element flattens what `JSON.parse` or the page gave it).
fn raw_answers(entries: &Array) -> RawAnswers {
    let mut out = Vec::new();
    let mut it = entries.iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        let value = if v.is_null() || v.is_undefined() {
            RawValue::Null
        } else if let Some(b) = v.as_bool() {
            RawValue::Bool(b)
        } else if let Some(s) = v.as_string() {
            RawValue::Str(s)
        } else {
            // The element describes anything else as `{other: "…"}`
            // (`3`, `an array`): formatting numbers here would cost the
            // wasm a float printer.
            let other = Reflect::get(&v, &"other".into())
                .ok()
                .and_then(|o| o.as_string());
            RawValue::Other(other.unwrap_or_else(|| "an object".to_owned()))
        };
        out.push((k.as_string().unwrap_or_default(), value));
    }
    RawAnswers(out)
}

#[wasm_bindgen]
impl Widget {
    /// Takes over: the starting answers (from the permalink fragment, which
    /// wins, or the `answers` entries, which came from `what`: the
    /// attribute or the property), a problem the element found with them,
    /// and which guide on the page this is (from 1, for its landmark
    /// label). Makes the guide live. Returns whether the starting answers
    /// were taken without a problem.
    pub fn start(
        &self,
        instance: u32,
        permalink: Option<String>,
        entries: Option<Array>,
        what: Option<String>,
        problem: Option<String>,
    ) -> bool {
        let what = what.unwrap_or_else(|| "answers attribute".to_owned());
        let guide = self.guide();
        let start = match (permalink, entries) {
            (Some(link), _) => guide.from_permalink(&link).map_err(|e| e.to_string()),
            (None, Some(entries)) => guide
                .profile(&raw_answers(&entries))
                .map_err(|e| format!("in the {what}: {e}")),
            (None, None) => Ok(guide.empty_profile()),
        };
        let (profile, error) = match (start, problem) {
            (_, Some(problem)) => (guide.empty_profile(), Some(problem)),
            (Ok(p), None) => (p, None),
            (Err(e), None) => (guide.empty_profile(), Some(e)),
        };
        if let Some(e) = &error {
            web_sys::console::error_1(&format!("decision-guide: {e}").into());
        }
        // At once: the app's first render (swapped in for the static
        // guide when it is done) is then already the live one.
        let clean = error.is_none();
        self.store.dispatch(Action::Start {
            profile,
            error,
            label: text::landmark(instance).into(),
        });
        clean
    }

    /// Gives an answer the reader picked in the pre-render before the wasm
    /// arrived: the question's id and the radio button's value (the
    /// option's position from 1, or 0 for "Not sure"). Returns whether
    /// the guide has that question and option; one it has not (a page
    /// script changed the markup) is left out.
    pub fn answer_code(&self, question: &str, code: u32) -> bool {
        let guide = self.guide();
        let Some(q) = guide.find_question(question) else {
            return false;
        };
        let answer = match code.checked_sub(1) {
            None => None,
            Some(i) => match guide.question(q).option_ids().nth(i as usize) {
                Some((o, _)) => Some(o),
                None => return false,
            },
        };
        self.store.dispatch(Action::Answer { q, answer });
        true
    }

    /// The current result JSON (the contract's result shape).
    pub fn result_json(&self) -> String {
        self.store.state().explanation.to_json()
    }

    /// The current answers as a plain object (unanswered questions left out).
    pub fn answers(&self) -> JsValue {
        let state = self.store.state();
        let map = Object::new();
        for (q, o) in state.profile.answers() {
            let value = match state.guide.option(q, o).value() {
                decision_guide_core::AnswerValue::Bool(b) => JsValue::from(*b),
                decision_guide_core::AnswerValue::Choice(c) => JsValue::from(&**c),
            };
            let _ = Reflect::set(&map, &state.guide.question(q).id().into(), &value);
        }
        map.into()
    }

    /// Replaces the answers; returns the error, if any, after showing it
    /// in the widget and the console. `what` names the input in messages.
    pub fn set_answers(&self, entries: Array, what: &str) -> Option<String> {
        match self.guide().profile(&raw_answers(&entries)) {
            Ok(profile) => {
                self.store.dispatch(Action::Replace(profile));
                None
            }
            Err(e) => Some(self.report(&format!("in the {what}: {e}"))),
        }
    }

    /// Shows a problem with input from outside (the widget and the console)
    /// and returns it.
    pub fn report(&self, message: &str) -> String {
        web_sys::console::error_1(&format!("decision-guide: {message}").into());
        self.store.dispatch(Action::Error(message.to_owned()));
        message.to_owned()
    }

    /// The decision record in Markdown, as `decision-guide classify
    /// --format markdown` prints it.
    pub fn markdown(&self) -> String {
        markdown(&self.store.state())
    }

    /// What a copy did: `kind` is "markdown" or "link"; `by_hand` is the
    /// text when the browser refused the clipboard.
    pub fn copied(&self, kind: &str, by_hand: Option<String>) {
        let kind = if kind == "link" {
            CopyKind::Link
        } else {
            CopyKind::Markdown
        };
        self.store
            .dispatch(Action::Copied(Copied { kind, by_hand }));
    }

    /// The permalink fragment value of the current answers.
    pub fn permalink(&self) -> String {
        let state = self.store.state();
        state.guide.permalink(&state.profile)
    }

    fn guide(&self) -> SharedGuide {
        self.store.state().guide.clone()
    }
}

impl Drop for Widget {
    /// Leaves the app for the next element (see the module docs).
    fn drop(&mut self) {
        self.store.on_change(None);
        self.store.forget_mount();
        self.copy.borrow_mut().take();
        self.root.remove();
        if let Some(app) = self.app.take() {
            POOL.with(|p| {
                p.borrow_mut().push(Pooled {
                    app,
                    root: self.root.clone(),
                })
            });
        }
    }
}

/// The decision record of a state: the same text as `decision-guide
/// classify --format markdown` prints for these answers (titled by the
/// preset while one is loaded, as `--preset` does).
fn markdown(state: &State) -> String {
    // The reducer loads only presets of this state's guide.
    let title = match state.preset {
        Some(p) => state.guide.preset(p).title().to_owned(),
        None => text::RECORD_TITLE.to_owned(),
    };
    state.guide.markdown_record(
        &Record {
            title,
            profile: &state.profile,
            explanation: &state.explanation,
        },
        1,
    )
}

/// The guide every widget runs, for tests.
pub fn builtin_guide() -> &'static Guide {
    builtin()
}

/// Does nothing; `main` calls it so that the linker keeps this module, and
/// with it the exports above, in the binary.
pub fn link() {}

//! `<decision-guide>`: the custom element around the yew app.
//!
//! The element class itself is a few lines of JavaScript (a class must
//! `extend HTMLElement`, which Rust cannot write); everything it does is a
//! call into the [`Widget`] made here. Each element gets an open shadow root
//! with the widget's stylesheet adopted into it, so host-page CSS cannot
//! reach in and the widget's CSS cannot leak out.

use std::cell::RefCell;
use std::rc::Rc;

use decision_guide_core::{Guide, Outcome, Profile, RawAnswers, RawGuide};
use js_sys::{Array, Function, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRoot};

use crate::components::app::{App, AppProps, Remote};
use crate::state::{Action, SharedGuide};

/// The widget's one stylesheet.
const CSS: &str = include_str!("widget.css");

#[wasm_bindgen(inline_js = r#"
export function define_element(mount) {
  if (customElements.get('decision-guide')) return;
  let count = 0;
  class DecisionGuide extends HTMLElement {
    static get observedAttributes() { return ['answers']; }
    connectedCallback() {
      if (this._widget) return;
      // A property set before the element was upgraded shadows the accessor.
      if (Object.prototype.hasOwnProperty.call(this, 'answers')) {
        this._pending = this.answers;
        delete this.answers;
      }
      if (!this._n) this._n = ++count;
      const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
      shadow.replaceChildren();
      const notify = (result) => this.dispatchEvent(
        new CustomEvent('decision-change', { detail: result, bubbles: true, composed: true }));
      this._widget = mount(shadow, this, this._n, notify);
      if (this._pending !== undefined) {
        const value = this._pending;
        this._pending = undefined;
        this.answers = value;
      }
    }
    disconnectedCallback() {
      // Moving an element disconnects and reconnects it: free it only once it stays out.
      queueMicrotask(() => {
        if (!this.isConnected && this._widget) {
          this._widget.destroy();
          this._widget.free();
          this._widget = null;
        }
      });
    }
    attributeChangedCallback(name, _old, value) {
      if (this._widget && name === 'answers') this._widget.set_answers_attr(value);
    }
    get result() { return this._widget ? this._widget.result() : null; }
    get answers() { return this._widget ? this._widget.answers() : (this._pending ?? {}); }
    set answers(value) {
      if (!this._widget) { this._pending = value; return; }
      const error = this._widget.set_answers(value);
      if (error) throw new TypeError(error);
    }
  }
  customElements.define('decision-guide', DecisionGuide);
}
"#)]
extern "C" {
    fn define_element(mount: &Closure<dyn Fn(ShadowRoot, Element, u32, Function) -> JsValue>);
}

thread_local! {
    static GUIDE: Result<Rc<Guide>, String> = load_builtin();
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The built-in guide, parsed by the browser's `JSON.parse` (the wasm
/// carries no JSON parser of its own) and compiled by the core.
pub fn load_builtin() -> Result<Rc<Guide>, String> {
    let value = JSON::parse(decision_guide_core::BUILTIN_GUIDE_JSON)
        .map_err(|e| format!("built-in guide is not JSON: {}", js_text(&e)))?;
    let raw: RawGuide = serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())?;
    Guide::from_raw(&raw).map(Rc::new).map_err(|errors| {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Defines `<decision-guide>` (harmless if it is already defined).
pub fn start() {
    let mount = Closure::wrap(
        Box::new(mount) as Box<dyn Fn(ShadowRoot, Element, u32, Function) -> JsValue>
    );
    define_element(&mount);
    // The element class keeps calling it for the life of the page.
    mount.forget();
}

/// The text of a thrown JS value (an `Error`'s message, or its string form).
fn js_text(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn adopt_stylesheet(shadow: &ShadowRoot) {
    SHEET.with(|sheet| {
        let mut sheet = sheet.borrow_mut();
        if sheet.is_none() {
            if let Ok(s) = CssStyleSheet::new() {
                if s.replace_sync(CSS).is_ok() {
                    *sheet = Some(s);
                }
            }
        }
        if let Some(s) = sheet.as_ref() {
            let _ = Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(s));
        }
    });
}

/// One mounted widget, as the element sees it.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
    remote: Remote,
    guide: Rc<Guide>,
    latest: Rc<RefCell<(Profile, Rc<Outcome>)>>,
}

/// Reads answers from JSON text: the browser parses, the core validates.
fn answers_from_text(guide: &Guide, text: &str, what: &str) -> Result<Profile, String> {
    let value = JSON::parse(text)
        .map_err(|e| format!("the {what} is not valid JSON ({}): {text}", js_text(&e)))?;
    answers_from_value(guide, value, what)
}

fn answers_from_value(guide: &Guide, value: JsValue, what: &str) -> Result<Profile, String> {
    if !value.is_object() || Array::is_array(&value) {
        return Err(format!(
            "the {what} must be a JSON object of question ids to answers"
        ));
    }
    let raw: RawAnswers = serde_wasm_bindgen::from_value(value)
        .map_err(|e| format!("the {what} could not be read: {e}"))?;
    guide
        .profile(&raw)
        .map_err(|e| format!("in the {what}: {e}"))
}

/// The permalink key for this element: its `id`, or `dg`.
fn permalink_key(host: &Element) -> Option<String> {
    host.has_attribute("permalink").then(|| {
        let id = host.id();
        if id.is_empty() {
            "dg".to_owned()
        } else {
            id
        }
    })
}

fn hash_value(key: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=').map(str::to_owned))
}

fn set_hash_value(key: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let mut pairs: Vec<String> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(&format!("{key}=")))
        .map(str::to_owned)
        .collect();
    pairs.push(format!("{key}={value}"));
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&format!("#{}", pairs.join("&"))),
        );
    }
}

/// Mounts a widget into `shadow` for the element `host`.
fn mount(shadow: ShadowRoot, host: Element, n: u32, notify: Function) -> JsValue {
    let guide = match GUIDE.with(Clone::clone) {
        Ok(g) => g,
        Err(message) => {
            shadow.set_text_content(Some(&format!("decision-guide: {message}")));
            web_sys::console::error_1(&format!("decision-guide: {message}").into());
            return JsValue::NULL;
        }
    };
    adopt_stylesheet(&shadow);
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    else {
        return JsValue::NULL;
    };
    let _ = root.set_attribute("class", "dg-root");
    let _ = shadow.append_child(&root);

    // Starting answers: the permalink wins over the attribute.
    let permalink = permalink_key(&host);
    let start = match permalink.as_deref().and_then(hash_value) {
        Some(fragment) => Some(guide.from_fragment(&fragment)),
        None => host
            .get_attribute("answers")
            .map(|text| answers_from_text(&guide, &text, "answers attribute")),
    };
    let (initial, error) = match start {
        Some(Ok(p)) => (p, None),
        Some(Err(message)) => {
            web_sys::console::error_1(&format!("decision-guide: {message}").into());
            (guide.empty_profile(), Some(message))
        }
        None => (guide.empty_profile(), None),
    };

    let latest = Rc::new(RefCell::new((
        initial.clone(),
        Rc::new(guide.evaluate(&initial)),
    )));
    let on_change = {
        let latest = latest.clone();
        let guide = guide.clone();
        yew::Callback::from(move |(profile, outcome): (Profile, Rc<Outcome>)| {
            if let Some(key) = &permalink {
                set_hash_value(key, &guide.fragment(&profile));
            }
            let result = to_js(&*outcome);
            *latest.borrow_mut() = (profile, outcome);
            let _ = notify.call1(&JsValue::NULL, &result);
        })
    };
    let remote = Remote::default();
    let props = AppProps {
        guide: SharedGuide(guide.clone()),
        uid: format!("dg{n}").into(),
        label: if n == 1 {
            "Decision guide".into()
        } else {
            format!("Decision guide {n}").into()
        },
        initial,
        error,
        on_change,
        remote: remote.clone(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Widget {
        app: Some(app),
        remote,
        guide,
        latest,
    }
    .into()
}

#[wasm_bindgen]
impl Widget {
    /// The current result (SPEC §4) as a plain object.
    pub fn result(&self) -> JsValue {
        to_js(&*self.latest.borrow().1)
    }

    /// The current answers as a plain object (unanswered questions left out).
    pub fn answers(&self) -> JsValue {
        let latest = self.latest.borrow();
        let map = js_sys::Object::new();
        for (q, o) in latest.0.answered() {
            let value = to_js(&self.guide.questions[q].options[o].value);
            let _ = Reflect::set(&map, &self.guide.questions[q].id.clone().into(), &value);
        }
        map.into()
    }

    /// Replaces the answers with an object; returns the error, if any,
    /// after showing it in the widget and the console.
    pub fn set_answers(&self, value: JsValue) -> Option<String> {
        self.apply(answers_from_value(&self.guide, value, "answers property"))
    }

    /// Follows a change of the `answers` attribute (`None`: removed, which
    /// keeps the current answers).
    pub fn set_answers_attr(&self, text: Option<String>) {
        if let Some(text) = text {
            self.apply(answers_from_text(&self.guide, &text, "answers attribute"));
        }
    }

    fn apply(&self, answers: Result<Profile, String>) -> Option<String> {
        match answers {
            Ok(profile) => {
                // Reflect the new answers at once, before yew re-renders.
                *self.latest.borrow_mut() =
                    (profile.clone(), Rc::new(self.guide.evaluate(&profile)));
                self.remote.send(Action::Replace(profile));
                None
            }
            Err(message) => {
                web_sys::console::error_1(&format!("decision-guide: {message}").into());
                self.remote.send(Action::Error(message.clone()));
                Some(message)
            }
        }
    }

    /// Unmounts the yew app and frees what it held.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

// The <decision-guide> custom element. It is defined as soon as this
// module runs, before the wasm has arrived: each element shows the
// pre-rendered guide at once (questions, comparison table, rule of thumb),
// then the wasm takes it over in place when it is ready. If the wasm cannot
// run (blocked by a Content-Security-Policy, missing, broken), the static
// guide stays readable and a short notice says why it is not interactive.
//
// Everything the guide decides happens in the wasm (src/element.rs); this
// file only connects the element's attributes, properties and events to it.

const MAX_MESSAGE = 200;

/**
 * The element's own sentences (`text::ELEMENT` in crates/core/src/text.rs,
 * handed over by the build), keyed, with `{name}` placeholders.
 */
let texts = {};

/** The sentence `key` with its placeholders filled from `values`. */
function say(key, values = {}) {
  const text = texts[key];
  if (text === undefined) return `${key} ${JSON.stringify(values)}`; // a build without this text
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A performance mark for the page's timeline (the benchmark reads them). */
function mark(name) {
  try {
    if (!performance.getEntriesByName(name, 'mark').length) performance.mark(name);
  } catch {
    // No Performance API: nothing to mark.
  }
}

/** Cuts a message from elsewhere (a JSON error, say) to a readable length. */
function bounded(text) {
  const s = String(text);
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}… (${s.length} characters)` : s;
}

/** A value that is no answer, in the words the CLI uses (`3`, `an array`). */
function describe(x) {
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'number') return bounded(JSON.stringify(x));
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

/**
 * Answers given as an object or as JSON text, flattened to
 * [key, value, key, value, …] for the wasm, or a problem in words.
 */
function answerEntries(value, what) {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { problem: say('answersNotJson', { what, why: bounded(e.message) }) };
    }
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    const got = v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
    return { problem: say('answersNotObject', { what: `the ${what}`, got }) };
  }
  // Own properties only: whatever a page added to Object.prototype is no
  // answer. Values other than null, booleans and strings go as a short
  // description, which the wasm quotes in its error.
  const entries = [];
  try {
    for (const key of Object.keys(v)) {
      const x = v[key];
      const plain = x === null || x === undefined || typeof x === 'boolean' || typeof x === 'string';
      entries.push(key, plain ? x : { other: describe(x) });
    }
  } catch (e) {
    return { problem: say('answersUnreadable', { what, why: bounded(e && e.message ? e.message : e) }) };
  }
  return { entries };
}

/** Why the wasm could not start, and what would let it, in words. */
function explainFailure(error) {
  const message = String(error && error.message ? error.message : error);
  if (/Content.Security.Policy|wasm-unsafe-eval|unsafe-eval/i.test(message)) {
    return say('wasmCsp');
  }
  // wasm-bindgen's glue, on an HTTP error: "failed to fetch Wasm: 404 Not Found fetching 'URL'".
  const http = /failed to fetch Wasm: (\d+)\s*(.*?)\s*fetching '(.*)'/.exec(message);
  if (http) {
    const [, status, text, url] = http;
    return say('wasmHttp', { url: bounded(url), status: text ? `${status} ${text}` : status });
  }
  if (/^could not load/.test(message)) {
    return say('wasmNotLoaded', { why: message });
  }
  // fetch() itself failed: offline, or blocked (a proxy, the page's connect-src).
  if (/^(Failed to fetch|NetworkError|Load failed)/.test(message)) {
    return say('wasmOffline', { why: bounded(message) });
  }
  // Not a wasm file at all: often a host's "not found" page sent with status 200.
  if (/magic (word|number|header)/i.test(message)) {
    return say('wasmNotWasm', { why: bounded(message) });
  }
  if (/extends past end|unexpected end|past the end|too big|truncated/i.test(message)) {
    return say('wasmTruncated', { why: bounded(message) });
  }
  if (/CompileError|LinkError|Wasm|WebAssembly|section/i.test(message)) {
    return say('wasmDamaged', { why: bounded(message) });
  }
  return say('wasmOther', { why: bounded(message) });
}

/** The child positions from `root` down to `node`. */
function pathTo(root, node) {
  const path = [];
  for (let n = node; n && n !== root; n = n.parentNode) {
    if (!n.parentNode) return null;
    path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  }
  return path;
}

/** The node at `path` under `root`, if it is of the same kind as `like`. */
function nodeAt(root, path, like) {
  let n = root;
  for (const i of path || []) {
    n = n && n.childNodes[i];
  }
  if (!n || n === root || n.nodeType !== like.nodeType || n.nodeName !== like.nodeName) return null;
  return n;
}

/**
 * Puts `next` (the live guide, rendered) in place of `old` (the static
 * one) in one step, and carries over what the reader had there: the
 * focus, open `<details>`, and a text selection.
 */
function swapRoots(shadow, oldRoot, nextRoot) {
  const anchor = keepAnchor(shadow.host);
  // Paths from the guide itself: the static root also holds the loading badge.
  const old = oldRoot.querySelector('.dg') || oldRoot;
  const next = nextRoot.querySelector('.dg') || nextRoot;
  const active = shadow.activeElement;
  let focus = null;
  if (active && old.contains(active)) focus = active.id ? { id: active.id } : { path: pathTo(old, active), like: active };
  const open = [...old.querySelectorAll('details[open]')].map((d) => d.dataset.group);
  const selection = typeof shadow.getSelection === 'function' ? shadow.getSelection() : document.getSelection();
  let range = null;
  if (selection && selection.rangeCount && !selection.isCollapsed) {
    const r = selection.getRangeAt(0);
    if (old.contains(r.startContainer) && old.contains(r.endContainer)) {
      range = { start: [pathTo(old, r.startContainer), r.startContainer, r.startOffset], end: [pathTo(old, r.endContainer), r.endContainer, r.endOffset] };
    }
  }
  oldRoot.replaceWith(nextRoot);
  anchor();
  for (const group of open) {
    const d = group !== undefined && next.querySelector(`details[data-group="${CSS.escape(group)}"]`);
    if (d && !d.open) d.open = true;
  }
  if (focus) {
    const target = focus.id ? next.querySelector(`#${CSS.escape(focus.id)}`) : nodeAt(next, focus.path, focus.like);
    target?.focus?.({ preventScroll: true });
  }
  if (range && selection) {
    const [sp, sl, so] = range.start;
    const [ep, el, eo] = range.end;
    const start = nodeAt(next, sp, sl);
    const end = nodeAt(next, ep, el);
    const fits = (n, o) => n && o <= (n.nodeType === Node.TEXT_NODE ? n.length : n.childNodes.length);
    if (fits(start, so) && fits(end, eo)) {
      try {
        const r = document.createRange();
        r.setStart(start, so);
        r.setEnd(end, eo);
        selection.removeAllRanges();
        selection.addRange(r);
      } catch {
        // The text moved: the selection is lost, nothing else.
      }
    }
  }
}

/**
 * The page's own anchor (its `:target`, after `host`) where it is now; the
 * returned function scrolls it back there once `host` has changed size, so
 * that a link to a heading below the guide still lands on it.
 */
function keepAnchor(host) {
  const target = document.querySelector(':target');
  if (!target || !(host.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) return () => {};
  const top = target.getBoundingClientRect().top;
  return () => {
    const moved = target.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  };
}

/** Whether a CSS colour (as computed, `rgb(…)`) is light: relative luminance over 0.5. */
function isLight(color) {
  const m = /rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)/.exec(color);
  if (!m) return false;
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5;
}

/** How long a `guide-src` file may take to arrive. */
const GUIDE_TIMEOUT_MS = 10_000;

/** Where this element's own guide comes from, if it has one. */
function guideSource(el) {
  if (el.hasAttribute('guide-src')) return { src: el.getAttribute('guide-src') };
  const inline = el.querySelector(':scope > script[type="application/json"]');
  return inline ? { text: inline.textContent } : null;
}

/** The URL `guide-src` names, resolved against the page, or a problem in words. */
function guideUrl(src) {
  try {
    return new URL(src, document.baseURI);
  } catch {
    throw new Error(say('guideSrcNotUrl', { src: JSON.stringify(bounded(src)) }));
  }
}

/** The text of the guide file at `url`, same origin only, or a problem in words. */
async function fetchGuide(url) {
  if (url.origin !== location.origin) {
    throw new Error(say('guideSrcOrigin', { origin: location.origin, got: bounded(url.origin) }));
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), GUIDE_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin' });
    if (!response.ok) throw new Error(say('guideHttp', { path: bounded(url.pathname), status: `${response.status} ${response.statusText}`.trim() }));
    // The bytes as the CLI reads a file: a byte-order mark is left for the
    // guide reader (which takes one, as the CLI does), and bytes that are
    // not UTF-8 are refused rather than replaced.
    const bytes = await response.arrayBuffer();
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new Error(say('guideNotUtf8', { path: bounded(url.pathname) }));
    }
  } catch (e) {
    if (e.name === 'AbortError') throw new Error(say('guideTimeout', { path: bounded(url.pathname), seconds: GUIDE_TIMEOUT_MS / 1000 }));
    if (e instanceof TypeError) throw new Error(say('guideUnfetched', { path: bounded(url.pathname), why: bounded(e.message) }));
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Defines <decision-guide>: `css` is the widget's stylesheet, `html` the
 * pre-rendered guide (may be empty), `texts` the element's own sentences
 * (`text::ELEMENT`, as an object of key to text), `load()` resolves to the wasm's
 * exports and is called at once, so the download starts before any
 * element needs it. `loadCustom(n)` resolves to the exports of the variant
 * that can compile a team's own guide, its `n`th instance (0 first; a new
 * one after an instance traps); it is called only when an element has one
 * (`guide-src` or an inline JSON child), and may be absent.
 */
export function defineDecisionGuide({ css, html = '', texts: sentences = {}, load, loadCustom, tag = 'decision-guide' }) {
  texts = sentences;
  const existing = customElements.get(tag);
  if (existing) {
    if (!existing.decisionGuide) {
      console.error(`decision-guide: ${say('tagTaken', { tag })}`);
    } else if (loadCustom) {
      // The classic script defined the element first: this module brings
      // what it lacks, the compiler of a team's own guide.
      existing.adoptCompiler(loadCustom);
    }
    return existing;
  }

  let wasm = null;
  let failure = null;
  const waiting = new Set();
  let instances = 0;

  // load() runs now, before the element is defined and the static guide
  // laid out: the wasm's fetch and compilation then overlap that work (a
  // throw becomes a rejection, as in a then()).
  const ready = new Promise((resolve) => resolve(load()))
    .then(
      (exports) => {
        wasm = exports;
        mark('decision-guide:wasm-ready');
        for (const el of waiting) el._startSafely();
        waiting.clear();
      },
      (error) => {
        failure = explainFailure(error);
        console.error(`decision-guide: the guide is not interactive: ${failure}`, error);
        for (const el of waiting) el._fail();
        waiting.clear();
      },
    );
  void ready;

  let sheet = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null; // No constructable stylesheets: a <style> element instead.
  }
  // The static guide, parsed once, when the first element needs it.
  let template = null;
  const staticGuide = () => {
    if (!template) {
      template = document.createElement('template');
      template.innerHTML = `<div class="dg-root">${html}</div>`;
    }
    return template.content.cloneNode(true);
  };
  let compiler = loadCustom; // loads the custom-guide variant (a later module may bring it)
  const wantCompiler = new Set(); // elements with their own guide, waiting for one
  // The page's parsing is done (module scripts have run by then), so a
  // compiler that has not come will not.
  const parsed = new Promise((resolve) => {
    if (document.readyState !== 'loading') resolve();
    else document.addEventListener('DOMContentLoaded', () => setTimeout(resolve), { once: true });
  });
  // theme="auto" on pages that switch dark mode by a class or an attribute
  // and declare no color-scheme: one observer for the page's <html> and
  // <body>, and the system setting, while such elements are on the page.
  const autoThemed = new Set();
  let themeWatch = null;
  const rescheme = () => {
    for (const el of autoThemed) el._scheme();
  };
  const watchTheme = (el, on) => {
    if (on) autoThemed.add(el);
    else autoThemed.delete(el);
    if (autoThemed.size && !themeWatch) {
      // A page fading its colours is read again once the fade is over.
      const observer = new MutationObserver(() => {
        rescheme();
        setTimeout(rescheme, 400);
      });
      for (const n of [document.documentElement, document.body]) if (n) observer.observe(n, { attributes: true });
      const media = matchMedia('(prefers-color-scheme: dark)');
      media.addEventListener('change', rescheme);
      themeWatch = { observer, media };
    } else if (!autoThemed.size && themeWatch) {
      themeWatch.observer.disconnect();
      themeWatch.media.removeEventListener('change', rescheme);
      themeWatch = null;
    }
  };
  let custom = null; // the custom-guide variant's exports, once asked for
  let customInstance = 0; // how many of its instances trapped (each is loaded afresh)
  const guideTexts = new Map(); // guide-src URL → Promise of its text

  class DecisionGuide extends HTMLElement {
    static get decisionGuide() { return true; }
    /** Bytes of wasm memory, for the leak test and the benchmark (null before the wasm runs). */
    static get wasmMemoryBytes() { return wasm && wasm.memory ? wasm.memory.buffer.byteLength : null; }
    static get observedAttributes() { return ['answers', 'guide-src', 'theme']; }

    /** Takes the compiler of a team's own guide from a module loaded after the classic script. */
    static adoptCompiler(load) {
      if (compiler) return;
      compiler = load;
      for (const el of wantCompiler) if (el.isConnected) el.connectedCallback();
      wantCompiler.clear();
    }

    connectedCallback() {
      if (this._widget) return;
      // A property set before the element was upgraded shadows its setter:
      // take the value and hand it to the setter.
      for (const name of ['answers', 'theme', 'permalink', 'guideSrc']) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          if (name === 'answers') this._pending = { value, what: 'answers property' };
          else this[name] = value;
        }
      }
      if (!this._n) this._n = ++instances;
      if (this.hasAttribute('permalink')) this._checkPermalinkKey();
      const fresh = !this.shadowRoot;
      const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
      if (fresh) {
        shadow.addEventListener('change', (e) => this._picked(e));
        shadow.addEventListener('click', (e) => this._clicked(e));
        // Before the widget's own handler, which applies the answers.
        // The mark lasts this task only: a click that changed nothing
        // leaves none to take the focus at some later change.
        shadow.addEventListener('click', (e) => {
          if (!(e.target && e.target.closest && e.target.closest('.dg-try'))) return;
          this._focusResult = true;
          setTimeout(() => { this._focusResult = false; });
        }, true);
        try {
          this._schemeSheet = new CSSStyleSheet();
        } catch {
          this._schemeSheet = null;
        }
      }
      watchTheme(this, true);
      this._scheme();
      const own = guideSource(this);
      if (!shadow.querySelector('.dg-root')) {
        shadow.replaceChildren();
        if (sheet) {
          shadow.adoptedStyleSheets = this._schemeSheet ? [sheet, this._schemeSheet] : [sheet];
        } else {
          const style = document.createElement('style');
          style.textContent = css;
          shadow.append(style);
        }
        if (own) {
          // Another guide than the pre-rendered one: nothing to show yet.
          const root = document.createElement('div');
          root.className = 'dg-root';
          const loading = document.createElement('p');
          loading.className = 'dg-loading';
          loading.textContent = say('loading');
          root.append(loading);
          shadow.append(root);
        } else {
          const anchor = keepAnchor(this);
          shadow.append(staticGuide());
          this._swapped = false;
          this._prepareStatic();
          anchor();
        }
      }
      if (own) this._startOwn(own);
      // In a microtask: an element removed in the task that added it (a
      // framework re-keying a list) never mounts a widget at all.
      else if (wasm) queueMicrotask(() => this._startSafely());
      else if (failure) this._fail();
      else waiting.add(this);
    }

    /** Loads this element's own guide and the variant that compiles it, then starts. */
    async _startOwn(own) {
      const attempt = (this._attempt = (this._attempt || 0) + 1);
      try {
        if (!compiler) await parsed;
        if (attempt !== this._attempt || !this.isConnected) return;
        if (!compiler) {
          wantCompiler.add(this);
          throw new Error(say('guideNoCompiler'));
        }
        let textPromise = Promise.resolve(own.text);
        if (own.src !== undefined) {
          // One fetch per file, shared by the elements that name it; a failed one is forgotten.
          const url = guideUrl(own.src);
          textPromise = guideTexts.get(url.href);
          if (!textPromise) {
            textPromise = fetchGuide(url);
            guideTexts.set(url.href, textPromise);
            textPromise.catch(() => guideTexts.delete(url.href));
          }
        }
        custom = custom ?? Promise.resolve(customInstance).then(compiler);
        const loaded = custom;
        const [text, exports] = await Promise.all([textPromise, loaded]);
        if (attempt !== this._attempt || !this.isConnected || this._widget) return;
        const root = this.shadowRoot.querySelector('.dg-root');
        root.replaceChildren();
        try {
          // The text as it came: the wasm reads it with the same JSON
          // reader, compiler and proof as `decision-guide check`; the first
          // classification runs in the same guard.
          this._widget = exports.mount_with_guide(root, text, (old, next) => this._swap(old, next), () => this._changed(), (kind, text) => this._copy(kind, text), this.hasAttribute('permalink'));
          this._begin();
        } catch (error) {
          // A widget that started but failed is freed; one of a trapped
          // engine cannot be, and is dropped with its engine.
          if (!(error instanceof WebAssembly.RuntimeError)) this._widget?.free();
          this._widget = null;
          if (error && Array.isArray(error.problems)) return this._guideErrors(error.lead, error.problems);
          if (error instanceof WebAssembly.RuntimeError) {
            // The engine trapped: its memory can no longer be trusted, so
            // the next guide gets a fresh instance of the module, and the
            // other guides on the page keep working. The app it mounted
            // cannot be freed and may still render (and clear its root)
            // later: it keeps a detached root, the notice gets a new one.
            root.replaceWith(root.cloneNode(false));
            if (custom === loaded) {
              custom = null;
              customInstance++;
            }
            throw new Error(say('guideTrapped', { why: bounded(error.message) }));
          }
          throw error;
        }
      } catch (e) {
        if (attempt === this._attempt) this._guideErrors(say('guideNotLoaded', { why: e && e.message ? e.message : e }), []);
      }
    }

    /** Shows why this element's own guide cannot run, instead of a blank box. */
    _guideErrors(lead, problems) {
      console.error(`decision-guide: ${lead}${problems.length ? `\n  ${problems.slice(0, 50).join('\n  ')}` : ''}`);
      const root = this.shadowRoot?.querySelector('.dg-root');
      if (!root) return;
      const box = document.createElement('div');
      box.className = 'dg-guide-errors';
      box.setAttribute('role', 'alert');
      const p = document.createElement('p');
      p.textContent = lead;
      box.append(p);
      if (problems.length) {
        const list = document.createElement('ul');
        for (const problem of problems.slice(0, 50)) {
          const li = document.createElement('li');
          li.textContent = bounded(problem);
          list.append(li);
        }
        if (problems.length > 50) {
          const li = document.createElement('li');
          li.textContent = say('guideMoreProblems', { count: problems.length - 50 });
          list.append(li);
        }
        box.append(list);
      }
      root.replaceChildren(box);
    }

    disconnectedCallback() {
      waiting.delete(this);
      wantCompiler.delete(this);
      watchTheme(this, false);
      // Moving an element disconnects and reconnects it: free it only once it stays out.
      queueMicrotask(() => {
        if (!this.isConnected && this._widget) {
          // Added back later, it starts from the answers it had.
          this._pending = { value: this._widget.answers(), what: 'answers property' };
          this._widget.free();
          this._widget = null;
        }
      });
    }

    attributeChangedCallback(name, old, value) {
      if (name === 'theme') this._scheme();
      if (name === 'answers' && this._widget && value !== null) {
        this._apply(value, 'answers attribute', false);
      }
      if (name === 'guide-src' && old !== value && this.isConnected && (this._widget || this._attempt)) {
        // Another guide: start over with it.
        this._widget?.free();
        this._widget = null;
        this.shadowRoot.replaceChildren();
        this.connectedCallback();
      }
    }

    /** Starts, and shows any failure as a notice rather than leaving a static box. */
    _startSafely() {
      try {
        this._start();
      } catch (e) {
        console.error('decision-guide: this guide could not start', e);
        this._notice(say('couldNotStart', { why: bounded(e && e.message ? e.message : e) }));
      }
    }

    /** The wasm is here: take over the static guide. */
    _start() {
      if (!this.isConnected || this._widget) return;
      const shadow = this.shadowRoot;
      const root = shadow.querySelector('.dg-root');
      shadow.querySelector('.dg-notice')?.remove();
      this._widget = wasm.mount(root, (old, next) => this._swap(old, next), () => this._changed(), (kind, text) => this._copy(kind, text), this.hasAttribute('permalink'));
      this._begin();
    }

    /** The wasm's first render is ready: it takes the static guide's place. */
    _swap(old, next) {
      swapRoots(this.shadowRoot, old, next);
      this._swapped = true;
    }

    /**
     * Readies the pre-rendered guide for the seconds before the wasm: it
     * says that it is loading, takes answers (kept for the live guide), and
     * where the page gave answers, shows them but no verdict, which only
     * the live guide can work out.
     */
    _prepareStatic() {
      const root = this.shadowRoot.querySelector('.dg-root');
      const section = root && root.querySelector('.dg');
      if (!section) return;
      section.setAttribute('aria-busy', 'true');
      const badge = document.createElement('p');
      badge.className = 'dg-going-live';
      badge.setAttribute('role', 'status');
      badge.lang = 'en';
      badge.dir = 'ltr';
      badge.textContent = say('goingLive');
      root.prepend(badge);
      this._showStarting();
    }

    /** Shows the answers the guide will start from in the static guide (all of them: a page's answers replace every pick). */
    _showStarting() {
      const root = this.shadowRoot?.querySelector('.dg-root');
      if (!root || this._swapped || !root.querySelector('.dg[aria-busy]')) return;
      const given = this._startingAnswers();
      if (!given && !root.hasAttribute('data-working')) return;
      for (const q of root.querySelectorAll('.dg-q[data-question]')) {
        const code = given?.get(q.dataset.question) ?? 0;
        for (const input of q.querySelectorAll('input[type=radio]')) input.checked = Number(input.value) === code;
        this._showAnswered(q, code);
      }
      this._working();
    }

    /**
     * The answers the guide will start from, as question id → the radio
     * value of the answer (0 for "Not sure"): from the permalink, or the
     * answers given. Null when there are none or the live guide will
     * refuse them, so that the static guide's result (for no answers) is
     * the right one. The link is read as crates/core/src/permalink.rs
     * writes it: the wasm that reads it has not arrived yet.
     */
    _startingAnswers() {
      const root = this.shadowRoot.querySelector('.dg-root');
      const cards = [...root.querySelectorAll('.dg-q[data-question]')];
      const out = new Map();
      const link = this._permalinkValue();
      if (link !== undefined) {
        // One character per question in the guide's order (two where a
        // question has more than 35 options), base 36, '-' for none.
        // A link the live guide would refuse (too long, a character that
        // is no answer) shows nothing: it will start with no answers.
        const order = cards.slice().sort((a, b) => Number(a.dataset.n) - Number(b.dataset.n));
        const width = order.some((q) => q.querySelectorAll('input').length > 36) ? 2 : 1;
        if (link.length > order.length * width || !/^[-0-9a-z]*$/.test(link)) return null;
        for (const [i, q] of order.entries()) {
          const part = link.slice(i * width, i * width + width);
          if (!part) break; // a shorter link leaves the last questions open
          const code = /^-+$/.test(part) ? 0 : parseInt(part, 36);
          if (Number.isNaN(code) || code >= q.querySelectorAll('input').length) return null;
          out.set(q.dataset.question, code);
        }
        return out.size ? out : null;
      }
      const given = this._given();
      const entries = given ? answerEntries(given.value, given.what).entries : null;
      if (!entries) return null;
      // All or nothing, as the live guide takes them: one unknown question
      // or answer, and it starts with none (and says why).
      for (let i = 0; i < entries.length; i += 2) {
        if (entries[i].startsWith('$')) continue; // `$title` and the like: no answer
        const card = cards.find((q) => q.dataset.question === entries[i]);
        const value = entries[i + 1];
        const input = !card ? null : value === null || value === undefined
          ? card.querySelector('input[value="0"]')
          : [...card.querySelectorAll('input[data-value]')].find((x) => x.dataset.value === String(value));
        if (!input) return null;
        out.set(entries[i], Number(input.value));
      }
      return out.size ? out : null;
    }

    /** Shows a card answered (or not) as the live guide will: the "assumed" line only while open. */
    _showAnswered(card, code) {
      const assumed = card.querySelector('.dg-assumed');
      if (assumed) assumed.hidden = code !== 0;
      const group = card.closest('details');
      if (group && code && !group.open) group.open = true;
    }

    /** The static result is not these answers' result: it says the live guide is working it out. */
    _working() {
      const root = this.shadowRoot.querySelector('.dg-root');
      if (!root || root.hasAttribute('data-working')) return;
      root.setAttribute('data-working', '');
      root.querySelector('.dg')?.removeAttribute('data-path');
      // No path is highlighted until the live guide knows which (the tags
      // keep their room, hidden, so nothing moves when it does).
      for (const n of root.querySelectorAll('.dg-chosen, [data-recommended], [aria-current]')) {
        n.classList.remove('dg-chosen');
        n.removeAttribute('data-recommended');
        n.removeAttribute('aria-current');
      }
      const result = root.querySelector('.dg-result');
      if (result) {
        result.removeAttribute('data-path');
        result.removeAttribute('data-verdict');
        const p = document.createElement('p');
        p.className = 'dg-working';
        p.tabIndex = -1;
        p.textContent = say('working');
        result.replaceChildren(p);
      }
      const label = root.querySelector('.dg-glance-label');
      if (label) label.textContent = say('working');
      for (const n of root.querySelectorAll('.dg-glance-path, .dg-glance-open')) n.textContent = '';
    }

    /** A radio button changed: before the live guide has taken over, the answer is kept for it. */
    _picked(e) {
      const input = e.target;
      if (this._swapped || !input || input.type !== 'radio') return;
      const card = input.closest('.dg-q[data-question]');
      if (!card) return;
      const code = Number(input.value);
      this._showAnswered(card, code);
      if (this._widget) {
        this._widget.answer_code(card.dataset.question, code);
        return;
      }
      (this._gap ??= new Map()).set(card.dataset.question, code);
      this._working();
    }

    /**
     * The summary's button: the full result, scrolled to and focused. (A
     * button that applies answers, "Try …" or "Apply these", is marked in
     * the capture phase: the path's name takes the focus once the new
     * result is rendered, in `_changed`, and so comes into view even where
     * the answer opened a folded group above.)
     */
    _clicked(e) {
      const go = e.target && e.target.closest && e.target.closest('.dg-glance-go');
      if (!go) return;
      const result = this.shadowRoot.querySelector('.dg-result');
      if (!result) return;
      result.scrollIntoView({ block: 'start' });
      result.querySelector('.dg-path-name, .dg-working')?.focus({ preventScroll: true });
    }

    /**
     * theme="auto" where the page declares no color-scheme: the guide
     * turns dark when the text it inherits is light (a page that switches
     * dark mode by a class or an attribute: Furo, mdBook, Docusaurus).
     */
    _scheme() {
      if (!this._schemeSheet || !this.isConnected) return;
      let rule = '';
      const theme = (this.getAttribute('theme') || '').toLowerCase();
      if (theme !== 'light' && theme !== 'dark') {
        const page = getComputedStyle(this.parentElement || document.documentElement).colorScheme;
        if ((!page || page === 'normal') && isLight(getComputedStyle(this).color)) rule = '@media not print { :host { color-scheme: dark; } }';
      }
      if (rule !== this._schemeRule) {
        this._schemeRule = rule;
        this._schemeSheet.replaceSync(rule);
      }
    }

    /** The answers the page gave, not yet taken by a guide: the property's, or the attribute's. */
    _given() {
      return this._pending ?? (this.hasAttribute('answers') ? { value: this.getAttribute('answers'), what: 'answers attribute' } : null);
    }

    /** Hands the starting answers to a freshly mounted widget. */
    _begin() {
      this._live = false;
      const link = this._permalinkValue();
      let entries;
      let problem;
      const given = this._given();
      this._pending = undefined;
      if (given && link === undefined) ({ entries, problem } = answerEntries(given.value, given.what));
      this._startedClean = this._widget.start(this._n, link, entries, given?.what, problem);
      // What the reader picked while the wasm was on its way.
      for (const [q, code] of this._gap ?? []) this._widget.answer_code(q, code);
      this._gap = null;
    }

    /**
     * The wasm could not run: the static guide stays, with a notice, as a
     * page to read. Where the page gave answers (or the reader picked
     * some), its result says that theirs could not be worked out, and why.
     */
    _fail() {
      this._notice(say('notInteractive', { why: failure }));
      const root = this.shadowRoot?.querySelector('.dg-root');
      if (!root) return;
      root.querySelector('.dg-going-live')?.remove();
      root.querySelector('.dg')?.removeAttribute('aria-busy');
      for (const input of root.querySelectorAll('input, select, button')) input.disabled = true;
      if (this._gap) this._working();
      const working = root.querySelector('.dg-working');
      if (working) {
        working.setAttribute('role', 'alert');
        working.textContent = say('notComputed', { why: failure });
        const label = root.querySelector('.dg-glance-label');
        if (label) label.textContent = say('notComputedShort');
      }
    }

    /** Puts `text` over the static guide, unless a notice is already there. */
    _notice(text) {
      const shadow = this.shadowRoot;
      if (!shadow || shadow.querySelector('.dg-notice')) return;
      const notice = document.createElement('p');
      notice.lang = 'en';
      notice.dir = 'ltr';
      notice.className = 'dg-notice';
      notice.setAttribute('role', 'status');
      notice.textContent = text;
      shadow.prepend(notice);
    }

    /**
     * The answers changed. The event goes out in a microtask: after yew's
     * render (queued first), so that an answer reaches the DOM before any
     * result JSON is written, and once however many changes one task made.
     */
    _changed() {
      this._result = undefined;
      if (this._eventQueued) return;
      this._eventQueued = true;
      queueMicrotask(() => {
        this._eventQueued = false;
        if (!this._widget) return;
        if (this._focusResult) {
          this._focusResult = false;
          this.shadowRoot.querySelector('.dg-result .dg-path-name')?.focus();
        }
        // Going live writes the fragment only for answers given cleanly (a
        // link to them); a fragment that was refused stays as the page had
        // it, and no answers means no fragment. After that, every change.
        if (this.hasAttribute('permalink')) {
          const link = this._widget.permalink();
          if (this._live || (this._startedClean && /[^-]/.test(link))) this._writePermalink(link);
        }
        if (!this._live) mark('decision-guide:interactive');
        this._live = true;
        this.dispatchEvent(new CustomEvent('decision-change', { detail: this._parsed(), bubbles: true, composed: true }));
      });
    }

    /**
     * Copies the decision record (`kind` "markdown") or a link that
     * reopens these answers (`kind` "link", `text` the fragment value),
     * and tells the widget how it went: where the clipboard is missing or
     * refused, the widget shows the text to copy by hand.
     */
    async _copy(kind, text) {
      let content = text;
      if (kind === 'link') content = this._urlWith(text);
      let ok = false;
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) {
          await navigator.clipboard.writeText(content);
          ok = true;
        }
      } catch {
        ok = false;
      }
      this._widget?.copied(kind, ok ? undefined : content);
    }

    /** The current result, parsed once per change and shared by the event. */
    _parsed() {
      if (this._result === undefined) this._result = JSON.parse(this._widget.result_json());
      return this._result;
    }

    _apply(value, what, throwing) {
      const { entries, problem } = answerEntries(value, what);
      const error = problem !== undefined ? this._widget.report(problem) : this._widget.set_answers(entries, what);
      if (error && throwing) throw new TypeError(error);
    }

    /** Says once on the console when another guide on the page keeps its answers under the same key. */
    _checkPermalinkKey() {
      const key = this._permalinkKey();
      const other = [...document.querySelectorAll(`${tag}[permalink]`)].find((el) => el !== this && el._permalinkKey && el._permalinkKey() === key);
      if (other && !this._warnedKey) {
        this._warnedKey = true;
        console.warn(`decision-guide: ${say('permalinkShared', { key: decodeURIComponent(key) })}`);
      }
    }

    /** The key of this element's answers in the URL: its id (encoded), or "dg". */
    _permalinkKey() { return encodeURIComponent(this.id || 'dg'); }

    /**
     * This element's permalink, undecoded parts left as they are: from the
     * URL fragment, or from the query, where it goes when the fragment is
     * the page's own (an anchor, a hash router's route).
     */
    _permalinkValue() {
      if (!this.hasAttribute('permalink')) return undefined;
      const key = `${this._permalinkKey()}=`;
      const part = location.hash.slice(1).split('&').find((p) => p.startsWith(key))
        ?? location.search.slice(1).split('&').find((p) => p.startsWith(key));
      if (part === undefined) return undefined;
      const raw = part.slice(key.length);
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw; // not valid percent-encoding: the wasm names it as no link of this guide
      }
    }

    /**
     * This page's URL with this element's answers set to `value`, other
     * guides' kept. They go in the fragment (`#dg=…`), as the contract
     * says, unless the page uses the fragment itself (`#install`,
     * `#/route`): then in the query (`?dg=…#install`), so that the
     * anchor still lands and the route still matches.
     */
    _urlWith(value) {
      const key = this._permalinkKey();
      const url = new URL(location.href);
      const mine = (p) => p.startsWith(`${key}=`);
      const fragment = url.hash.slice(1).split('&').filter((p) => p && !mine(p));
      const query = url.search.slice(1).split('&').filter((p) => p && !mine(p));
      const entry = `${key}=${encodeURIComponent(value)}`;
      // Only name=value parts (this and other guides' links): the fragment is ours to use.
      if (fragment.every((p) => /^[^=/?#]+=[^/]*$/.test(p))) fragment.push(entry);
      else query.push(entry);
      url.search = query.length ? `?${query.join('&')}` : '';
      url.hash = fragment.length ? `#${fragment.join('&')}` : '';
      return url.href;
    }

    _writePermalink(value) {
      history.replaceState(history.state, '', this._urlWith(value));
    }

    /** The current result (the contract's result JSON), or null before the wasm runs. */
    get result() {
      if (!this._widget) return null;
      // A copy, so that a page changing it cannot change what others read.
      return structuredClone(this._parsed());
    }

    /**
     * The answers given so far, as an object of question ids to answers
     * (unanswered ones left out). Before the guide runs: those the property
     * or the attribute gave, as given; a value that cannot be an answer is
     * left out here and reported when the guide starts.
     */
    get answers() {
      if (this._widget) return this._widget.answers();
      const given = this._given();
      const read = given ? answerEntries(given.value, given.what) : null;
      const out = {};
      for (let i = 0; read?.entries && i < read.entries.length; i += 2) {
        const value = read.entries[i + 1];
        if (typeof value === 'boolean' || typeof value === 'string') out[read.entries[i]] = value;
      }
      // And what the reader picked before the wasm, as the live guide will have it.
      for (const [q, code] of this._gap ?? []) {
        const input = this.shadowRoot?.querySelector(`.dg-q[data-question="${CSS.escape(q)}"] input[value="${code}"]`);
        const v = input?.dataset.value;
        if (code === 0 || v === undefined) delete out[q];
        else out[q] = v === 'true' ? true : v === 'false' ? false : v;
      }
      return out;
    }

    /** Replaces the answers: an object, or the same JSON text the attribute takes. */
    set answers(value) {
      if (!this._widget) {
        // Replaces every answer, the reader's picks before the wasm too.
        this._pending = { value, what: 'answers property' };
        this._gap = null;
        this._showStarting();
        return;
      }
      this._apply(value, 'answers property', true);
    }

    get theme() { return this.getAttribute('theme') || 'auto'; }
    set theme(value) { this.setAttribute('theme', String(value)); }

    get permalink() { return this.hasAttribute('permalink'); }
    set permalink(on) { this.toggleAttribute('permalink', Boolean(on)); }

    get guideSrc() { return this.getAttribute('guide-src'); }
    set guideSrc(value) {
      if (value === null || value === undefined) this.removeAttribute('guide-src');
      else this.setAttribute('guide-src', String(value));
    }
  }

  customElements.define(tag, DecisionGuide);
  mark('decision-guide:defined');
  return DecisionGuide;
}

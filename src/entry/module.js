// The entry of dist/decision-guide.js, the embed's one module (bundled by
// esbuild in `cargo xtask dist`): the element, the wasm-bindgen glue, the
// stylesheet, the pre-rendered guide and the element's texts. It defines
// <decision-guide> at once and starts the wasm download.
// `decision-guide-build/…` is the build's work folder (target/embed).
import { defineDecisionGuide } from '../element.js';
import init, { mount } from 'decision-guide-build/decision-guide.js';
import css from 'decision-guide-build/widget.min.css';
import prerender from 'decision-guide-build/prerender.json';

defineDecisionGuide({
  css,
  html: prerender.html,
  texts: prerender.texts,
  load: () => init({ module_or_path: new URL('decision-guide_bg.wasm', import.meta.url) })
    .then((exports) => ({ mount, memory: exports.memory })),
  // The variant that compiles a team's own guide, fetched only when a page
  // has one. Instance n > 0 is a fresh copy of the module (the query makes
  // it another module record), for after an instance trapped.
  loadCustom: (n) => import(new URL(`decision-guide-custom.js${n ? `?instance=${n}` : ''}`, import.meta.url).href)
    .then((m) => m.default(new URL('decision-guide-custom_bg.wasm', import.meta.url))),
});

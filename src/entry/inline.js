// The entry of dist/decision-guide.inline.js, one classic script for pages
// that cannot serve a .wasm file or load a module (file://, a sandboxed
// iframe without CORS): the same as module.js, with the optimised wasm
// inside (esbuild's binary loader: base64, decoded to bytes when it runs).
// It runs only the built-in guide: a team's own guide needs the module.
import { defineDecisionGuide } from '../element.js';
import init, { mount } from 'decision-guide-build/decision-guide.js';
import css from 'decision-guide-build/widget.min.css';
import prerender from 'decision-guide-build/prerender.json';
import bytes from 'decision-guide-dist/decision-guide_bg.wasm';

defineDecisionGuide({
  css,
  html: prerender.html,
  texts: prerender.texts,
  load: () => init({ module_or_path: bytes }).then((exports) => ({ mount, memory: exports.memory })),
});

// The dev loop's entry (`trunk serve`): Trunk serves it next to copies of
// element.js, widget.css and the pre-render (index.html's Trunk links;
// Trunk.toml's hook writes the pre-render before each build), and starts
// the wasm it built itself. It defines the element as module.js does, with
// two differences: the stylesheet is fetched unminified, and there is no
// custom-guides variant (guide-src says so; `cargo xtask serve` has it).
import { defineDecisionGuide } from './element.js';
import prerender from './prerender.json' with { type: 'json' };

const css = await (await fetch(new URL('widget.css', import.meta.url))).text();
defineDecisionGuide({
  css,
  html: prerender.html,
  texts: prerender.texts,
  load: () => new Promise((resolve) => {
    if (window.wasmBindings) resolve(window.wasmBindings);
    else addEventListener('TrunkApplicationStarted', () => resolve(window.wasmBindings), { once: true });
  }),
});

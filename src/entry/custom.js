// The entry of dist/decision-guide-custom.js, the variant that reads,
// compiles and proves a team's own guide (feature `custom-guides`). The
// element imports it on demand and calls its default export with the URL
// of decision-guide-custom_bg.wasm. Loaded by a page as its script
// instead of decision-guide.js, it would do nothing: it says so on the
// console once the page is parsed (the element's sentence, the one part of
// the pre-render JSON bundled here).
import init, { mount, mount_with_guide } from 'decision-guide-build/decision-guide-custom.js';
import { texts } from 'decision-guide-build/prerender.json';

let used = false;
const check = () => {
  if (!used && !customElements.get('decision-guide')) console.error(`decision-guide: ${texts.customAlone}`);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(check), { once: true });
else setTimeout(check);

export default (url) => {
  used = true;
  return init({ module_or_path: url })
    .then((exports) => ({ mount, mount_with_guide, memory: exports.memory }));
};

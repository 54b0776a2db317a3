// The entry of dist/decision-guide-custom.js, the variant that reads,
// compiles and proves a team's own guide (feature `custom-guides`). The
// element imports it on demand and calls its default export with the URL
// of decision-guide-custom_bg.wasm.
import init, { mount, mount_with_guide } from 'decision-guide-build/decision-guide-custom.js';

export default (url) => init({ module_or_path: url })
  .then((exports) => ({ mount, mount_with_guide, memory: exports.memory }));

// The guide studio's worker (bundled by `cargo xtask dist` into
// dist/studio/worker.js, started by src/studio/main.js as a module worker):
// it runs the studio's wasm (the custom-guides engine without the widget,
// dist/studio/decision-guide-studio_bg.wasm) off the main thread, so that the proof
// never makes typing stutter. Each message is one job, answered once:
//   { id, kind: 'check', text, cases }      → studio_check(text, cases)
//   { id, kind: 'diff', old, text, cases }  → studio_diff(old, text, cases)
// answered { id, kind, result (the parsed JSON), ms } or { id, kind, failed }
// when the wasm trapped (the page then starts a fresh worker).
import init, { studio_check, studio_diff } from 'decision-guide-build/decision-guide-studio.js';

const ready = init({ module_or_path: new URL('./decision-guide-studio_bg.wasm', import.meta.url) });

self.onmessage = async ({ data }) => {
  const { id, kind } = data;
  try {
    await ready;
    const start = performance.now();
    const json = kind === 'diff'
      ? studio_diff(data.old, data.text, data.cases)
      : studio_check(data.text, data.cases);
    self.postMessage({ id, kind, result: JSON.parse(json), ms: performance.now() - start });
  } catch (err) {
    self.postMessage({ id, kind, failed: String(err?.message ?? err) });
  }
};

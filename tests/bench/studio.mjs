// The guide studio's benchmark (part of `cargo xtask bench`): how soon the
// studio answers a keystroke while a team lead edits the built-in guide in
// headless Chromium.
//
//   node tests/bench/studio.mjs [--edits N] [--json PATH]
//
// It serves dist/ (tests/e2e/serve.mjs, in this process, on a free port),
// opens dist/studio.html, waits for the first check, then types N single
// characters (default 30) into texts of the guide (a reason, a rule of
// thumb, …; each a real key press, each changing what the preview shows),
// one at a time, waiting for each to be fully answered. The page keeps,
// per version of the text, when its key went down and when each part was
// shown (`window.studioTimings`, src/studio/main.js). It reports:
// - keystroke → errors and preview updated: until both the error list and
//   the live preview show that version (p50, p95, max);
// - keystroke → proof updated: until the worker's proof of that version is
//   shown (p50, p95, max);
// - keystroke → decision diff updated (p50, p95);
// - the longest main-thread task while typing (PerformanceObserver
//   "longtask", which reports tasks over 50 ms; 0 when there were none),
//   and how many there were.
// It prints them with their goals and merges them into --json (default
// target/bench.json) under "studio". No figure fails the run; a page that
// does not load or an edit that is not answered in 20 s does (exit 1).
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../e2e/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function parseArgs(argv) {
  const opts = { edits: 30, json: join(root, 'target/bench.json') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--edits' && /^\d+$/.test(value ?? '') && Number(value) > 0) opts.edits = Number(value);
    else if (flag === '--json' && value) opts.json = resolve(value);
    else {
      console.error(`usage: node tests/bench/studio.mjs [--edits N] [--json PATH]\nunknown or incomplete option: ${flag}`);
      process.exit(2);
    }
  }
  return opts;
}

/** The q-quantile of `xs` (nearest rank), rounded to 0.1 ms. */
function quantile(xs, q) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] * 10) / 10;
}
const stats = (xs) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: quantile(xs, 1), n: xs.length });

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'dist/studio.html'))) throw new Error('dist/studio.html is missing: run `cargo xtask dist` first');
  const server = createStaticServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error(`studio page error: ${e.message}`));
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, ms: e.duration }); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${base}/studio.html`);
    const done = (part) => page.waitForFunction((part) => window.studioTimings?.at(-1)?.[part] !== undefined, part, { timeout: 20_000 });
    await done('diff');
    await page.waitForFunction(() => document.querySelector('#frame decision-guide:not([hidden])')?.shadowRoot?.querySelector('.dg')?.dataset.live === 'true', null, { timeout: 20_000 });
    // The texts to type into: the start of the value of every "reason"
    // (the preview shows them), found afresh in the current text each time.
    const reasons = await page.evaluate(() => [...window.studio.view.state.doc.toString().matchAll(/"reason": "/g)].length);
    const typeAt = async (n, key) => {
      await page.evaluate((n) => {
        const spots = [...window.studio.view.state.doc.toString().matchAll(/"reason": "/g)];
        const m = spots[n % spots.length];
        window.studio.view.dispatch({ selection: { anchor: m.index + m[0].length } });
        window.studio.view.focus();
      }, n);
      await page.keyboard.press(key);
    };
    // Two keystrokes to warm up (not counted), and a second for the page's
    // first work to end.
    for (const n of [0, 1]) {
      await typeAt(n, 'z');
      await done('diff');
    }
    await page.waitForTimeout(1000);
    const typingStart = await page.evaluate(() => performance.now());
    const first = await page.evaluate(() => window.studioTimings.length);
    for (let i = 0; i < opts.edits; i++) {
      // Put the cursor in a text, as a click would (not timed), then press a key.
      await typeAt((i * 7) % reasons, i % 2 ? 'x' : 'y');
      await done('preview');
      await done('proof');
      await done('diff');
      await page.waitForFunction(() => !document.querySelector('#frame decision-guide[hidden]'), null, { timeout: 20_000 });
    }
    // Every edit was a valid guide, so every figure is of a full update.
    if ((await page.locator('#sum-errors').innerText()) !== '0') throw new Error(`the edits made the guide invalid: ${await page.locator('#panel-errors').innerText()}`);
    const { timings, longTasks } = await page.evaluate((t0) => ({ timings: window.studioTimings, longTasks: window.longTasks.filter((t) => t.start >= t0) }), typingStart);
    const edits = timings.slice(first).filter((t) => t.key !== undefined);
    const figures = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      edits: edits.length,
      keyToErrorsAndPreviewMs: stats(edits.map((t) => Math.max(t.errors, t.preview) - t.key)),
      keyToErrorsMs: stats(edits.map((t) => t.errors - t.key)),
      keyToProofMs: stats(edits.map((t) => t.proof - t.key)),
      keyToDiffMs: stats(edits.map((t) => t.diff - t.key)),
      longestTaskMs: longTasks.reduce((m, t) => Math.max(m, Math.round(t.ms)), 0),
      longTasks: longTasks.length,
    };
    const f = figures;
    console.log(`\nguide studio, built-in guide, ${f.edits} keystrokes (Chromium ${f.chromium})`);
    console.log('goal                                             p50 / p95 / max ms      verdict');
    const line = (what, s, goal) => console.log(`  ${what.padEnd(46)} ${`${s.p50} / ${s.p95} / ${s.max}`.padEnd(22)} ${goal === null ? '' : goal ? 'met' : 'NOT MET'}`);
    line('keystroke → errors and preview (p95 ≤ 100 ms)', f.keyToErrorsAndPreviewMs, f.keyToErrorsAndPreviewMs.p95 <= 100);
    line('keystroke → errors', f.keyToErrorsMs, null);
    line('keystroke → proof, in the worker (≤ 1.5 s)', f.keyToProofMs, f.keyToProofMs.max <= 1500);
    line('keystroke → decision diff', f.keyToDiffMs, null);
    console.log(`  ${'longest main-thread task (none over 50 ms)'.padEnd(46)} ${`${f.longestTaskMs} ms (${f.longTasks} over 50 ms)`.padEnd(22)} ${f.longTasks === 0 ? 'met' : 'NOT MET'}`);
    let doc = {};
    if (existsSync(opts.json)) doc = JSON.parse(readFileSync(opts.json, 'utf8'));
    doc.studio = figures;
    writeFileSync(opts.json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`\nbench: studio figures written to ${opts.json} (key "studio")`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err) => {
  console.error(`studio bench: ${err.message}`);
  process.exit(1);
});

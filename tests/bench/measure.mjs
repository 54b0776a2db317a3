// The browser benchmark: the <decision-guide> widget in a blog-like host
// page against two baselines in the same host page, www/bench/static.html
// (the guide's table, rule of thumb and questions as static HTML, no JS) and
// www/bench/vanilla.html (a hand-written vanilla-JS questionnaire).
//
//   node tests/bench/measure.mjs [--loads N] [--changes N] [--cycles N] [--json PATH]
//
// It starts tests/e2e/serve.mjs on a free port, drives Debian's Chromium
// (headless) and, for each page, over N cold loads (a fresh browser context
// each, cache disabled; the pages take turns, after one uncounted warm-up
// load each):
// - bytes: raw, gzip -9 and brotli q11 sizes of every file the page loaded,
//   compressed here from the files on disk;
// - first content: ms from navigation start to the first animation frame at
//   which a body row of the comparison table exists and is visible (inside
//   the widget's shadow root for the widget);
// - interactive: vanilla, its performance.mark('interactive'); widget, the
//   first `decision-change` event on document or a
//   performance.mark('decision-guide:interactive'), whichever comes first;
// - answer→DOM: from just before input.click() on a radio to the first
//   MutationObserver callback on the result panel, two frames apart, at
//   least --changes of them spread over the loads; p50 and p95;
// - memory (widget only): --cycles times create <decision-guide>, append,
//   wait for its table, remove (after 20 uncounted warm-up cycles); DOM
//   nodes, JS listeners, JS heap and (when
//   the element exposes it) wasm memory, after forced GC, before and after.
// Two more pages are generated into target/bench-pages/ (served at
// /bench-pages/) from what `cargo xtask dist` leaves in target/embed/, each
// in the same host page:
// - same-static: the widget's own pre-render (its HTML and stylesheet) as
//   static HTML in a declarative shadow root, no JS: the guide's whole
//   content, where static.html carries a hand-written fifth of it;
// - floor: the least an embed of this kind can do: an external module that
//   starts fetching and instantiating an empty wasm (8 bytes), shows the
//   same pre-render in a shadow root, and marks itself interactive once
//   the wasm is ready. No glue, no engine, no render: what no
//   module-and-wasm widget can beat.
// It prints a table and merges its figures into --json (default
// target/bench.json) under the key "browser". Any page that fails to load
// or measurement that does not complete in time ends the run with exit 1.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defaultMounts, route } from '../e2e/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const LOAD_TIMEOUT = 30_000; // a page to load and show its content / become interactive
const STEP_TIMEOUT = 5_000; // one answer change to reach the result panel
const CYCLE_TIMEOUT = 10_000; // one widget to render its table
const WATCHDOG = 30 * 60_000; // the whole run
const WARM_UP_CYCLES = 20;
const FIRST_CHANGES = 3; // answer changes of a load left out of the "later" figures // mount/unmount cycles before the memory "before" reading

// The pages, and how each says it is interactive.
// `answers`: whether the page is a questionnaire the answer changes drive.
const PAGES = [
  { name: 'static', path: '/www/bench/static.html', interactive: null, answers: false },
  { name: 'vanilla', path: '/www/bench/vanilla.html', interactive: 'mark', answers: true },
  { name: 'widget', path: '/www/bench/widget.html', interactive: 'widget', answers: true },
  { name: 'same-static', path: '/bench-pages/same-static.html', interactive: null, answers: false },
  { name: 'floor', path: '/bench-pages/floor.html', interactive: 'widget', answers: false },
];
const GENERATED = join(root, 'target/bench-pages');

/** An expected failure: printed as one line, exit 1. */
class BenchError extends Error {}

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { loads: 30, changes: 300, cycles: 500, json: join(root, 'target/bench.json') };
  const usage = 'usage: node tests/bench/measure.mjs [--loads N] [--changes N] [--cycles N] [--json PATH]';
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--help' || flag === '-h') { console.log(usage); process.exit(0); }
    const key = { '--loads': 'loads', '--changes': 'changes', '--cycles': 'cycles', '--json': 'json' }[flag];
    const value = argv[++i];
    if (!key || value === undefined) { console.error(`${usage}\nunknown or incomplete option: ${flag}`); process.exit(2); }
    if (key === 'json') { opts.json = resolve(value); continue; }
    if (!/^\d+$/.test(value) || Number(value) < 1) { console.error(`${usage}\n${flag} takes a positive whole number, not ${JSON.stringify(value)}`); process.exit(2); }
    opts[key] = Number(value);
  }
  return opts;
}

// ---------------------------------------------------------------- checks before running

/** The page's HTML with its own comment and guide regions cut out: what must be identical. */
function hostPart(html) {
  return html
    .replace(/^<!doctype html>\n<!--[\s\S]*?-->\n/i, '')
    .replace(/<!-- guide-head:start -->[\s\S]*?<!-- guide-head:end -->/, '')
    .replace(/<!-- guide:start -->[\s\S]*?<!-- guide:end -->/, '');
}

function checkInputs() {
  if (!existsSync(CHROMIUM)) throw new BenchError(`${CHROMIUM} is missing (apt-get install chromium)`);
  for (const f of ['dist/decision-guide.js', 'dist/decision-guide_bg.wasm']) {
    if (!existsSync(join(root, f))) throw new BenchError(`${f} is missing: build it first (cargo xtask dist)`);
  }
  const hosts = PAGES.map((p) => {
    const file = p.path.startsWith('/bench-pages/') ? join(GENERATED, p.path.slice('/bench-pages/'.length)) : join(root, p.path.replace(/^\/www\//, 'www/'));
    if (!existsSync(file)) throw new BenchError(`${file} is missing`);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('<!-- guide:end -->')) throw new BenchError(`${file}: no <!-- guide:start --> … <!-- guide:end --> region`);
    return hostPart(html).split('\n');
  });
  // A fair comparison needs the same host page around each guide.
  for (let i = 1; i < hosts.length; i++) {
    const line = hosts[0].findIndex((l, n) => l !== hosts[i][n]);
    if (line !== -1 || hosts[0].length !== hosts[i].length) {
      throw new BenchError(`the host page of ${PAGES[i].name}.html differs from ${PAGES[0].name}.html outside the guide regions (near: ${JSON.stringify(hosts[i][line] ?? '(end)')})`);
    }
  }
}

// ---------------------------------------------------------------- generated pages

/** Writes same-static.html, floor.html, floor.js and floor.wasm into target/bench-pages/. */
function writeGeneratedPages() {
  const embed = join(root, 'target/embed');
  for (const f of ['prerender.json', 'widget.min.css']) {
    if (!existsSync(join(embed, f))) throw new BenchError(`target/embed/${f} is missing: build it first (cargo xtask dist)`);
  }
  const { html } = JSON.parse(readFileSync(join(embed, 'prerender.json'), 'utf8'));
  const css = readFileSync(join(embed, 'widget.min.css'), 'utf8');
  if (typeof html !== 'string' || !html.includes('<table')) throw new BenchError('target/embed/prerender.json holds no pre-rendered guide with a table');
  if (/<\/style/i.test(css)) throw new BenchError('the widget stylesheet contains "</style", which cannot sit inside a <style> element');
  const host = readFileSync(join(root, 'www/bench/static.html'), 'utf8');
  const guide = `<div class="dg-root">${html}</div>`;
  // The host page of static.html with its comment and guide regions replaced.
  const page = (comment, head, body) => host
    .replace(/^(<!doctype html>\n)<!--[\s\S]*?-->\n/i, `$1<!-- ${comment} -->\n`)
    .replace(/(<!-- guide-head:start -->)[\s\S]*?(<!-- guide-head:end -->)/, (_, a, b) => `${a}\n${head}\n  ${b}`)
    .replace(/(<!-- guide:start -->)[\s\S]*?(<!-- guide:end -->)/, (_, a, b) => `${a}\n${body}\n${b}`);
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(join(GENERATED, 'same-static.html'), page(
    'Generated by tests/bench/measure.mjs: the widget\'s pre-render as static HTML (declarative shadow root, no JS) in the host page of static.html.',
    '',
    `        <decision-guide><template shadowrootmode="open"><style>${css}</style>${guide}</template></decision-guide>`,
  ));
  writeFileSync(join(GENERATED, 'floor.html'), page(
    'Generated by tests/bench/measure.mjs: the least a module-and-wasm embed can do, in the host page of static.html.',
    '  <link rel="modulepreload" href="floor.js">\n  <link rel="preload" href="floor.wasm" as="fetch" crossorigin>\n  <script type="module" src="floor.js"></script>',
    '        <decision-guide></decision-guide>',
  ));
  writeFileSync(join(GENERATED, 'floor.js'), `// Generated by tests/bench/measure.mjs: an empty wasm on its way first, then the pre-render in a shadow root.
WebAssembly.instantiateStreaming(fetch(new URL('floor.wasm', import.meta.url))).then(() => performance.mark('decision-guide:interactive'));
const html = ${JSON.stringify(guide)};
const css = ${JSON.stringify(css)};
customElements.define('decision-guide', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    shadow.innerHTML = html;
  }
});
`);
  // The smallest valid module: the magic number and version 1.
  writeFileSync(join(GENERATED, 'floor.wasm'), Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
}

// ---------------------------------------------------------------- the server

/** Starts serve.mjs on a free port; resolves { child, base }. */
function startServer() {
  const child = spawn(process.execPath, [join(root, 'tests/e2e/serve.mjs'), '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const fail = (why) => { clearTimeout(timer); child.kill(); reject(new BenchError(`the static server ${why}: ${out.trim()}`)); };
    const timer = setTimeout(() => fail('did not start within 10 s'), 10_000);
    child.stderr.on('data', (d) => { out += d; process.stderr.write(`serve: ${d}`); });
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.on('exit', (code) => { if (!stopping) console.error(`bench: the static server exited early (${code})`); });
        resolvePromise({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}
let stopping = false;

// ---------------------------------------------------------------- in the page

// Runs in every page before its own scripts: watches for the first visible
// table row on each animation frame, and for the widget's first event.
function instrument() {
  const bench = (window.__bench = { firstContent: null, event: null });
  const row = () => {
    const host = document.querySelector('decision-guide');
    const scope = host ? host.shadowRoot : document.getElementById('guide');
    return scope ? scope.querySelector('table tbody tr') : null;
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
  };
  const poll = () => {
    const r = row();
    if (r && visible(r)) bench.firstContent = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  document.addEventListener('decision-change', () => { if (bench.event === null) bench.event = performance.now(); });
}

// True once the page's first content (and, where it has one, its
// interactive moment) has been recorded.
function measured(kind) {
  const b = window.__bench;
  if (!b || b.firstContent === null) return false;
  const mark = (name) => performance.getEntriesByName(name, 'mark').length > 0;
  if (kind === 'mark') return mark('interactive');
  if (kind === 'widget') return b.event !== null || mark('decision-guide:interactive');
  return true;
}

// Reads the figures recorded in the page.
function readings() {
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  return { firstContent: window.__bench.firstContent, event: window.__bench.event, mark: mark('interactive'), widgetMark: mark('decision-guide:interactive') };
}

// Makes `count` answer changes and returns their latencies (ms). Question q
// = (start + s) mod 13; passes over the questions click the first option,
// "Not sure" (last), the second option, "Not sure": every click changes an
// answer. The widget is watched as a whole (its question re-renders even
// where the result does not change, such as answering what was assumed);
// the hand-written page re-renders its result panel on every click.
async function answerChanges({ count, start, stepTimeout }) {
  const host = document.querySelector('decision-guide');
  const scope = host ? host.shadowRoot : document.getElementById('guide');
  const fieldsets = [...scope.querySelectorAll('fieldset[data-question]')];
  if (fieldsets.length === 0) throw new Error('no question fieldsets found');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const latencies = [];
  for (let s = 0; s < count; s++) {
    const fieldset = fieldsets[(start + s) % fieldsets.length];
    const inputs = fieldset.querySelectorAll('input[type=radio]');
    const pass = Math.floor(s / fieldsets.length) % 4;
    const input = [inputs[0], inputs[inputs.length - 1], inputs[1], inputs[inputs.length - 1]][pass];
    const what = `question ${fieldset.dataset.question}, option ${[...inputs].indexOf(input) + 1}`;
    if (input.checked) throw new Error(`change ${s}: ${what} is already checked`);
    // Looked up each time, in case a re-render replaced it.
    const panel = host ? scope.querySelector('.dg') : document.getElementById('result');
    if (!panel) throw new Error('no result panel found');
    latencies.push(await new Promise((done, fail) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        const t1 = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        done(t1 - t0);
      });
      const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`change ${s} (${what}): nothing on the page changed within ${stepTimeout} ms`)); }, stepTimeout);
      observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
      t0 = performance.now();
      input.click();
    }));
    await frame();
    await frame();
  }
  return latencies;
}

// `cycles` times: a new <decision-guide>, appended, its table awaited, removed.
async function widgetCycles({ cycles, cycleTimeout }) {
  const t0 = performance.now();
  for (let i = 0; i < cycles; i++) {
    const el = document.createElement('decision-guide');
    document.body.append(el);
    if (!el.shadowRoot) throw new Error(`cycle ${i}: the new element has no shadow root (is <decision-guide> defined?)`);
    await new Promise((done, fail) => {
      const ready = () => el.shadowRoot.querySelector('table') !== null;
      if (ready()) { done(); return; }
      const timer = setTimeout(() => { observer.disconnect(); fail(new Error(`cycle ${i}: no table within ${cycleTimeout} ms`)); }, cycleTimeout);
      const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); clearTimeout(timer); done(); } });
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
    });
    el.remove();
    // disconnectedCallback frees the widget in a microtask; let it run.
    await new Promise((r) => setTimeout(r, 0));
  }
  return performance.now() - t0;
}

// The wasm memory size, if the element class exposes it (number or function).
function wasmMemory() {
  const cls = customElements.get('decision-guide');
  let v;
  try { v = cls?.wasmMemoryBytes; if (typeof v === 'function') v = v.call(cls); } catch { v = undefined; }
  return typeof v === 'number' ? v : null;
}

// ---------------------------------------------------------------- in Node

const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

function stats(samples) {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  const pct = (p) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
  return {
    n: s.length, min: round(s[0], 2), p50: round(pct(50), 2), p95: round(pct(95), 2), max: round(s.at(-1), 2),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2), samples: samples.map((x) => round(x, 2)),
  };
}

/** Sizes of the files behind the URLs a page loaded, from disk. */
function sizes(urls) {
  const files = [...urls].sort().map((url) => {
    const r = route(defaultMounts, new URL(url).pathname);
    if (!r.mount) throw new BenchError(`cannot map ${url} to a file (${r.status} ${r.text})`);
    const file = join(r.mount.dir, r.rel);
    const body = readFileSync(file);
    return {
      url: new URL(url).pathname,
      file: file.slice(root.length),
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
    };
  });
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** One cold load of `page`: a fresh context, cache off; resolves its figures. */
async function load(browser, base, page, { changes = 0, start = 0 } = {}) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await tab.addInitScript(instrument);
    const loaded = new Set();
    const failed = [];
    const errors = [];
    tab.on('response', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'http:' || url.pathname === '/favicon.ico') return;
      if (r.status() >= 200 && r.status() < 300) loaded.add(r.url());
      else failed.push(`${url.pathname} → ${r.status()}`);
    });
    tab.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} → ${r.failure()?.errorText}`));
    tab.on('pageerror', (e) => errors.push(e.message));
    const trouble = () => [failed.length ? `failed requests: ${failed.join(', ')}` : '', errors.length ? `page errors: ${errors.join(' | ')}` : ''].filter(Boolean).join('; ') || 'no failed request or page error seen';

    const response = await tab.goto(base + page.path, { waitUntil: 'load', timeout: LOAD_TIMEOUT }).catch((e) => {
      throw new BenchError(`${page.name}: ${page.path} did not load: ${e.message.split('\n')[0]}`);
    });
    if (!response || !response.ok()) throw new BenchError(`${page.name}: ${page.path} answered ${response?.status()}`);
    if (failed.length) throw new BenchError(`${page.name}: ${trouble()}`);
    await tab.waitForFunction(measured, page.interactive, { timeout: LOAD_TIMEOUT, polling: 20 }).catch(() => {
      const what = page.interactive ? 'first content or the interactive signal' : 'first content';
      throw new BenchError(`${page.name}: ${what} never came within ${LOAD_TIMEOUT / 1000} s (${trouble()})`);
    });
    const r = await tab.evaluate(readings);
    let interactive = null;
    if (page.interactive === 'mark') interactive = r.mark;
    if (page.interactive === 'widget') interactive = Math.min(...[r.event, r.widgetMark].filter((x) => x !== null));

    let latencies = [];
    if (changes > 0) {
      latencies = await tab.evaluate(answerChanges, { count: changes, start, stepTimeout: STEP_TIMEOUT }).catch((e) => {
        throw new BenchError(`${page.name}: answer changes: ${e.message.split('\n')[0]} (${trouble()})`);
      });
    }
    if (errors.length) throw new BenchError(`${page.name}: ${trouble()}`);
    return { firstContent: r.firstContent, interactive, interactiveVia: page.interactive === 'widget' ? (r.widgetMark !== null && r.widgetMark <= (r.event ?? Infinity) ? 'mark' : 'event') : null, latencies, urls: loaded };
  } finally {
    await context.close();
  }
}

/** The widget's memory before and after `cycles` create/append/render/remove cycles. */
async function memory(browser, base, cycles) {
  const page = PAGES.find((p) => p.name === 'widget');
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.addInitScript(instrument);
    await tab.goto(base + page.path, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await tab.waitForFunction(measured, page.interactive, { timeout: LOAD_TIMEOUT, polling: 20 }).catch(() => {
      throw new BenchError('memory: the widget page never became interactive');
    });
    const cdp = await context.newCDPSession(tab);
    const snapshot = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const heap = await cdp.send('Runtime.getHeapUsage');
      return { nodes: dom.nodes, documents: dom.documents, jsEventListeners: dom.jsEventListeners, heapUsedBytes: heap.usedSize, heapTotalBytes: heap.totalSize, wasmMemoryBytes: await tab.evaluate(wasmMemory) };
    };
    // A few cycles first: the first removed widget's app stays pooled for
    // the next one (by design), and wasm memory grows to its working size.
    await tab.evaluate(widgetCycles, { cycles: WARM_UP_CYCLES, cycleTimeout: CYCLE_TIMEOUT }).catch((e) => {
      throw new BenchError(`memory warm-up: ${e.message.split('\n')[0]}`);
    });
    const before = await snapshot();
    const ms = await tab.evaluate(widgetCycles, { cycles, cycleTimeout: CYCLE_TIMEOUT }).catch((e) => {
      throw new BenchError(`memory: ${e.message.split('\n')[0]}`);
    });
    const after = await snapshot();
    const perCycle = {};
    for (const k of ['nodes', 'jsEventListeners', 'heapUsedBytes', 'wasmMemoryBytes']) {
      perCycle[k] = before[k] === null || after[k] === null ? null : round((after[k] - before[k]) / cycles, 3);
    }
    return { cycles, warmUpCycles: WARM_UP_CYCLES, msTotal: round(ms), msPerCycle: round(ms / cycles, 2), before, after, growthPerCycle: perCycle };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- output

const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : 'n/a');

function printTable(results, opts) {
  const head = ['page', 'raw KB', 'gzip KB', 'br KB', 'first content ms', 'interactive ms', 'answer→DOM p50 / p95 ms'];
  const rows = results.map((r) => [
    r.name, kb(r.bytes.raw), kb(r.bytes.gzip), kb(r.bytes.brotli),
    ms(r.firstContentMs?.p50), ms(r.interactiveMs?.p50),
    r.answerToDomMs ? `${ms(r.answerToDomMs.p50)} / ${ms(r.answerToDomMs.p95)}` : '—',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(`\n${opts.loads} cold loads per page (fresh context, cache off, after 1 uncounted warm-up load each); times are medians, from navigation start.`);
  console.log(line(head));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

function printRatios(ratios, results) {
  console.log('');
  console.log(`widget first content vs static:   ${ratios.firstContentWidgetVsStatic ?? 'n/a'}×`);
  console.log(`widget interactive vs vanilla:    ${ratios.interactiveWidgetVsVanilla ?? 'n/a'}×`);
  console.log(`widget answer→DOM p50 vs vanilla: ${ratios.answerToDomP50WidgetVsVanilla ?? 'n/a'}×`);
  const later = results.find((r) => r.name === 'widget').answerToDomLaterMs;
  if (later) console.log(`widget answer→DOM after the first ${FIRST_CHANGES} changes of each load: p50 ${ms(later.p50)} / p95 ${ms(later.p95)} ms`);
  console.log(`same-static first content vs static: ${ratios.firstContentSameStaticVsStatic ?? 'n/a'}× (the same content as the widget, no JS)`);
  console.log(`widget first content vs same-static: ${ratios.firstContentWidgetVsSameStatic ?? 'n/a'}×`);
  console.log(`floor first content vs static:    ${ratios.firstContentFloorVsStatic ?? 'n/a'}×  interactive vs vanilla: ${ratios.interactiveFloorVsVanilla ?? 'n/a'}× (an external module and an empty wasm)`);
}

function printMemory(m) {
  const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
  const row = (label, k, fmt = String, unit = '') => {
    if (m.before[k] === null || m.after[k] === null) { console.log(`  ${label.padEnd(20)} n/a`); return; }
    const g = m.growthPerCycle[k];
    console.log(`  ${label.padEnd(20)} ${fmt(m.before[k])} → ${fmt(m.after[k])}  (${g >= 0 ? '+' : ''}${g}${unit} per cycle)`);
  };
  console.log(`\nmemory (widget): ${m.cycles} cycles of create, append, render its table, remove; ${m.msPerCycle} ms per cycle; forced GC (x2) before each reading`);
  row('DOM nodes', 'nodes');
  row('JS event listeners', 'jsEventListeners');
  row('JS heap used', 'heapUsedBytes', mb, ' B');
  row('wasm memory', 'wasmMemoryBytes', mb, ' B');
}

/** The JSON object already in `path` ({} if none); refuses anything else. */
function readJsonObject(path) {
  if (!existsSync(path)) return {};
  let doc;
  try { doc = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { throw new BenchError(`${path} is not valid JSON (${e.message}); not overwriting it`); }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new BenchError(`${path} does not hold a JSON object; not overwriting it`);
  return doc;
}

/** Merges the figures into `path` under "browser", keeping its other keys. */
function writeJson(path, browserFigures) {
  const doc = readJsonObject(path);
  doc.browser = browserFigures;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  writeGeneratedPages();
  checkInputs();
  readJsonObject(opts.json); // fail now rather than after the run
  const server = await startServer();
  let browser;
  const stop = async () => {
    stopping = true;
    await browser?.close().catch(() => {});
    server.child.kill();
  };
  process.once('SIGINT', () => { stop().finally(() => process.exit(130)); });
  try {
    const port = Number(new URL(server.base).port);
    if (port === 4173 || port === 8080) throw new BenchError(`the server got port ${port}, which the tests or xtask serve use`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    console.log(`bench: Chromium ${browser.version()}, server ${server.base}, ${opts.loads} loads, ≥${opts.changes} answer changes, ${opts.cycles} memory cycles`);

    const perLoad = Math.ceil(opts.changes / opts.loads);
    const samples = Object.fromEntries(PAGES.map((p) => [p.name, { firstContent: [], interactive: [], latencies: [], laterLatencies: [], urls: new Set(), via: new Set() }]));
    for (const page of PAGES) await load(browser, server.base, page); // warm-up, not counted
    for (let i = 0; i < opts.loads; i++) {
      for (const page of PAGES) {
        const r = await load(browser, server.base, page, page.answers ? { changes: perLoad, start: i * perLoad } : {});
        const s = samples[page.name];
        s.firstContent.push(r.firstContent);
        if (r.interactive !== null) s.interactive.push(r.interactive);
        if (r.interactiveVia) s.via.add(r.interactiveVia);
        s.latencies.push(...r.latencies);
        s.laterLatencies.push(...r.latencies.slice(FIRST_CHANGES));
        r.urls.forEach((u) => s.urls.add(u));
      }
      if (process.stdout.isTTY) process.stdout.write(`\rbench: load ${i + 1}/${opts.loads} of each page done`);
    }
    if (process.stdout.isTTY) process.stdout.write('\n');

    const results = PAGES.map((p) => {
      const s = samples[p.name];
      return {
        name: p.name, path: p.path, bytes: sizes(s.urls),
        firstContentMs: stats(s.firstContent), interactiveMs: stats(s.interactive),
        interactiveSignal: p.interactive === 'mark' ? "performance.mark('interactive')" : p.interactive === 'widget' ? [...s.via].map((v) => (v === 'mark' ? "performance.mark('decision-guide:interactive')" : 'first decision-change event')).join(' / ') : null,
        answerToDomMs: stats(s.latencies),
        // The same without the first FIRST_CHANGES of each load: whatever
        // runs for the first time after a load (the wasm's code is compiled
        // lazily, then optimised once hot) shows as the difference.
        answerToDomLaterMs: stats(s.laterLatencies),
      };
    });
    const by = Object.fromEntries(results.map((r) => [r.name, r]));
    const r2 = (a, b) => (a && b ? round(a / b, 2) : null);
    const ratios = {
      firstContentWidgetVsStatic: r2(by.widget.firstContentMs?.p50, by.static.firstContentMs?.p50),
      interactiveWidgetVsVanilla: r2(by.widget.interactiveMs?.p50, by.vanilla.interactiveMs?.p50),
      firstContentWidgetVsSameStatic: r2(by.widget.firstContentMs?.p50, by['same-static'].firstContentMs?.p50),
      firstContentSameStaticVsStatic: r2(by['same-static'].firstContentMs?.p50, by.static.firstContentMs?.p50),
      firstContentFloorVsStatic: r2(by.floor.firstContentMs?.p50, by.static.firstContentMs?.p50),
      interactiveFloorVsVanilla: r2(by.floor.interactiveMs?.p50, by.vanilla.interactiveMs?.p50),
      answerToDomP50WidgetVsVanilla: r2(by.widget.answerToDomMs?.p50, by.vanilla.answerToDomMs?.p50),
      gzipBytesWidgetVsVanilla: r2(by.widget.bytes.gzip, by.vanilla.bytes.gzip),
    };
    printTable(results, opts);
    printRatios(ratios, results);

    console.log(`\nbench: memory, ${opts.cycles} cycles…`);
    const mem = await memory(browser, server.base, opts.cycles);
    printMemory(mem);

    writeJson(opts.json, {
      date: new Date().toISOString(),
      chromium: browser.version(),
      options: { loads: opts.loads, changesRequested: opts.changes, changesPerLoad: perLoad, cycles: opts.cycles, firstChangesLeftOut: FIRST_CHANGES },
      method: 'cold loads in fresh contexts with the cache off, pages in turn, 1 uncounted warm-up load each; times in ms from navigation start; first content = first animation frame with a visible comparison-table body row; answer→DOM = input.click() to the first MutationObserver callback on the result panel; bytes from the files on disk (gzip -9, brotli q11)',
      pages: by,
      ratios,
      memory: mem,
    });
    console.log(`\nbench: figures written to ${opts.json} (key "browser")`);
  } finally {
    await stop();
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${WATCHDOG / 60_000} minutes`);
  process.exit(1);
}, WATCHDOG);
watchdog.unref();

main().then(() => process.exit(0), (e) => {
  console.error(e instanceof BenchError ? `bench: ${e.message}` : `bench: ${e.stack || e}`);
  process.exit(1);
});

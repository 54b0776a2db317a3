// Battery, part 4: leaks. 500 cycles of create / append / wait until live /
// remove, 500 cycles of create / append / remove within one task, and 200 changes of the `answers` attribute on a connected guide.
// After a forced GC (CDP HeapProfiler.collectGarbage), the DOM node and JS
// event-listener counts (CDP Memory.getDOMCounters) must be flat — a small
// constant, not growth per cycle — and the wasm memory
// (`customElements.get('decision-guide').wasmMemoryBytes`) may grow by at
// most one 64 KiB page after a warm-up of 50 cycles.
import { addGuide, expect, ready, record, test } from './battery.mjs';

const PAGE = 65536;

/** Counts after a full GC: DOM nodes, documents, JS listeners, wasm memory, JS heap. */
async function measure(page, cdp) {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => customElements.get('decision-guide').wasmMemoryBytes);
  return { nodes: dom.nodes, documents: dom.documents, listeners: dom.jsEventListeners, wasm, heap: heap.usedSize };
}

/**
 * Checks `series` (one measure per checkpoint; [0] after the warm-up) for
 * growth, with a message that gives the growth per cycle.
 */
function expectFlat(series, cyclesPerStep, what) {
  const first = series[0];
  const last = series.at(-1);
  const cycles = cyclesPerStep * (series.length - 1);
  const table = series.map((m, i) => `${i * cyclesPerStep}: nodes ${m.nodes}, listeners ${m.listeners}, wasm ${m.wasm}, heap ${m.heap}`).join('\n  ');
  const per = (k) => ((last[k] - first[k]) / cycles).toFixed(3);
  expect(last.nodes - first.nodes, `${what}: DOM nodes grew by ${last.nodes - first.nodes} over ${cycles} cycles (${per('nodes')} per cycle)\n  ${table}`).toBeLessThanOrEqual(20);
  expect(last.listeners - first.listeners, `${what}: JS event listeners grew by ${last.listeners - first.listeners} over ${cycles} cycles (${per('listeners')} per cycle)\n  ${table}`).toBeLessThanOrEqual(2);
  expect(last.documents, `${what}: documents`).toBe(first.documents);
  expect(last.wasm - first.wasm, `${what}: wasm memory grew by ${last.wasm - first.wasm} bytes over ${cycles} cycles (${per('wasm')} bytes per cycle; at most one 64 KiB page allowed)\n  ${table}`).toBeLessThanOrEqual(PAGE);
  // The JS heap is noisy (code, feedback vectors); a leaked guide retains far more than 1 KB.
  expect(last.heap - first.heap, `${what}: JS heap grew by ${last.heap - first.heap} bytes over ${cycles} cycles (${per('heap')} per cycle)\n  ${table}`).toBeLessThan(1024 * cycles);
}

/**
 * Runs 500 create / append / remove cycles on the empty page, in batches of
 * 50 each in one `page.evaluate`; `live` waits until each guide is live
 * (and has a result) before removing it, otherwise the removal comes in
 * the same task. Returns the measure before any cycle and one after each
 * batch.
 */
async function cycles(page, live) {
  await page.goto('/www/battery/empty.html');
  await page.waitForFunction(() => customElements.get('decision-guide')?.wasmMemoryBytes > 0);
  const cdp = await page.context().newCDPSession(page);
  const start = await measure(page, cdp);
  const run = (n, offset) => page.evaluate(async ({ n, offset, live }) => {
    const parent = document.getElementById('a');
    for (let i = 0; i < n; i++) {
      const el = document.createElement('decision-guide');
      // Different starting answers and a listener each time, as a page would.
      if ((offset + i) % 3 === 0) el.setAttribute('answers', '{"aws_controls": true}');
      if ((offset + i) % 3 === 1) el.answers = { shape: 'multi_step', tools_actions: true };
      el.addEventListener('decision-change', () => {});
      parent.append(el);
      if (live) {
        while (el.shadowRoot.querySelector('.dg')?.dataset.live !== 'true') await new Promise((r) => setTimeout(r, 0));
        if (!el.result) throw new Error(`cycle ${offset + i}: live without a result`);
      }
      el.remove();
    }
  }, { n, offset, live });
  await run(50, 0);
  const series = [await measure(page, cdp)];
  for (let done = 50; done < 500; done += 50) {
    await run(50, done);
    series.push(await measure(page, cdp));
  }
  return { start, series };
}

test('500 create / append / live / remove cycles leave nodes, listeners and wasm memory flat', async ({ page }) => {
  test.setTimeout(300_000);
  const log = record(page);
  const { start, series } = await cycles(page, true);
  console.log(`create/remove: 500 cycles; before any: ${JSON.stringify(start)}; after 50: ${JSON.stringify(series[0])}; after 500: ${JSON.stringify(series.at(-1))}`);
  expect(await page.evaluate(() => document.querySelectorAll('decision-guide').length)).toBe(0);
  expect(log.errors).toEqual([]);
  expectFlat(series, 50, '500 create/remove cycles');
});

test('500 create / append / remove cycles in the same task, as a framework re-keying a list does, leave everything flat', async ({ page }) => {
  test.setTimeout(300_000);
  const log = record(page);
  // Each batch runs in one task: no microtask, no render, between an
  // element's creation and its removal.
  const { start, series } = await cycles(page, false);
  console.log(`same-task create/remove: 500 cycles; before any: ${JSON.stringify(start)}; after 50: ${JSON.stringify(series[0])}; after 500: ${JSON.stringify(series.at(-1))}`);
  // The page still works afterwards: a guide added now goes live.
  await addGuide(page, { id: 'after' });
  await ready(page, '#after');
  expect(log.errors).toEqual([]);
  expectFlat(series, 50, '500 same-task create/remove cycles');
  // Not even the first batch made a widget: removed before it could start.
  expect(series.at(-1).wasm - start.wasm, `wasm memory from before any cycle (${start.wasm}) to after 500 (${series.at(-1).wasm})`).toBeLessThanOrEqual(PAGE);
});

test('200 changes of the answers attribute on a connected guide leave everything flat', async ({ page }) => {
  test.setTimeout(180_000);
  const log = record(page);
  await page.goto('/www/battery/empty.html');
  await page.evaluate(() => {
    const el = document.createElement('decision-guide');
    el.id = 'g';
    document.getElementById('a').append(el);
  });
  await ready(page, '#g');
  const cdp = await page.context().newCDPSession(page);
  // Valid answers, a different path each time round, and every fifth one
  // invalid (an error banner comes and goes).
  const run = (n, offset) => page.evaluate(async ({ n, offset }) => {
    const el = document.getElementById('g');
    const sets = [
      '{"aws_controls": true}',
      '{"shape": "multi_step", "tools_actions": true, "approval_resume": true, "app_owns_control": false}',
      '{}',
      '{"shape": "single", "customer_facing": true, "newest_features": true}',
      '{"shape": "nope"}',
    ];
    for (let i = 0; i < n; i++) {
      el.setAttribute('answers', sets[(offset + i) % sets.length]);
      await new Promise((r) => setTimeout(r, 0));
    }
    return el.result.path;
  }, { n, offset });
  await run(50, 0);
  const series = [await measure(page, cdp)];
  for (let done = 50; done < 200; done += 25) {
    await run(25, done);
    series.push(await measure(page, cdp));
  }
  console.log(`attribute changes: 200; after 50: ${JSON.stringify(series[0])}; after 200: ${JSON.stringify(series.at(-1))}`);
  expect(log.errors).toEqual([]);
  expectFlat(series, 25, '200 answers-attribute changes');
  // Still the right answer at the end.
  await page.evaluate(() => document.getElementById('g').setAttribute('answers', '{"aws_controls": true}'));
  expect(await page.evaluate(() => document.getElementById('g').result.path)).toBe('bedrock-models');
});

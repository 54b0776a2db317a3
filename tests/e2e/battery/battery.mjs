// Shared helpers of the adversarial battery (issue "Trust"): Playwright's
// `test` with `window.settle()`, the check for a stale dist/, recording
// what a page does (requests, console, errors, dialogs), and looking for
// anything injected into the document or any shadow root. What every spec
// shares (the CLI as the oracle, the guide, waiting for a guide to go live)
// is in ../helpers.mjs, re-exported here. Not a spec itself: the *.spec.mjs
// files next to it import it.
import { test as base, expect } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers.mjs';

export { addGuide, classify, cli, guide, presetValue, ready, root } from '../helpers.mjs';
export { expect };

/**
 * Gives a page `window.settle()`: resolves after two macrotasks, by when
 * the widget has rendered what the last synchronous change asked for.
 * Every battery page goes through here, so this is also where a stale
 * dist/ is reported.
 */
export async function addSettle(page) {
  if (staleDist) throw new Error(staleDist);
  await page.addInitScript(() => {
    window.settle = () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
  });
}

/** Playwright's `test`, whose `page` has `window.settle()`. */
export const test = base.extend({
  page: async ({ page }, use) => {
    await addSettle(page);
    await use(page);
  },
});

/** The newest file under `dir` (recursively): [path, mtime in ms]. */
function newest(dir) {
  let best = ['', 0];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newest(path) : [path, statSync(path).mtimeMs];
    if (found[1] > best[1]) best = found;
  }
  return best;
}

// The CLI oracle is rebuilt from the current source (../helpers.mjs);
// dist/ is not.
// Comparing a stale dist/ with a fresh CLI would report differences that
// are only a missing `cargo xtask dist`, so each battery test that opens a
// page says that instead (not thrown here: a file that fails to load would
// stop every other spec of the run too).
export const staleDist = (() => {
  let built;
  try {
    built = Math.min(...['dist/decision-guide.js', 'dist/decision-guide_bg.wasm'].map((f) => statSync(join(root, f)).mtimeMs));
  } catch {
    return 'dist/ is missing decision-guide.js or decision-guide_bg.wasm: run `cargo xtask dist` before the battery';
  }
  for (const dir of ['crates/core/src', 'crates/core/guides']) {
    const [file, time] = newest(join(root, dir));
    if (time > built) return `dist/ is older than ${file.slice(root.length)}: run \`cargo xtask dist\` before the battery (the CLI it is compared with is built from the current source)`;
  }
  return null;
})();

/** In the page: whether the guide `el` is live (its wasm took over). */
export const isLiveSource = (el) => el?.shadowRoot?.querySelector('.dg')?.dataset.live === 'true';

/**
 * Answers question `qid` of the guide `host` with the option of code `code`
 * (0 is "Not sure") by clicking, as a reader does: a folded group of
 * refining questions is opened by its summary first.
 */
export async function choose(page, host, qid, code) {
  const group = page.locator(`${host} details.dg-refine:has(fieldset[data-question="${qid}"])`);
  if ((await group.count()) > 0 && !(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  await page.locator(`${host} fieldset[data-question="${qid}"] label[data-answer="${code}"]`).click();
}

/**
 * Records what a page does from now on: requests (URL), console messages
 * (type, text), page errors and dialogs (dismissed at once).
 */
export function record(page) {
  const log = { requests: [], console: [], errors: [], dialogs: [], failed: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e.stack || e.message)));
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return log;
}

/**
 * In the page: what could have been injected, counted over the document and
 * every open shadow root: elements that run or load things, event-handler
 * attributes, javascript: URLs, and the page's canary.
 */
export async function injection(page) {
  return page.evaluate(() => {
    const found = { img: 0, script: 0, iframe: 0, object: 0, embed: 0, svg: 0, link: 0, style: 0, handlers: [], jsUrls: [], shadowRoots: 0 };
    const walk = (rootNode) => {
      for (const el of rootNode.querySelectorAll('*')) {
        const tag = el.localName;
        if (tag in found && typeof found[tag] === 'number') found[tag]++;
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.handlers.push(`${tag}[${a.name}]`);
          if (/^\s*javascript:/i.test(a.value) && /^(href|src|action|formaction|xlink:href|data)$/i.test(a.name)) found.jsUrls.push(`${tag}[${a.name}]`);
        }
        if (el.shadowRoot) { found.shadowRoots++; walk(el.shadowRoot); }
      }
    };
    walk(document);
    return { ...found, canary: window.canary };
  });
}

/** Asserts nothing was injected compared with `before` (from `injection`). */
export async function expectNothingInjected(page, before, what) {
  const after = await injection(page);
  for (const tag of ['img', 'script', 'iframe', 'object', 'embed', 'svg', 'link', 'style']) {
    expect(after[tag], `${what}: new <${tag}> elements in the document or a shadow root`).toBe(before[tag]);
  }
  expect(after.handlers, `${what}: event-handler attributes appeared`).toEqual(before.handlers);
  expect(after.jsUrls, `${what}: javascript: URLs appeared`).toEqual(before.jsUrls);
  expect(after.canary, `${what}: window.canary was changed by injected code`).toBe('untouched');
}

/** The element that has focus, looking through shadow roots: "tag.class" plus data. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    let host = null;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) { host = el; el = el.shadowRoot.activeElement; }
    if (!el) return null;
    return {
      host: host ? host.id || host.localName : null,
      tag: el.localName,
      cls: typeof el.className === 'string' ? el.className : '',
      question: el.closest?.('fieldset')?.dataset.question ?? null,
      value: el.value ?? null,
      checked: el.checked ?? null,
      text: (el.getAttribute?.('aria-label') || el.textContent || '').trim().slice(0, 120),
    };
  });
}

/** A short description of the page's console errors, for messages. */
export function errorsOf(log) {
  return log.console.filter((m) => m.type === 'error').map((m) => m.text.slice(0, 300));
}

/**
 * What `injection` should find on the current page if nothing was injected:
 * the page's own source parsed inertly (DOMParser runs nothing), and no
 * handlers or javascript: URLs.
 */
export async function sourceBaseline(page) {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href.split('#')[0], { cache: 'no-store' })).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const found = { img: 0, script: 0, iframe: 0, object: 0, embed: 0, svg: 0, link: 0, style: 0, handlers: [], jsUrls: [] };
    for (const el of doc.querySelectorAll('*')) if (typeof found[el.localName] === 'number') found[el.localName]++;
    return found;
  });
}

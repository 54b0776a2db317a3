// End-to-end tests of every surface in dist/ besides the module, in Debian's
// Chromium: the iframe embed (embed.html) fitted to its content by the
// parent snippet, with ?theme, ?answers and the fragment permalink; the
// single file (decision-guide.html) from file:// with no network; the one
// classic script (decision-guide.inline.js) on a host with no .wasm; the
// npm package layout (package.json, `npm pack --dry-run`); dist/index.html
// opened from disk; the dev loop's page (`trunk build`); and each way the
// wasm can fail (a CSP without 'wasm-unsafe-eval', a 404, the wrong MIME
// type, a truncated file), where the static guide must stay readable under
// a notice that says why, and nothing may throw unhandled. The CLI is the
// oracle for every result.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The CLI is the oracle.
import { classify, expected, guide, presetValue, ready, root } from './helpers.mjs';
import { createStaticServer } from './serve.mjs';

const dist = join(root, 'dist');

/** Collects uncaught errors and unhandled rejections, and console output. */
function watch(page) {
  const seen = { errors: [], console: [] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  return seen;
}

/** Picks each preset in turn in `scope` and checks the result against the CLI. */
async function everyPresetLikeTheCli(scope, ids = guide.presets.map((p) => p.id)) {
  for (const id of ids) {
    await scope.locator('decision-guide select').selectOption(presetValue(id));
    await expect(scope.locator('decision-guide tr[data-recommended="true"]')).toHaveAttribute('data-path', expected[id].path);
    const result = await scope.locator('decision-guide').evaluate((el) => el.result);
    expect(result, id).toEqual(expected[id]);
  }
}

/** The static guide is there and readable: questions, comparison table, rule of thumb. */
async function staticGuideReadable(page) {
  const guideEl = page.locator('decision-guide');
  await expect(guideEl.locator('.dg[data-live="false"]')).toBeVisible();
  await expect(guideEl.locator('.dg-q')).toHaveCount(guide.questions.length);
  await expect(guideEl.locator('.dg-q').first()).toBeVisible();
  await expect(guideEl.locator('.dg-compare table')).toBeVisible();
  await expect(guideEl.locator('.dg-thumb')).toBeVisible();
  expect(await guideEl.evaluate((el) => el.result)).toBeNull();
}

test.describe('embed.html, the iframe surface', () => {
  test('the frame fits the guide, and follows it when answers change', async ({ page }) => {
    const seen = watch(page);
    await page.goto('/www/surfaces/iframe-host.html');
    const frameEl = page.locator('iframe#decision-guide');
    const frame = page.frameLocator('iframe#decision-guide');
    await ready(frame);
    const inner = page.frames().find((f) => f.url().includes('/embed.html'));

    // The frame's height is the inner document's, within 2 px, with nothing to scroll inside.
    async function fitted() {
      await expect.poll(async () => {
        const outer = (await frameEl.boundingBox()).height;
        const content = await inner.evaluate(() => document.documentElement.getBoundingClientRect().height);
        return Math.abs(outer - content);
      }).toBeLessThanOrEqual(2);
      const scroll = await inner.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      expect(scroll).toBeLessThanOrEqual(1);
      return (await frameEl.boundingBox()).height;
    }

    const heights = [await fitted()];
    await everyPresetLikeTheCli(frame, ['support-ticket-summaries', 'invoice-approval']);
    heights.push(await fitted());
    await frame.locator('decision-guide .dg-reset').click();
    heights.push(await fitted());
    // A narrower page makes the guide taller: the frame follows that too.
    await page.setViewportSize({ width: 480, height: 800 });
    heights.push(await fitted());
    expect(new Set(heights).size, `frame heights ${heights}`).toBeGreaterThan(1);
    expect(heights.at(-1)).toBeGreaterThan(heights[2]);
    // The page around it reflows with the frame.
    const after = await page.locator('#after').boundingBox();
    const box = await frameEl.boundingBox();
    expect(after.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(seen.errors).toEqual([]);
  });

  test('?answers= and ?theme=dark', async ({ page }) => {
    const seen = watch(page);
    const answers = { shape: 'multi_step', tools_actions: true, approval_resume: true };
    await page.goto(`/www/surfaces/iframe-host.html?theme=dark&answers=${encodeURIComponent(JSON.stringify(answers))}`);
    const frame = page.frameLocator('iframe#decision-guide');
    await ready(frame);
    const el = frame.locator('decision-guide');
    await expect(el).toHaveAttribute('theme', 'dark');
    expect(await el.evaluate((e) => getComputedStyle(e).colorScheme)).toBe('dark');
    // Dark means a dark background behind the text, not only the attribute.
    const bg = await frame.locator('decision-guide .dg').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    expect(r + g + b, `background ${bg}`).toBeLessThan(3 * 80);
    expect(await el.evaluate((e) => e.answers)).toEqual(answers);
    expect(await el.evaluate((e) => e.result)).toEqual(classify(answers));
    expect(seen.errors).toEqual([]);
  });

  test('the fragment permalink reopens the same answers, and bad ?answers= are reported', async ({ page }) => {
    const answers = { shape: 'single', data_in_aws: true };
    await page.goto(`/embed.html?answers=${encodeURIComponent(JSON.stringify(answers))}`);
    await ready(page);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#dg=/);
    const hash = await page.evaluate(() => location.hash);
    const want = classify(answers);
    expect(await page.locator('decision-guide').evaluate((e) => e.result)).toEqual(want);

    await page.goto('about:blank');
    await page.goto(`/embed.html${hash}`);
    await ready(page);
    expect(await page.locator('decision-guide').evaluate((e) => e.result)).toEqual(want);

    await page.goto('about:blank');
    await page.goto('/embed.html?theme=neon&answers=%7Bnot%20json');
    await ready(page);
    await expect(page.locator('decision-guide .dg-error')).toContainText('not valid JSON');
    await expect(page.locator('decision-guide')).not.toHaveAttribute('theme', /./);
  });
});

test('decision-guide.html opened from file:// with no network is interactive and agrees with the CLI', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-single-'));
  try {
    copyFileSync(join(dist, 'decision-guide.html'), join(dir, 'decision-guide.html'));
    const context = await browser.newContext();
    const network = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      network.push(url);
      return route.abort();
    });
    await context.setOffline(true);
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(pathToFileURL(join(dir, 'decision-guide.html')).href);
    await ready(page);
    await expect(page).toHaveTitle(/decision guide/i);
    await everyPresetLikeTheCli(page);
    // The permalink works from file:// too.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#dg=/);
    expect(network).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dist/index.html opened from disk runs the classic script beside it, offline, and agrees with the CLI', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'dg-disk-'));
  try {
    for (const f of ['index.html', 'decision-guide.js', 'decision-guide_bg.wasm', 'decision-guide.inline.js']) copyFileSync(join(dist, f), join(dir, f));
    const context = await browser.newContext();
    await context.setOffline(true);
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await ready(page);
    await everyPresetLikeTheCli(page, ['support-ticket-summaries', 'invoice-approval']);
    expect(seen.errors).toEqual([]);
    // The only complaint is the browser's refusal of the module from file://.
    const others = seen.console.filter((l) => l.startsWith('error') && !/CORS|origin 'null'|Failed to load resource/.test(l));
    expect(others).toEqual([]);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the dev loop (trunk build) starts the element as dist/ does: the pre-render first, then live', async ({ page }) => {
  expect(existsSync(join(root, 'target/trunk/index.html')), 'no trunk build in target/trunk: run `trunk build index.html` (cargo xtask test does) first').toBe(true);
  const seen = watch(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/dev/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/dev/index.html');
  // Before the wasm: the same static guide and the same texts as dist/.
  await staticGuideReadable(page);
  const prerender = JSON.parse(readFileSync(join(root, 'target/trunk/prerender.json'), 'utf8'));
  expect(prerender.texts.loading).toBe('Loading the guide…');
  release();
  await ready(page);
  await everyPresetLikeTheCli(page, ['support-ticket-summaries', 'invoice-approval']);
  expect(seen.errors).toEqual([]);
});

/** Serves `files` ({ name: source path }) alone from a temporary folder; resolves { url, close }. */
async function serveAlone(files) {
  const dir = mkdtempSync(join(tmpdir(), 'dg-alone-'));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
  const server = createStaticServer([{ prefix: '/', dir }]);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => { server.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

test.describe('decision-guide.inline.js, one classic script', () => {
  const files = {
    'index.html': join(root, 'www/surfaces/inline-script.html'),
    'csp.html': join(root, 'www/surfaces/inline-script-csp.html'),
    'decision-guide.inline.js': join(dist, 'decision-guide.inline.js'),
  };

  test('works on a host that serves no .wasm at all', async ({ page }) => {
    const host = await serveAlone(files);
    try {
      const seen = watch(page);
      const requests = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(host.url);
      await ready(page);
      await everyPresetLikeTheCli(page, ['support-ticket-summaries', 'invoice-approval', 'eu-resident-agent']);
      expect(requests).toEqual(['/', '/decision-guide.inline.js']);
      expect(seen.errors).toEqual([]);
    } finally {
      host.close();
    }
  });

  test("under a CSP without 'wasm-unsafe-eval' it says so over the static guide", async ({ page }) => {
    const host = await serveAlone(files);
    try {
      const seen = watch(page);
      await page.goto(`${host.url}csp.html`);
      const notice = page.locator('decision-guide .dg-notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText("add 'wasm-unsafe-eval' to the page's script-src");
      await staticGuideReadable(page);
      expect(seen.errors).toEqual([]);
    } finally {
      host.close();
    }
  });
});

test('dist/ is an npm package: npm pack --dry-run lists exactly its files', () => {
  const pkg = JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'));
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  expect(pkg.name).toBe('decision-guide');
  expect(pkg.version).toBe(cargo.match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1]);
  expect(pkg.type).toBe('module');
  expect(pkg.license).toBe('MIT OR Apache-2.0');
  expect(pkg.description.length).toBeGreaterThan(20);
  expect(pkg.types).toBe('./decision-guide.d.ts');
  expect(pkg.customElements).toBe('./custom-elements.json');
  expect(pkg.exports).toMatchObject({
    '.': { types: './decision-guide.d.ts', default: './decision-guide.js' },
    './custom-elements.json': './custom-elements.json',
    './inline': './decision-guide.inline.js',
    './wasm': './decision-guide_bg.wasm',
    './embed.html': './embed.html',
    './decision-guide.html': './decision-guide.html',
  });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dist, encoding: 'utf8' }));
  expect(packed.name).toBe('decision-guide');
  expect(packed.version).toBe(pkg.version);
  const files = packed.files.map((f) => f.path).sort();
  expect(files).toEqual([...pkg.files, 'package.json'].sort());
  // Every export points at a file in the package.
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...targets, pkg.types, pkg.customElements]) expect(files).toContain(target.replace(/^\.\//, ''));
});

test.describe('when the wasm cannot run, the static guide stays readable under a notice that says why', () => {
  /** Opens broken-wasm.html with decision-guide_bg.wasm answered by `fulfil`; returns the notice. */
  async function broken(page, fulfil) {
    const seen = watch(page);
    await page.route('**/decision-guide_bg.wasm', fulfil);
    await page.goto('/www/surfaces/broken-wasm.html');
    const notice = page.locator('decision-guide .dg-notice');
    await expect(notice).toBeVisible();
    await staticGuideReadable(page);
    expect(seen.errors).toEqual([]);
    return notice;
  }
  const wasmBytes = () => readFileSync(join(dist, 'decision-guide_bg.wasm'));

  test("a CSP without 'wasm-unsafe-eval'", async ({ page }) => {
    const seen = watch(page);
    await page.goto('/www/surfaces/csp-blocks-wasm.html');
    const notice = page.locator('decision-guide .dg-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Content-Security-Policy does not allow WebAssembly");
    await expect(notice).toContainText("add 'wasm-unsafe-eval' to the page's script-src");
    await staticGuideReadable(page);
    expect(seen.errors).toEqual([]);
  });

  test('the wasm is missing (404)', async ({ page }) => {
    const notice = await broken(page, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await expect(notice).toContainText('could not be loaded');
    await expect(notice).toContainText('decision-guide_bg.wasm answered HTTP 404');
    await expect(notice).not.toContainText('damaged');
  });

  test('the wasm cannot be downloaded at all (network error)', async ({ page }) => {
    const notice = await broken(page, (route) => route.abort('connectionrefused'));
    await expect(notice).toContainText('could not be downloaded');
  });

  test('the wasm is truncated', async ({ page }) => {
    const bytes = wasmBytes();
    const notice = await broken(page, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: bytes.subarray(0, bytes.length >> 1) }));
    await expect(notice).toContainText('is incomplete');
    await expect(notice).toContainText('Serve the whole decision-guide_bg.wasm');
  });

  test('a web page comes instead of the wasm (a host that answers every path with 200)', async ({ page }) => {
    const notice = await broken(page, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not found</title><p>Nothing here.' }));
    await expect(notice).toContainText('not WebAssembly');
  });
});

// The wrong MIME type is no failure: wasm-bindgen's glue warns in the
// console and compiles the bytes without streaming, so the guide works.
// Blocking a working guide behind a notice would only hurt its readers.
test('the wasm with the wrong MIME type still works, with a warning in the console', async ({ page }) => {
  const seen = watch(page);
  const bytes = readFileSync(join(dist, 'decision-guide_bg.wasm'));
  await page.route('**/decision-guide_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: bytes }));
  await page.goto('/www/surfaces/broken-wasm.html');
  await ready(page);
  await everyPresetLikeTheCli(page, ['invoice-approval']);
  await expect(page.locator('decision-guide .dg-notice')).toHaveCount(0);
  expect(seen.console.some((t) => t.startsWith('warning:') && t.includes('application/wasm'))).toBe(true);
  expect(seen.errors).toEqual([]);
});

test('a strict CSP that allows wasm: everything works, and nothing else is reported', async ({ page }) => {
  const seen = watch(page);
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} ${e.sample}`.trim());
    }, true);
  });
  await page.goto('/www/surfaces/csp-strict.html');
  await ready(page);
  await everyPresetLikeTheCli(page, ['support-ticket-summaries', 'invoice-approval']);
  // No violation at all: the layers' stepped widths come from the
  // stylesheet, never from an inline style attribute.
  const violations = await page.evaluate(() => window.violations);
  expect(violations).toEqual([]);
  // Chromium's console line for each of those says "Applying inline style violates …".
  expect(seen.console.filter((t) => /Content.Security.Policy|Refused/i.test(t) && !t.startsWith('error: Applying inline style violates'))).toEqual([]);
  expect(seen.errors).toEqual([]);
});

// One way to check a guide: every broken guide of crates/core/tests/broken
// (one mistake each), loaded by `guide-src` in Debian's Chromium, is refused
// with exactly the problems `decision-guide check` reports for the file (the
// same JSON reader, compiler and proof, in the custom-guides wasm), and the
// sound ones run, giving what `classify --guide` gives. A guide engine that
// traps is replaced by a fresh one, and the other guides keep working.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { addGuide, cli, ready, root } from './helpers.mjs';

const brokenDir = `${root}crates/core/tests/broken`;
const bin = `${root}target/debug/decision-guide`;

/** The leads the widget puts over a guide's problems (text.rs). */
const INVALID = 'This guide has problems, so it cannot run:';
const NOT_SOUND = 'This guide is not sound, so it cannot run (decision-guide check reports the same):';
/** The element shows at most this many characters of one problem (element.js). */
const MAX_MESSAGE = 200;
const bounded = (s) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}… (${s.length} characters)` : s);

/** What `decision-guide check FILE` says, as the widget must say it. */
function fromCli(file) {
  const run = spawnSync(bin, ['check', `${brokenDir}/${file}`], { encoding: 'utf8' });
  if (run.status === 0) return { sound: true };
  if (run.stderr.includes('is not valid (')) {
    const problems = run.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    return { lead: INVALID, problems };
  }
  const lines = run.stdout.split('\n');
  const problems = [];
  lines.forEach((line, i) => {
    if (line.startsWith('FAIL ')) problems.push(`${line}: ${lines[i + 1].trim()}`);
  });
  expect(problems.length, `${file}: the CLI reports broken promises`).toBeGreaterThan(0);
  return { lead: NOT_SOUND, problems };
}

const files = readdirSync(brokenDir).filter((f) => f.endsWith('.json')).sort();

test(`every broken guide (${files.length}) is refused in the browser exactly as the CLI refuses it`, async ({ page }) => {
  test.setTimeout(180_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/www/battery/empty.html');
  await page.evaluate((names) => {
    for (const name of names) {
      const el = document.createElement('decision-guide');
      el.id = `g-${name.replace(/\W/g, '-')}`;
      el.setAttribute('guide-src', `/broken/${name}`);
      document.querySelector('#a').append(el);
    }
  }, files);
  let refused = 0;
  let sound = 0;
  for (const file of files) {
    const want = fromCli(file);
    const host = page.locator(`#g-${file.replace(/\W/g, '-')}`);
    if (want.sound) {
      await expect(host.locator('.dg[data-live="true"]'), file).toBeVisible();
      const got = await host.evaluate((el) => el.result);
      expect(got, file).toEqual(JSON.parse(cli(['classify', '--guide', `${brokenDir}/${file}`], '{}')));
      sound++;
      continue;
    }
    const box = host.locator('.dg-guide-errors');
    await expect(box, file).toBeVisible();
    expect.soft(await box.locator('p').textContent(), `${file}: the lead`).toBe(want.lead);
    const shown = await box.locator('li').allTextContents();
    expect.soft(shown, `${file}: the problems, as the CLI words them`).toEqual(want.problems.slice(0, 50).map(bounded));
    refused++;
  }
  console.log(`broken guides through guide-src: ${refused} refused as the CLI refuses them, ${sound} sound and live`);
  expect(refused + sound).toBe(files.length);
  expect(errors).toEqual([]);
});

// Fault injection: the first copy of the custom-guides module is wrapped
// so that it traps, as a wasm bug would, where `trap` says: in
// `mount_with_guide`, or in the widget's first classification. A trapped
// instance stays broken (every later call traps too), so only a fresh
// instance can run the next guide.
const TRAPS = {
  'reading the guide': `mount_with_guide() { throw new WebAssembly.RuntimeError('unreachable'); }`,
  'its first classification': `mount_with_guide(...args) {
    const widget = exports.mount_with_guide(...args);
    widget.start = () => { throw new WebAssembly.RuntimeError('unreachable'); };
    return widget;
  }`,
};

for (const [where, trap] of Object.entries(TRAPS)) {
  test(`a guide that traps the engine (${where}) does not break the other guides on the page`, async ({ page }) => {
    await page.route(/\/decision-guide-custom\.js$/, async (route) => {
      await route.fulfill({
        contentType: 'text/javascript',
        body: `import real from './decision-guide-custom.js?real';
export default (wasm) => real(wasm).then((exports) => ({
  ...exports,
  ${trap},
}));`,
      });
    });
    await page.goto('/www/battery/empty.html');
    await addGuide(page, { id: 'first', attributes: { 'guide-src': '/guides/examples/always-bedrock.json' } });
    await expect(page.locator('#first .dg-guide-errors')).toContainText('the guide engine stopped on this guide');
    expect(await page.locator('#first').evaluate((el) => el.result), 'no result from a trapped engine').toBeNull();
    // The next guide gets a fresh instance and runs; so does the built-in one.
    await addGuide(page, { id: 'second', attributes: { 'guide-src': '/guides/examples/always-bedrock.json' }, parent: '#b' });
    await addGuide(page, { id: 'builtin', parent: '#b' });
    await expect(page.locator('#second .dg[data-live="true"]')).toBeVisible();
    await ready(page, '#builtin');
    const guide = `${root}crates/core/guides/examples/always-bedrock.json`;
    expect(await page.locator('#second').evaluate((el) => el.result))
      .toEqual(JSON.parse(cli(['classify', '--guide', guide], '{}')));
    expect(await page.locator('#builtin').evaluate((el) => el.result))
      .toEqual(JSON.parse(cli(['classify'], '{}')));
  });
}

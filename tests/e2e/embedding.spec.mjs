// End-to-end tests of what a page does with the element beyond the
// built-in guide: a team's own guide (by guide-src, inline, broken, hostile,
// unreachable), copying the decision record and a link (equal to the CLI's
// record; a visible fallback where the clipboard is refused), the host
// page's theme, and permalinks for several instances.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The CLI is the oracle.
import { addGuide, cli, guide, ready, root } from './helpers.mjs';

/** Collects page errors and console errors. */
function problems(page) {
  const seen = [];
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text())) seen.push(m.text()); });
  return seen;
}

test.describe("a team's own guide", () => {
  test('by guide-src and inline: each runs its own guide, as the CLI does', async ({ page }) => {
    await page.goto('/www/team/own-guide.html');
    await ready(page, '#by-src');
    await ready(page, '#inline');
    const exampleFile = `${root}crates/core/guides/examples/always-bedrock.json`;
    const want = JSON.parse(cli(['classify', '--guide', exampleFile], '{}'));
    expect(await page.evaluate(() => document.querySelector('#by-src').result)).toEqual(want);
    // Answer on the team guide: its own questions, its own rules.
    await page.locator('#by-src fieldset[data-question="shape"] label', { hasText: 'multi-step' }).click();
    await page.locator('#by-src fieldset[data-question="approval_resume"] label', { hasText: 'Yes' }).click();
    await expect(page.locator('#by-src .dg-result')).toHaveAttribute('data-path', 'managed-agents');
    const answers = await page.evaluate(() => document.querySelector('#by-src').answers);
    expect(await page.evaluate(() => document.querySelector('#by-src').result))
      .toEqual(JSON.parse(cli(['classify', '--guide', exampleFile], JSON.stringify(answers))));
    // The inline guide: its rule table and rule of thumb.
    await expect(page.locator('#inline .dg-result')).toHaveAttribute('data-path', 'batch');
    await expect(page.locator('#inline .dg-thumb li')).toHaveText(['Batch when nobody waits.', 'Live when someone waits.']);
    await page.locator('#inline fieldset[data-question="latency"] label', { hasText: 'Yes' }).click();
    await expect(page.locator('#inline tr[data-recommended="true"]')).toHaveAttribute('data-path', 'live');
    console.log('own guides: by guide-src and inline, answered and compared with the CLI');
  });

  test('a broken guide shows its errors, each with its JSON path, instead of a blank box', async ({ page }) => {
    await page.goto('/www/team/own-guide.html');
    const box = page.locator('#broken .dg-guide-errors');
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute('role', 'alert');
    await expect(box).toContainText('This guide has problems');
    await expect(box.locator('li')).toHaveText(['$.rules[0].path: unknown path "nowhere"; known paths: a']);
    // The same error as `decision-guide check` gives for the same file.
    const text = await page.evaluate(() => document.querySelector('#broken script').textContent);
    const file = join(mkdtempSync(join(tmpdir(), 'dg-broken-')), 'broken.json');
    writeFileSync(file, text);
    let err = '';
    try { cli(['check', file]); } catch (e) { err = e.stderr; }
    expect(err).toContain('$.rules[0].path: unknown path "nowhere"; known paths: a');
  });

  test('guide texts holding markup and script are shown as text; nothing runs', async ({ page }) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto('/www/team/hostile-guide.html');
    await ready(page, '#hostile');
    await page.locator('#hostile select').selectOption('0');
    await page.locator('#hostile fieldset[data-question="q"] label', { hasText: 'Yes' }).hover();
    await expect(page.locator('#hostile .dg-title')).toHaveText('<img src=x onerror="window.canary=\'title\'">Title');
    await expect(page.locator('#hostile .dg-reason')).toContainText("<img src=x onerror=\"window.canary='reason'\">");
    const injected = await page.evaluate(() => {
      const sr = document.querySelector('#hostile').shadowRoot;
      return { canary: window.canary, elements: sr.querySelectorAll('img, script, svg, iframe, b, a[href^="javascript"]').length };
    });
    expect(injected).toEqual({ canary: 'untouched', elements: 0 });
    expect(dialogs).toEqual([]);
  });

  for (const [name, route, message] of [
    ['404', (r) => r.fulfill({ status: 404, body: 'no' }), 'answered HTTP 404'],
    ['not JSON', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '<html>' }), '$: not valid JSON (it starts with `<`: an HTML page?): expected value at line 1 column 1'],
    ['never answers', () => {}, 'did not arrive within 10 s'],
  ]) {
    test(`guide-src that ${name}: a specific message, no unhandled rejection`, async ({ page }) => {
      test.setTimeout(30_000);
      const seen = problems(page);
      await page.route('**/guides/examples/always-bedrock.json', route);
      await page.goto('/www/team/own-guide.html');
      const box = page.locator('#by-src .dg-guide-errors');
      await expect(box).toContainText(message, { timeout: 15_000 });
      expect(seen.filter((s) => s.startsWith('pageerror'))).toEqual([]);
    });
  }

  test('guide-src on another origin is refused by name', async ({ page }) => {
    await page.goto('/www/team/own-guide.html');
    await addGuide(page, { id: 'elsewhere', attributes: { 'guide-src': 'https://example.invalid/guide.json' }, parent: 'main' });
    await expect(page.locator('#elsewhere .dg-guide-errors')).toContainText("must be on this page's origin");
  });

  test('guide-src that is no URL at all is refused by name', async ({ page }) => {
    await page.goto('/www/team/own-guide.html');
    await addGuide(page, { id: 'nowhere', attributes: { 'guide-src': 'http://[not-a-host/guide.json' }, parent: 'main' });
    await expect(page.locator('#nowhere .dg-guide-errors')).toContainText('guide-src "http://[not-a-host/guide.json" is not a URL');
  });
});

test.describe('copy as Markdown and copy link', () => {
  test("the record equals the CLI's, and the link reopens the answers", async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto('/www/permalinks.html');
    await ready(page, '#first');
    const preset = guide.presets.findIndex((p) => p.id === 'voice-refund-agent');
    await page.locator('#first select').selectOption(String(preset));
    await page.locator('#first .dg-copy', { hasText: 'Copy as Markdown' }).click();
    await expect(page.locator('#first .dg-copied')).toHaveText('Copied the decision record as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(cli(['classify', '--format', 'markdown', '--preset', 'voice-refund-agent']));
    // Answers without a preset: the CLI's record of the same answers.
    await page.locator('#first fieldset[data-question="customer_facing"] label[data-answer="2"]').click();
    await page.locator('#first .dg-copy', { hasText: 'Copy as Markdown' }).click();
    await expect(page.locator('#first .dg-copied')).toBeVisible();
    const answers = await page.evaluate(() => document.querySelector('#first').answers);
    expect(await page.evaluate(() => navigator.clipboard.readText()))
      .toBe(cli(['classify', '--format', 'markdown'], JSON.stringify(answers)));
    // The link: a second page opened on it has the same answers in #first only.
    await page.locator('#first .dg-copy', { hasText: 'Copy link' }).click();
    await expect(page.locator('#first .dg-copied')).toHaveText('Copied a link to these answers.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`#.*first=[0-9a-z-]{${guide.questions.length}}$`));
    const other = await context.newPage();
    await other.goto(link);
    await ready(other, '#first');
    await ready(other, '#second');
    expect(await other.evaluate(() => document.querySelector('#first').answers)).toEqual(answers);
    expect(await other.evaluate(() => document.querySelector('#second').answers)).toEqual({});
    await context.close();
  });

  test('where the clipboard is refused, the text is shown to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto('/www/permalinks.html');
    await ready(page, '#second');
    await page.locator('#second .dg-copy', { hasText: 'Copy as Markdown' }).click();
    const area = page.locator('#second .dg-copy-by-hand textarea');
    await expect(area).toBeVisible();
    expect(await area.inputValue()).toBe(cli(['classify', '--format', 'markdown'], '{}'));
    await page.locator('#second .dg-copy-by-hand button').click();
    await expect(area).toHaveCount(0);
  });
});

test.describe('permalinks', () => {
  test('several instances keep separate fragments; a garbled one shows a notice, the widget stays usable', async ({ page }) => {
    // One character a question; aws_controls Yes writes "1" at its place.
    const n = guide.questions.length;
    const at = guide.questions.findIndex((q) => q.id === 'aws_controls');
    await page.goto(`/www/permalinks.html#first=zz&second=${'-'.repeat(n)}`);
    await ready(page, '#first');
    await ready(page, '#second');
    await expect(page.locator('#first .dg-error')).toContainText('the permalink "zz" holds "z", which is not an answer to question "shape"');
    await expect(page.locator('#second .dg-error')).toHaveCount(0);
    await page.locator('#first fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
    await expect(page.locator('#first .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
    await expect(page).toHaveURL(new RegExp(`second=-{${n}}(&|$)`));
    await expect(page).toHaveURL(new RegExp(`first=-{${at}}1-{${n - at - 1}}(&|$)`));
  });
});

test.describe("the host page's theme", () => {
  const background = (page, id) => page.evaluate((id) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector('.dg-root')).backgroundColor, id);

  test('auto follows the page: light by default, dark when the page switches, live', async ({ browser }) => {
    // The reader's system prefers dark; the page declares light: the guide is light.
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/www/themes.html');
    await ready(page, '#auto');
    expect(await background(page, 'auto')).toBe('rgb(255, 255, 255)');
    await page.locator('#toggle').click();
    await expect.poll(() => background(page, 'auto')).toBe('rgb(18, 23, 32)');
    expect(await background(page, 'forced-light')).toBe('rgb(255, 255, 255)');
    await page.locator('#toggle').click();
    await expect.poll(() => background(page, 'auto')).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  test('a page that declares nothing is light, whatever the system prefers', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/www/blog-post.html');
    await ready(page, 'decision-guide');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('decision-guide').shadowRoot.querySelector('.dg-root')).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.evaluate(() => document.querySelector('decision-guide').setAttribute('theme', 'dark'));
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.querySelector('decision-guide').shadowRoot.querySelector('.dg-root')).backgroundColor)).toBe('rgb(18, 23, 32)');
    await context.close();
  });
});

// The README's worked example uses this guide file: keep them in step.
test('the worked example guide is what the README shows', () => {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  expect(readme).toContain('guide-src="always-bedrock.json"');
});

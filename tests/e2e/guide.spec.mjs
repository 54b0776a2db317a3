// End-to-end tests of <decision-guide> in Debian's Chromium: every preset
// must give in the browser exactly what the CLI gives, on a hostile blog
// page, two instances, preloaded and broken answers, keyboard only, and axe
// must find nothing. Screenshots land in target/e2e-results/.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
// The CLI is the oracle.
import { cli, expected, guide, presetValue, ready, shots } from './helpers.mjs';

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

test('every preset gives in the browser what the CLI gives, on a hostile blog page', async ({ page }) => {
  await page.goto('/www/blog-post.html');
  await ready(page);
  await page.evaluate(() => {
    window.events = [];
    document.addEventListener('decision-change', (e) => window.events.push(e.detail));
  });
  const select = page.locator('decision-guide select');
  for (const preset of guide.presets) {
    await select.selectOption(presetValue(preset.id));
    const want = expected[preset.id];
    const row = page.locator(`decision-guide tr[data-recommended="true"]`);
    await expect(row).toHaveAttribute('data-path', want.path);
    await expect(page.locator('decision-guide tbody tr[data-recommended]')).toHaveCount(1);
    await expect(page.locator('decision-guide .dg-path-name')).toHaveText(guide.paths.find((p) => p.id === want.path).name);
    const result = await page.evaluate(() => document.querySelector('decision-guide').result);
    expect(result, preset.id).toEqual(want);
    const last = await page.evaluate(() => window.events.at(-1));
    expect(last, `decision-change for ${preset.id}`).toEqual(want);
  }
  // The event bubbles out of the shadow root (it reached document) once per
  // change of answers; presets with identical answers change nothing.
  let changes = 0;
  guide.presets.forEach((p, i) => { if (i === 0 || JSON.stringify(p.answers) !== JSON.stringify(guide.presets[i - 1].answers)) changes++; });
  expect(await page.evaluate(() => window.events.length)).toBe(changes);
  // Host CSS could not reach in: the widget's own font size and layout hold.
  const look = await page.locator('decision-guide .dg-opt').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { display: s.display, transform: s.textTransform, border: s.borderTopStyle };
  });
  // (a flex item's inline-flex computes to flex)
  expect(look).toEqual({ display: 'flex', transform: 'none', border: 'solid' });
  await axe(page);
  await page.screenshot({ path: `${shots}/blog-post.png`, fullPage: true });
});

test('answering questions updates the recommendation and "try" applies a change', async ({ page }) => {
  await page.goto('/www/blog-post.html');
  await ready(page);
  await expect(page.locator('decision-guide .dg-badge-leaning')).toBeVisible();
  const q = (id, label) => page.locator(`decision-guide fieldset[data-question="${id}"] label`, { hasText: label });
  await q('shape', 'Several steps').click();
  await q('tools_actions', 'Yes').click();
  await q('approval_resume', 'Yes').click();
  await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'direct-api');
  // One answer away from Managed Agents: the change is offered as a button.
  const tryIt = page.locator('decision-guide .dg-changes li[data-question="app_owns_control"] button');
  await expect(tryIt).toHaveAccessibleName(/^Try “No”: answer No to “Does something you run already keep its state/);
  await tryIt.click();
  await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'managed-agents');
  await expect(page.locator('decision-guide tr[data-recommended="true"]')).toHaveAttribute('data-path', 'managed-agents');
  await expect(page.locator('decision-guide .dg-thumb li[data-recommended="true"] strong')).toHaveText(guide.paths[2].rule_of_thumb);
  const result = await page.evaluate(() => document.querySelector('decision-guide').result);
  expect(result).toEqual(JSON.parse(cli(['classify'], JSON.stringify({ shape: 'multi_step', tools_actions: true, approval_resume: true, app_owns_control: false }))));
  await page.locator('decision-guide .dg-reset').click();
  await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'direct-api');
  expect(await page.evaluate(() => document.querySelector('decision-guide').answers)).toEqual({});
});

test('keyboard only, end to end', async ({ page }) => {
  await page.goto('/www/preloaded.html');
  await ready(page, '#preloaded');
  // Tab from the page into the first guide: the preset picker comes first.
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}` : null;
  });
  expect(await focused()).toBe('select.dg-select');
  // Keyboard selection of the AWS knowledge preset.
  const index = Number(presetValue('aws-knowledge-workflow'));
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#preloaded .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  await page.keyboard.press('Tab'); // reset button
  expect(await focused()).toBe('button.dg-reset');
  await page.keyboard.press('Tab'); // first radio group: shape
  expect(await focused()).toBe('input');
  // Arrow keys move within a radio group and answer it: from the checked
  // "multi-step" back to "one request", then on past it to "not sure".
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => document.querySelector('#preloaded').answers.shape)).toBe('single');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => document.querySelector('#preloaded').answers.shape)).toBeUndefined();
  // Focus is visible.
  const outline = await page.evaluate(() => {
    let el = document.activeElement;
    while (el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return getComputedStyle(el.closest('label')).outlineStyle;
  });
  expect(outline).toBe('solid');
  // Reach a "try" button by Tab alone and press it with Enter.
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await focused()) === 'button.dg-try';
  }
  expect(reached).toBe(true);
  // The button belongs to whichever guide holds focus (the AWS-heavy preset
  // offers no single-answer change, so Tab moves on to the second guide).
  const host = await page.evaluate(() => document.activeElement.id);
  const before = await page.evaluate((id) => document.getElementById(id).result.path, host);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate((id) => document.getElementById(id).result.path, host)).not.toBe(before);
});

test('two instances on one page are independent, and loading the script twice is harmless', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/www/two-instances.html');
  await ready(page, '#summaries');
  await ready(page, '#invoices');
  await page.locator('#invoices select').selectOption(presetValue('invoice-approval'));
  await expect(page.locator('#invoices tr[data-recommended="true"]')).toHaveAttribute('data-path', 'managed-agents');
  await expect(page.locator('#summaries tr[data-recommended="true"]')).toHaveAttribute('data-path', 'direct-api');
  expect(await page.evaluate(() => document.querySelector('#summaries').answers)).toEqual({});
  // Ids inside each shadow root are unique, and the landmarks are named apart.
  const labels = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => el.shadowRoot.querySelector('section').getAttribute('aria-label')));
  expect(new Set(labels).size).toBe(2);
  expect(errors).toEqual([]);
  await axe(page);
  await page.screenshot({ path: `${shots}/two-instances.png`, fullPage: true });
});

test('preloaded answers, and invalid ones reported without guessing', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto('/www/preloaded.html');
  await ready(page, '#preloaded');
  await expect(page.locator('#preloaded tr[data-recommended="true"]')).toHaveAttribute('data-path', 'managed-agents');
  const broken = page.locator('#broken .dg-error');
  await expect(broken).toBeVisible();
  await expect(broken).toContainText('question "shape": unknown option "multi-step"');
  expect(consoleErrors.some((t) => t.includes('unknown option "multi-step"'))).toBe(true);
  await page.locator('#broken .dg-error button').click();
  await expect(broken).toHaveCount(0);
  // Still usable: answer a question and the recommendation follows.
  await page.locator('#broken fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
  await expect(page.locator('#broken .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  // The attribute is live; the property reads and writes the answers object.
  await page.evaluate(() => document.querySelector('#preloaded').setAttribute('answers', '{"aws_procurement": true}'));
  await expect(page.locator('#preloaded .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  const thrown = await page.evaluate(() => {
    const el = document.querySelector('#preloaded');
    el.answers = { shape: 'single', customer_facing: true };
    const ok = el.result.path;
    try { el.answers = { tools_actions: 'yes' }; return [ok, null]; } catch (e) { return [ok, `${e.name}: ${e.message}`]; }
  });
  expect(thrown[0]).toBe('direct-api');
  expect(thrown[1]).toContain('TypeError: in the answers property: question "tools_actions": expected true, false or null, got "yes"');
  await axe(page);
  await page.screenshot({ path: `${shots}/preloaded.png`, fullPage: true });
});

test('removing the element frees it; adding it again works', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/www/two-instances.html');
  await ready(page, '#invoices');
  await page.evaluate(() => {
    const el = document.querySelector('#invoices');
    el.remove();
    const again = document.createElement('decision-guide');
    again.id = 'again';
    again.answers = { data_in_aws: true };
    document.querySelector('main').append(again);
  });
  await ready(page, '#again');
  await expect(page.locator('#again .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  expect(errors).toEqual([]);
});

test('the full page: the guide, permalinks and the embed snippets', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('decision-guide select').selectOption(presetValue('it-remediation'));
  await expect(page).toHaveURL(new RegExp(`#dg=[0-9a-z-]{${guide.questions.length}}$`));
  const url = page.url();
  const path = await page.evaluate(() => document.querySelector('decision-guide').result.path);
  await page.goto('about:blank');
  await page.goto(url);
  await ready(page);
  expect(await page.evaluate(() => document.querySelector('decision-guide').result.path)).toBe(path);
  await expect(page.locator('pre code').first()).toContainText('<script type="module" src="decision-guide.js"></script>');
  await axe(page);
  await page.screenshot({ path: `${shots}/full-page-light.png`, fullPage: true });
  // The full page does not overflow sideways on a phone either (its long
  // snippet lines scroll in their boxes).
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the full page at 320 px is wider than the screen').toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${shots}/full-page-narrow.png`, fullPage: true });
});

for (const [name, options] of [
  ['dark', { colorScheme: 'dark', viewport: { width: 1280, height: 900 } }],
  ['narrow', { colorScheme: 'light', viewport: { width: 320, height: 900 } }],
]) {
  test(`looks right: ${name}`, async ({ browser }) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto('/www/blog-post.html');
    await ready(page);
    await page.locator('decision-guide select').selectOption(presetValue('support-case-agent'));
    // The blog declares no color-scheme (so auto is light): force dark.
    if (name === 'dark') await page.evaluate(() => document.querySelector('decision-guide').setAttribute('theme', 'dark'));
    await axe(page);
    // Nothing overflows sideways at 320 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/blog-${name}.png`, fullPage: true });
    await context.close();
  });
}

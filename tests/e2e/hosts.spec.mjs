// End-to-end tests of <decision-guide> inside a framework, in Debian's
// Chromium: a Vue 3 app (www/hosts/vue.html) that navigates client-side to
// a page whose template holds the element with a static `answers`
// attribute. Vue, like React 19, Svelte and Lit, sets `answers` as a
// property when the element has one, so the guide must take the JSON text
// as a property exactly as it takes the attribute, on every navigation. The
// CLI is the oracle for every result. Also the plain-blog recipe page
// (www/hosts/plain.html): live, and its preloaded wasm fetched once.
import { test, expect } from '@playwright/test';
// The CLI is the oracle.
import { addGuide, classify, shots } from './helpers.mjs';

// The answers in www/hosts/vue.html's template.
const invoiceAgent = { shape: 'multi_step', tools_actions: true, approval_resume: true, app_owns_control: false };
const invoiceResult = classify(invoiceAgent);

/** Collects uncaught exceptions, console errors and console warnings (Vue's dev build warns there). */
function watch(page) {
  const seen = { errors: [], console: [] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.console.push(`${m.type()}: ${m.text()}`); });
  return seen;
}

/** Waits until the guide is live, then checks it took the template's answers as a property. */
async function guidePageIsRight(page) {
  await expect(page.locator('decision-guide .dg[data-live="true"]')).toBeVisible();
  await expect(page.locator('decision-guide')).toHaveCount(1);
  await expect(page.locator('decision-guide .dg-error')).toHaveCount(0);
  const state = await page.evaluate(() => {
    const el = document.querySelector('decision-guide');
    return { attribute: el.getAttribute('answers'), result: el.result, answers: el.answers };
  });
  // Vue set a property: had it set the attribute, this test would prove nothing.
  expect(state.attribute).toBeNull();
  expect(state.result.path).toBe('managed-agents');
  expect(state.result).toEqual(invoiceResult);
  expect(state.answers).toEqual(invoiceAgent);
  await expect(page.locator('decision-guide tr[data-recommended="true"]')).toHaveAttribute('data-path', 'managed-agents');
}

test('Vue: client-side navigation to a page with the element, and back and forth', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/www/hosts/vue.html');
  await expect(page.locator('h1')).toHaveText('Our architecture notes');
  await expect(page.locator('decision-guide')).toHaveCount(0);
  // The module is loaded and the element defined before the app renders it.
  expect(await page.evaluate(() => Boolean(customElements.get('decision-guide')))).toBe(true);
  const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

  await page.locator('#to-guide').click();
  await expect(page).toHaveURL(/#\/guide$/);
  await guidePageIsRight(page);
  await page.screenshot({ path: `${shots}/host-vue.png`, fullPage: true });

  for (let i = 0; i < 5; i += 1) {
    // By the app's links, then by the browser's history.
    await page.locator('#nav-home').click();
    await expect(page.locator('h1')).toHaveText('Our architecture notes');
    await expect(page.locator('decision-guide')).toHaveCount(0);
    await page.locator('#nav-guide').click();
    await guidePageIsRight(page);
    await page.goBack();
    await expect(page.locator('decision-guide')).toHaveCount(0);
    await page.goForward();
    await guidePageIsRight(page);
  }
  // Never a reload: one document all along.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
  expect(seen.errors).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('Vue: a first load straight onto the page with the element', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/www/hosts/vue.html#/guide');
  await guidePageIsRight(page);
  expect(seen.errors).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('React-style property sets: JSON text and objects, and bad text throws a TypeError', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/www/hosts/vue.html#/guide');
  await guidePageIsRight(page);

  // JSON text as the property, as React 19 passes a string prop.
  await page.evaluate(() => { document.querySelector('decision-guide').answers = '{"aws_controls": true}'; });
  expect(await page.evaluate(() => document.querySelector('decision-guide').result)).toEqual(classify({ aws_controls: true }));
  await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  await expect(page.locator('decision-guide .dg-error')).toHaveCount(0);

  // An object.
  const object = { shape: 'single', customer_facing: true };
  await page.evaluate((a) => { document.querySelector('decision-guide').answers = a; }, object);
  expect(await page.evaluate(() => document.querySelector('decision-guide').result)).toEqual(classify(object));
  expect(await page.evaluate(() => document.querySelector('decision-guide').answers)).toEqual(object);

  // Bad text: a TypeError that names the problem, and the answers stay as they were.
  const bad = [
    ['{"shape": "multi_step",', /^TypeError: the answers property is not valid JSON \(/],
    ['[1, 2]', /^TypeError: the answers property must be a JSON object of question ids to answers, got an array$/],
    ['"multi_step"', /^TypeError: the answers property must be a JSON object of question ids to answers, got a string$/],
    ['{"tools_actions": "yes"}', /^TypeError: in the answers property: question "tools_actions": expected true, false or null, got "yes"/],
    ['{"shape": "triangle"}', /question "shape": unknown option "triangle"/],
  ];
  for (const [text, want] of bad) {
    const thrown = await page.evaluate((t) => {
      const el = document.querySelector('decision-guide');
      try { el.answers = t; return null; } catch (e) { return `${e.name}: ${e.message}`; }
    }, text);
    expect(thrown, text).toMatch(want);
    await expect(page.locator('decision-guide .dg-error'), text).toBeVisible();
    expect(await page.evaluate(() => document.querySelector('decision-guide').result), text).toEqual(classify(object));
  }
  // Good text again clears the banner.
  await page.evaluate(() => { document.querySelector('decision-guide').answers = '{"data_in_aws": true}'; });
  await expect(page.locator('decision-guide .dg-error')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('decision-guide').result)).toEqual(classify({ data_in_aws: true }));

  // JSON text set on a new element before it is in the page (React creates, sets props, then inserts).
  await addGuide(page, { id: 'made', answers: '{"aws_procurement": true}', parent: 'main' });
  await expect(page.locator('#made .dg[data-live="true"]')).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('#made').result)).toEqual(classify({ aws_procurement: true }));
  expect(seen.errors).toEqual([]);
  // Each bad set is also reported on the console, and nothing else is.
  expect(seen.console.filter((line) => !line.startsWith('error: decision-guide: '))).toEqual([]);
});

test('plain blog: the recipe page goes live, and the preloaded wasm is the one used', async ({ page }) => {
  const seen = watch(page);
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') || r.url().endsWith('/decision-guide.js')) fetched.push(new URL(r.url()).pathname); });
  await page.goto('/www/hosts/plain.html');
  await expect(page.locator('decision-guide .dg[data-live="true"]')).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('decision-guide').result)).toEqual(invoiceResult);
  // Chromium warns about a preload left unused a few seconds after load.
  await page.waitForTimeout(3500);
  expect(fetched.sort()).toEqual(['/decision-guide.js', '/decision-guide_bg.wasm']);
  expect(seen.errors).toEqual([]);
  expect(seen.console).toEqual([]);
});

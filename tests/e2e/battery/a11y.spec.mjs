// Battery, part 5: keyboard and assistive technology. The keyboard alone
// answers every question, reads the result, follows a "what would change
// it" button and resets; axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing in
// light, dark (theme attribute, and a host page with `color-scheme: dark`)
// and at 320 px; the result is announced politely by a live region that
// stays in place, and focus stays where the user is when the result changes.
import AxeBuilder from '@axe-core/playwright';
import { addSettle, classify, expect, focused, guide, presetValue, ready, record, test } from './battery.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, what) {
  // Colours are measured once the widget's transitions have finished (a
  // pill checked a moment ago is still fading in).
  await page.evaluate(() => Promise.all([...document.querySelectorAll('decision-guide')]
    .flatMap((el) => el.shadowRoot?.getAnimations() ?? [])
    .map((a) => a.finished.catch(() => {}))));
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  console.log(`axe ${what}: ${results.passes.length} rules passed, ${results.violations.length} violated, ${results.incomplete.length} incomplete`);
  expect(summary, `axe violations ${what}`).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until `until(focused)` holds; returns the presses, or throws after `max`. */
async function tabTo(page, until, { back = false, max = 120 } = {}) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (until(await focused(page))) return i;
  }
  throw new Error(`focus never reached the target in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; at ${JSON.stringify(await focused(page))}`);
}

test('the keyboard alone: every question, the result, a "what would change it" button, reset', async ({ page }) => {
  const log = record(page);
  await page.goto('/www/battery/session.html');
  await ready(page);
  const host = page.locator('decision-guide');
  // The answers to give: a preset whose result offers a change.
  const preset = guide.presets.find((p) => p.id === 'support-case-agent');
  const target = preset.answers;
  const [want] = classify([target]);
  expect(want.would_change.length, 'the chosen preset offers a "what would change it" button').toBeGreaterThan(0);

  // Into the guide: the preset picker, then reset, then the first question.
  await page.keyboard.press('Tab');
  expect((await focused(page)).cls).toBe('dg-select');
  await page.keyboard.press('Tab');
  expect((await focused(page)).cls).toBe('dg-reset');
  // Mark the live region, to see later that it is the same element.
  await host.evaluate((el) => { el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').dataset.mark = 'kept'; });
  let keys = 2;
  let announcements = 0;
  // The questions in the order they are shown: group by group; a group of
  // refinements is folded, and its summary is opened with Enter.
  const shown = guide.groups.flatMap((g) => guide.questions.filter((q) => q.group === g.id).map((q, i) => ({ q, opens: g.refine && i === 0 ? g.id : null })));
  expect(shown.length, 'every question is in a group').toBe(guide.questions.length);
  for (const { q, opens } of shown) {
    if (opens) {
      await page.keyboard.press('Tab');
      expect(await focused(page), `Tab reaches the folded group "${opens}"`).toMatchObject({ tag: 'summary' });
      await page.keyboard.press('Enter');
      keys += 2;
      await expect(host.locator(`details[data-group="${opens}"]`)).toHaveAttribute('open', '');
    }
    await page.keyboard.press('Tab');
    keys++;
    const at = await focused(page);
    expect(at.question, `Tab from the previous question reaches "${q.id}"`).toBe(q.id);
    // Radios: Space checks the focused one; arrows move and check.
    const values = q.options?.length ? q.options.map((o) => o.value) : [true, false];
    const want = target[q.id];
    const index = want === null || want === undefined ? values.length : values.indexOf(want);
    expect(index, `${q.id}: ${JSON.stringify(want)} is an option`).toBeGreaterThanOrEqual(0);
    const before = await host.evaluate((el) => el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').textContent);
    // An unanswered question has "Not sure" (value 0, last) checked, and
    // Tab lands on the checked radio; ArrowRight wraps round to the first.
    expect([at.value, at.checked], `${q.id}: focus enters on the checked "Not sure"`).toEqual(['0', true]);
    const presses = index === values.length ? 0 : index + 1;
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
    keys += presses;
    const after = await focused(page);
    expect(after.question, `${q.id}: focus stays in the question after answering`).toBe(q.id);
    expect(after.checked, `${q.id}: the focused option is the checked one`).toBe(true);
    const now = await host.evaluate((el) => el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').textContent);
    if (now !== before) announcements++;
  }
  expect(await host.evaluate((el) => el.answers)).toEqual(Object.fromEntries(Object.entries(target).filter(([, v]) => v !== null)));
  // The result, as a screen reader finds it.
  const live = await host.evaluate((el) => {
    const region = el.shadowRoot.querySelector('.dg-result [aria-live="polite"]');
    return { mark: region.dataset.mark ?? null, text: region.textContent, atomic: region.getAttribute('aria-atomic') };
  });
  expect.soft(live.mark, 'the live region is the same element as before the answers (a replaced region announces nothing)').toBe('kept');
  expect(live.text).toContain(guide.paths.find((p) => p.id === want.path).name);
  expect(await host.evaluate((el) => el.result)).toEqual(want);

  // Follow a "what would change it" button, by Tab and Enter.
  keys += await tabTo(page, (f) => f.cls === 'dg-try');
  const offered = await host.evaluate((el) => {
    const b = el.shadowRoot.activeElement;
    return { question: b.closest('li').dataset.question, path: b.closest('.dg-change-row').dataset.path, name: b.getAttribute('aria-label') };
  });
  await page.keyboard.press('Enter');
  keys++;
  await expect.poll(() => host.evaluate((el) => el.result.path)).toBe(offered.path);
  const afterTry = await focused(page);
  console.log(`followed "${offered.name}"; focus then on ${JSON.stringify(afterTry)}`);
  expect(afterTry.host, 'focus is still inside the guide after following a suggestion').not.toBeNull();
  expect(afterTry.tag, 'focus is on a control, not lost to the body').not.toBe('body');

  // Back to reset with Shift+Tab, press it with Space.
  keys += await tabTo(page, (f) => f.cls === 'dg-reset', { back: true });
  await page.keyboard.press('Space');
  keys++;
  await expect.poll(() => host.evaluate((el) => el.answers)).toEqual({});
  expect((await focused(page)).cls, 'focus stays on reset').toBe('dg-reset');
  console.log(`keyboard: ${guide.questions.length} questions answered, a suggestion followed, reset; ${keys} key presses; the live region's text changed on ${announcements} answers`);
  expect(announcements, 'the live region changed on some answers').toBeGreaterThan(0);
  expect(log.errors).toEqual([]);
});

test('the result is announced politely and focus stays put when it changes', async ({ page }) => {
  await page.goto('/www/battery/session.html');
  await ready(page);
  const host = page.locator('decision-guide');
  const regions = await host.evaluate((el) => [...el.shadowRoot.querySelectorAll('[aria-live]')].map((r) => ({ live: r.getAttribute('aria-live'), inResult: !!r.closest('.dg-result'), cls: r.className, text: r.textContent.trim().slice(0, 60) })));
  console.log(`live regions: ${JSON.stringify(regions)}`);
  expect(regions.filter((r) => r.live === 'polite' && r.inResult).length, 'one polite live region for the result').toBe(1);
  expect(regions.filter((r) => r.live === 'assertive'), 'nothing assertive for a result').toEqual([]);
  await host.evaluate((el) => { el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').dataset.mark = 'kept'; });
  // Focus a control, then change the result from the keyboard.
  const radio = host.locator('fieldset[data-question="aws_controls"] input').first();
  await radio.focus();
  const before = await host.evaluate((el) => el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').textContent);
  await page.keyboard.press('Space');
  await expect(host.locator('.dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  const after = await host.evaluate((el) => {
    const region = el.shadowRoot.querySelector('.dg-result [aria-live="polite"]');
    return { mark: region.dataset.mark ?? null, text: region.textContent };
  });
  expect(after.mark, 'the same live region').toBe('kept');
  expect(after.text, 'its text changed').not.toBe(before);
  const f = await focused(page);
  expect([f.question, f.checked], 'focus stays on the radio just pressed').toEqual(['aws_controls', true]);
  // A change made from outside (the attribute) does not take focus either.
  await host.evaluate((el) => el.setAttribute('answers', '{"shape": "multi_step", "tools_actions": true, "approval_resume": true}'));
  await expect(host.locator('.dg-result')).toHaveAttribute('data-path', 'direct-api');
  expect((await focused(page)).question, 'focus stays on the radio after an outside change').toBe('aws_controls');
  expect(await host.evaluate((el) => el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').dataset.mark)).toBe('kept');
  // The answer that completes the result: the badge turns to "all answered".
  const allButLast = Object.fromEntries(guide.questions.slice(0, -1).map((q) => [q.id, q.options?.length ? q.options[0].value : false]));
  const last = guide.questions.at(-1).id;
  await host.evaluate((el, a) => { el.answers = a; }, allButLast);
  await host.evaluate((el) => { el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').dataset.mark = 'kept'; });
  const lastRadio = host.locator(`fieldset[data-question="${last}"] input`).first();
  await lastRadio.focus();
  const text = await host.evaluate((el) => el.shadowRoot.querySelector('.dg-result [aria-live="polite"]').textContent);
  await page.keyboard.press('Space');
  await expect.poll(() => host.evaluate((el) => el.result.complete)).toBe(true);
  const completed = await host.evaluate((el) => {
    const region = el.shadowRoot.querySelector('.dg-result [aria-live="polite"]');
    return { mark: region.dataset.mark ?? null, changed: region.textContent };
  });
  console.log(`last answer: live region text ${JSON.stringify(text.slice(0, 60))} → ${JSON.stringify(completed.changed.slice(0, 60))}, same element: ${completed.mark === 'kept'}`);
  expect(completed.changed).not.toBe(text);
  expect(completed.mark, `answering the last question ("${last}") replaces the polite live region (.dg-verdict) with a new element instead of changing its text, so the final result ("all answered") is not announced`).toBe('kept');
  expect((await focused(page)).question, 'focus stays on the last question').toBe(last);
});

for (const [name, options, path, setup] of [
  ['light', { colorScheme: 'light' }, '/www/battery/session.html', null],
  ['dark (theme="dark")', { colorScheme: 'light' }, '/www/battery/session.html', (el) => el.setAttribute('theme', 'dark')],
  ['dark host page (color-scheme: dark, theme auto)', { colorScheme: 'light' }, '/www/battery/dark-host.html', null],
  ['320 px wide', { colorScheme: 'light', viewport: { width: 320, height: 800 } }, '/www/battery/session.html', null],
]) {
  test(`axe finds nothing: ${name}`, async ({ browser }) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await addSettle(page);
    await page.goto(path);
    await ready(page);
    const host = page.locator('decision-guide');
    if (setup) await host.evaluate(setup);
    if (name.startsWith('dark')) {
      // Really dark: the guide's background is dark.
      const bg = await host.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.dg')).backgroundColor);
      const [r, g, b] = bg.match(/\d+(\.\d+)?/g).map(Number);
      expect(0.2126 * r + 0.7152 * g + 0.0722 * b, `${name}: the guide's background ${bg} is dark`).toBeLessThan(80);
    }
    await axe(page, `${name}, no answers`);
    await host.locator('select').selectOption(presetValue('support-case-agent'));
    await axe(page, `${name}, a preset`);
    await host.evaluate((el) => el.setAttribute('answers', '{"shape": "<b>bad</b>"}'));
    await expect(host.locator('.dg-error')).toBeVisible();
    await axe(page, `${name}, an error banner`);
    if (options.viewport) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'nothing overflows sideways at 320 px').toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}

// End-to-end tests of what the engine and guide v3 show in the widget, in
// Debian's Chromium, with the CLI as the oracle: the lean (and the questions
// to answer first), the blocked state, "confirm first", the nearest sets of
// several answers with the button that applies them, what is already in
// place, the folded refinements, and the copied record of each. Screenshots
// of each state, light and dark and at 320 px, land in
// target/e2e-results/screenshots/.
import { test, expect } from '@playwright/test';
import { classify, cli, guide, shots } from './helpers.mjs';

const preset = (id) => guide.presets.find((p) => p.id === id).answers;

/** Opens the blog page with `answers` on its guide, live. */
async function open(page, answers) {
  await page.goto('/www/blog-post.html');
  await expect(page.locator('decision-guide .dg[data-live="true"]')).toBeVisible();
  if (answers) await page.locator('decision-guide').evaluate((el, a) => { el.answers = a; }, answers);
  const host = page.locator('decision-guide');
  return {
    host,
    result: () => host.evaluate((el) => el.result),
    texts: (sel) => host.locator(sel).allInnerTexts(),
  };
}

test('a lean says so and lists the questions to answer first, as the CLI does', async ({ page }) => {
  const answers = { shape: 'multi_step' };
  const want = classify(answers);
  expect(want.enough, 'the oracle calls it a lean').toBe(false);
  const { host, result, texts } = await open(page, answers);
  await expect(host.locator('.dg-result')).toHaveAttribute('data-verdict', 'leaning');
  await expect(host.locator('.dg-eyebrow')).toContainText('Leaning toward');
  await expect(host.locator('.dg-badge')).toHaveText('Lean');
  expect(await result()).toEqual(want);
  const asked = await host.locator('.dg-ask li').evaluateAll((lis) => lis.map((li) => li.dataset.question));
  expect(asked).toEqual(want.ask_first);
  await page.locator('decision-guide .dg-result').screenshot({ path: `${shots}/engine-lean.png` });
  // Answering every question it asks first settles it.
  expect(await texts('.dg-ask li')).toHaveLength(want.ask_first.length);
});

test('each change is listed once, a question at a time: with its open question among those to answer first while it leans, or under "what would change it"', async ({ page }) => {
  // A lean, a lean with answers, a settled result with four changes to one
  // question, and a blocked one with open questions (which shows no list
  // of them: its changes must then stay under "what would change it").
  for (const answers of [{}, { data_in_aws: true }, preset('invoice-approval'), { residency: 'other' }]) {
    const want = classify(answers);
    const { host } = await open(page, answers);
    await expect(host.locator('.dg-result')).toHaveAttribute('data-path', want.path);
    const shown = await host.locator('.dg-result').evaluate((r) => {
      const items = (sel) => [...r.querySelectorAll(sel)].map((li) => ({ q: li.dataset.question, tries: [...li.querySelectorAll('.dg-change-row')].map((row) => `${row.querySelector('.dg-try').textContent} ${row.dataset.path}`) }));
      return {
        asked: items('.dg-ask li'),
        rest: items('.dg-sec > .dg-changes:not(.dg-further) > li'),
        restHidden: r.querySelector('.dg-sec > .dg-changes:not(.dg-further)').hidden,
        muted: r.querySelector('.dg-sec > .dg-muted').hidden ? null : r.querySelector('.dg-sec > .dg-muted').textContent,
      };
    });
    const label = (c) => {
      const q = guide.questions.find((x) => x.id === c.question);
      if (q.type === 'bool') return q[c.answer ? 'yes' : 'no'].label ?? (c.answer ? 'Yes' : 'No');
      return q.options.find((o) => o.value === c.answer).label;
    };
    const tries = (q) => want.would_change.filter((c) => c.question === q).map((c) => `Try “${label(c)}” ${c.path}`);
    const askList = want.status !== 'blocked' && !want.enough;
    const what = `${JSON.stringify(answers)} (${want.status})`;
    expect(shown.asked.map((a) => a.q), what).toEqual(askList ? want.ask_first : []);
    for (const a of shown.asked) expect(a.tries, a.q).toEqual(tries(a.q));
    const restQuestions = [...new Set(want.would_change.map((c) => c.question))].filter((q) => !(askList && want.ask_first.includes(q)));
    expect(shown.rest.map((r) => r.q), what).toEqual(restQuestions);
    for (const r of shown.rest) expect(r.tries, r.q).toEqual(tries(r.q));
    // Every change of the CLI's result has exactly one button.
    expect([...shown.asked, ...shown.rest].flatMap((x) => x.tries).length, what).toBe(want.would_change.length);
    expect(shown.restHidden).toBe(restQuestions.length === 0);
    if (restQuestions.length) expect(shown.muted).toBeNull();
    else if (want.would_change.length) expect(shown.muted).toBe('Only an answer to an open question above would change it.');
  }
  // A button among the questions to answer first applies its answer.
  const want = classify({});
  const first = want.would_change.find((c) => want.ask_first.includes(c.question));
  const { host, result } = await open(page, {});
  await host.locator(`.dg-ask li[data-question="${first.question}"] .dg-try`).first().click();
  expect((await result()).path).toBe(first.path);
  await page.locator('decision-guide .dg-result').screenshot({ path: `${shots}/engine-lean-changes.png` });
});

test('a change tried in a narrow column ends with the focus on the new path, in view, even when it opens a folded group above', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  const answers = { data_in_aws: true };
  const want = classify(answers);
  const change = want.would_change.find((c) => c.question === 'newest_features');
  expect(change, 'the oracle offers newest_features among the changes').toBeTruthy();
  const { host, result } = await open(page, answers);
  const group = await host.locator('.dg-q[data-question="newest_features"]').evaluate((q) => q.closest('details')?.open ?? null);
  expect(group, 'the question sits in a folded group').toBe(false);
  const button = host.locator('li[data-question="newest_features"] .dg-try').first();
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await result()).path).toBe(change.path);
  await page.waitForTimeout(100);
  const focus = await host.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    const r = a?.getBoundingClientRect();
    return { cls: a?.className, inView: !!r && r.top >= 0 && r.bottom <= innerHeight };
  });
  expect(focus).toEqual({ cls: 'dg-path-name', inView: true });
});

test('the nearest set of several answers is shown and applied by its button', async ({ page }) => {
  const answers = { shape: 'multi_step', tools_actions: true };
  const want = classify(answers);
  const far = want.nearest.find((n) => Object.keys(n.answers).length > 1);
  expect(far, 'the oracle offers a set of several answers').toBeTruthy();
  const { host, result } = await open(page, answers);
  const item = host.locator(`.dg-further > li[data-path="${far.path}"]`);
  await expect(item).toBeVisible();
  const shown = await item.locator('.dg-set li').evaluateAll((lis) => lis.map((li) => li.dataset.question));
  expect(shown).toEqual(Object.keys(far.answers));
  const apply = item.getByRole('button', { name: /^Apply these answers, which lead to / });
  await apply.focus();
  await apply.press('Enter');
  await expect(host.locator('.dg-result')).toHaveAttribute('data-path', far.path);
  const merged = { ...answers, ...far.answers };
  expect(await result()).toEqual(classify(merged));
  expect(await host.evaluate((el) => el.answers)).toEqual(merged);
  // The focus moves to the new path's name, inside the guide.
  const focused = await host.evaluate((el) => el.shadowRoot.activeElement?.className ?? null);
  expect(focused).toBe('dg-path-name');
});

test('what the team said is in place is listed apart from the to-dos', async ({ page }) => {
  const answers = { shape: 'multi_step', app_owns_control: true, tools_actions: true, approval_resume: true, data_in_aws: true };
  const want = classify(answers);
  expect(want.in_place.length).toBeGreaterThan(0);
  const { host, result, texts } = await open(page, answers);
  expect(await result()).toEqual(want);
  expect(await texts('.dg-in-place li')).toEqual(want.in_place);
  expect(await texts('.dg-owned li')).toEqual(want.you_still_own);
  for (const item of want.in_place) expect(want.you_still_own).not.toContain(item);
});

test('a blocked result says no path is confirmed, names the closest and the ways out, and copies the same record', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const answers = preset('eu-insurer-claims');
  const want = classify(answers);
  expect(want.blocked).toEqual(['region-unconfirmed']);
  const { host, result } = await open(page, answers);
  await expect(host.locator('.dg-result')).toHaveAttribute('data-verdict', 'blocked');
  await expect(host.locator('.dg-eyebrow')).toContainText('No path confirmed; closest');
  await expect(host.locator('.dg-escalate')).toContainText('escalate');
  await expect(host.locator('.dg-warnings li.dg-blocks[data-warning="region-unconfirmed"]')).toContainText('Ways out');
  expect(await result()).toEqual(want);
  await host.locator('.dg-copy', { hasText: 'Copy as Markdown' }).click();
  await expect(host.locator('.dg-copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cli(['classify', '--format', 'markdown'], JSON.stringify(answers)));
  for (const [scheme, width, name] of [['light', 1280, 'blocked-light'], ['dark', 1280, 'blocked-dark'], ['light', 320, 'blocked-320']]) {
    await page.setViewportSize({ width, height: 900 });
    await host.evaluate((el, s) => el.setAttribute('theme', s), scheme);
    await page.locator('decision-guide .dg-result').screenshot({ path: `${shots}/engine-${name}.png` });
  }
});

test('"confirm first": a settled path with a fact to confirm says so', async ({ page }) => {
  const answers = { shape: 'single', aws_controls: true, preview_ok: false };
  const want = classify(answers);
  expect(want.status).toBe('confirm_first');
  const { host, result } = await open(page, answers);
  await expect(host.locator('.dg-result')).toHaveAttribute('data-verdict', 'confirm-first');
  await expect(host.locator('.dg-badge')).toHaveText('Confirm first');
  expect(await result()).toEqual(want);
});

test('refinements are folded until answered or opened, and say how many open ones could change the result', async ({ page }) => {
  const { host } = await open(page, null);
  const refine = guide.groups.filter((g) => g.refine);
  expect(refine.length).toBeGreaterThan(0);
  for (const g of refine) {
    const group = host.locator(`details.dg-refine[data-group="${g.id}"]`);
    expect(await group.evaluate((d) => d.open), `${g.id} is folded`).toBe(false);
    const count = guide.questions.filter((q) => q.group === g.id).length;
    await expect(group.locator('.dg-refine-count')).toContainText(`${count} questions`);
  }
  // Nothing answered: own KMS keys (folded under "where it may run") could move it.
  const want = classify({});
  expect(want.ask_first).toContain('customer_managed_keys');
  await expect(host.locator('details[data-group="place"] .dg-refine-count')).toContainText('could change the result');
  // An answer inside opens its group.
  await host.evaluate((el) => { el.answers = { voice: true }; });
  await expect.poll(() => host.locator('details[data-group="needs"]').evaluate((d) => d.open)).toBe(true);
  // A reader opens one by its summary, and answers in it.
  await host.locator('details[data-group="place"] summary').click();
  await host.locator('fieldset[data-question="residency"] label', { hasText: 'The EU or EEA' }).click();
  await expect(host.locator('.dg-result')).toHaveAttribute('data-path', classify({ voice: true, residency: 'eu' }).path);
  expect(await host.evaluate((el) => el.result)).toEqual(classify({ voice: true, residency: 'eu' }));
  await page.locator('decision-guide').screenshot({ path: `${shots}/engine-refinements.png` });
});

test('a voice case and a lean look right in light, dark and at 320 px', async ({ page }) => {
  for (const [answers, name] of [[preset('clinical-scribe'), 'voice'], [{ shape: 'multi_step', tools_actions: true }, 'lean-nearest']]) {
    const { host, result } = await open(page, answers);
    expect(await result()).toEqual(classify(answers));
    for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 320]]) {
      await page.setViewportSize({ width, height: 900 });
      await host.evaluate((el, s) => el.setAttribute('theme', s), scheme);
      await page.locator('decision-guide .dg-result').screenshot({ path: `${shots}/engine-${name}-${scheme}-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

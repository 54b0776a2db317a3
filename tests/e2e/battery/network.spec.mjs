// Battery, part 2: no network, no tracking. A whole session (load, answer
// every question, change the theme, reset, load a preset, follow a "what
// would change it" button, open the permalink) may request nothing but the
// page itself and the widget's two files; it sets no cookie and writes no
// localStorage, sessionStorage, IndexedDB, Cache Storage or service worker;
// and going offline after the load changes nothing.
import { choose, classify, cli, expect, guide, presetValue, ready, record, test } from './battery.mjs';

const OWN = ['/www/battery/session.html', '/decision-guide.js', '/decision-guide_bg.wasm'];

/** Every answer's first option, for every question. */
const firstOptions = () => Object.fromEntries(guide.questions.map((q) => [q.id, q.options?.length ? q.options[0].value : true]));

/** Answers every question in `host` with its first option, by clicking. */
async function answerAll(page, host = 'decision-guide') {
  for (const q of guide.questions) await choose(page, host, q.id, 1);
}

/** What the page and the browser kept: cookies, storage of every kind, history entries. */
async function kept(page, context) {
  const inPage = await page.evaluate(async () => ({
    documentCookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    history: history.length,
  }));
  return { ...inPage, cookies: await context.cookies() };
}

test('a whole session requests only the page and the widget\'s two files, and keeps nothing', async ({ page, context, baseURL }) => {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const sockets = [];
  page.on('websocket', (w) => sockets.push(w.url()));
  const log = record(page);
  await page.goto('/www/battery/session.html');
  await ready(page);
  const atLoad = await kept(page, context);
  const el = page.locator('decision-guide');
  const steps = [];

  await answerAll(page);
  steps.push(`answered ${guide.questions.length} questions`);
  const [want] = classify([firstOptions()]);
  expect(await el.evaluate((e) => e.result)).toEqual(want);

  await el.evaluate((e) => e.setAttribute('theme', 'dark'));
  await el.evaluate((e) => e.setAttribute('theme', 'auto'));
  steps.push('theme dark, then auto');

  await page.locator('decision-guide .dg-reset').click();
  await expect.poll(() => el.evaluate((e) => e.answers)).toEqual({});
  steps.push('reset');

  await el.evaluate((e) => e.setAttribute('answers', '{"shape": "multi_step", "tools_actions": true, "approval_resume": true}'));
  await page.locator('decision-guide .dg-changes li[data-question="app_owns_control"] .dg-try').click();
  await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'managed-agents');
  steps.push('answers attribute, then a "what would change it" button');

  await page.locator('decision-guide select').selectOption(presetValue('invoice-approval'));
  const preset = JSON.parse(cli(['classify', '--preset', 'invoice-approval']));
  expect(await el.evaluate((e) => e.result)).toEqual(preset);
  steps.push('preset invoice-approval');

  await el.evaluate((e) => e.setAttribute('answers', '{"shape": "bogus"}'));
  await page.locator('decision-guide .dg-error button').click();
  steps.push('bad answers attribute, banner dismissed');

  const link = page.url();
  expect(new URL(link).hash).toMatch(/^#dg=[-0-9a-z]+$/);
  const afterSession = await kept(page, context);
  const second = await context.newPage();
  await second.goto(link);
  await ready(second);
  expect(await second.locator('decision-guide').evaluate((e) => e.result)).toEqual(preset);
  steps.push('opened the permalink in a second tab');
  const final = await kept(second, context);
  console.log(`session: ${steps.join('; ')}; ${requests.length} requests: ${requests.map((u) => new URL(u).pathname).join(', ')}`);

  const foreign = requests.filter((u) => {
    const url = new URL(u);
    return url.origin !== new URL(baseURL).origin || !OWN.includes(url.pathname);
  });
  expect(foreign, 'requests beyond the page and the widget\'s two files').toEqual([]);
  // Each file once per page load (two loads), nothing fetched again in between.
  for (const path of OWN) {
    expect(requests.filter((u) => new URL(u).pathname === path).length, `${path} requested once per page load`).toBe(2);
  }
  expect(sockets, 'WebSockets opened').toEqual([]);
  expect(log.errors).toEqual([]);
  for (const state of [atLoad, afterSession, final]) {
    expect(state.cookies, 'cookies').toEqual([]);
    expect(state.documentCookie, 'document.cookie').toBe('');
    expect(state.localStorage, 'localStorage entries').toBe(0);
    expect(state.sessionStorage, 'sessionStorage entries').toBe(0);
    expect(state.indexedDB, 'IndexedDB databases').toEqual([]);
    expect(state.caches, 'Cache Storage caches').toEqual([]);
    expect(state.serviceWorkers, 'service workers').toBe(0);
  }
  // Permalinks replace the history entry; answering adds none.
  expect(afterSession.history, 'history entries added by the session').toBe(atLoad.history);
});

test('offline after the load: answers, presets, reset, theme, permalink and new guides still work', async ({ page, context }) => {
  const log = record(page);
  await page.goto('/www/battery/session.html');
  await ready(page);
  const loaded = log.requests.length;
  await context.setOffline(true);
  try {
    // The browser really is offline: a fetch of the page's own file fails.
    const probe = await page.evaluate(() => fetch(location.href, { cache: 'no-store' }).then(() => 'fetched', (e) => e.name));
    expect(probe, 'offline').toBe('TypeError');
    const el = page.locator('decision-guide');
    await answerAll(page);
    const [want] = classify([firstOptions()]);
    expect(await el.evaluate((e) => e.result)).toEqual(want);
    expect(new URL(page.url()).hash).toMatch(/^#dg=[-0-9a-z]+$/);
    await el.evaluate((e) => e.setAttribute('theme', 'dark'));
    await page.locator('decision-guide .dg-reset').click();
    await page.locator('decision-guide select').selectOption(presetValue('aws-knowledge-workflow'));
    await expect(page.locator('decision-guide .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
    // A guide created while offline uses the wasm already here.
    await page.evaluate(() => {
      const more = document.createElement('decision-guide');
      more.id = 'offline';
      more.answers = { shape: 'multi_step', tools_actions: true, approval_resume: true, app_owns_control: false };
      document.querySelector('main').append(more);
    });
    await ready(page, '#offline');
    const [agent] = classify([{ shape: 'multi_step', tools_actions: true, approval_resume: true, app_owns_control: false }]);
    expect(await page.locator('#offline').evaluate((e) => e.result)).toEqual(agent);
    const after = log.requests.slice(loaded);
    console.log(`offline: ${guide.questions.length} answers, theme, reset, preset, a new guide; requests while offline: ${after.length - 1} besides the probe`);
    expect(after.filter((u) => u !== page.url().split('#')[0]), 'requests made while offline (besides the probe)').toEqual([]);
    expect(log.errors).toEqual([]);
  } finally {
    await context.setOffline(false);
  }
});

// Battery, part 3: hostile and odd host pages. Polluted prototypes, the
// tag name already taken, the script included several times, elements
// created before and after the script, moved, removed while the wasm is
// still loading, twenty guides on one page (each checked against the CLI),
// and sandboxed iframes (opaque origin).
import { addGuide, choose, classify, errorsOf, expect, guide, ready, record, test } from './battery.mjs';
import { createStaticServer, defaultMounts } from '../serve.mjs';

/** Holds the wasm download until `release()` is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  await page.route('**/decision-guide_bg.wasm', async (route) => {
    asked++;
    await gate;
    await route.continue();
  });
  return { release: () => release(), asked: () => asked };
}

/** In the page: each guide's id, liveness, result path and answers. */
const states = (page) => page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => ({
  id: el.id,
  live: el.shadowRoot?.querySelector('.dg')?.dataset.live === 'true',
  path: el.result?.path ?? null,
  answers: el.answers,
  error: el.shadowRoot?.querySelector('.dg-error')?.textContent ?? null,
})));

test.describe('polluted prototypes', () => {
  test('enumerable keys on Object.prototype before the script loads', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/polluted.html?enumerable&array');
    const live = await ready(page, 'decision-guide', 5000).then(() => null, (e) => e.message.split('\n')[0]);
    expect(live, `with Object.prototype.shape = 'x' (enumerable) set before the script, the guides never go live; page errors: ${log.errors.map((e) => e.split('\n').slice(0, 3).join(' ')).join(' | ')}`).toBeNull();
    await checkPolluted(page, log);
  });

  test('non-enumerable keys on Object.prototype, and keys on Array, String and Function prototypes', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/polluted.html?hidden&array');
    await ready(page);
    await checkPolluted(page, log);
  });
});

/** The polluted page's guides answer exactly as the CLI does, and read back only their own keys. */
async function checkPolluted(page, log) {
  const given = { shape: 'multi_step', tools_actions: true, approval_resume: true };
  const [wantAttr, wantEmpty] = classify([given, {}]);
  expect(await page.evaluate(() => document.querySelector('#attr').result)).toEqual(wantAttr);
  expect(await page.evaluate(() => document.querySelector('#plain').result)).toEqual(wantEmpty);
  // Own keys only, in answers read back and in the result.
  const keys = await page.evaluate(() => ({ answers: Object.keys(document.querySelector('#attr').answers), result: Object.keys(document.querySelector('#attr').result) }));
  expect(keys.answers).toEqual(Object.keys(given));
  expect(keys.result).toEqual(Object.keys(wantAttr));
  // Property, attribute and clicks.
  const viaProperty = { aws_controls: true, shape: 'single' };
  await page.evaluate((a) => { document.querySelector('#plain').answers = a; }, viaProperty);
  expect(await page.evaluate(() => document.querySelector('#plain').result)).toEqual(classify([viaProperty])[0]);
  await page.evaluate(() => document.querySelector('#plain').setAttribute('answers', '{}'));
  expect(await page.evaluate(() => document.querySelector('#plain').answers)).toEqual({});
  await page.locator('#attr fieldset[data-question="app_owns_control"] label[data-answer="2"]').click();
  const clicked = { ...given, app_owns_control: false };
  expect(await page.evaluate(() => document.querySelector('#attr').answers)).toEqual(clicked);
  expect(await page.evaluate(() => document.querySelector('#attr').result)).toEqual(classify([clicked])[0]);
  expect(await page.evaluate(() => window.canary)).toBe('untouched');
  // The getter is read by the browser and the test harness too (once per
  // page even without the widget), so what counts is that its value never
  // reached the widget: neither as text nor as markup.
  const used = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].some((el) => el.shadowRoot.innerHTML.includes("canary=\\'injected\\'") || el.shadowRoot.innerHTML.includes("canary='injected'") || el.shadowRoot.querySelector('img')));
  expect(used, 'the polluted getter\'s value never reached a guide').toBe(false);
  expect(log.errors).toEqual([]);
  expect(errorsOf(log)).toEqual([]);
  console.log(`polluted page: 2 guides, 4 inputs checked against the CLI; Object.prototype.then read ${await page.evaluate(() => window.reads.then)} times (by promise resolution)`);
}

test('the tag taken by another script first: a console error naming it, and the other element keeps working', async ({ page }) => {
  const log = record(page);
  await page.goto('/www/battery/tag-taken.html');
  await page.waitForLoadState('networkidle');
  const errors = errorsOf(log);
  expect(errors.some((t) => t.includes('<decision-guide> is already defined by another script')), `console errors: ${JSON.stringify(errors)}`).toBe(true);
  expect(errors).toHaveLength(1);
  expect(log.errors).toEqual([]);
  await page.locator('#other').click();
  await page.locator('#other').click();
  await expect(page.locator('#other')).toHaveText('other guide: 2 clicks');
  expect(await page.evaluate(() => ({ shadow: !!document.querySelector('#other').shadowRoot, ours: !!customElements.get('decision-guide').decisionGuide }))).toEqual({ shadow: false, ours: false });
  expect(log.requests.filter((u) => u.endsWith('.wasm')), 'no wasm downloaded for a guide that is not defined').toEqual([]);
});

test('the script included three times and imported again: one definition, one wasm download, no error', async ({ page }) => {
  const log = record(page);
  await page.goto('/www/battery/twice.html');
  await ready(page, '#one');
  await page.waitForFunction(() => window.importedAgain === true);
  expect(log.requests.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
  expect(log.requests.filter((u) => /decision-guide\.js/.test(u)).map((u) => new URL(u).search)).toEqual(['', '?copy=2', '?copy=3']);
  expect(errorsOf(log)).toEqual([]);
  expect(log.errors).toEqual([]);
  expect(await page.evaluate(() => document.querySelector('#one').result)).toEqual(classify([{ aws_procurement: true }])[0]);
  // Still one working definition after every copy ran.
  await addGuide(page, { id: 'later', answers: { customer_managed_keys: true }, parent: 'main' });
  await ready(page, '#later');
  expect(await page.evaluate(() => document.querySelector('#later').result)).toEqual(classify([{ customer_managed_keys: true }])[0]);
});

test('elements made before the script loads (markup, properties set before upgrade, detached) and after', async ({ page }) => {
  const log = record(page);
  await page.goto('/www/battery/late.html');
  // Before the script: plain unknown elements, the property just a field.
  const early = { shape: 'multi_step', tools_actions: true, approval_resume: true, app_owns_control: false };
  expect(await page.evaluate(() => ({
    defined: !!customElements.get('decision-guide'),
    shadow: !!document.querySelector('#early').shadowRoot,
    field: document.querySelector('#early').answers,
  }))).toEqual({ defined: false, shadow: false, field: early });
  await page.evaluate(() => window.loadGuide());
  await ready(page, '#markup, #early');
  const [wantMarkup, wantEarly, wantDetached, wantAfter] = classify([{ aws_controls: true }, early, { data_in_aws: true }, { beyond_preview: true }]);
  expect(await page.evaluate(() => document.querySelector('#markup').result)).toEqual(wantMarkup);
  expect(await page.evaluate(() => document.querySelector('#early').result)).toEqual(wantEarly);
  expect(await page.evaluate(() => document.querySelector('#early').answers)).toEqual(early);
  // `theme` and `permalink` set before the upgrade must count, as `answers` does.
  const early2 = await page.evaluate(() => {
    const el = document.querySelector('#early');
    return { attribute: el.getAttribute('theme'), ownField: Object.prototype.hasOwnProperty.call(el, 'theme'), scheme: getComputedStyle(el.shadowRoot.querySelector('.dg')).colorScheme };
  });
  expect.soft(early2, 'el.theme = "dark" set before the element was upgraded is left as a plain field shadowing the setter: no theme attribute, the guide is not dark (connectedCallback only re-applies an own "answers" property)').toEqual({ attribute: 'dark', ownField: false, scheme: 'dark' });
  // The detached one: not upgraded while out of the document (the platform
  // upgrades on connection), its property a plain field until it is added.
  expect(await page.evaluate(() => [window.detached instanceof customElements.get('decision-guide'), window.detached.answers])).toEqual([false, '{"data_in_aws": true}']);
  await page.evaluate(() => document.querySelector('main').append(window.detached));
  await ready(page, '#detached');
  expect(await page.evaluate(() => document.querySelector('#detached').result)).toEqual(wantDetached);
  // And one made after the script.
  await addGuide(page, { id: 'after', attributes: { answers: '{"beyond_preview": true}' }, parent: 'main' });
  await ready(page, '#after');
  expect(await page.evaluate(() => document.querySelector('#after').result)).toEqual(wantAfter);
  expect(log.errors).toEqual([]);
  expect(errorsOf(log)).toEqual([]);
  console.log('before/after: 4 guides (markup, property before upgrade, detached, after) checked against the CLI');
});

test.describe('moving and removing', () => {
  test('moved to another parent, into a shadow root and back: stays live and keeps its answers', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/empty.html');
    await page.evaluate(() => {
      const el = document.createElement('decision-guide');
      el.id = 'moving';
      document.getElementById('a').append(el);
      const host = document.createElement('div');
      host.id = 'host';
      host.attachShadow({ mode: 'open' }).append(document.createElement('section'));
      document.getElementById('b').append(host);
      window.changes = 0;
      el.addEventListener('decision-change', () => window.changes++);
    });
    await ready(page, '#moving');
    await page.locator('#moving fieldset[data-question="aws_controls"] label[data-answer="1"]').click();
    const moves = {
      'to another parent': () => document.getElementById('b').append(document.getElementById('moving')),
      'before a sibling': () => document.getElementById('b').prepend(document.getElementById('moving')),
      'into a shadow root': () => document.getElementById('host').shadowRoot.querySelector('section').append(document.getElementById('moving')),
      'back to the document': () => document.getElementById('a').append(document.getElementById('host').shadowRoot.getElementById('moving')),
    };
    let n = 0;
    for (const [name, move] of Object.entries(moves)) {
      const r = await page.evaluate(async (src) => {
        const before = document.getElementById('moving') || document.getElementById('host').shadowRoot.getElementById('moving');
        const dg = before.shadowRoot.querySelector('.dg');
        (0, eval)(`(${src})`)();
        await settle();
        const el = document.getElementById('moving') || document.getElementById('host').shadowRoot.getElementById('moving');
        return { same: el === before, live: el.shadowRoot.querySelector('.dg')?.dataset.live === 'true', sameRender: el.shadowRoot.querySelector('.dg') === dg, answers: el.answers, path: el.result?.path };
      }, move.toString());
      n++;
      expect(r, `moved ${name}`).toEqual({ same: true, live: true, sameRender: true, answers: { aws_controls: true }, path: 'bedrock-models' });
    }
    // Still answers, and still tells.
    const before = await page.evaluate(() => window.changes);
    await page.locator('#moving fieldset[data-question="aws_controls"] label[data-answer="2"]').click();
    expect(await page.evaluate(() => document.getElementById('moving').answers)).toEqual({ aws_controls: false });
    expect(await page.evaluate(() => window.changes)).toBe(before + 1);
    expect(log.errors).toEqual([]);
    console.log(`moves: ${n}`);
  });

  test('removed, then added back after a while: keeps its answers', async ({ page }) => {
    // Like an <input>, which keeps its value while it is out of the document.
    await page.goto('/www/battery/empty.html');
    await addGuide(page, { id: 'back' });
    await ready(page, '#back');
    await page.locator('#back fieldset[data-question="aws_controls"] label[data-answer="1"]').click();
    const r = await page.evaluate(async () => {
      const el = document.getElementById('back');
      el.remove();
      await settle();
      const whileOut = el.answers;
      document.getElementById('b').append(el);
      while (el.shadowRoot.querySelector('.dg')?.dataset.live !== 'true') await new Promise((res) => setTimeout(res, 10));
      return { whileOut, after: el.answers, path: el.result.path };
    });
    expect(r.whileOut, 'answers read while the guide is out of the document').toEqual({ aws_controls: true });
    expect(r.after, 'answers after the guide is added back (they were clicked in before it was removed)').toEqual({ aws_controls: true });
    expect(r.path).toBe('bedrock-models');
  });

  test('removed while its wasm is loading, and added again', async ({ page }) => {
    const log = record(page);
    const wasm = await holdWasm(page);
    await page.goto('/www/battery/empty.html');
    await page.evaluate(async () => {
      const main = document.getElementById('a');
      const make = (id, answers) => {
        const el = document.createElement('decision-guide');
        el.id = id;
        if (answers) el.answers = answers;
        main.append(el);
        return el;
      };
      const sync = make('sync', { aws_controls: true });
      sync.remove();
      main.append(sync); // out and in within one task
      const later = make('later');
      later.setAttribute('answers', '{"shape": "multi_step"}');
      later.remove();
      await new Promise((r) => setTimeout(r, 50));
      document.getElementById('b').append(later); // out for a while, then in elsewhere
      window.gone = make('gone', { data_in_aws: true });
      window.gone.remove(); // out until the wasm has come
      make('stays');
    });
    expect(await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => el.result))).toEqual([null, null, null]);
    wasm.release();
    await ready(page, '#sync, #later, #stays');
    const [sync, later, gone, stays] = classify([{ aws_controls: true }, { shape: 'multi_step' }, { data_in_aws: true }, {}]);
    expect(await page.evaluate(() => document.getElementById('sync').result)).toEqual(sync);
    expect(await page.evaluate(() => document.getElementById('later').result)).toEqual(later);
    expect(await page.evaluate(() => document.getElementById('stays').result)).toEqual(stays);
    expect(await page.evaluate(() => window.gone.result), 'a guide out of the document is not started').toBeNull();
    await page.evaluate(() => document.getElementById('a').append(window.gone));
    await ready(page, '#gone');
    expect(await page.evaluate(() => document.getElementById('gone').result)).toEqual(gone);
    expect(wasm.asked()).toBe(1);
    expect(log.errors).toEqual([]);
  });

  test('a guide whose starting answers throw does not stop the other guides', async ({ page }) => {
    // While the wasm loads, guides wait in a set; the first one that throws
    // when it starts must not leave the rest static for good.
    const log = record(page);
    const wasm = await holdWasm(page);
    await page.goto('/www/battery/empty.html');
    await page.evaluate(() => {
      const bad = document.createElement('decision-guide');
      bad.id = 'bad';
      bad.answers = { get shape() { throw new Error('a getter that throws'); } };
      document.getElementById('a').append(bad);
      const good = document.createElement('decision-guide');
      good.id = 'good';
      good.answers = { aws_controls: true };
      document.getElementById('b').append(good);
    });
    wasm.release();
    const goodLive = await ready(page, '#good', 5000).then(() => null, (e) => e.message.split('\n')[0]);
    expect.soft(goodLive, `#good never goes live because #bad threw first; page errors: ${log.errors.map((e) => e.split('\n')[0]).join(' | ')}`).toBeNull();
    const badLive = await ready(page, '#bad', 1000).then(() => null, (e) => e.message.split('\n')[0]);
    expect.soft(badLive, '#bad goes live with its problem in a banner').toBeNull();
    expect.soft(log.errors, 'nothing uncaught').toEqual([]);
  });
});

test('twenty guides on one page: each result is the CLI\'s, and answering one changes no other', async ({ page }) => {
  const log = record(page);
  await page.goto('/www/battery/twenty.html');
  await ready(page);
  const given = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => [el.id, JSON.parse(el.getAttribute('answers'))]));
  expect(given).toHaveLength(20);
  expect(new Set(given.map(([, a]) => JSON.stringify(a))).size, 'twenty different answer sets').toBe(20);
  const check = async (answers, what) => {
    const want = classify(answers);
    const got = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => el.result));
    for (let i = 0; i < 20; i++) expect(got[i], `${what}: #${given[i][0]}`).toEqual(want[i]);
    return want;
  };
  const first = await check(given.map(([, a]) => a), 'from the attributes');
  const paths = new Set(first.map((r) => r.path));
  // Each guide i gets one more click: question i mod 14, an option chosen by i.
  const now = given.map(([, a]) => ({ ...a }));
  await page.evaluate(() => {
    window.events = [];
    document.addEventListener('decision-change', (e) => window.events.push(e.target.id));
  });
  for (let i = 0; i < 20; i++) {
    const q = guide.questions[i % guide.questions.length];
    const options = q.options?.length ? q.options.map((o) => o.value) : [true, false];
    const pick = i % (options.length + 1); // the last one is "Not sure"
    const code = pick === options.length ? 0 : pick + 1;
    const value = pick === options.length ? undefined : options[pick];
    if (value === undefined) delete now[i][q.id];
    else now[i][q.id] = value;
    await choose(page, `#${given[i][0]}`, q.id, code);
  }
  await check(now, 'after one click in each');
  const events = await page.evaluate(() => window.events);
  // A click that does not change the answers fires nothing; every event names the guide clicked.
  const changedIds = given.filter(([, a], i) => JSON.stringify(a) !== JSON.stringify(now[i])).map(([id]) => id);
  expect(events, 'one decision-change per guide whose answers changed, from that guide').toEqual(changedIds);
  expect(log.errors).toEqual([]);
  console.log(`twenty guides: paths ${[...paths].join(', ')}; ${changedIds.length} changed by a click; 40 results checked against the CLI`);
});

test.describe('sandboxed iframes (opaque origin)', () => {
  test('the embed in a sandboxed iframe works, or says why it does not', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/sandboxed.html');
    await page.waitForLoadState('networkidle');
    const outcome = [];
    for (const id of ['src', 'srcdoc']) {
      const frame = page.frameLocator(`#${id}`);
      const handle = await page.locator(`#${id}`).elementHandle();
      const f = await handle.contentFrame();
      await f.waitForLoadState('load');
      const state = await f.evaluate(() => {
        const el = document.querySelector('decision-guide');
        return {
          origin: self.origin, // the document's origin; location.origin is the URL's
          defined: !!customElements.get('decision-guide'),
          live: el?.shadowRoot?.querySelector('.dg')?.dataset.live === 'true',
          notice: el?.shadowRoot?.querySelector('.dg-notice')?.textContent ?? null,
          visibleText: (el?.shadowRoot?.textContent || el?.textContent || '').trim().slice(0, 80),
        };
      });
      void frame;
      outcome.push([id, state]);
    }
    const cors = errorsOf(log).filter((t) => /CORS|Access-Control-Allow-Origin/.test(t));
    console.log(`sandboxed: ${JSON.stringify(outcome)}; CORS errors in the console: ${cors.length}: ${cors[0] ?? ''}`);
    for (const [id, state] of outcome) {
      expect(state.origin, `#${id} runs in an opaque origin`).toBe('null');
      expect.soft(state.live || !!state.notice, `#${id}: in a sandboxed iframe (allow-scripts, opaque origin) the guide neither works nor says why: ${state.defined ? 'defined' : 'the element is never defined'}, it shows ${JSON.stringify(state.visibleText)}. The module script from http://127.0.0.1 is blocked by CORS (the server sends no Access-Control-Allow-Origin): ${cors[0] ?? 'no CORS error seen'}`).toBe(true);
    }
  });

  test('on a host that sends no CORS headers: the classic script works, and the module leaves its fallback content, not a blank box', async ({ page }) => {
    const log = record(page);
    // A plain static host: no Access-Control-Allow-Origin on anything.
    const server = createStaticServer(defaultMounts, { cors: false });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      await page.goto(`${base}/www/battery/sandboxed.html`);
      const classic = await (await page.locator('#classic').elementHandle()).contentFrame();
      await ready(classic);
      expect(await classic.evaluate(() => self.origin), 'an opaque origin').toBe('null');
      expect(await classic.evaluate(() => document.querySelector('decision-guide').result)).toEqual(classify([{ aws_controls: true }])[0]);
      // The module cannot load there: the element is never defined, and its
      // fallback content (a sentence and a link) is what the reader sees.
      const moduleFrame = await (await page.locator('#src').elementHandle()).contentFrame();
      await moduleFrame.waitForLoadState('load');
      await page.waitForTimeout(500);
      expect(await moduleFrame.evaluate(() => !!customElements.get('decision-guide'))).toBe(false);
      const link = page.frameLocator('#src').locator('decision-guide a');
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', '../../decision-guide.html');
      const box = await page.frameLocator('#src').locator('decision-guide').boundingBox();
      expect(box.height, 'the element is not a 0-px box').toBeGreaterThan(0);
      expect(errorsOf(log).filter((t) => !/CORS|Access-Control-Allow-Origin|Failed to load resource/.test(t))).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('with Access-Control-Allow-Origin on the widget\'s two files, the sandboxed embed works', async ({ page }) => {
    const log = record(page);
    // What a host (or a CDN) that sends CORS headers would serve.
    await page.route(/\/decision-guide(\.js|_bg\.wasm)(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.goto('/www/battery/sandboxed.html');
    const f = await (await page.locator('#src').elementHandle()).contentFrame();
    await ready(f);
    expect(await f.evaluate(() => self.origin), 'an opaque origin').toBe('null');
    expect(await f.evaluate(() => document.querySelector('decision-guide').result)).toEqual(classify([{ aws_controls: true }])[0]);
    await f.locator('decision-guide fieldset[data-question="shape"] label[data-answer="2"]').click();
    expect(await f.evaluate(() => document.querySelector('decision-guide').answers)).toEqual({ aws_controls: true, shape: 'multi_step' });
    expect(log.errors).toEqual([]);
  });
});

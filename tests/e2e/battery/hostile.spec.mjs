// Battery, part 1: hostile content. The `answers` attribute and property
// and the permalink fragment are fed HTML, <script>, javascript: URLs,
// 10 MB strings and odd Unicode (bidi overrides, zero-width characters,
// emoji, combining marks, lone surrogates). Nothing may be injected (no new
// <img>/<script>/… in the document or a shadow root, no handler attribute,
// no dialog, window.canary untouched), what is shown must be inert, bounded
// text, the page must stay responsive, and the guide must stay usable.
import { addGuide, classify, cli, expect, test, expectNothingInjected, injection, ready, record, sourceBaseline } from './battery.mjs';

/** Strings that would run or load something if they were ever parsed as HTML or followed as URLs. */
const HOSTILE = [
  '<img src=x onerror="window.canary=\'img\'">',
  '<script>window.canary="script"</script>',
  '"><svg onload="window.canary=\'svg\'">',
  "javascript:window.canary='js'",
  '<iframe src="javascript:parent.canary=1">',
  '</p><p onclick="window.canary=1">x',
  '&lt;img src=x onerror=alert(1)&gt;',
  '{{constructor.constructor("window.canary=1")()}}',
];

/** Where in an answers object a hostile string goes. */
const POSITIONS = {
  key: (s) => ({ [s]: true }),
  'choice value': (s) => ({ shape: s }),
  'boolean value': (s) => ({ tools_actions: s }),
  'nested value': (s) => ({ shape: { [s]: s } }),
};

/** In the page: the error banner's text in guide `sel`, or null. */
const bannerOf = (page, sel) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.dg-error')?.textContent ?? null, sel);

test.describe('hostile content', () => {
  test('hostile answers, theme and id in the markup are shown as inert text', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/hostile.html');
    await ready(page);
    const ids = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => el.id));
    console.log(`markup: ${ids.length} guides with hostile attributes`);
    const want = {
      'key-html': ['unknown question id "<img src=x onerror=\\"window.canary=1\\">"', '<script>window.canary=2</script>'],
      'value-html': ['question "shape": unknown option "<img src=x onerror=\\"window.canary=3\\">"'],
      'value-js-url': ['question "tools_actions": expected true, false or null, got "javascript:window.canary=4"'],
      'not-json': ['the answers attribute is not valid JSON'],
      // Direction and invisible characters are shown escaped, so the
      // message reads as it is.
      rtl: ['unknown option "\\u202elanigiro"'],
    };
    for (const [id, parts] of Object.entries(want)) {
      const text = await bannerOf(page, `[id="${id}"]`);
      for (const part of parts) expect(text, `#${id}: the banner quotes the input as text`).toContain(part);
    }
    // The hostile id and theme are only attribute values.
    const odd = page.locator('decision-guide[id^="<img"]');
    await expect(odd).toHaveAttribute('theme', 'dark"><img src=x onerror="window.canary=7');
    expect(await odd.evaluate((el) => el.result.path)).toBe('direct-api');
    await expectNothingInjected(page, await sourceBaseline(page), 'hostile markup');
    expect(log.dialogs, 'no dialog opened').toEqual([]);
    expect(log.errors, 'no uncaught page error').toEqual([]);
    // Every guide still answers.
    for (const id of ids) {
      const el = page.locator(`decision-guide[id="${id}"]`);
      await el.locator('fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
      await expect(el.locator('.dg-result'), `#${id} is usable`).toHaveAttribute('data-path', 'bedrock-models');
    }
  });

  test('hostile answers through the attribute, the property and a new element', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/empty.html');
    await addGuide(page, { id: 'live' });
    await ready(page, '#live');
    const before = await injection(page);
    let tried = 0;
    for (const s of HOSTILE) {
      for (const [where, make] of Object.entries(POSITIONS)) {
        const answers = make(s);
        const json = JSON.stringify(answers);
        // 1. The attribute of a live guide.
        await page.evaluate((j) => document.querySelector('#live').setAttribute('answers', j), json);
        const viaAttribute = await bannerOf(page, '#live');
        // 2. The property: throws a TypeError and shows the same banner.
        const thrown = await page.evaluate((a) => {
          try { document.querySelector('#live').answers = a; return null; } catch (e) { return `${e.name}: ${e.message}`; }
        }, answers);
        const viaProperty = await bannerOf(page, '#live');
        // 3. A new element that starts with the attribute.
        await page.evaluate((j) => {
          const el = document.createElement('decision-guide');
          el.className = 'fresh';
          el.setAttribute('answers', j);
          document.getElementById('b').replaceChildren(el);
        }, json);
        await ready(page, '#b .fresh');
        const viaStart = await bannerOf(page, '#b .fresh');
        tried += 3;
        for (const [channel, text] of [['attribute', viaAttribute], ['property', viaProperty], ['new element', viaStart]]) {
          expect(text, `${where} ${JSON.stringify(s)} via the ${channel}: an error banner`).not.toBeNull();
          expect(text.length, `${where} via the ${channel}: a bounded banner`).toBeLessThan(1000);
          if (where !== 'nested value') {
            // JSON quoting escapes " and \ and nothing else that these strings hold.
            expect(text, `${where} via the ${channel}: the input shown as text`).toContain(JSON.stringify(s).slice(1, -1));
          } else {
            expect(text, `${where} via the ${channel}`).toContain('an object');
          }
        }
        expect(thrown, `${where} via the property`).toMatch(/^TypeError: in the answers property: /);
        await expectNothingInjected(page, before, `${where} ${JSON.stringify(s)}`);
      }
      // 4. The whole attribute as the hostile text (not JSON at all).
      await page.evaluate((t) => document.querySelector('#live').setAttribute('answers', t), s);
      const text = await bannerOf(page, '#live');
      expect(text, `${JSON.stringify(s)} as the whole attribute`).toMatch(/the answers attribute (is not valid JSON|must be a JSON object)/);
      tried++;
      await expectNothingInjected(page, before, `${JSON.stringify(s)} as the whole attribute`);
    }
    console.log(`hostile strings: ${HOSTILE.length}, positions: ${Object.keys(POSITIONS).length}, inputs tried: ${tried}`);
    expect(log.dialogs).toEqual([]);
    expect(log.errors).toEqual([]);
    // The answers never changed, and the guide still works.
    expect(await page.evaluate(() => document.querySelector('#live').answers)).toEqual({});
    await page.locator('#live .dg-error button').click();
    await page.locator('#live fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
    await expect(page.locator('#live .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  });

  test('10 MB inputs: the page stays responsive and every message is a bounded excerpt', async ({ page }) => {
    test.setTimeout(120_000);
    const log = record(page);
    await page.goto('/www/battery/empty.html');
    await addGuide(page, { id: 'live' });
    await ready(page, '#live');
    const before = await injection(page);
    // Each case builds its 10 MB in the page (nothing that large crosses CDP)
    // and applies it synchronously, right after a setTimeout(0) is queued:
    // the timer's delay is how long the page was blocked.
    const cases = [
      ['attribute: 10 MB choice value', 'attr', 'v => JSON.stringify({ shape: v })', 'unknown option'],
      ['attribute: 10 MB question id', 'attr', 'v => JSON.stringify({ [v]: true })', 'unknown question id'],
      ['attribute: 10 MB of non-JSON', 'attr', 'v => v', 'not valid JSON'],
      ['attribute: 10 MB of HTML', 'attr', 'v => JSON.stringify({ shape: "<img src=x onerror=window.canary=1>".repeat(v.length / 36) })', 'unknown option'],
      ['attribute: 10 MB of emoji (not JSON)', 'attr', 'v => "\\u{1F600}".repeat(v.length / 2)', 'not valid JSON'],
      ['attribute: 1 million nested arrays', 'attr', 'v => `{"shape": ${"[".repeat(1e6)}${"]".repeat(1e6)}}`', ''],
      ['attribute: 100 000 unknown keys', 'attr', 'v => JSON.stringify(Object.fromEntries(Array.from({ length: 1e5 }, (_, i) => [`k${i}`, true])))', 'unknown question id'],
      ['property: 10 MB choice value', 'prop', 'v => ({ shape: v })', 'unknown option'],
      ['property: 10 MB question id', 'prop', 'v => ({ [v]: true })', 'unknown question id'],
      ['property: 10 MB boolean-question value', 'prop', 'v => ({ tools_actions: v })', 'expected true, false or null'],
      ['new element: 10 MB attribute', 'new', 'v => JSON.stringify({ shape: v })', 'unknown option'],
      ['attribute: 10 MB of whitespace around valid answers', 'attr', 'v => " ".repeat(v.length) + \'{"aws_controls": true}\'', null],
    ];
    for (const [name, channel, make, expectText] of cases) {
      const consoleBefore = log.console.length;
      const m = await page.evaluate(async ({ channel, make }) => {
        const value = (0, eval)(make)('x'.repeat(10_000_000));
        const size = typeof value === 'string' ? value.length : JSON.stringify(value).length;
        let target = document.querySelector('#live');
        const t0 = performance.now();
        const timer = new Promise((resolve) => setTimeout(() => resolve(performance.now() - t0), 0));
        let thrown = null;
        try {
          if (channel === 'attr') target.setAttribute('answers', value);
          else if (channel === 'prop') target.answers = value;
          else {
            target = document.createElement('decision-guide');
            target.className = 'fresh';
            target.setAttribute('answers', value);
            document.getElementById('b').replaceChildren(target);
          }
        } catch (e) { thrown = `${e.name}: ${String(e.message).slice(0, 300)} (${String(e.message).length} characters)`; }
        const applied = performance.now() - t0;
        const delay = await timer;
        const frame = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
        // A new element starts once its wasm is ready: wait for it (bounded).
        for (let i = 0; i < 100 && target.shadowRoot?.querySelector('.dg')?.dataset.live !== 'true'; i++) await new Promise((r) => setTimeout(r, 20));
        const banner = target.shadowRoot.querySelector('.dg-error')?.textContent ?? null;
        return { size, applied, delay, frame, thrown, banner, path: target.result?.path, wellFormed: banner === null || banner.isWellFormed() };
      }, { channel, make });
      await page.waitForTimeout(50); // let the console messages arrive
      const messages = log.console.slice(consoleBefore).map((c) => c.text);
      console.log(`${name}: ${m.size} characters, applied in ${m.applied.toFixed(0)} ms, setTimeout(0) after ${m.delay.toFixed(0)} ms, next frame after ${m.frame.toFixed(0)} ms, banner ${m.banner?.length ?? 0} characters, console ${messages.map((t) => t.length).join('+') || 0} characters`);
      expect(m.delay, `${name}: setTimeout(0) must fire within 1 s (page blocked ${m.delay.toFixed(0)} ms)`).toBeLessThan(1000);
      expect(m.frame, `${name}: the next frame must come within 1 s`).toBeLessThan(1000);
      if (expectText === null) {
        expect(m.banner, `${name}: valid answers, no banner`).toBeNull();
        expect(m.path).toBe('bedrock-models');
      } else {
        expect(m.banner, `${name}: an error banner`).not.toBeNull();
        expect(m.banner.length, `${name}: banner of ${m.banner.length} characters`).toBeLessThan(1000);
        expect(m.banner, name).toContain(expectText);
        expect(m.wellFormed, `${name}: the banner has no lone surrogate`).toBe(true);
      }
      if (m.thrown) expect(m.thrown.length, `${name}: the TypeError's message is bounded`).toBeLessThan(1100);
      for (const t of messages) expect(t.length, `${name}: a console message of ${t.length} characters`).toBeLessThan(2000);
      await expectNothingInjected(page, before, name);
    }
    console.log(`10 MB cases: ${cases.length}`);
    expect(log.errors).toEqual([]);
    expect(log.dialogs).toEqual([]);
    // Still usable.
    await page.evaluate(() => { document.querySelector('#live').answers = {}; });
    await page.locator('#live fieldset[data-question="shape"] label', { hasText: 'Several steps' }).click();
    expect(await page.evaluate(() => document.querySelector('#live').answers)).toEqual({ shape: 'multi_step' });
  });

  test('odd Unicode: emoji, joiners, combining marks, BOM, NUL and lone surrogates are inert and never guessed', async ({ page }) => {
    const log = record(page);
    await page.goto('/www/battery/empty.html');
    await addGuide(page, { id: 'live', answers: { aws_controls: true } });
    await ready(page, '#live');
    const before = await injection(page);
    // Each: an answers object (given to the property) that must be refused
    // with a banner, leaving the answers as they were.
    const refused = {
      'zero-width space in a key': { 'shape\u200B': 'single' },
      'zero-width joiner in a key': { 'tools\u200Dactions': true },
      'BOM inside a key': { '\uFEFFshape': 'single' },
      'emoji family as a value': { shape: '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}' },
      'combining marks on an option': { shape: 'single\u0301\u0302\u0303' },
      'zalgo of 500 combining marks': { shape: `s${'\u0336\u0321\u0322'.repeat(170)}` },
      'fullwidth letters': { shape: '\uFF53\uFF49\uFF4E\uFF47\uFF4C\uFF45' },
      'NUL in a value': { shape: 'single\u0000' },
      'right-to-left override in a key': { '\u202Eshape': 'single' },
      'lone high surrogate value': { shape: '\uD800' },
      'lone low surrogate value': { shape: 'x\uDFFFx' },
      'lone surrogate key': { 'shape\uD83D': 'single' },
      'surrogates in a boolean answer': { tools_actions: '\uDC00\uD800' },
    };
    let tried = 0;
    for (const [name, answers] of Object.entries(refused)) {
      const r = await page.evaluate(async (a) => {
        const el = document.querySelector('#live');
        let thrown = null;
        try { el.answers = a; } catch (e) { thrown = e.message; }
        await settle();
        const banner = el.shadowRoot.querySelector('.dg-error')?.textContent ?? null;
        return { thrown, banner, answers: el.answers, wellFormed: banner === null || banner.isWellFormed() };
      }, answers);
      tried++;
      expect(r.thrown, `${name}: the property throws`).not.toBeNull();
      expect(r.banner, `${name}: a banner`).not.toBeNull();
      expect(r.wellFormed, `${name}: the banner is well-formed UTF-16 (no lone surrogate): ${JSON.stringify(r.banner)}`).toBe(true);
      expect(r.answers, `${name}: the answers are unchanged, nothing was guessed`).toEqual({ aws_controls: true });
      // The same through the attribute, as JSON text (lone surrogates survive JSON.stringify as escapes).
      const viaAttr = await page.evaluate(async (j) => {
        const el = document.querySelector('#live');
        el.shadowRoot.querySelector('.dg-error button')?.click();
        await settle();
        el.setAttribute('answers', j);
        await settle();
        const banner = el.shadowRoot.querySelector('.dg-error')?.textContent ?? null;
        return { banner, answers: el.answers, wellFormed: banner === null || banner.isWellFormed() };
      }, JSON.stringify(answers));
      tried++;
      expect(viaAttr.banner, `${name} via the attribute: a banner`).not.toBeNull();
      expect(viaAttr.wellFormed, `${name} via the attribute: well-formed banner`).toBe(true);
      expect(viaAttr.answers, `${name} via the attribute: unchanged`).toEqual({ aws_controls: true });
    }
    // Accepted: a BOM before the JSON text, and the plain ids.
    await page.evaluate(() => document.querySelector('#live').setAttribute('answers', '\uFEFF{"shape": "multi_step"}'));
    expect(await page.evaluate(() => document.querySelector('#live').answers)).toEqual({ shape: 'multi_step' });
    tried++;
    console.log(`odd Unicode inputs tried: ${tried}`);
    for (const t of log.console.map((c) => c.text)) expect(t.isWellFormed(), `console message is well-formed: ${JSON.stringify(t.slice(0, 200))}`).toBe(true);
    await expectNothingInjected(page, before, 'odd Unicode');
    expect(log.errors).toEqual([]);
    // Still usable by pointer.
    await page.locator('#live fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
    await expect(page.locator('#live .dg-result')).toHaveAttribute('data-path', 'bedrock-models');
  });

  test('a right-to-left override in the input does not reorder the rest of the message', async ({ page }) => {
    // U+202E in a quoted value turns the rest of the banner's paragraph
    // right to left ("Trojan Source"): the message would read backwards.
    await page.goto('/www/battery/hostile.html');
    await ready(page, '#rtl');
    const order = await page.evaluate(() => {
      const p = document.querySelector('#rtl').shadowRoot.querySelector('.dg-error p');
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf('expected');
        if (i < 0) continue;
        const rect = (k) => { const r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1); return r.getBoundingClientRect().left; };
        return { first: rect(i), last: rect(i + 'expected'.length - 1), text: n.data };
      }
      return null;
    });
    expect(order, 'the banner says what was expected').not.toBeNull();
    console.log(`"expected" laid out from x=${order.first.toFixed(1)} to x=${order.last.toFixed(1)} in: ${JSON.stringify(order.text)}`);
    expect(order.first, `the word "expected" after a U+202E in the quoted input is laid out right to left (its first letter at x=${order.first.toFixed(1)}, its last at x=${order.last.toFixed(1)}): the input's bidi controls leak into the message; isolate or escape them`).toBeLessThan(order.last);
  });

  test('invisible characters in a refused key are made visible in the message', async ({ page }) => {
    // "shape" + U+200B is not the question "shape", and must not look like it.
    await page.goto('/www/battery/empty.html');
    const banner = await page.evaluate(async () => {
      const el = document.createElement('decision-guide');
      document.getElementById('a').append(el);
      while (el.shadowRoot.querySelector('.dg')?.dataset.live !== 'true') await new Promise((r) => setTimeout(r, 10));
      try { el.answers = { 'shape\u200B': 'single' }; } catch { /* reported in the banner */ }
      await settle();
      return el.shadowRoot.querySelector('.dg-error')?.textContent ?? '';
    });
    console.log(`banner: ${JSON.stringify(banner)}`);
    expect(banner).toContain('unknown question id');
    expect(banner, 'the banner says unknown question id "shape" with the U+200B invisible: show it (\\u200b or U+200B)').toMatch(/\\u200b|U\+200B/i);
  });

  test('hostile permalink fragments: both guides go live and show an inert, bounded message', async ({ page }) => {
    test.setTimeout(150_000); // a guide that never goes live costs a 5 s wait per fragment
    // A permalink has one character a question (this guide has few options).
    const questions = JSON.parse(cli(['guide'])).questions.map((q) => q.id);
    const n = questions.length;
    // Answering aws_controls Yes gives "1" at its place, "-" (unanswered) elsewhere.
    const second = new RegExp(`&second=${'-'.repeat(questions.indexOf('aws_controls'))}1-*$`);
    const fragments = {
      'HTML': '<img src=x onerror=window.canary=1>',
      'script': '<script>window.canary=1</script>',
      'javascript: URL': 'javascript:window.canary=1',
      'right length, wrong characters': '<'.repeat(n),
      'right length, out of range': 'z'.repeat(n),
      'a megabyte': 'a'.repeat(1_000_000),
      'RTL override and emoji': '\u202E\u{1F600}\u200D',
      'malformed percent-encoding': '%E0%A4%A',
      'percent-encoded lone surrogate': '%ED%A0%80',
      'a lone percent sign': '100%',
    };
    let tried = 0;
    // Soft assertions: every fragment is tried even when one fails.
    for (const [name, value] of Object.entries(fragments)) {
      const raw = /%/.test(value) ? value : encodeURIComponent(value);
      await page.goto('about:blank');
      const log = record(page);
      await page.goto(`/www/battery/permalink.html#dg=${raw}&second=${raw}`);
      tried++;
      const live = await ready(page, 'decision-guide', 5000).then(() => null, (e) => e.message.split('\n')[0]);
      expect.soft(live, `${name} (#dg=${raw.slice(0, 40)}): both guides go live; page errors: ${log.errors.map((e) => e.split('\n')[0]).join(' | ')}`).toBeNull();
      if (live) continue;
      const banners = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => el.shadowRoot.querySelector('.dg-error')?.textContent ?? null));
      for (const b of banners) {
        expect.soft(b, `${name}: a banner`).not.toBeNull();
        expect.soft(b?.length, `${name}: banner of ${b?.length} characters`).toBeLessThan(1000);
        expect.soft(b, name).toContain('permalink');
      }
      for (const t of log.console.map((c) => c.text)) expect.soft(t.length, `${name}: console message of ${t.length} characters`).toBeLessThan(2000);
      expect.soft(log.errors, `${name}: no uncaught error`).toEqual([]);
      expect.soft(log.dialogs, name).toEqual([]);
      await expectNothingInjected(page, await sourceBaseline(page), name);
      // Usable; answering one guide writes its own part of the fragment
      // and leaves the other's as the page gave it.
      const before = await page.evaluate(() => location.hash.split('&').find((p) => p.startsWith('#dg=')));
      await page.locator('#second fieldset[data-question="aws_controls"] label', { hasText: 'Yes' }).click();
      await expect.soft(page.locator('#second .dg-result'), name).toHaveAttribute('data-path', 'bedrock-models');
      const hash = await page.evaluate(() => location.hash);
      expect.soft(hash, name).toMatch(second);
      expect.soft(hash.split('&second=')[1]?.length, `${name}: one character a question`).toBe(n);
      expect.soft(hash.split('&')[0], name).toBe(before);
    }
    // One guide's bad fragment must not stop the other guide on the page.
    await page.goto('about:blank');
    await page.goto('/www/battery/permalink.html#dg=%E0%A4%A&second=--------------');
    tried++;
    const other = await ready(page, '#second', 5000).then(() => null, (e) => e.message.split('\n')[0]);
    expect.soft(other, 'with #dg=%E0%A4%A, the guide whose own fragment is fine (#second) still goes live').toBeNull();
    console.log(`permalink fragments tried: ${tried}`);
  });

  test('ids with &, = and % keep their permalinks apart from other guides', async ({ page }) => {
    /** In the page: three guides whose ids need escaping, and one with no id. */
    const addGuides = () => {
      for (const id of ['x&dg', 'y=z', '50%']) {
        const el = document.createElement('decision-guide');
        el.id = id;
        el.setAttribute('permalink', '');
        document.getElementById('a').append(el);
      }
      const plain = document.createElement('decision-guide');
      plain.setAttribute('permalink', '');
      plain.className = 'plain';
      document.getElementById('b').append(plain);
    };
    await page.goto('/www/battery/empty.html');
    await page.evaluate(addGuides);
    await ready(page);
    await page.evaluate(() => { for (const el of document.querySelectorAll('decision-guide[id]')) el.answers = { aws_controls: true }; });
    const url = page.url();
    console.log(`fragment: ${new URL(url).hash}`);
    await page.goto('about:blank');
    const log = record(page);
    await page.goto(url);
    await page.evaluate(addGuides);
    await ready(page);
    const got = await page.evaluate(() => [...document.querySelectorAll('decision-guide')].map((el) => [el.id || el.className, el.answers, el.shadowRoot.querySelector('.dg-error')?.textContent ?? null]));
    expect(log.errors).toEqual([]);
    expect(got, 'each id gets back its own answers; the plain guide (key "dg") stays empty').toEqual([
      ['x&dg', { aws_controls: true }, null],
      ['y=z', { aws_controls: true }, null],
      ['50%', { aws_controls: true }, null],
      ['plain', {}, null],
    ]);
  });
});

test('the CLI agrees that hostile keys and values are errors, not answers', () => {
  // The oracle itself: none of the hostile inputs is accepted by the CLI either.
  const results = [];
  for (const s of HOSTILE) {
    for (const [where, make] of Object.entries(POSITIONS)) {
      try {
        classify([make(s)]);
        results.push(`${where} ${JSON.stringify(s)}: accepted`);
      } catch (e) {
        expect(e.status, `${where} ${JSON.stringify(s)}: exit 1`).toBe(1);
        const line = String(e.stderr).trim();
        expect(line.split('\n'), 'one line on stderr').toHaveLength(1);
        expect(line, 'stderr names the offending key').toContain(where === 'key' ? JSON.stringify(s) : where === 'boolean value' ? 'tools_actions' : 'shape');
        results.push('refused');
      }
    }
  }
  console.log(`CLI runs: ${results.length}`);
  expect(results.filter((r) => r !== 'refused')).toEqual([]);
});

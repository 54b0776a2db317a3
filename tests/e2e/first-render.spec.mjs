// The no-flash swap rests on two promises, checked here node by node and
// attribute by attribute in Chromium:
// 1. the pre-rendered guide (what every element shows before the wasm) is
//    the wasm's first render with no answers, but for what makes it live
//    (`data-live`, and the `disabled` of the controls other than answers
//    and the summary's "See why": the radio buttons take answers before
//    the wasm, for it to apply);
// 2. the components render the same on the host (yew SSR, as the build's
//    pre-render does) and in the browser: for several answer sets and both
//    themes, the host's render of the live guide equals the first live
//    render in the page.
// Properties the browser keeps off the DOM (a radio's `checked`, a
// select's value) are compared as the properties they are, and adjacent
// text nodes as the one node the HTML parser makes of them.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addGuide, guide, ready, root } from './helpers.mjs';

/** The host's render of the live guide started from `answers`. */
function hostRender(answers) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'prerender', '--', '--live', JSON.stringify(answers)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out).html;
}

/**
 * In the page: the differences between the HTML `expected` (parsed) and
 * the live DOM under `selector`'s shadow root, as readable lines.
 * `ignore` lists attributes that may differ.
 */
async function differences(page, selector, expected, ignore) {
  return page.evaluate(({ selector, expected, ignore }) => {
    const out = [];
    const where = (node) => {
      const parts = [];
      for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
        parts.unshift(n.className ? `${n.localName}.${String(n.className).split(' ')[0]}` : n.localName);
      }
      return parts.slice(-4).join(' > ');
    };
    const attrs = (el) => {
      const a = {};
      for (const { name, value } of el.attributes) if (!ignore.includes(name)) a[name] = value;
      // What the browser keeps as properties, written as the host writes them.
      if (el.localName === 'input') {
        delete a.checked;
        if (el.checked) a.checked = 'checked';
      }
      if (el.localName === 'select') delete a.value;
      if (el.localName === 'option') {
        delete a.selected;
        if (el.selected && el.parentElement?.selectedIndex > 0) a.selected = 'selected';
      }
      return a;
    };
    const compare = (want, got) => {
      if (out.length > 20) return;
      if (want.nodeType !== got.nodeType) {
        out.push(`${where(got.parentElement)}: a ${want.nodeName} on the host, a ${got.nodeName} live`);
        return;
      }
      if (want.nodeType === 3) {
        if (want.data !== got.data) out.push(`${where(got.parentElement)}: text ${JSON.stringify(want.data)} on the host, ${JSON.stringify(got.data)} live`);
        return;
      }
      if (want.nodeType !== 1) return;
      if (want.localName !== got.localName) {
        out.push(`${where(got)}: <${want.localName}> on the host, <${got.localName}> live`);
        return;
      }
      const a = attrs(want);
      const b = attrs(got);
      for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[name] !== b[name]) out.push(`${where(got)}: ${name}=${JSON.stringify(a[name] ?? null)} on the host, ${JSON.stringify(b[name] ?? null)} live`);
      }
      const wk = [...want.childNodes].filter((n) => n.nodeType !== 8);
      const gk = [...got.childNodes].filter((n) => n.nodeType !== 8);
      if (wk.length !== gk.length) out.push(`${where(got)}: ${wk.length} children on the host, ${gk.length} live`);
      for (let i = 0; i < Math.min(wk.length, gk.length); i++) compare(wk[i], gk[i]);
    };
    const t = document.createElement('template');
    t.innerHTML = expected;
    const found = document.querySelector(selector).shadowRoot.querySelector('.dg-root > .dg');
    if (!found) return ['no live guide in the page'];
    // Adjacent text nodes made one by one read as the one the parser makes.
    const live = found.cloneNode(true);
    live.normalize();
    compare(t.content.firstElementChild, live);
    return out;
  }, { selector, expected, ignore });
}

/** Adds a guide with `answers` and `theme` to the empty page; waits until it is live. */
async function liveGuide(page, answers, theme) {
  await page.goto('/www/battery/empty.html');
  await addGuide(page, { id: 'g', attributes: { answers: JSON.stringify(answers), ...(theme ? { theme } : {}) } });
  await ready(page, '#g');
}

test('the pre-rendered guide is the first live render with no answers, but for being live', async ({ page }) => {
  const prerender = JSON.parse(readFileSync(join(root, 'target/embed/prerender.json'), 'utf8'));
  // dist/ carries this pre-render: the bundle has its text.
  expect(readFileSync(join(root, 'dist/decision-guide.js'), 'utf8')).toContain(prerender.html.slice(0, 200));
  for (const theme of [null, 'dark']) {
    await liveGuide(page, {}, theme);
    const diff = await differences(page, '#g', prerender.html, ['data-live', 'disabled']);
    expect(diff, `theme ${theme ?? 'auto'}`).toEqual([]);
    // And the two do differ in exactly that: the pre-render is not live.
    expect(prerender.html).toContain('data-live="false"');
    const t = await page.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      const all = [...t.content.querySelectorAll('input, select, button')];
      // The summary's "See why" works before the wasm too (the element handles it).
      const others = all.filter((x) => x.type !== 'radio' && !x.classList.contains('dg-glance-go'));
      return { radios: all.filter((x) => x.type === 'radio' && x.disabled).length, others: others.filter((x) => !x.disabled).length, count: all.length };
    }, prerender.html);
    expect(t.count).toBeGreaterThan(guide.questions.length * 3);
    expect(t, 'radios enabled, every other control disabled').toMatchObject({ radios: 0, others: 0 });
  }
});

test('the host renders the live guide as the browser does, for several answer sets and both themes', async ({ page }) => {
  const preset = (id) => guide.presets.find((p) => p.id === id).answers;
  const sets = [
    {},
    { shape: 'multi_step' },
    preset('invoice-approval'),
    preset('voice-refund-agent'),
    preset('eu-resident-agent'),
    { aws_controls: true, residency: 'other' },
  ];
  let compared = 0;
  for (const answers of sets) {
    const html = hostRender(answers);
    for (const theme of [null, 'dark']) {
      await liveGuide(page, answers, theme);
      const diff = await differences(page, '#g', html, []);
      expect(diff, `${JSON.stringify(answers)}, theme ${theme ?? 'auto'}`).toEqual([]);
      compared++;
    }
  }
  console.log(`first render: ${compared} live renders equal to the host's, node by node`);
});

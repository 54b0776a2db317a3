// End-to-end tests of the guide studio (dist/studio.html), driven as a team
// lead uses it: open the built-in guide, break it (syntax, then meaning)
// and find each error at its line, make a rule dead, load its finding's
// combination into the preview and follow it to the rule, fix it and see
// the proof pass; in the example team guide,
// break a promise and load its combination into the preview, change a
// path and see the decision diff and cases fail, export the guide and
// embed the download by guide-src. Also: the draft is kept only when
// asked; files opened or dropped become the starting point. And what a
// hostile review broke: odd rule ids, malformed or unkeepable drafts, two
// tabs, columns after an emoji, a trapped checker, an unprovable guide in
// the live region, lists too long to show, answers the stale preview
// cannot take, files that are not UTF-8 or cannot be read. The CLI is
// the oracle for errors, results and the diff (studio-parity.spec.mjs
// compares the two on every broken and generated guide). axe finds
// nothing, light and dark; screenshots land in
// target/e2e-results/screenshots/.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cli, ready, root, shots } from './helpers.mjs';

const builtin = readFileSync(`${root}crates/core/guides/openai-on-aws.json`, 'utf8');
const example = readFileSync(`${root}crates/core/guides/examples/always-bedrock.json`, 'utf8');
const work = `${root}target/e2e-results/studio`;
mkdirSync(work, { recursive: true });

/** Waits until the studio has checked the editor's current text (and, with `diff`, compared it). */
async function settled(page, { diff = false } = {}) {
  await page.waitForFunction((diff) => {
    const t = window.studioTimings?.at(-1);
    return t && t.errors !== undefined && t.proof !== undefined && t.preview !== undefined && (!diff || t.diff !== undefined);
  }, diff, { timeout: 20_000 });
}

/** The editor's text. */
const text = (page) => page.evaluate(() => window.studio.view.state.doc.toString());

/**
 * Selects the `nth` occurrence of `what` found after `after` in the
 * editor (as a click and a drag would) and types `replacement` over it.
 */
async function replace(page, { after = '', what, replacement, nth = 0 }) {
  const found = await page.evaluate(({ after, what, nth }) => {
    const doc = window.studio.view.state.doc.toString();
    let from = after ? doc.indexOf(after) : 0;
    if (from < 0) return null;
    for (let i = 0; i <= nth; i++) {
      from = doc.indexOf(what, i === 0 ? from : from + 1);
      if (from < 0) return null;
    }
    window.studio.view.dispatch({ selection: { anchor: from, head: from + what.length }, scrollIntoView: true });
    window.studio.view.focus();
    return from;
  }, { after, what, nth });
  expect(found, `"${what}" after "${after}"`).not.toBeNull();
  if (replacement === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(replacement);
  return found;
}

/** The 1-based line of character `index` of `s`. */
const lineOf = (s, index) => s.slice(0, index).split('\n').length;

/** What the CLI says about `guideText` (exit status aside): stdout and stderr together. */
function cliCheck(guideText, name) {
  const file = `${work}/${name}.json`;
  writeFileSync(file, guideText);
  try {
    return cli(['check', file]);
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

test('a team lead breaks, proves, fixes, changes and exports a guide', async ({ page }) => {
  // Open the built-in guide: no errors, sound, every case passes, live preview.
  await page.goto('/studio.html');
  await settled(page);
  expect(await text(page)).toBe(builtin);
  await expect(page.locator('#sum-errors')).toHaveText('0');
  await expect(page.locator('#sum-proof')).toHaveText('sound');
  await expect(page.locator('#sum-cases')).toHaveText(/^(\d+)\/\1$/);
  await ready(page, '#frame decision-guide');

  // Break the syntax: a comma gone. The error is at the next line, as the CLI says.
  const at = await replace(page, { after: '"id": "working-api-over-data"', what: ',', replacement: '' });
  await settled(page);
  const broken = await text(page);
  await expect(page.locator('#sum-errors')).toHaveText('1');
  const first = page.locator('#panel-errors .st-errors li').first();
  await expect(first.locator('button')).toHaveAttribute('data-line', String(lineOf(broken, at) + 1));
  const message = await first.locator('.st-msg').textContent();
  expect(cliCheck(broken, 'syntax')).toContain(message);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(page.locator('#stale')).toBeVisible();
  await page.keyboard.type(',');
  await settled(page);
  await expect(page.locator('#sum-errors')).toHaveText('0');

  // Break the meaning: a rule's path that does not exist. The error names
  // the JSON path, is marked at the rule's "path" line, and moves the cursor there.
  const pathAt = await replace(page, { after: '"id": "working-api-over-data"', what: 'direct-api', replacement: 'nowhere' });
  await settled(page);
  const unknown = await text(page);
  const err = page.locator('#panel-errors .st-errors li').first();
  await expect(err.locator('.st-at')).toHaveText('$.rules[14].path');
  await expect(err.locator('button')).toHaveAttribute('data-line', String(lineOf(unknown, pathAt)));
  expect(cliCheck(unknown, 'meaning')).toContain(await err.locator('.st-msg').textContent());
  await page.evaluate(() => window.studio.view.dispatch({ selection: { anchor: 0 } }));
  await err.locator('button').click();
  const cursorLine = await page.evaluate(() => window.studio.view.state.doc.lineAt(window.studio.view.state.selection.main.head).number);
  expect(cursorLine).toBe(lineOf(unknown, pathAt));
  await replace(page, { after: '"id": "working-api-over-data"', what: 'nowhere', replacement: 'direct-api' });
  await settled(page);
  await expect(page.locator('#sum-errors')).toHaveText('0');
  await expect(page.locator('#sum-proof')).toHaveText('sound');

  // Make a rule dead: "working-api-over-data" asks what "newest-over-data"
  // already took. The proof names it, as the CLI does.
  await replace(page, { after: '"id": "working-api-over-data"', what: 'working_api', replacement: 'newest' });
  await settled(page);
  const dead = await text(page);
  await expect(page.locator('#sum-proof')).not.toHaveText('sound');
  const finding = page.locator('#panel-proof li[data-check="dead-rule"]');
  await expect(finding).toHaveCount(1);
  await expect(finding.locator('h3')).toContainText('dead-rule');
  await expect(finding).toContainText('working-api-over-data');
  expect(cliCheck(dead, 'dead')).toContain('rule "working-api-over-data" never applies');
  // The preview keeps the last sound version, and says so.
  await expect(page.locator('#stale')).toContainText('breaks 1 promise');
  // Load the finding's combination into the preview. The preview still
  // runs the last sound version (it says so); there, as in the edit, the
  // rule the finding names decides first, as the CLI says.
  await page.locator('#tab-proof').click();
  const deadExample = finding.locator('.st-examples li').first();
  await expect(deadExample).toContainText('"newest-over-data" decides first');
  const tryDead = deadExample.locator('button[data-answers]');
  const deadAnswers = await tryDead.getAttribute('data-answers');
  await tryDead.click();
  const preview = page.locator('#frame decision-guide:not([hidden])');
  const shown = await preview.evaluate((el) => ({ answers: el.answers, result: el.result }));
  expect(shown.answers).toEqual(JSON.parse(deadAnswers));
  expect(shown.result).toEqual(JSON.parse(cli(['classify'], deadAnswers)));
  expect(shown.result.reasons[0].rule).toBe('newest-over-data');
  // And the finding leads to the dead rule in the editor.
  await deadExample.locator('button.st-show').click();
  const ruleLine = await page.evaluate(() => window.studio.view.state.doc.lineAt(window.studio.view.state.selection.main.head).number);
  expect(ruleLine).toBe(lineOf(dead, dead.indexOf('"id": "working-api-over-data"')) - 1);

  // Fix it: sound again, and the preview is current.
  await replace(page, { after: '"id": "working-api-over-data"', what: 'newest', replacement: 'working_api' });
  await settled(page);
  await expect(page.locator('#sum-proof')).toHaveText('sound');
  await expect(page.locator('#proof-verdict')).toHaveText(/^sound/);
  await expect(page.locator('#stale')).toBeHidden();

  // The example team guide: change where approval workflows go.
  await page.locator('#start').selectOption('always-bedrock');
  await expect.poll(() => text(page)).toBe(example);
  await settled(page, { diff: true });
  await expect(page.locator('#sum-cases')).toHaveText('3/3');
  await expect(page.locator('#sum-diff')).toHaveText('0');
  // Break its one promise, and load the combination that breaks it into
  // the preview: it takes exactly those answers, and, running the last
  // sound version (it says so), gives what the CLI gives for them there.
  await replace(page, { after: '"id": "approval-agents"', what: 'multi_step', replacement: 'single' });
  await settled(page);
  await expect(page.locator('#sum-proof')).toHaveText('1');
  const promise = page.locator('#panel-proof li[data-check="single-never-agents"]');
  await page.locator('#tab-proof').click();
  await expect(promise.locator('h3')).toContainText('single-never-agents');
  const tryIt = promise.locator('button[data-answers]').first();
  const answers = await tryIt.getAttribute('data-answers');
  expect(JSON.parse(answers)).toMatchObject({ approval_resume: true });
  await tryIt.click();
  await expect(page.locator('#stale')).toContainText('last sound version');
  const loaded = await page.locator('#frame decision-guide:not([hidden])').evaluate((el) => ({ answers: el.answers, result: el.result }));
  expect(loaded.answers).toEqual(JSON.parse(answers));
  expect(loaded.result).toEqual(JSON.parse(cli(['classify', '--guide', `${root}crates/core/guides/examples/always-bedrock.json`], answers)));
  await replace(page, { after: '"id": "approval-agents"', what: 'single', replacement: 'multi_step' });
  await settled(page, { diff: true });
  await expect(page.locator('#sum-proof')).toHaveText('sound');
  await expect(page.locator('#sum-diff')).toHaveText('0');
  await replace(page, { after: '"id": "approval-agents"', what: 'managed-agents', replacement: 'bedrock-models' });
  await settled(page, { diff: true });
  const changed = await text(page);
  await expect(page.locator('#sum-proof')).toHaveText('sound');
  // The decision diff: one move, counted as the CLI counts it.
  writeFileSync(`${work}/old.json`, example);
  writeFileSync(`${work}/new.json`, changed);
  const want = JSON.parse(cli(['diff', `${work}/old.json`, `${work}/new.json`, '--format', 'json']));
  await page.locator('#tab-diff').click();
  const move = page.locator('#panel-diff tr[data-from="managed-agents"][data-to="bedrock-models"]');
  await expect(move).toHaveCount(1);
  await expect(move.locator('td').nth(2)).toHaveText(BigInt(want.moves[0].count).toLocaleString('en-US'));
  await expect(page.locator('#sum-diff')).toHaveText(BigInt(want.moved).toLocaleString('en-US'));
  // "Copy as Markdown" copies what `diff --format markdown` prints, for the review.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('#copy-markdown').click();
  const cases = `${root}crates/core/guides/examples/always-bedrock.cases.toml`;
  expect(await page.evaluate(() => navigator.clipboard.readText()))
    .toBe(cli(['diff', `${work}/old.json`, `${work}/new.json`, '--cases', cases, '--format', 'markdown']));
  // Golden cases fail, each with what it expected and what came: the
  // approval workflow's path, and the single call's "would change it".
  await expect(page.locator('#sum-cases')).toHaveText('1/3');
  await page.locator('#tab-cases').click();
  await expect(page.locator('#cases-out li[data-passed="false"]')).toHaveCount(2);
  const failed = page.locator('#cases-out li[data-passed="false"]', { hasText: 'an approval workflow runs as a managed agent' });
  const row = failed.locator('tbody tr', { hasText: 'managed-agents' }).first();
  await expect(row).toContainText('bedrock-models');
  // The preview runs the change.
  await ready(page, '#frame decision-guide');
  await page.locator('#frame decision-guide').evaluate((el) => { el.answers = { shape: 'multi_step', approval_resume: true }; });
  await expect.poll(() => page.locator('#frame decision-guide').evaluate((el) => el.result.path)).toBe('bedrock-models');

  // Export: the download is the editor's text.
  await page.locator('#tab-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-2').click()]);
  expect(download.suggestedFilename()).toBe('guide.json');
  const exported = `${work}/guide.json`;
  await download.saveAs(exported);
  expect(readFileSync(exported, 'utf8')).toBe(changed);
  await expect(page.locator('#snippet-src')).toContainText('<decision-guide guide-src="guide.json">');
  // The inline snippet, as copied, is the guide itself inside its element.
  await page.locator('#copy-inline').click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const doc = await page.evaluate((html) => {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content.querySelector('decision-guide > script[type="application/json"]').textContent;
  }, snippet);
  expect(JSON.parse(doc)).toEqual(JSON.parse(changed));

  // Embed the export by guide-src in a wiki page (www/team/exported.html,
  // the copied snippet beside the download): it goes live with the changed path.
  await page.route('**/www/team/guide.json', (route) => route.fulfill({ path: exported, contentType: 'application/json' }));
  await page.goto('/www/team/exported.html');
  await page.locator('decision-guide').evaluate((el) => { el.id = 'ours'; el.answers = { shape: 'multi_step', approval_resume: true }; });
  await ready(page, '#ours');
  const result = await page.locator('#ours').evaluate((el) => el.result);
  expect(result.path).toBe('bedrock-models');
  expect(result).toEqual(JSON.parse(cli(['classify', '--guide', exported], '{"shape":"multi_step","approval_resume":true}')));
});

test('nothing is kept unless asked, and the draft comes back when it is', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  await replace(page, { after: '"id": "voice"', what: 'voice', replacement: 'voice' });
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await page.locator('#keep').check();
  await replace(page, { after: '"title": "', what: 'API', replacement: 'The API' });
  await expect.poll(() => page.evaluate(() => localStorage.getItem('decision-guide-studio:draft') ?? '')).toContain('\\"title\\": \\"The API');
  await page.reload();
  await settled(page);
  expect(await text(page)).toContain('"title": "The API');
  await expect(page.locator('#keep')).toBeChecked();
  await page.locator('#keep').uncheck();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

for (const scheme of ['light', 'dark']) {
  test(`axe finds nothing in the studio, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/studio.html');
    await settled(page);
    await ready(page, '#frame decision-guide');
    await page.locator(`input[name="preview-theme"][value="${scheme}"]`).check({ force: true });
    await axe(page);
    // With errors, findings and a failing case on show.
    await replace(page, { after: '"id": "working-api-over-data"', what: 'working_api', replacement: 'newest' });
    await settled(page);
    await page.locator('#tab-proof').click();
    await axe(page);
    await page.screenshot({ path: `${shots}/studio-${scheme}.png`, fullPage: true });
  });
}

test('a guide from disk, opened or dropped, becomes the starting point; a cases file its cases', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  const mine = example.replace('"Acme: every model call goes through Bedrock"', '"Our own guide"');
  await page.locator('#file').setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(mine) });
  await expect.poll(() => text(page)).toBe(mine);
  await settled(page, { diff: true });
  await expect(page.locator('#start-name')).toHaveText('ours.json');
  await expect(page.locator('#start')).toHaveValue('file');
  await expect(page.locator('#sum-diff')).toHaveText('0');
  await expect(page.locator('#sum-cases')).toHaveText('0');
  // Its cases, the JSON twin the build wrote, by file.
  const cases = readFileSync(`${root}dist/studio/always-bedrock.cases.json`, 'utf8');
  await page.locator('#cases-file').setInputFiles({ name: 'ours.cases.json', mimeType: 'application/json', buffer: Buffer.from(cases) });
  await settled(page);
  await expect(page.locator('#sum-cases')).toHaveText('3/3');
  // Dropped anywhere on the page: the built-in guide, as a file.
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    document.querySelector('#editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, builtin);
  await expect.poll(() => text(page)).toBe(builtin);
  await expect(page.locator('#start-name')).toHaveText('dropped.json');
  // Undo brings back what was there before.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => text(page)).toBe(mine);
});

// ---------------------------------------------------------------- what a hostile review found

const builtinCases = () => readFileSync(`${root}dist/studio/openai-on-aws.cases.json`, 'utf8');

/** Replaces the editor's whole text (as a paste would). */
const setText = (page, t) => page.evaluate((t) => {
  const v = window.studio.view;
  v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t } });
}, t);

/** The example team guide with one more yes/no question `q0`, for each id in `ids`. */
function withQuestions(guide, ids) {
  const g = structuredClone(guide);
  for (const id of ids) g.questions.push({ id, type: 'bool', prompt: `${id}?`, yes: { fact: `${id} yes` }, no: { fact: `${id} no` }, unanswered: { assume: false, meaning: 'no' } });
  return g;
}

test('a dead rule whose id has a zero-width space is found, named and shown', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  const g = JSON.parse(builtin);
  g.rules.splice(1, 0, { ...g.rules[0], id: 'dead\u200bcopy' });
  const dead = JSON.stringify(g, null, 2);
  await setText(page, dead);
  await settled(page);
  await expect(page.locator('#sum-proof')).not.toHaveText('sound');
  await expect(page.locator('#stale')).toBeVisible();
  await page.locator('#tab-proof').click();
  const show = page.locator('#panel-proof li[data-check="dead-rule"] button.st-show').first();
  await expect(show).toHaveAttribute('data-at', '$.rules[1]');
  await show.click();
  const from = await page.evaluate(() => window.studio.view.state.selection.main.from);
  expect(dead.slice(from, dead.indexOf('dead\u200bcopy'))).toMatch(/^\{\s*"id": "$/);
});

/** Puts `draft` (a value, or a string as it is) under the draft's key before the page's first load. */
const seedDraft = (page, draft) => page.addInitScript((d) => {
  if (sessionStorage.getItem('seeded')) return;
  sessionStorage.setItem('seeded', '1');
  localStorage.setItem('decision-guide-studio:draft', typeof d === 'string' ? d : JSON.stringify(d));
}, draft);

for (const draft of [{ text: 12345 }, { text: ['a'] }, { text: 'x', start: { id: 'nowhere' } }, { text: 'x', start: { id: 'file' } }, [1], 'not json{']) {
  test(`a malformed draft (${JSON.stringify(draft).slice(0, 40)}) is removed, with a note`, async ({ page }) => {
    await seedDraft(page, draft);
    await page.goto('/studio.html');
    await settled(page);
    expect(await text(page)).toBe(builtin);
    await expect(page.locator('#notice')).toBeVisible();
    await expect(page.locator('#notice')).toContainText('could not be read');
    await expect(page.locator('#keep')).not.toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('decision-guide-studio:draft'))).toBeNull();
    await page.reload();
    await settled(page);
    await expect(page.locator('#notice')).toBeHidden();
  });
}

test('a draft that keeps a starting point by its id alone comes back', async ({ page }) => {
  await seedDraft(page, { text: example, start: { id: 'openai-on-aws' } });
  await page.goto('/studio.html');
  await settled(page, { diff: true });
  expect(await text(page)).toBe(example);
  await expect(page.locator('#keep')).toBeChecked();
  await expect(page.locator('#start')).toHaveValue('openai-on-aws');
  await expect(page.locator('#start-name')).toHaveText('Built-in guide');
  await expect(page.locator('#panel-diff')).toContainText('Against the built-in guide');
});

test('a draft that cannot be kept says so, and no older draft comes back over newer work', async ({ page, context }) => {
  await page.goto('/studio.html');
  await settled(page);
  await page.locator('#keep').check();
  // Only what is needed to come back: the starting point's id, not its text.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('decision-guide-studio:draft'))).not.toBeNull();
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('decision-guide-studio:draft')));
  expect(kept.start).toEqual({ id: 'openai-on-aws' });
  // The storage is full now: the box is unticked, the note visible, the older draft gone.
  await page.evaluate(() => { Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; });
  await replace(page, { after: '"title": "', what: 'API', replacement: 'The API' });
  await expect(page.locator('#notice')).toContainText('could not be kept');
  await expect(page.locator('#notice')).toContainText('quota');
  await expect(page.locator('#keep')).not.toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('decision-guide-studio:draft'))).toBeNull();

  // Two tabs: the draft one deletes is not written back by the other.
  const a = await context.newPage();
  await a.goto('/studio.html');
  await settled(a);
  await a.locator('#keep').check();
  await expect.poll(() => a.evaluate(() => localStorage.getItem('decision-guide-studio:draft'))).not.toBeNull();
  const b = await context.newPage();
  await b.goto('/studio.html');
  await settled(b);
  await expect(b.locator('#keep')).toBeChecked();
  await b.locator('#keep').uncheck();
  await expect(a.locator('#keep')).not.toBeChecked();
  await replace(a, { after: '"title": "', what: 'API', replacement: 'The API' });
  await a.waitForTimeout(800);
  expect(await a.evaluate(() => localStorage.getItem('decision-guide-studio:draft'))).toBeNull();
});

test('an error after é and an emoji is marked at its own character', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  await setText(page, '{"title": "é😀", x}');
  await settled(page);
  const button = page.locator('#panel-errors .st-errors button').first();
  await expect(button).toHaveAttribute('data-column', '17');
  await expect(page.locator('#panel-errors')).not.toContainText('null');
  await button.click();
  const marked = await page.evaluate(() => { const v = window.studio.view; const r = v.state.selection.main; return v.state.doc.sliceString(r.from, r.to); });
  expect(marked).toBe('x');
});

test('when the checker fails, no panel keeps an old verdict', async ({ page }) => {
  const worker = readFileSync(`${root}dist/studio/worker.js`, 'utf8')
    + "\nconst real = self.onmessage; self.onmessage = (ev) => { if (String(ev.data.text).includes('TRAPME')) self.postMessage({ id: ev.data.id, kind: ev.data.kind, failed: 'unreachable executed' }); else real(ev); };";
  await page.route('**/studio/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: worker }));
  await page.goto('/studio.html');
  await settled(page);
  await expect(page.locator('#sum-proof')).toHaveText('sound');
  await replace(page, { after: '"title": "', what: 'API', replacement: 'TRAPME' });
  await expect(page.locator('#panel-errors')).toContainText('checker stopped');
  for (const id of ['sum-errors', 'sum-proof', 'sum-cases', 'sum-diff']) {
    await expect(page.locator(`#${id}`)).not.toHaveAttribute('data-pending', /.*/);
    await expect(page.locator(`#${id}`)).not.toHaveText(/^(sound|0|\d+\/\d+)$/);
  }
  await expect(page.locator('#panel-proof')).toContainText('Not checked');
  await expect(page.locator('#cases-out')).toContainText('Not checked');
  await expect(page.locator('#panel-diff')).toContainText('Not checked');
  await expect(page.locator('#stale')).toBeVisible();
  await expect(page.locator('#live')).toContainText('checker stopped');
});

test('the live region says a guide could not be proven, and says a verdict again after another message', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  await expect(page.locator('#live')).toContainText('sound');
  await page.locator('#keep').check();
  await expect(page.locator('#live')).toContainText('draft');
  await replace(page, { after: '"title": "', what: 'API', replacement: 'The API' });
  await settled(page);
  await expect(page.locator('#live')).toContainText('sound');
  // Too entangled to prove: 24 pairs of questions in one condition.
  const ids = Array.from({ length: 48 }, (_, i) => `q${i}`);
  const g = withQuestions(JSON.parse(example), ids);
  g.rules.splice(1, 0, { id: 'entangled', when: { any: ids.slice(0, 24).map((q, i) => ({ all: [{ q, is: true }, { q: ids[i + 24], is: true }] })) }, path: 'managed-agents', reason: 'Entangled.' });
  await setText(page, JSON.stringify(g, null, 2));
  await settled(page);
  await expect(page.locator('#panel-proof')).toContainText('too entangled');
  await expect(page.locator('#live')).toContainText('could not be proven');
  await expect(page.locator('#live')).not.toContainText('0 findings');
});

test('big results are capped: 50 errors, long values, 200 cases', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  const g = JSON.parse(builtin);
  g.rules.unshift(...Array.from({ length: 60 }, (_, i) => ({ ...g.rules[0], id: `x${i}`, path: `nowhere${i}` })));
  await setText(page, JSON.stringify(g, null, 2));
  await settled(page);
  await expect(page.locator('#sum-errors')).toHaveText('60');
  await expect(page.locator('#panel-errors .st-errors > li')).toHaveCount(50);
  await expect(page.locator('#panel-errors')).toContainText('and 10 more');
  // A long value changed: the change with some context, and how long it is.
  const long = JSON.parse(builtin);
  long.title = `${'a'.repeat(3000)}${'b'.repeat(3000)}`;
  const longText = JSON.stringify(long, null, 2);
  await page.locator('#file').setInputFiles({ name: 'Long.json', mimeType: 'application/json', buffer: Buffer.from(longText) });
  await expect.poll(() => text(page)).toBe(longText);
  await setText(page, longText.replace('ab', 'aCHANGEDb'));
  await settled(page, { diff: true });
  await page.locator('#tab-diff').click();
  const ins = page.locator('#panel-diff .st-texts li', { hasText: '$.title' }).locator('ins');
  await expect(ins).toContainText('CHANGED');
  await expect(ins).toContainText('6,007 characters');
  expect((await ins.textContent()).length).toBeLessThan(500);
  await expect(page.locator('#panel-diff')).toContainText('Against “Long.json”');
  // 250 cases: the failing first, at most 200 rows.
  await setText(page, builtin);
  const one = JSON.parse(builtinCases()).case[0];
  const many = { case: Array.from({ length: 250 }, (_, i) => ({ ...one, name: `case ${i}` })) };
  many.case[240].expect = 'managed-agents';
  await page.locator('#tab-cases').click();
  await page.locator('.st-cases-src summary').click();
  await page.locator('#cases').fill(JSON.stringify(many));
  await expect(page.locator('#sum-cases')).toHaveText('249/250');
  await expect(page.locator('#cases-out .st-cases > li')).toHaveCount(200);
  await expect(page.locator('#cases-out .st-cases > li').first()).toHaveAttribute('data-passed', 'false');
  await expect(page.locator('#cases-out')).toContainText('and 50 more passing');
});

test('answers the stale preview cannot take are refused visibly, in the preview', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  await page.locator('#start').selectOption('always-bedrock');
  await expect.poll(() => text(page)).toBe(example);
  await settled(page);
  await ready(page, '#frame decision-guide');
  const g = withQuestions(JSON.parse(example), ['q0']);
  g.rules.unshift({ id: 'q0-agents', when: { all: [{ q: 'shape', is: 'single' }, { q: 'q0', is: true }] }, path: 'managed-agents', reason: 'Q0.' });
  await setText(page, JSON.stringify(g, null, 2));
  await settled(page);
  await page.locator('#tab-proof').click();
  const tryIt = page.locator('#panel-proof li[data-check="single-never-agents"] button[data-answers]').first();
  expect(JSON.parse(await tryIt.getAttribute('data-answers'))).toMatchObject({ q0: true });
  await tryIt.click();
  const note = page.locator('#preview-note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('does not take these answers');
  await expect(note).toBeFocused();
  await page.screenshot({ path: `${shots}/studio-try-refused.png` });
});

test('a file that is not UTF-8 is refused, by name', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  await page.locator('#file').setInputFiles({ name: 'Latin1-Guide.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "caf\xe9"}', 'latin1') });
  await expect(page.locator('#notice')).toContainText('Latin1-Guide.json');
  await expect(page.locator('#notice')).toContainText('UTF-8');
  expect(await text(page)).toBe(builtin);
  await page.screenshot({ path: `${shots}/studio-not-utf8.png` });
});

test('low: only the latest start applies, drops that cannot be read say so, names keep their case, Export follows the text', async ({ page }) => {
  await page.goto('/studio.html');
  await settled(page);
  // A slow load of the example, then the built-in guide: the built-in guide stays.
  await page.route('**/studio/always-bedrock.json', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
  await replace(page, { after: '"title": "', what: 'API', replacement: 'The API' });
  await page.locator('#start').selectOption('always-bedrock');
  await page.locator('#start').selectOption('openai-on-aws');
  await page.waitForTimeout(2000);
  expect(await text(page)).toBe(builtin);
  await expect(page.locator('#start')).toHaveValue('openai-on-aws');
  // A folder (its bytes cannot be read), then two files at once.
  await page.evaluate(() => {
    const drop = (files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(f);
      document.querySelector('#editor').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    };
    // What Chromium gives for a dropped folder: a File whose bytes cannot be read.
    const read = File.prototype.arrayBuffer;
    File.prototype.arrayBuffer = function () {
      return this.name === 'somedir' ? Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError')) : read.call(this);
    };
    drop([new File([], 'somedir')]);
    window.dropTwo = (a, b) => drop([new File([a], 'TeamGuide-ACME.json'), new File([b], 'second.json')]);
  });
  await expect(page.locator('#notice')).toContainText('“somedir” could not be read');
  await page.evaluate((g) => window.dropTwo(g, '{}'), example);
  await expect.poll(() => text(page)).toBe(example);
  await expect(page.locator('#notice')).toContainText('only the first, TeamGuide-ACME.json');
  await expect(page.locator('#start-name')).toHaveText('TeamGuide-ACME.json');
  // The Export panel follows the text while it is open, and warns when the element would refuse it.
  await page.locator('#tab-export').click();
  await expect(page.locator('#export-warn')).toBeHidden();
  await replace(page, { after: '"title": "', what: 'Acme', replacement: 'Ours' });
  await settled(page);
  await expect(page.locator('#snippet-inline')).toContainText('"title": "Ours');
  await replace(page, { after: '"id": "approval-agents"', what: 'managed-agents', replacement: 'nowhere' });
  await settled(page);
  await expect(page.locator('#export-warn')).toContainText('1 error');
  await expect(page.locator('#cases-help')).toContainText('why');
});

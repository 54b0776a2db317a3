// End-to-end tests of the guide studio (dist/studio.html), driven as a team
// lead uses it: open the built-in guide, break it (syntax, then meaning)
// and find each error at its line, make a rule dead, load its finding's
// combination into the preview and follow it to the rule, fix it and see
// the proof pass; in the example team guide,
// break a promise and load its combination into the preview, change a
// path and see the decision diff and cases fail, export the guide and
// embed the download by guide-src. Also: the draft is kept only when
// asked; files opened or dropped become the starting point. The CLI is
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

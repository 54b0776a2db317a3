// The guide studio's page script (bundled by `cargo xtask dist` into
// dist/studio/studio.js, loaded by dist/studio.html): the editor, the two
// workers (one checks, proves and runs the cases on every change, the other
// compares with the starting point), the panels that show what they say,
// the live preview, export and the opt-in draft. Timings of every update
// are kept in `window.studioTimings` for tests/bench/studio.mjs.
import { createEditor, errorRange, goTo, replaceText, showDiagnostics } from './editor.js';
import { locate } from './locate.js';

const $ = (id) => document.getElementById(id);
const DRAFT_KEY = 'decision-guide-studio:draft';
const STARTS = {
  'openai-on-aws': { name: 'Built-in guide', guide: 'openai-on-aws.json', cases: 'openai-on-aws.cases.json' },
  'always-bedrock': { name: 'Example team guide', guide: 'always-bedrock.json', cases: 'always-bedrock.cases.json' },
};

/** An element: `h('p', { class: 'x' }, 'text', child)`. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

/** A count the wasm gives as a string (u128), with thousands separators. */
const count = (s) => { try { return BigInt(s).toLocaleString('en-US'); } catch { return String(s); } };
const plural = (n, one, many) => `${count(n)} ${BigInt(n) === 1n ? one : many}`;
/** Answers as `q=v, q=v`. */
const answersText = (a) => Object.entries(a ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'nothing answered';

// ---------------------------------------------------------------- workers

/**
 * One worker that runs one kind of job, newest first: while it works, only
 * the latest job waits (older ones are dropped); a result is delivered
 * only when no newer job waits. A trapped wasm gets a fresh worker.
 */
class Lane {
  constructor(onResult) {
    this.onResult = onResult;
    this.busy = null;
    this.queued = null;
    this.start();
  }
  start() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => this.done(data);
    this.worker.onerror = (e) => { e.preventDefault?.(); this.done({ ...this.busy, failed: e.message || 'the worker failed to start' }); };
  }
  submit(job) {
    if (this.busy) this.queued = job;
    else this.send(job);
  }
  send(job) {
    this.busy = job;
    this.worker.postMessage(job);
  }
  done(data) {
    const job = this.busy;
    this.busy = null;
    if (data.failed && job) {
      this.worker.terminate();
      this.start();
    }
    if (this.queued) {
      const next = this.queued;
      this.queued = null;
      this.send(next);
      return;
    }
    if (job) this.onResult(job, data);
  }
}

// ---------------------------------------------------------------- state

const state = {
  version: 0, // of the editor's text, one more on every change
  start: { id: 'openai-on-aws', name: STARTS['openai-on-aws'].name, text: '' },
  cases: '',
  check: null, // the last studio_check result delivered
  preview: { text: null, version: -1 }, // what the preview runs
  draftTimer: 0,
};
/** Per version: when its first key went down, and when each part showed. */
const timings = (window.studioTimings = []);
let view;

function mark(version, part) {
  const t = timings.find((x) => x.version === version);
  if (t && t[part] === undefined) t[part] = performance.now();
  document.dispatchEvent(new CustomEvent('studio-update', { detail: { version, part } }));
}

const checker = new Lane((job, data) => {
  if (job.version !== state.version) return;
  if (data.failed) { showFailure(data.failed); return; }
  onCheck(job, data.result);
});
const differ = new Lane((job, data) => {
  if (job.version !== state.version) return;
  renderDiff(data.failed ? { error: `The comparison failed: ${data.failed}` } : data.result);
  mark(job.version, 'diff');
});

function text() { return view.state.doc.toString(); }

/** Every change of the guide or the cases: check at once, compare soon. */
function changed() {
  state.version += 1;
  const version = state.version;
  if (!timings.find((x) => x.version === version)) timings.push({ version, key: performance.now() });
  checker.submit({ id: version, version, kind: 'check', text: text(), cases: state.cases });
  for (const id of ['sum-errors', 'sum-proof', 'sum-cases', 'sum-diff']) $(id).dataset.pending = 'true';
  saveDraftSoon();
}

// ---------------------------------------------------------------- check results

function onCheck(job, result) {
  state.check = result;
  const errors = (result.errors ?? []).map((e) => ({ ...e, range: errorRange(view.state, e) }));
  showDiagnostics(view, errors);
  renderErrors(errors);
  mark(job.version, 'errors');
  renderProof(result.proof, errors.length);
  renderCases(result, errors.length);
  mark(job.version, 'proof');
  for (const id of ['sum-errors', 'sum-proof', 'sum-cases']) delete $(id).dataset.pending;
  announce(errors, result);
  const sound = errors.length === 0 && result.proof?.passed;
  if (sound) updatePreview(job.text, job.version);
  else {
    markStale(errors.length
      ? `Stale: the guide has ${plural(errors.length, 'error', 'errors')}; the preview shows the last version without errors.`
      : result.proof?.error
        ? 'Stale: the guide could not be proven; the preview shows the last sound version.'
        : `Stale: the guide breaks ${plural(result.proof?.findings?.length ?? 0, 'promise', 'promises')}, so embedded it would show them instead of advice; the preview shows the last sound version.`);
    mark(job.version, 'preview');
  }
  if (errors.length === 0) {
    differ.submit({ id: job.version, version: job.version, kind: 'diff', old: state.start.text, text: job.text, cases: state.cases });
  } else {
    renderDiff(null);
    mark(job.version, 'diff');
  }
}

function showFailure(message) {
  const panel = $('panel-errors');
  panel.replaceChildren(h('p', { class: 'st-bad' }, `The checker stopped: ${message}. It has been restarted; edit to check again.`));
  setSummary('sum-errors', 'bad', '!');
}

function setSummary(id, kind, label) {
  const el = $(id);
  el.dataset.state = kind;
  el.textContent = label;
}

let lastAnnounced = '';
function announce(errors, result) {
  const parts = [errors.length ? plural(errors.length, 'error', 'errors') : 'No errors'];
  if (result.proof) parts.push(result.proof.passed ? 'sound' : plural(result.proof.findings?.length ?? 0, 'finding', 'findings'));
  const cases = result.cases ?? [];
  if (cases.length) parts.push(`${cases.filter((c) => c.passed).length} of ${cases.length} cases pass`);
  const line = parts.join('; ') + '.';
  if (line !== lastAnnounced) { lastAnnounced = line; $('live').textContent = line; }
}

function renderErrors(errors) {
  setSummary('sum-errors', errors.length ? 'bad' : 'good', String(errors.length));
  const panel = $('panel-errors');
  if (!errors.length) {
    panel.replaceChildren(h('p', { class: 'st-good' }, 'No errors: the guide reads and compiles.'));
    return;
  }
  panel.replaceChildren(
    h('p', {}, `${plural(errors.length, 'error', 'errors')}, as `, h('code', {}, 'decision-guide check'), ' reports them. Choose one to go to it.'),
    h('ol', { class: 'st-list st-errors' }, errors.map((e) => {
      const line = view.state.doc.lineAt(e.range.from);
      const col = e.range.from - line.from + 1;
      return h('li', {},
        h('button', { type: 'button', class: 'st-link', dataset: { line: line.number, column: col }, onclick: () => goTo(view, e.range) },
          h('span', { class: 'st-where' }, `Line ${line.number}, column ${col}`),
          e.at ? h('code', { class: 'st-at' }, e.at) : null),
        h('p', { class: 'st-msg' }, e.message));
    })),
  );
}

function renderProof(proof, errorCount) {
  const panel = $('panel-proof');
  if (!proof) {
    setSummary('sum-proof', 'wait', '—');
    panel.replaceChildren(h('p', { class: 'st-empty' }, errorCount ? 'The proof runs once the guide has no errors.' : 'No proof.'));
    return;
  }
  if (proof.error) {
    setSummary('sum-proof', 'bad', '!');
    panel.replaceChildren(h('p', { class: 'st-bad' }, proof.error));
    return;
  }
  const over = h('p', { class: 'st-hint' }, `Over all ${count(proof.combinations)} combinations of answers, unanswered included.`);
  if (proof.passed) {
    setSummary('sum-proof', 'good', 'sound');
    panel.replaceChildren(h('p', { class: 'st-good', id: 'proof-verdict' }, proof.heading ?? 'sound'), over);
    return;
  }
  const findings = proof.findings ?? [];
  setSummary('sum-proof', 'bad', String(findings.length));
  panel.replaceChildren(
    h('p', { class: 'st-bad', id: 'proof-verdict' }, `Not sound: ${plural(findings.length, 'broken promise', 'broken promises')}.`),
    over,
    h('ol', { class: 'st-list st-findings' }, findings.map((f, i) => h('li', { dataset: { check: f.check } },
      h('h3', { class: 'st-finding' }, f.heading),
      f.examples?.length ? h('ul', { class: 'st-examples' }, f.examples.map((ex, j) => h('li', {},
        h('p', {}, ex.line),
        exampleButtons(ex, `${j + 1} of finding ${i + 1}`),
      ))) : null,
    ))),
  );
}

/**
 * What an example of a finding offers: its combination to try in the
 * preview, and, for a dead rule or advice, the way to it in the editor.
 */
function exampleButtons(ex, which) {
  const out = [];
  if (ex.answers && Object.keys(ex.answers).length) {
    out.push(h('button', { type: 'button', class: 'st-try', 'data-answers': JSON.stringify(ex.answers), 'aria-label': `Try in preview: example ${which}`, onclick: () => tryInPreview(ex.answers) }, 'Try in preview'));
  }
  const dead = /(rule|advice) "((?:[^"\\]|\\.)*)" never applies/.exec(ex.line ?? '');
  if (dead) {
    const at = `$.${dead[1] === 'rule' ? 'rules' : 'advice'}[id=${JSON.parse(`"${dead[2]}"`)}]`;
    out.push(h('button', { type: 'button', class: 'st-try st-show', 'data-at': at, onclick: () => goTo(view, locate(view.state, at)) }, `Show the ${dead[1]}`));
  }
  return out.length ? h('span', { class: 'st-actions' }, out) : null;
}

function renderCases(result, errorCount) {
  const out = $('cases-out');
  const cases = result.cases ?? [];
  if (result.casesError) {
    setSummary('sum-cases', 'bad', '!');
    out.replaceChildren(h('p', { class: 'st-bad' }, `The cases cannot be read: ${result.casesError}`));
    return;
  }
  if (errorCount && !cases.length) {
    setSummary('sum-cases', 'wait', '—');
    out.replaceChildren(h('p', { class: 'st-empty' }, 'The cases run once the guide has no errors.'));
    return;
  }
  if (!cases.length) {
    setSummary('sum-cases', 'wait', '0');
    out.replaceChildren(h('p', { class: 'st-empty' }, 'No golden cases. Add some below, or open a cases file.'));
    return;
  }
  const failed = cases.filter((c) => !c.passed);
  setSummary('sum-cases', failed.length ? 'bad' : 'good', `${cases.length - failed.length}/${cases.length}`);
  out.replaceChildren(
    h('p', { class: failed.length ? 'st-bad' : 'st-good' }, failed.length
      ? `${failed.length} of ${cases.length} cases fail.`
      : `All ${cases.length} cases pass.`),
    h('ol', { class: 'st-list st-cases' }, [...failed, ...cases.filter((c) => c.passed)].map((c) => h('li', { dataset: { passed: String(c.passed) } },
      h('p', { class: 'st-case' }, h('span', { class: 'st-mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '✗'), h('span', { class: 'st-visually-hidden' }, c.passed ? 'Passes: ' : 'Fails: '), c.name),
      c.mismatches?.length ? h('table', { class: 'st-table' },
        h('caption', { class: 'st-visually-hidden' }, `What “${c.name}” expected and what came`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Expected'), h('th', { scope: 'col' }, 'Came'))),
        h('tbody', {}, c.mismatches.map((m) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, m.field)), h('td', {}, m.want), h('td', {}, m.got)))),
      ) : null,
    ))),
  );
}

// ---------------------------------------------------------------- diff

function renderDiff(diff) {
  const panel = $('panel-diff');
  delete $('sum-diff').dataset.pending;
  if (!diff) {
    setSummary('sum-diff', 'wait', '—');
    panel.replaceChildren(h('p', { class: 'st-empty' }, `The comparison with the ${state.start.name.toLowerCase()} runs once the guide has no errors.`));
    return;
  }
  if (diff.error) {
    setSummary('sum-diff', 'bad', '!');
    panel.replaceChildren(h('p', { class: 'st-bad' }, diff.error));
    return;
  }
  const changes = (diff.presets?.length ?? 0) + (diff.cases?.length ?? 0) + (diff.changes?.length ?? 0)
    + (diff.rule_moves?.length ?? 0) + (diff.unreached?.length ?? 0)
    + (diff.questions?.added?.length ?? 0) + (diff.questions?.removed?.length ?? 0)
    + (diff.options?.added?.length ?? 0) + (diff.options?.removed?.length ?? 0);
  const moved = BigInt(diff.moved ?? '0');
  setSummary('sum-diff', moved > 0n ? 'bad' : changes ? 'note' : 'good', moved > 0n ? count(diff.moved) : changes ? String(changes) : '0');
  const parts = [
    h('div', { class: 'st-toolbar st-diff-head' },
      h('p', {}, moved > 0n
        ? `Against the ${state.start.name.toLowerCase()}: ${count(diff.moved)} of ${count(diff.combinations)} combinations change path.`
        : `Against the ${state.start.name.toLowerCase()}: no combination changes path (${count(diff.combinations)} compared).`),
      h('button', { type: 'button', id: 'copy-markdown', onclick: () => copy(diff.markdown ?? '', 'The diff in Markdown') }, 'Copy as Markdown')),
  ];
  if (BigInt(diff.rule_moved ?? '0') > 0n) {
    parts.push(h('p', {}, `${count(diff.rule_moved)}${moved > 0n ? ' more' : ''} keep their path but get it from another rule, with another reason.`));
  }
  if (!diff.same_questions) {
    parts.push(h('p', {}, `The versions ask different questions or offer different answers: the starting guide takes ${count(diff.old_combinations)} combinations, this one ${count(diff.new_combinations)}; the counts are over the ${count(diff.combinations)} both take.`));
  }
  if (diff.new_broken > 0) {
    parts.push(h('p', { class: 'st-bad' }, `This version is not sound: ${plural(diff.new_broken, 'promise', 'promises')} broken (see Proof).`));
  }
  if (diff.moves?.length) {
    parts.push(h('h3', {}, 'Moves between paths'), h('table', { class: 'st-table st-moves' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'From'), h('th', { scope: 'col' }, 'To'), h('th', { scope: 'col', class: 'st-num' }, 'Combinations'), h('th', { scope: 'col' }, 'For example'))),
      h('tbody', {}, diff.moves.map((m, i) => h('tr', { dataset: { from: m.from, to: m.to } },
        h('td', {}, h('code', {}, m.from)), h('td', {}, h('code', {}, m.to)), h('td', { class: 'st-num' }, count(m.count)),
        h('td', {}, h('span', { class: 'st-example' }, answersText(m.example)), ' ',
          h('button', { type: 'button', class: 'st-try', 'aria-label': `Try in preview: move ${i + 1}, ${m.from} to ${m.to}`, onclick: () => tryInPreview(m.example) }, 'Try in preview')))))));
  }
  if (diff.rule_moves?.length) {
    parts.push(h('h3', {}, 'Same path, another rule'), h('table', { class: 'st-table st-moves st-rule-moves' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'From rule'), h('th', { scope: 'col' }, 'To rule'), h('th', { scope: 'col', class: 'st-num' }, 'Combinations'), h('th', { scope: 'col' }, 'For example'))),
      h('tbody', {}, diff.rule_moves.map((m, i) => h('tr', { dataset: { from: m.from, to: m.to } },
        h('td', {}, h('code', {}, m.from)), h('td', {}, h('code', {}, m.to)), h('td', { class: 'st-num' }, count(m.count)),
        h('td', {}, h('span', { class: 'st-example' }, answersText(m.example)), ' ',
          h('button', { type: 'button', class: 'st-try', 'aria-label': `Try in preview: rule change ${i + 1}, ${m.from} to ${m.to}`, onclick: () => tryInPreview(m.example) }, 'Try in preview')))))));
  }
  if (diff.unreached?.length) {
    parts.push(h('h3', {}, 'Paths no combination gets any more'), h('ul', { class: 'st-list' }, diff.unreached.map((p) => h('li', {}, h('code', {}, p)))));
  }
  for (const [key, title] of [['only_old', 'Paths only the starting guide has'], ['only_new', 'Paths only this guide has']]) {
    if (!diff[key]?.length) continue;
    parts.push(h('h3', {}, title), h('ul', { class: 'st-list' }, diff[key].map((p) => h('li', {}, h('code', {}, p.path), `: ${plural(p.count, 'combination', 'combinations')}, for example ${answersText(p.example)}`))));
  }
  const added = [...(diff.questions?.added ?? []).map((q) => `question ${q}`), ...(diff.options?.added ?? []).map((o) => `answer ${o}`)];
  const removed = [...(diff.questions?.removed ?? []).map((q) => `question ${q}`), ...(diff.options?.removed ?? []).map((o) => `answer ${o}`)];
  if (added.length || removed.length) {
    parts.push(h('h3', {}, 'Questions and answers'), h('ul', { class: 'st-list' },
      added.map((a) => h('li', {}, 'Added: ', h('code', {}, a))), removed.map((r) => h('li', {}, 'Removed: ', h('code', {}, r)))));
  }
  if (diff.presets?.length) {
    parts.push(h('h3', {}, 'Presets whose path changed'), h('table', { class: 'st-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Preset'), h('th', { scope: 'col' }, 'Was'), h('th', { scope: 'col' }, 'Now'))),
      h('tbody', {}, diff.presets.map((p) => h('tr', {}, h('td', {}, h('code', {}, p.id)), h('td', {}, p.old ?? '—'), h('td', {}, p.new ?? '—'))))));
  }
  if (diff.cases?.length) {
    const word = (b) => (b === true ? 'passes' : b === false ? 'fails' : '—');
    parts.push(h('h3', {}, 'Golden cases whose result changed'), h('table', { class: 'st-table st-diff-cases' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Case'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'Now'))),
      h('tbody', {}, diff.cases.map((c) => h('tr', {}, h('td', {}, c.name), h('td', {}, word(c.old)), h('td', {}, word(c.new)))))));
  }
  if (diff.cases_failing?.length) {
    parts.push(h('h3', {}, 'Golden cases that fail with both versions'), h('ul', { class: 'st-list' },
      diff.cases_failing.map((c) => h('li', {}, `${c.name}: `, h('code', {}, c.failure)))));
  }
  if (diff.changes?.length) {
    const shown = (v) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
    parts.push(h('h3', {}, 'Values that changed'), h('ul', { class: 'st-list st-texts' }, diff.changes.map((t) => h('li', {},
      h('button', { type: 'button', class: 'st-link', onclick: () => goTo(view, locate(view.state, t.at)) }, h('code', { class: 'st-at' }, t.at)),
      h('p', {}, h('del', {}, shown(t.old))), h('p', {}, h('ins', {}, shown(t.new)))))));
  }
  if (moved === 0n && !changes) parts.push(h('p', { class: 'st-good' }, 'Nothing a reader would see has changed.'));
  panel.replaceChildren(...parts);
}

// ---------------------------------------------------------------- preview

let previewEl = null;

function theme() { return document.querySelector('input[name="preview-theme"]:checked')?.value ?? 'auto'; }

/** Shows `guide` (sound) in a fresh element, swapped in once it is live. */
function updatePreview(guide, version) {
  if (state.preview.text === guide) {
    markStale(null);
    mark(version, 'preview');
    return;
  }
  state.preview = { text: guide, version };
  const el = h('decision-guide', { class: 'st-guide', theme: theme(), hidden: true, 'aria-label': 'Preview of the guide' });
  const data = h('script', { type: 'application/json' });
  data.textContent = guide;
  el.append(data);
  // The reader's answers so far carry over, those the new version still asks.
  if (previewEl) el.answers = keptAnswers(previewEl.answers ?? {}, guide);
  el.addEventListener('decision-change', function live() {
    el.removeEventListener('decision-change', live);
    if (state.preview.version !== version) { el.remove(); return; }
    const old = previewEl;
    previewEl = el;
    el.hidden = false;
    old?.remove();
    for (const stray of $('frame').querySelectorAll('decision-guide')) if (stray !== el) stray.remove();
    // Current unless the text changed meanwhile (then its own check says).
    if (state.version === version) markStale(null);
    mark(version, 'preview');
  });
  $('frame').append(el);
}

/** The answers in `answers` that the guide `guide` (its text) still takes. */
function keptAnswers(answers, guide) {
  let questions;
  try { questions = JSON.parse(guide).questions ?? []; } catch { return {}; }
  const kept = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    if (!q) continue;
    if (q.type === 'bool' ? typeof value === 'boolean' : (q.options ?? []).some((o) => o.value === value)) kept[id] = value;
  }
  return kept;
}

function markStale(message) {
  const stale = $('stale');
  stale.hidden = !message;
  stale.textContent = message ?? '';
  $('frame').dataset.stale = message ? 'true' : 'false';
}

/** Loads `answers` into the preview and brings it into view. */
function tryInPreview(answers) {
  if (!previewEl) return;
  try {
    previewEl.answers = answers;
  } catch (err) {
    $('live').textContent = `The preview refused these answers: ${err.message}`;
    return;
  }
  // The preview's recommendation in view (the preview scrolls on its own
  // in a wide window, with the page in a narrow one), and focus on its heading.
  const result = previewEl.shadowRoot?.querySelector('.dg-result');
  if (result) result.scrollIntoView({ block: 'start' });
  else $('preview-h').scrollIntoView({ block: 'start' });
  $('preview-h').focus({ preventScroll: true });
  const path = previewEl.result?.path;
  $('live').textContent = `Loaded ${answersText(answers)} into the preview${path ? `: ${path}` : ''}.`;
}

// ---------------------------------------------------------------- starting points, files, export, draft

async function fetchText(name) {
  const res = await fetch(new URL(name, import.meta.url));
  if (!res.ok) throw new Error(`${name}: ${res.status}`);
  return res.text();
}

async function loadStart(id) {
  const start = STARTS[id];
  const [guide, cases] = await Promise.all([fetchText(start.guide), fetchText(start.cases).catch(() => '')]);
  setStart({ id, name: start.name, text: guide }, guide, cases);
}

/** Starts from `start`: its text in the editor (undoable), its cases. */
function setStart(start, guide, cases) {
  state.start = start;
  $('start-name').textContent = start.name;
  $('start').value = STARTS[start.id] ? start.id : 'file';
  setCases(cases, false);
  if (view.state.doc.toString() === guide) changed();
  else replaceText(view, guide);
  $('live').textContent = `Opened the ${start.name.toLowerCase()}. Ctrl-Z brings back the previous text.`;
}

function setCases(text, check = true) {
  state.cases = text;
  $('cases').value = text;
  if (check) changed();
}

async function openFile(file) {
  const content = await file.text();
  let parsed = null;
  try { parsed = JSON.parse(content); } catch { /* a guide with a mistake is still a guide to edit */ }
  if (parsed && Array.isArray(parsed.case) && !parsed.questions) {
    setCases(content);
    $('live').textContent = `Opened the cases in ${file.name}.`;
    return;
  }
  setStart({ id: 'file', name: file.name, text: content }, content, '');
}

function download() {
  const url = URL.createObjectURL(new Blob([text()], { type: 'application/json' }));
  const a = h('a', { href: url, download: 'guide.json', hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const FALLBACK = 'Decision guide: <a href="decision-guide.html">open it on its own page</a> if it does not appear here.';
function snippets() {
  // Inside <script>, "</script" or "<!--" would end or bend the element:
  // every "<" (in JSON, only ever inside a string) as its \u escape.
  const inline = text().replace(/</g, '\\u003c');
  return {
    src: `<script type="module" src="decision-guide.js"></script>\n<decision-guide guide-src="guide.json">${FALLBACK}</decision-guide>`,
    inline: `<script type="module" src="decision-guide.js"></script>\n<decision-guide>\n<script type="application/json">\n${inline}\n</script>\n${FALLBACK}\n</decision-guide>`,
  };
}

function renderExport() {
  const s = snippets();
  $('snippet-src').textContent = s.src;
  const lines = s.inline.split('\n');
  $('snippet-inline').textContent = lines.length > 14 ? [...lines.slice(0, 8), `  … (${lines.length - 12} more lines of the guide) …`, ...lines.slice(-4)].join('\n') : s.inline;
}

async function copy(value, what) {
  try {
    await navigator.clipboard.writeText(value);
    $('live').textContent = `${what} is on the clipboard.`;
  } catch {
    $('live').textContent = `The browser refused the clipboard; select ${what.toLowerCase()} and copy it by hand.`;
  }
}

function saveDraftSoon() {
  if (!$('keep').checked) return;
  clearTimeout(state.draftTimer);
  state.draftTimer = setTimeout(saveDraft, 400);
}
function saveDraft() {
  if (!$('keep').checked) return;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: text(), cases: state.cases, start: state.start }));
  } catch (err) {
    $('live').textContent = `The draft could not be kept: ${err.message}`;
  }
}
function readDraft() {
  try { return JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null'); } catch { return null; }
}

// ---------------------------------------------------------------- tabs and toggles

function selectTab(tab, focus = false) {
  for (const t of document.querySelectorAll('[role="tab"]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (tab.id === 'tab-export') renderExport();
  if (focus) tab.focus();
}

function wire() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      selectTab(tabs[(to + tabs.length) % tabs.length], true);
    });
  }
  $('start').addEventListener('change', (e) => { if (STARTS[e.target.value]) loadStart(e.target.value); });
  $('open-file').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) openFile(f); e.target.value = ''; });
  $('open-cases').addEventListener('click', () => $('cases-file').click());
  $('cases-file').addEventListener('change', async (e) => { const f = e.target.files?.[0]; if (f) setCases(await f.text()); e.target.value = ''; });
  let casesTimer = 0;
  $('cases').addEventListener('input', (e) => { clearTimeout(casesTimer); casesTimer = setTimeout(() => setCases(e.target.value), 150); });
  $('download').addEventListener('click', download);
  $('download-2').addEventListener('click', download);
  $('copy-src').addEventListener('click', () => copy(snippets().src, 'The guide-src snippet'));
  $('copy-inline').addEventListener('click', () => copy(snippets().inline, 'The inline snippet'));
  $('keep').addEventListener('change', (e) => {
    if (e.target.checked) { saveDraft(); $('live').textContent = 'Your draft is kept in this browser.'; }
    else { localStorage.removeItem(DRAFT_KEY); $('live').textContent = 'The draft kept in this browser is deleted.'; }
  });
  $('page-theme').addEventListener('change', (e) => {
    if (e.target.value) document.documentElement.dataset.theme = e.target.value;
    else delete document.documentElement.dataset.theme;
  });
  for (const radio of document.querySelectorAll('input[name="preview-theme"]')) {
    radio.addEventListener('change', () => { for (const el of $('frame').querySelectorAll('decision-guide')) el.setAttribute('theme', theme()); });
  }
  $('narrow').addEventListener('change', (e) => { $('frame').dataset.narrow = String(e.target.checked); });
  // Drop a guide or a cases file anywhere on the page.
  document.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); document.body.dataset.drop = 'true'; } });
  document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) delete document.body.dataset.drop; });
  document.addEventListener('drop', (e) => {
    delete document.body.dataset.drop;
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    e.preventDefault();
    openFile(f);
  }, true);
  // A draft save still waiting when the page goes away is made now.
  addEventListener('pagehide', () => { if (state.draftTimer) saveDraft(); });
  // When a key goes down in the editor: the start of a keystroke's timing.
  $('editor').addEventListener('keydown', () => {
    const version = state.version + 1;
    if (!timings.find((x) => x.version === version)) timings.push({ version, key: performance.now() });
  }, true);
}

// ---------------------------------------------------------------- start

async function main() {
  view = createEditor($('editor'), '', { labelId: 'editor-h', describedBy: 'editor-hint', onChange: changed });
  window.studio = { view, state };
  wire();
  const draft = readDraft();
  if (draft?.text != null) {
    $('keep').checked = true;
    const start = draft.start ?? { id: 'file', name: 'Your draft', text: draft.text };
    setStart(start, draft.text, draft.cases ?? '');
    $('live').textContent = 'Your draft kept in this browser is back.';
  } else {
    await loadStart('openai-on-aws');
  }
}

main().catch((err) => {
  $('panel-errors').replaceChildren(h('p', { class: 'st-bad' }, `The studio could not start: ${err.message}`));
});

// The guide studio's page script (bundled by `cargo xtask dist` into
// dist/studio/studio.js, loaded by dist/studio.html): the editor, the two
// workers (one checks, proves and runs the cases on every change, the other
// compares with the starting point), the panels that show what they say,
// the live preview, export and the opt-in draft. Timings of every update
// are kept in `window.studioTimings` for tests/bench/studio.mjs. Whatever
// goes wrong (a trapped checker, a file that cannot be read, a draft that
// cannot be kept or read back) is said visibly, and no panel keeps a
// verdict about a text it has not checked.
import { columnOf, createEditor, errorRange, goTo, replaceText, showDiagnostics } from './editor.js';
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

/** Replaces the children of `el` with `children`, leaving out null and false. */
const fill = (el, ...children) => el.replaceChildren(...children.flat().filter((c) => c != null && c !== false));

/** A count the wasm gives as a string (u128), with thousands separators. */
const count = (s) => { try { return BigInt(s).toLocaleString('en-US'); } catch { return String(s); } };
const plural = (n, one, many) => `${count(n)} ${BigInt(n) === 1n ? one : many}`;
/** Answers as `q=v, q=v`. */
const answersText = (a) => Object.entries(a ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'nothing answered';

/** How many of a long list are shown (the element shows as many errors). */
const SHOWN_ERRORS = 50;
const SHOWN_CASES = 200;
const SHOWN_CHANGES = 200;
/** How long a changed value may be shown, in characters. */
const SHOWN_VALUE = 400;

/** Says `message` to screen readers (the one live region of the page). */
function say(message) { $('live').textContent = message; }

/**
 * Shows `message` in the page's notice (visible, and read out as an
 * alert): what went wrong with a file or the draft. `null` hides it.
 */
function notify(message) {
  $('notice').hidden = !message;
  $('notice-text').textContent = message ?? '';
}

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
  if (data.failed) { showFailure(job.version, `The checker stopped: ${data.failed}. It has been restarted; edit to check again.`); return; }
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
  previewNote(null);
  saveDraftSoon();
}

// ---------------------------------------------------------------- check results

function onCheck(job, result) {
  try {
    showCheck(job, result);
  } catch (err) {
    // A result the page could not show must not leave the last one standing.
    showFailure(job.version, `The studio could not show what the checker found (${err?.message ?? err}); edit to check again.`);
  }
}

function showCheck(job, result) {
  state.check = result;
  const all = result.errors ?? [];
  // Only the errors shown are looked for in the text (a path is a walk of the tree).
  const errors = all.slice(0, SHOWN_ERRORS).map((e) => ({ ...e, range: errorRange(view.state, e) }));
  showDiagnostics(view, errors);
  renderErrors(errors, all.length);
  mark(job.version, 'errors');
  renderProof(result.proof, all.length);
  renderCases(result, all.length);
  mark(job.version, 'proof');
  for (const id of ['sum-errors', 'sum-proof', 'sum-cases']) delete $(id).dataset.pending;
  announce(all, result);
  if (!$('panel-export').hidden) renderExport();
  const sound = all.length === 0 && result.proof?.passed;
  if (sound) updatePreview(job.text, job.version);
  else {
    markStale(all.length
      ? `Stale: the guide has ${plural(all.length, 'error', 'errors')}; the preview shows the last version without errors.`
      : result.proof?.error
        ? 'Stale: the guide could not be proven; the preview shows the last sound version.'
        : `Stale: the guide breaks ${plural(result.proof?.findings?.length ?? 0, 'promise', 'promises')}, so embedded it would show them instead of advice; the preview shows the last sound version.`);
    mark(job.version, 'preview');
  }
  if (all.length === 0) {
    differ.submit({ id: job.version, version: job.version, kind: 'diff', old: state.start.text, text: job.text, cases: state.cases });
  } else {
    renderDiff(null);
    mark(job.version, 'diff');
  }
}

/**
 * The checker stopped (its wasm trapped) or its result could not be shown:
 * every panel says the text is not checked, the preview is stale.
 */
function showFailure(version, said) {
  state.check = null;
  try { showDiagnostics(view, []); } catch { /* the marks of an older text stay; the panels say enough */ }
  $('panel-errors').replaceChildren(h('p', { class: 'st-bad' }, said));
  setSummary('sum-errors', 'bad', '!');
  const notChecked = (what) => h('p', { class: 'st-empty' }, `Not checked: ${what} of this text is not known (see Errors).`);
  $('panel-proof').replaceChildren(notChecked('the proof'));
  setSummary('sum-proof', 'wait', '—');
  $('cases-out').replaceChildren(notChecked('the result of the cases'));
  setSummary('sum-cases', 'wait', '—');
  $('panel-diff').replaceChildren(notChecked('what changed'));
  setSummary('sum-diff', 'wait', '—');
  for (const id of ['sum-errors', 'sum-proof', 'sum-cases', 'sum-diff']) delete $(id).dataset.pending;
  markStale('Stale: this text is not checked; the preview shows the last sound version.');
  if (!$('panel-export').hidden) renderExport();
  say(said);
  for (const part of ['errors', 'proof', 'preview', 'diff']) mark(version, part);
}

function setSummary(id, kind, label) {
  const el = $(id);
  el.dataset.state = kind;
  el.textContent = label;
}

/**
 * Says the verdict, unless the live region says it already (so typing
 * does not repeat it; once another message took the region, it is said again).
 */
function announce(errors, result) {
  const parts = [errors.length ? plural(errors.length, 'error', 'errors') : 'No errors'];
  const proof = result.proof;
  if (proof) {
    parts.push(proof.error ? 'the guide could not be proven (too entangled)'
      : proof.passed ? 'sound' : plural(proof.findings?.length ?? 0, 'broken promise', 'broken promises'));
  }
  const cases = result.cases ?? [];
  if (cases.length) parts.push(`${cases.filter((c) => c.passed).length} of ${cases.length} cases pass`);
  const line = parts.join('; ') + '.';
  if ($('live').textContent !== line) say(line);
}

function renderErrors(errors, total) {
  setSummary('sum-errors', total ? 'bad' : 'good', String(total));
  const panel = $('panel-errors');
  if (!total) {
    panel.replaceChildren(h('p', { class: 'st-good' }, 'No errors: the guide reads and compiles.'));
    return;
  }
  fill(panel,
    h('p', {}, `${plural(total, 'error', 'errors')}, as `, h('code', {}, 'decision-guide check'), ' reports them. Choose one to go to it.'),
    h('ol', { class: 'st-list st-errors' }, errors.map((e) => {
      const line = view.state.doc.lineAt(e.range.from);
      // In characters, as the checker counts (an emoji is one).
      const col = columnOf(line.text, e.range.from - line.from);
      return h('li', {},
        h('button', { type: 'button', class: 'st-link', dataset: { line: line.number, column: col }, onclick: () => goTo(view, e.range) },
          h('span', { class: 'st-where' }, `Line ${line.number}, column ${col}`),
          e.at ? h('code', { class: 'st-at' }, e.at) : null),
        h('p', { class: 'st-msg' }, e.message));
    })),
    total > errors.length ? h('p', { class: 'st-more' }, `… and ${count(total - errors.length)} more; fix these first.`) : null,
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
        exampleButtons(ex, f.check, `${j + 1} of finding ${i + 1}`),
      ))) : null,
    ))),
  );
}

/**
 * What an example of a finding offers: its combination to try in the
 * preview, and, for a dead rule or advice, the way to it in the editor.
 */
function exampleButtons(ex, check, which) {
  const out = [];
  if (ex.answers && Object.keys(ex.answers).length) {
    out.push(h('button', { type: 'button', class: 'st-try', 'data-answers': JSON.stringify(ex.answers), 'aria-label': `Try in preview: example ${which}`, onclick: () => tryInPreview(ex.answers) }, 'Try in preview'));
  }
  // A dead entry comes with its place in the file (`$.rules[3]`), so no
  // id is read back out of the sentence.
  if (typeof ex.entry?.at === 'string') {
    const what = check === 'dead-advice' ? 'advice' : 'rule';
    const at = ex.entry.at;
    out.push(h('button', { type: 'button', class: 'st-try st-show', 'data-at': at, 'aria-label': `Show the ${what} ${ex.entry.id ?? ''}`.trim(), onclick: () => goTo(view, locate(view.state, at)) }, `Show the ${what}`));
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
  fill(out,
    h('p', { class: failed.length ? 'st-bad' : 'st-good' }, failed.length
      ? `${failed.length} of ${cases.length} cases fail.`
      : `All ${cases.length} cases pass.`),
    h('ol', { class: 'st-list st-cases' }, [...failed, ...cases.filter((c) => c.passed)].slice(0, SHOWN_CASES).map((c) => h('li', { dataset: { passed: String(c.passed) } },
      h('p', { class: 'st-case' }, h('span', { class: 'st-mark', 'aria-hidden': 'true' }, c.passed ? '✓' : '✗'), h('span', { class: 'st-visually-hidden' }, c.passed ? 'Passes: ' : 'Fails: '), c.name),
      c.mismatches?.length ? h('table', { class: 'st-table' },
        h('caption', { class: 'st-visually-hidden' }, `What “${c.name}” expected and what came`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Expected'), h('th', { scope: 'col' }, 'Came'))),
        h('tbody', {}, c.mismatches.map((m) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, m.field)), h('td', {}, m.want), h('td', {}, m.got)))),
      ) : null,
    ))),
    cases.length > SHOWN_CASES ? h('p', { class: 'st-more' }, moreCases(failed.length, cases.length)) : null,
  );
}

/** What is left out of the first SHOWN_CASES cases (the failing first). */
function moreCases(failing, total) {
  const failingLeft = Math.max(failing - SHOWN_CASES, 0);
  const passingLeft = total - Math.max(failing, SHOWN_CASES);
  return ['… and', failingLeft ? `${count(failingLeft)} more failing` : null, failingLeft && passingLeft ? 'and' : null,
    passingLeft ? `${count(passingLeft)} more passing` : null].filter(Boolean).join(' ') + '.';
}

// ---------------------------------------------------------------- diff

function renderDiff(diff) {
  const panel = $('panel-diff');
  delete $('sum-diff').dataset.pending;
  if (!diff) {
    setSummary('sum-diff', 'wait', '—');
    panel.replaceChildren(h('p', { class: 'st-empty' }, `The comparison with ${startLabel()} runs once the guide has no errors.`));
    return;
  }
  if (diff.error) {
    setSummary('sum-diff', 'bad', '!');
    panel.replaceChildren(h('p', { class: 'st-bad' }, diff.error));
    return;
  }
  const changes = (diff.presets?.length ?? 0) + (diff.cases?.length ?? 0) + (diff.changes?.length ?? 0)
    + (diff.rule_moves?.length ?? 0) + (diff.unreached?.length ?? 0) + (diff.reordered?.length ?? 0)
    + (diff.questions?.added?.length ?? 0) + (diff.questions?.removed?.length ?? 0)
    + (diff.options?.added?.length ?? 0) + (diff.options?.removed?.length ?? 0);
  const moved = BigInt(diff.moved ?? '0');
  setSummary('sum-diff', moved > 0n ? 'bad' : changes ? 'note' : 'good', moved > 0n ? count(diff.moved) : changes ? String(changes) : '0');
  const parts = [
    h('div', { class: 'st-toolbar st-diff-head' },
      h('p', {}, moved > 0n
        ? `Against ${startLabel()}: ${count(diff.moved)} of ${count(diff.combinations)} combinations change path.`
        : `Against ${startLabel()}: no combination changes path (${count(diff.combinations)} compared).`),
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
  if (diff.reordered?.length) {
    parts.push(h('h3', {}, 'Rules in another order'), h('ul', { class: 'st-list' }, diff.reordered.map((r) => h('li', {}, h('code', {}, r.id), `: place ${r.old} → ${r.new} (first match wins)`))));
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
    parts.push(h('h3', {}, 'Values that changed'), h('ul', { class: 'st-list st-texts' }, diff.changes.slice(0, SHOWN_CHANGES).map((t) => {
      const [old, now] = clipped(shown(t.old), shown(t.new));
      return h('li', {},
        h('button', { type: 'button', class: 'st-link', onclick: () => goTo(view, locate(view.state, t.at)) }, h('code', { class: 'st-at' }, t.at)),
        h('p', {}, h('del', {}, old)), h('p', {}, h('ins', {}, now)));
    })));
    if (diff.changes.length > SHOWN_CHANGES) {
      parts.push(h('p', { class: 'st-more' }, `… and ${count(diff.changes.length - SHOWN_CHANGES)} more values; "Copy as Markdown" has them all.`));
    }
  }
  if (moved === 0n && !changes) parts.push(h('p', { class: 'st-good' }, 'Nothing a reader would see has changed.'));
  panel.replaceChildren(...parts);
}

/**
 * Two versions of a value as shown: whole when short, else the part that
 * changed with some context on either side, at most SHOWN_VALUE characters
 * each, with the value's length.
 */
function clipped(old, now) {
  if (old.length <= SHOWN_VALUE && now.length <= SHOWN_VALUE) return [old, now];
  let start = 0;
  const most = Math.min(old.length, now.length);
  while (start < most && old.charCodeAt(start) === now.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < most - start && old.charCodeAt(old.length - 1 - end) === now.charCodeAt(now.length - 1 - end)) end += 1;
  const context = 60;
  const cut = (s) => {
    if (s.length <= SHOWN_VALUE) return s;
    const from = Math.max(start - context, 0);
    const to = Math.min(Math.max(s.length - end + context, from), from + SHOWN_VALUE);
    // Never half a surrogate pair.
    const a = /[\udc00-\udfff]/.test(s[from] ?? '') ? from + 1 : from;
    const b = /[\ud800-\udbff]/.test(s[to - 1] ?? '') ? to - 1 : to;
    return `${a > 0 ? '…' : ''}${s.slice(a, b)}${b < s.length ? '…' : ''} (${count(s.length)} characters)`;
  };
  return [cut(old), cut(now)];
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
    previewNote(null);
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

/** Shows (or, with null, hides) a note above the preview, and focuses it. */
function previewNote(message) {
  const note = $('preview-note');
  note.hidden = !message;
  note.textContent = message ?? '';
  if (message) {
    note.scrollIntoView({ block: 'nearest' });
    note.focus();
  }
}

/** Loads `answers` into the preview and brings it into view. */
function tryInPreview(answers) {
  if (!previewEl) {
    previewNote('There is no preview yet: no version of this guide has been sound so far, so these answers cannot be tried.');
    return;
  }
  // The preview may run an older, sound version that lacks a question or
  // an answer of these: it would refuse them, so say why here.
  const kept = keptAnswers(answers, state.preview.text);
  const missing = Object.keys(answers).filter((id) => !(id in kept));
  if (missing.length) {
    previewNote(`The preview runs the last sound version of the guide, which does not take these answers (${missing.map((id) => `${id}=${answers[id]}`).join(', ')}). Fix what the proof found, and they can be tried.`);
    return;
  }
  try {
    previewEl.answers = answers;
  } catch (err) {
    previewNote(`The preview refused these answers: ${err.message}`);
    return;
  }
  previewNote(null);
  // The preview's recommendation in view (the preview scrolls on its own
  // in a wide window, with the page in a narrow one), and focus on its heading.
  const result = previewEl.shadowRoot?.querySelector('.dg-result');
  if (result) result.scrollIntoView({ block: 'start' });
  else $('preview-h').scrollIntoView({ block: 'start' });
  $('preview-h').focus({ preventScroll: true });
  const path = previewEl.result?.path;
  say(`Loaded ${answersText(answers)} into the preview${path ? `: ${path}` : ''}.`);
}

// ---------------------------------------------------------------- starting points, files, export, draft

async function fetchText(name) {
  const res = await fetch(new URL(name, import.meta.url));
  if (!res.ok) throw new Error(`${name}: ${res.status}`);
  return res.text();
}

/** Counts the choices of a starting point: only the latest may apply. */
let startToken = 0;

async function loadStart(id) {
  const token = ++startToken;
  const start = STARTS[id];
  try {
    const [guide, cases] = await Promise.all([fetchText(start.guide), fetchText(start.cases).catch(() => '')]);
    if (token !== startToken) return;
    setStart({ id, name: start.name, text: guide }, guide, cases);
  } catch (err) {
    if (token !== startToken) return;
    $('start').value = STARTS[state.start.id] ? state.start.id : 'file';
    notify(`The ${start.name.toLowerCase()} could not be loaded (${err.message}); the editor keeps its text.`);
  }
}

/** The starting point as a sentence names it: "the built-in guide", "ours.json". */
function startLabel(start = state.start) {
  return STARTS[start.id] ? `the ${start.name.toLowerCase()}` : `“${start.name}”`;
}

/** Starts from `start`: its text in the editor (undoable), its cases. */
function setStart(start, guide, cases) {
  state.start = start;
  $('start-name').textContent = start.name;
  $('start').value = STARTS[start.id] ? start.id : 'file';
  setCases(cases, false);
  if (view.state.doc.toString() === guide) changed();
  else replaceText(view, guide);
  say(`Opened ${startLabel(start)}. Ctrl-Z brings back the previous text.`);
}

function setCases(text, check = true) {
  state.cases = text;
  $('cases').value = text;
  if (check) changed();
}

/** The text of `file`, which must be UTF-8 (as the element requires of guide-src). */
async function readText(file) {
  let bytes;
  try {
    bytes = await file.arrayBuffer();
  } catch (err) {
    throw new Error(`“${file.name}” could not be read (${err?.message ?? err}); a folder cannot be opened, only a .json file.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`“${file.name}” is not UTF-8 text, so it was not opened: save it as UTF-8 and open it again.`);
  }
}

/** Opens a guide or a cases file; what goes wrong is said in the notice. */
function openAny(file, kind = 'any') {
  notify(null);
  (kind === 'cases' ? openCases(file) : openFile(file)).catch((err) => notify(err.message));
}

async function openCases(file) {
  const content = await readText(file);
  setCases(content);
  say(`Opened the cases in ${file.name}.`);
}

async function openFile(file) {
  const token = ++startToken;
  const content = await readText(file);
  if (token !== startToken) return;
  let parsed = null;
  try { parsed = JSON.parse(content); } catch { /* a guide with a mistake is still a guide to edit */ }
  if (parsed && Array.isArray(parsed.case) && !parsed.questions) {
    setCases(content);
    say(`Opened the cases in ${file.name}.`);
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
  // The element refuses a guide with errors or a broken promise: say so here.
  const check = state.check;
  const errors = check?.errors?.length ?? 0;
  const warn = !check ? 'This text is not checked yet (or the checker stopped): export it once the checks say it is sound.'
    : errors ? `This guide has ${plural(errors, 'error', 'errors')}: the element would refuse it and show them instead of advice. Fix them before you export it.`
      : check.proof?.error ? 'This guide could not be proven: the element would refuse it. Simplify its conditions before you export it.'
        : !check.proof?.passed ? `This guide breaks ${plural(check.proof?.findings?.length ?? 0, 'promise', 'promises')}: the element would show them instead of advice. Fix them before you export it.`
          : null;
  $('export-warn').hidden = !warn;
  $('export-warn').textContent = warn ?? '';
  const s = snippets();
  $('snippet-src').textContent = s.src;
  const lines = s.inline.split('\n');
  $('snippet-inline').textContent = lines.length > 14 ? [...lines.slice(0, 8), `  … (${lines.length - 12} more lines of the guide) …`, ...lines.slice(-4)].join('\n') : s.inline;
}

async function copy(value, what) {
  try {
    await navigator.clipboard.writeText(value);
    say(`${what} is on the clipboard.`);
  } catch {
    say(`The browser refused the clipboard; select ${what.toLowerCase()} and copy it by hand.`);
  }
}

/** The page's localStorage, or null where the browser blocks it (it may throw). */
function storage() {
  try { return window.localStorage; } catch { return null; }
}

function saveDraftSoon() {
  if (!$('keep').checked) return;
  clearTimeout(state.draftTimer);
  state.draftTimer = setTimeout(saveDraft, 400);
}

/** A file's own text is kept with the draft only while the two stay below this (in characters). */
const DRAFT_LIMIT = 2_000_000;

/**
 * What the draft keeps: the text, the cases and where it started. A
 * shipped starting point is kept by its id (it is fetched again); a file's
 * text only while the draft stays small, else the draft is its own start.
 */
function draftValue() {
  const text_ = text();
  const start = STARTS[state.start.id] ? { id: state.start.id }
    : { id: 'file', name: state.start.name, ...(text_.length + state.start.text.length < DRAFT_LIMIT ? { text: state.start.text } : {}) };
  return JSON.stringify({ text: text_, cases: state.cases, start });
}

/** Writes the draft; when it cannot, says so, unticks the box and removes the older draft. */
function saveDraft() {
  clearTimeout(state.draftTimer);
  state.draftTimer = 0;
  if (!$('keep').checked) return false;
  try {
    const store = storage();
    if (!store) throw new Error('this browser does not let the page keep anything');
    store.setItem(DRAFT_KEY, draftValue());
    return true;
  } catch (err) {
    $('keep').checked = false;
    // An older draft left behind would come back over this newer work.
    const removed = removeDraft();
    notify(`The draft could not be kept in this browser (${err?.message ?? err}), so "Keep my draft" is off${removed ? ' and the older draft is removed' : ''}. Download guide.json to keep your work.`);
    return false;
  }
}

/** Deletes the draft; false when the browser refused (the notice says so). */
function removeDraft() {
  try {
    storage()?.removeItem(DRAFT_KEY);
    return true;
  } catch (err) {
    notify(`The draft kept in this browser could not be deleted (${err?.message ?? err}).`);
    return false;
  }
}

/**
 * The draft kept, if there is one of the right shape: `{ text, cases?,
 * start? }` with `start` a shipped starting point's id or a file
 * (`{ id: 'file', name, text? }`). Anything else is removed, with a note.
 */
function readDraft() {
  let raw;
  try { raw = storage()?.getItem(DRAFT_KEY) ?? null; } catch { return null; }
  if (raw == null) return null;
  let d = null;
  try { d = JSON.parse(raw); } catch { /* not JSON: bad, below */ }
  const str = (v) => typeof v === 'string';
  const plain = (v) => v != null && typeof v === 'object' && !Array.isArray(v);
  const start = plain(d) ? d.start : undefined;
  const good = plain(d) && str(d.text) && (d.cases === undefined || str(d.cases))
    && (start === undefined || (plain(start) && (STARTS[start.id] !== undefined && Object.hasOwn(STARTS, start.id)
      || (start.id === 'file' && str(start.name) && (start.text === undefined || str(start.text))))));
  if (good) return d;
  if (removeDraft()) notify('A draft kept in this browser could not be read, so it has been removed; the built-in guide is open instead.');
  return null;
}

/** Brings the draft `d` back (see readDraft for its shape). */
async function restoreDraft(d) {
  $('keep').checked = true;
  const start = d.start ?? { id: 'file', name: 'Your draft' };
  if (STARTS[start.id]) {
    const token = ++startToken;
    const guide = await fetchText(STARTS[start.id].guide);
    if (token !== startToken) return;
    setStart({ id: start.id, name: STARTS[start.id].name, text: guide }, d.text, d.cases ?? '');
  } else {
    setStart({ id: 'file', name: start.name, text: start.text ?? d.text }, d.text, d.cases ?? '');
  }
  say('Your draft kept in this browser is back.');
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
  $('file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) openAny(f); e.target.value = ''; });
  $('open-cases').addEventListener('click', () => $('cases-file').click());
  $('cases-file').addEventListener('change', (e) => { const f = e.target.files?.[0]; if (f) openAny(f, 'cases'); e.target.value = ''; });
  $('notice-close').addEventListener('click', () => notify(null));
  let casesTimer = 0;
  $('cases').addEventListener('input', (e) => { clearTimeout(casesTimer); casesTimer = setTimeout(() => setCases(e.target.value), 150); });
  $('download').addEventListener('click', download);
  $('download-2').addEventListener('click', download);
  $('copy-src').addEventListener('click', () => copy(snippets().src, 'The guide-src snippet'));
  $('copy-inline').addEventListener('click', () => copy(snippets().inline, 'The inline snippet'));
  $('keep').addEventListener('change', (e) => {
    if (e.target.checked) { if (saveDraft()) say('Your draft is kept in this browser.'); }
    else {
      clearTimeout(state.draftTimer);
      state.draftTimer = 0;
      if (removeDraft()) say('The draft kept in this browser is deleted.');
    }
  });
  // Another tab deleted the draft: this one does not write it back.
  addEventListener('storage', (e) => {
    if ((e.key === DRAFT_KEY || e.key === null) && e.newValue == null && $('keep').checked) {
      $('keep').checked = false;
      clearTimeout(state.draftTimer);
      state.draftTimer = 0;
      notify('Another tab deleted the draft kept in this browser, so this tab no longer keeps one. Tick "Keep my draft" to keep this text.');
    }
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
    const files = e.dataTransfer?.files ?? [];
    if (!files.length) return;
    e.preventDefault();
    openAny(files[0]);
    if (files.length > 1) notify(`${files.length} files were dropped; only the first, ${files[0].name}, is opened.`);
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
  if (draft) await restoreDraft(draft);
  else await loadStart('openai-on-aws');
}

main().catch((err) => {
  $('panel-errors').replaceChildren(h('p', { class: 'st-bad' }, `The studio could not start: ${err.message}`));
});

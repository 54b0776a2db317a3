// Helpers shared by every end-to-end spec (tests/e2e/*.spec.mjs and the
// battery's, through battery/battery.mjs): the repository root, the CLI as
// the oracle (built once when this module is first imported, then run
// directly), the built-in guide and each preset's result as the CLI gives
// them, waiting for a guide to go live, and the screenshots folder. Not a
// spec itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/** The repository root, with a trailing slash. */
export const root = new URL('../..', import.meta.url).pathname;

/** Where specs put their screenshots (created here). */
export const shots = `${root}target/e2e-results/screenshots`;
mkdirSync(shots, { recursive: true });

// The CLI is the oracle: built once (a no-op when it is current), then run directly.
execFileSync('cargo', ['build', '--quiet', '-p', 'decision-guide-cli'], { cwd: root, stdio: 'inherit' });

/** Runs the CLI with `input` on stdin; returns its stdout (throws on a non-zero exit, with `stderr`). */
export function cli(args, input = '') {
  return execFileSync(`${root}target/debug/decision-guide`, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** The built-in guide as the CLI prints it. */
export const guide = JSON.parse(cli(['guide']));

/** The CLI's result for each preset, by preset id. */
export const expected = Object.fromEntries(guide.presets.map((p) => [p.id, JSON.parse(cli(['classify', '--preset', p.id]))]));

/**
 * What the CLI says for `answers`: for one answers object, its result; for
 * an array of answers objects, their results in order (one JSON Lines run).
 */
export function classify(answers) {
  if (!Array.isArray(answers)) return JSON.parse(cli(['classify'], JSON.stringify(answers)));
  const out = cli(['classify'], answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

/** The value of the preset picker's option for preset `id`. */
export function presetValue(id) {
  const i = guide.presets.findIndex((p) => p.id === id);
  if (i < 0) throw new Error(`no preset ${id}`);
  return String(i);
}

/**
 * Waits until every guide matching `selector` in `scope` (a Page, a Frame,
 * or a FrameLocator: the frame its iframe holds) is live, its wasm having
 * taken over; says which are not when the time is up.
 */
export async function ready(scope, selector = 'decision-guide', timeout = 10_000) {
  const frame = typeof scope.waitForFunction === 'function' ? scope : await (await scope.owner().elementHandle()).contentFrame();
  await frame.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].length > 0
      && [...document.querySelectorAll(sel)].every((el) => el.shadowRoot?.querySelector('.dg')?.dataset.live === 'true'),
    selector,
    { timeout },
  ).catch(async (e) => {
    const state = await frame.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => `${el.id || el.tagName}: ${el.shadowRoot ? `live=${el.shadowRoot.querySelector('.dg')?.dataset.live}` : 'no shadow root'}`), selector).catch(() => []);
    throw new Error(`guides "${selector}" not live within ${timeout} ms: ${state.join('; ')}\n${e.message}`);
  });
}

/**
 * Adds a <decision-guide> to the page's `parent` (a selector): with `id`,
 * `attributes` (name → value) and, when given, `answers` set as a
 * property before it is connected. Does not wait for it: `ready` does.
 */
export async function addGuide(page, { id, attributes = {}, answers, parent = '#a' } = {}) {
  await page.evaluate(({ id, attributes, answers, parent }) => {
    const el = document.createElement('decision-guide');
    if (id) el.id = id;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    if (answers !== undefined) el.answers = answers;
    document.querySelector(parent).append(el);
  }, { id, attributes, answers, parent });
}

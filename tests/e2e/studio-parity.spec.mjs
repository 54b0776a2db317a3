// The guide studio and the command line report the same: every guide in
// crates/core/tests/broken/, the two shipped guides and guides generated
// from the built-in one (each rule sent to another path, each rule moved
// first) are checked by the studio's worker (dist/studio/worker.js, the
// custom-guides wasm) and by `decision-guide check --format json`, and the
// generated ones are compared with the built-in guide by the worker and by
// `decision-guide diff --format json --cases`. The two must be equal, value
// for value: errors with their lines, findings with their examples, moves
// with their counts and examples, changed cases and texts.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.mjs';

const bin = `${root}target/debug/decision-guide`;
const brokenDir = `${root}crates/core/tests/broken`;
const builtinPath = `${root}crates/core/guides/openai-on-aws.json`;
const casesToml = `${root}crates/core/guides/openai-on-aws.cases.toml`;
const casesJson = readFileSync(`${root}dist/studio/openai-on-aws.cases.json`, 'utf8');
/** The studio shows five examples a finding (src/studio.rs, EXAMPLES). */
const EXAMPLES = '5';

/** The CLI's JSON for `args` (it exits 1 for a guide that fails: the JSON is still the answer). */
function cliJson(args) {
  const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (!run.stdout) throw new Error(`decision-guide ${args.join(' ')}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Guides made from the built-in one: every rule sent to the next path, and every rule moved first. */
function generated() {
  const base = JSON.parse(readFileSync(builtinPath, 'utf8'));
  const paths = base.paths.map((p) => p.id);
  const out = [];
  base.rules.forEach((rule, i) => {
    const g = structuredClone(base);
    g.rules[i].path = paths[(paths.indexOf(rule.path) + 1) % paths.length];
    out.push([`rule ${rule.id} → ${g.rules[i].path}`, g]);
    if (i > 0 && rule.when) {
      const h = structuredClone(base);
      h.rules.unshift(...h.rules.splice(i, 1));
      out.push([`rule ${rule.id} first`, h]);
    }
  });
  return out.map(([name, g]) => [name, JSON.stringify(g, null, 2)]);
}

/** Runs jobs through the studio's worker in a page; returns the results in order. */
async function throughWorker(page, jobs) {
  await page.goto('/studio.html');
  return page.evaluate(async (jobs) => {
    const worker = new Worker('/studio/worker.js', { type: 'module' });
    const results = [];
    for (const [i, job] of jobs.entries()) {
      results.push(await new Promise((resolve) => {
        worker.onmessage = ({ data }) => resolve(data.failed ? { failed: data.failed } : data.result);
        worker.postMessage({ id: i, ...job });
      }));
    }
    worker.terminate();
    return results;
  }, jobs);
}

test('the studio and `decision-guide check` report the same for every broken, shipped and generated guide', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'dg-parity-'));
  try {
    const guides = [
      ...readdirSync(brokenDir).filter((f) => f.endsWith('.json')).sort().map((f) => [f, readFileSync(join(brokenDir, f), 'utf8'), join(brokenDir, f)]),
      ['openai-on-aws.json', readFileSync(builtinPath, 'utf8'), builtinPath],
      ['always-bedrock.json', readFileSync(`${root}crates/core/guides/examples/always-bedrock.json`, 'utf8'), `${root}crates/core/guides/examples/always-bedrock.json`],
      ...generated().map(([name, text], i) => {
        const file = join(dir, `generated-${i}.json`);
        writeFileSync(file, text);
        return [name, text, file];
      }),
    ];
    expect(guides.length).toBeGreaterThan(60);
    const studio = await throughWorker(page, guides.map(([, text]) => ({ kind: 'check', text, cases: '' })));
    let findings = 0;
    let errors = 0;
    guides.forEach(([name, , file], i) => {
      const cli = cliJson(['check', file, '--format', 'json', '--limit', EXAMPLES]);
      expect(studio[i], name).toEqual(cli);
      findings += cli.proof?.findings.length ?? 0;
      errors += cli.errors.length;
    });
    // The comparison covered guides refused, unsound and sound.
    expect(errors).toBeGreaterThan(30);
    expect(findings).toBeGreaterThan(10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the studio and `decision-guide diff` show the same decision diff for every generated edit', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'dg-parity-'));
  try {
    const base = readFileSync(builtinPath, 'utf8');
    const edits = generated().map(([name, text], i) => {
      const file = join(dir, `generated-${i}.json`);
      writeFileSync(file, text);
      return [name, text, file];
    });
    const studio = await throughWorker(page, edits.map(([, text]) => ({ kind: 'diff', old: base, text, cases: casesJson })));
    let moved = 0;
    edits.forEach(([name, , file], i) => {
      const cli = cliJson(['diff', builtinPath, file, '--cases', casesToml, '--format', 'json']);
      expect(studio[i], name).toEqual(cli);
      if (cli.moved !== '0') moved += 1;
    });
    expect(moved).toBeGreaterThan(10);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

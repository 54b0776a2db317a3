// Tests of the static server (serve.mjs): what it serves from dist/ and www/
// and with which headers, that nothing outside those roots is ever served
// (encoded `..`, `%2e%2e`, backslashes, absolute paths, symlinks), that a
// malformed URL gets a 400 and the server keeps answering, and that it
// listens on 127.0.0.1 only.
//
// Most requests go through Playwright's `request` fixture to the server the
// config's webServer started. Paths that a URL parser would clean up before
// sending (`%2e%2e`, backslashes, absolute-form targets) go out byte for byte
// through node:http instead. Symlinks and MIME types are checked on a second
// server (createStaticServer from serve.mjs) over a temporary directory, so
// the tests never write into dist/ or www/.
import { test, expect } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.mjs';
import { createStaticServer } from './serve.mjs';

// A file just outside both roots, and a line of it that must never show up.
const secret = readFileSync(join(root, 'Cargo.toml'), 'utf8').split('\n').find((l) => l.trim().length > 8);

/** Sends `path` exactly as written (no normalisation); resolves { status, headers, body }. */
function raw(baseURL, path, method = 'GET') {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('static server over dist/ and www/', () => {
  test('serves dist/ at / and www/ at /www/, with MIME types and no-store', async ({ request }) => {
    const cases = [
      ['/', 'text/html'],
      ['/index.html', 'text/html'],
      ['/decision-guide.js', 'text/javascript'],
      ['/decision-guide_bg.wasm', 'application/wasm'],
      ['/www/blog-post.html', 'text/html'],
    ];
    for (const [path, type] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type'], path).toContain(type);
      expect(res.headers()['cache-control'], path).toBe('no-store');
    }
    // "/" is dist/index.html, byte for byte.
    expect(await (await request.get('/')).body()).toEqual(readFileSync(join(root, 'dist/index.html')));
    // A directory without its slash is sent to it.
    const www = await request.get('/www', { maxRedirects: 0 });
    expect(www.status()).toBe(301);
    expect(www.headers().location).toBe('/www/');
  });

  test('unknown files are 404; methods other than GET and HEAD are 405', async ({ request }) => {
    for (const path of ['/nope.js', '/www/nope.html', '/www/blog-post', '/etc/passwd', '/www/.gitignore', '/.gitignore']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()['cache-control'], path).toBe('no-store');
    }
    const head = await request.head('/decision-guide.js');
    expect(head.status()).toBe(200);
    expect((await request.post('/decision-guide.js', { data: 'x' })).status()).toBe(405);
  });

  test('nothing outside dist/ and www/ is served, however the path is spelled', async ({ baseURL }) => {
    const attempts = [
      '/../Cargo.toml',
      '/www/../Cargo.toml',
      '/..%2fCargo.toml',
      '/..%2FCargo.toml',
      '/www/..%2f..%2fCargo.toml',
      '/%2e%2e/Cargo.toml',
      '/www/%2e%2e/%2e%2e/Cargo.toml',
      '/www/%2E%2E/Cargo.toml',
      '/%252e%252e/Cargo.toml',
      '/..\\Cargo.toml',
      '/www/..\\..\\Cargo.toml',
      '/www/..%5c..%5cCargo.toml',
      '/%2fwork%2fmain%2fCargo.toml',
      `/${root}Cargo.toml`,
      `//${root}Cargo.toml`,
      '/www/%00/../Cargo.toml',
      'http://127.0.0.1/../Cargo.toml',
      '*',
    ];
    for (const path of attempts) {
      const res = await raw(baseURL, path);
      expect([400, 404], `${path} → ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain(secret);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  test('a malformed URL gets a 400 and the server keeps answering', async ({ request, baseURL }) => {
    for (const path of ['/%E0%A4%A', '/www/%E0%A4%A', '/%', '/%zz', '/www/%C0%AF']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      // Still alive: the next request is served.
      expect((await request.get('/decision-guide.js')).status(), `after ${path}`).toBe(200);
    }
    // Once more, byte for byte, in case a client had re-encoded the path.
    expect((await raw(baseURL, '/%E0%A4%A')).status).toBe(400);
    expect((await raw(baseURL, '/www/blog-post.html')).status).toBe(200);
    // A backwards Range (which throws inside sirv) is ignored: the whole file.
    const ranged = await request.get('/www/blog-post.html', { headers: { range: 'bytes=5-2' } });
    expect(ranged.status()).toBe(200);
    expect((await request.get('/decision-guide.js')).status(), 'after a backwards Range').toBe(200);
  });

  test('it listens on 127.0.0.1 only', async ({ baseURL }) => {
    const { port } = new URL(baseURL);
    const others = Object.values(networkInterfaces()).flat()
      .filter((a) => a && !a.internal)
      .map((a) => a.address)
      .concat(['::1']);
    for (const host of others) {
      const outcome = await new Promise((resolve) => {
        const s = connect({ host, port: Number(port) });
        s.setTimeout(2000, () => { s.destroy(); resolve('timeout'); });
        s.on('connect', () => { s.destroy(); resolve('connected'); });
        s.on('error', (e) => resolve(e.code));
      });
      expect(outcome, `${host}:${port}`).not.toBe('connected');
    }
  });
});

test.describe('static server over a temporary directory', () => {
  let dir, server, base;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serve-spec-'));
    const site = join(dir, 'site');
    const outside = join(dir, 'outside');
    mkdirSync(join(site, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>root</title>');
    writeFileSync(join(site, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
    writeFileSync(join(site, 'a.js'), 'export {};');
    writeFileSync(join(site, 'a.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
    writeFileSync(join(site, 'a.json'), '{}');
    writeFileSync(join(site, 'a.css'), 'p {}');
    writeFileSync(join(site, 'x%y.txt'), 'percent');
    writeFileSync(join(outside, 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(dir, 'site-sibling.txt'), 'TOP SECRET');
    // Links out of the root (a file and a directory), and one that stays in.
    symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
    symlinkSync(outside, join(site, 'leakdir'));
    symlinkSync(join(site, 'a.js'), join(site, 'inside.js'));
    server = createStaticServer([{ prefix: '/', dir: site }]);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test('MIME types for .wasm, .js, .html, .json and .css; a directory is its index.html', async ({ request }) => {
    const cases = [
      ['/', 'text/html', 'root'],
      ['/sub/', 'text/html', 'sub'],
      ['/a.js', 'text/javascript'],
      ['/a.wasm', 'application/wasm'],
      ['/a.json', 'application/json'],
      ['/a.css', 'text/css'],
      ['/x%25y.txt', 'text/plain', 'percent'],
      ['/inside.js', 'text/javascript'],
    ];
    for (const [path, type, text] of cases) {
      const res = await request.get(base + path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type'], path).toContain(type);
      expect(res.headers()['cache-control'], path).toBe('no-store');
      if (text) expect(await res.text(), path).toContain(text);
    }
    const sub = await request.get(`${base}/sub`, { maxRedirects: 0 });
    expect(sub.status()).toBe(301);
    expect(sub.headers().location).toBe('/sub/');
  });

  test('symlinks out of the root and sibling directories are refused', async () => {
    for (const path of ['/leak.txt', '/leakdir/secret.txt', '/leakdir/', '/../site-sibling.txt', '/..%2fsite-sibling.txt', '/%2e%2e/outside/secret.txt']) {
      const res = await raw(base, path);
      expect([400, 404], `${path} → ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain('TOP SECRET');
    }
  });
});

// A static file server for dist/ (at /), www/ (at /www/), the benchmark's
// generated pages (target/bench-pages/, at /bench-pages/) and Vue's browser
// builds from node_modules (at /vendor/vue/, for www/hosts/vue.html), on 127.0.0.1
// only: what `cargo xtask serve`, the end-to-end tests (Playwright's
// webServer) and the browser benchmark (tests/bench/measure.mjs) run.
//
//   node tests/e2e/serve.mjs [PORT]     PORT defaults to 8080; 0 picks a free
//                                       port (the line printed says which)
//
// Files are sent by sirv (MIME types, lengths, streaming). This file is the
// gate in front of it, and refuses before sirv sees the request:
// - a path that is not valid percent-encoding (`/%E0%A4%A`): 400, and the
//   server keeps running;
// - `.` or `..` segments, however spelled (`..%2f`, `%2e%2e`), encoded
//   slashes, backslashes, NUL bytes, empty segments (`//`), absolute-form
//   or `*` targets: 400;
// - dotfiles, and any file whose real path (symlinks resolved) is outside
//   its root: 404;
// - methods other than GET and HEAD: 405.
// A directory is answered with its index.html (a directory asked for
// without its final slash is redirected to it first). Every response says
// `cache-control: no-store` and `access-control-allow-origin: *` (public
// files, loadable from a sandboxed iframe's opaque origin, as GitHub Pages
// serves them). Range requests are ignored (whole files only).
//
// `createStaticServer(mounts)` is exported for tests that need a server
// over other directories; importing this file starts nothing.
import { createServer } from 'node:http';
import { realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The default mounts: URL prefix (ending in /) → directory. First match wins. */
export const defaultMounts = [
  { prefix: '/www/', dir: join(root, 'www') },
  // The guides as data (the built-in one and the worked example of a
  // team's own), read-only, for the pages that load a guide by guide-src.
  { prefix: '/guides/', dir: join(root, 'crates/core/guides') },
  // The broken guides, one mistake each, for the test that runs them all
  // through guide-src against the CLI.
  { prefix: '/broken/', dir: join(root, 'crates/core/tests/broken') },
  // The dev loop's page as `trunk build` leaves it, for the test that it
  // starts as dist/ does.
  { prefix: '/dev/', dir: join(root, 'target/trunk') },
  // The benchmark's generated baselines (tests/bench/measure.mjs writes them).
  { prefix: '/bench-pages/', dir: join(root, 'target/bench-pages') },
  // Vue's browser builds, read-only, for the framework host page www/hosts/vue.html.
  { prefix: '/vendor/vue/', dir: join(root, 'node_modules/vue/dist') },
  { prefix: '/', dir: join(root, 'dist') },
];

/** A plain-text response that is never cached. */
function reply(res, status, text, headers = {}) {
  if (res.headersSent) { res.destroy(); return; }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(`${text}\n`);
}

/** The real path of `path`, or null when it does not exist. */
function real(path) {
  try { return realpathSync(path); } catch { return null; }
}

/**
 * Decides what one request gets: `{ status, text, headers? }` to refuse it,
 * or `{ mount, rel }` (a decoded path inside the mount, starting with /) to
 * serve a file. Pure apart from reading the file system.
 */
export function route(mounts, rawUrl) {
  // Only origin-form targets ("/path?query"); not "http://host/…" nor "*".
  if (typeof rawUrl !== 'string' || !rawUrl.startsWith('/')) return { status: 400, text: 'bad request target' };
  const cut = rawUrl.search(/[?#]/);
  const encoded = cut === -1 ? rawUrl : rawUrl.slice(0, cut);
  if (/%2f|%5c/i.test(encoded)) return { status: 400, text: 'encoded slash in path' };
  let path;
  try { path = decodeURIComponent(encoded); } catch { return { status: 400, text: 'malformed percent-encoding in path' }; }
  if (path.includes('\\') || path.includes('\0')) return { status: 400, text: 'backslash or NUL in path' };
  if (path.includes('//')) return { status: 400, text: 'empty segment in path' };
  const segments = path.split('/');
  if (segments.some((s) => s === '.' || s === '..')) return { status: 400, text: 'dot segment in path' };

  // The mount: "/www" alone is "/www/" without its slash.
  if (mounts.some((m) => m.prefix !== '/' && path === m.prefix.slice(0, -1))) {
    return { status: 301, text: 'moved', headers: { location: `${encoded}/` } };
  }
  const mount = mounts.find((m) => path.startsWith(m.prefix));
  if (!mount) return { status: 404, text: 'not found' };
  let rel = path.slice(mount.prefix.length - 1);
  // Hidden files, and names sirv would read as a query or fragment.
  if (segments.some((s) => s.startsWith('.') || s.includes('?') || s.includes('#'))) return { status: 404, text: 'not found' };

  const base = real(mount.dir);
  if (!base) return { status: 404, text: 'not found' };
  if (rel.endsWith('/')) rel += 'index.html';
  const file = real(join(mount.dir, rel));
  // Symlinks may point anywhere: what counts is where the file really is.
  if (!file || !file.startsWith(base + sep)) return { status: 404, text: 'not found' };
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return { status: 301, text: 'moved', headers: { location: `${encoded}/` } };
  if (!stats?.isFile()) return { status: 404, text: 'not found' };
  return { mount, rel };
}

/**
 * An http.Server (not yet listening) over `mounts`. `cors: false` leaves
 * out Access-Control-Allow-Origin, as a plain static host does.
 */
export function createStaticServer(mounts = defaultMounts, { cors = true } = {}) {
  mounts = mounts.map((m) => ({
    ...m,
    dir: resolve(m.dir),
    // dev: look files up on every request (dist/ is rebuilt under a running
    // server); extensions: [] so "/a" is never silently "/a.html".
    send: sirv(resolve(m.dir), {
      dev: true,
      extensions: [],
      dotfiles: false,
      etag: false,
      setHeaders: (res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Public files: a page in a sandboxed iframe (an opaque origin)
        // may load them, as from GitHub Pages, which sends the same.
        if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
      },
      onNoMatch: (_req, res) => reply(res, 404, 'not found'),
    }),
  }));
  return createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        reply(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
        return;
      }
      const r = route(mounts, req.url);
      if (r.status) {
        reply(res, r.status, r.status === 404 ? `not found: ${req.url}` : r.text, r.headers);
        return;
      }
      // sirv pipes a read stream into the response without an error handler;
      // a file deleted between our check and its open must not kill us.
      res.once('pipe', (stream) => stream.on('error', (err) => {
        console.error(`serve: reading ${r.rel}: ${err.message}`);
        res.destroy();
      }));
      delete req.headers.range;
      // sirv decodes the path again with decodeURI: hand it the checked path,
      // with only '%' escaped.
      req.url = r.rel.replace(/%/g, '%25');
      r.mount.send(req, res);
    } catch (err) {
      console.error(`serve: ${req.method} ${req.url}: ${err.stack || err}`);
      reply(res, 500, 'internal error');
    }
  });
}

/** Parses the port argument: an integer 0..65535 (0: any free port). */
function parsePort(arg) {
  if (arg === undefined) return 8080;
  const n = Number(arg);
  if (!/^\d+$/.test(arg) || n > 65535) {
    console.error(`usage: node tests/e2e/serve.mjs [PORT]  (PORT: 0-65535, default 8080; got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  return n;
}

// Run as a program (not when imported by a test).
if (process.argv[1] && real(process.argv[1]) === real(fileURLToPath(import.meta.url))) {
  const port = parsePort(process.argv[2]);
  const server = createStaticServer();
  server.on('error', (err) => {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`serving dist/ and www/ on http://127.0.0.1:${server.address().port}/`);
  });
}

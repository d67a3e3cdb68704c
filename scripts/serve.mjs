// A small static server for the demo and the end-to-end tests: `/` is www/,
// `/pkg/` is the build output; the card's own files (element, styles, host
// script, pkg/) come from the built package dist/package/ when it exists, so
// the demo and the tests run the minified files that ship. Serves .wasm as
// application/wasm, as instantiateStreaming requires, and nothing outside
// those folders.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/pkg/', join(root, 'pkg')],
  // Datasets the end-to-end tests load with the card's src attribute.
  ['/test-fixtures/', join(root, 'tests/fixtures')],
  ['/test-invalid/', join(root, 'tests/invalid')],
  ['/', join(root, 'www')],
];
// Pages served with their own headers, as a publisher's server would.
// Exactly the policy the README gives publishers.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const pageHeaders = { '/strict-csp.html': { 'content-security-policy': STRICT_CSP } };

// Compressed as a web server or CDN would, so transfer sizes are realistic.
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.csv']);
const gzipped = new Map();

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

const shipped = join(root, 'dist', 'package');
const shippedFiles = new Set(['/relations-card.js', '/relations-card.css', '/embed-host.js', '/relations-card.html']);

function fileFor(urlPath, extraMounts) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.endsWith('/')) path += 'index.html';
  if (shippedFiles.has(path) || path.startsWith('/pkg/')) {
    const file = normalize(join(shipped, path));
    if (file.startsWith(shipped + sep) && existsSync(file)) return file;
  }
  for (const [prefix, dir] of [...extraMounts, ...mounts]) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

/** Starts the server; port 0 picks a free one. For the load benchmark,
 * `pages` maps paths to files served from memory (its variants of the demo
 * page, which it must not fetch through an interception that slows every
 * request) and `extraMounts` adds [prefix, folder] pairs (what it compares
 * the card with). Resolves to { server, url }. */
export function startServer({ port = 0, host = '127.0.0.1', pages = {}, extraMounts = [] } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const page = Object.hasOwn(pages, pathname) ? pages[pathname] : null;
    // A page from memory goes by its path: its type, and its place in the gzip cache.
    const file = page === null ? fileFor(pathname, extraMounts) : pathname;
    try {
      if (!file) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let body = page === null ? await readFile(file) : Buffer.from(page);
      const headers = {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...pageHeaders[pathname],
      };
      if (compressible.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        const cached = gzipped.get(file);
        if (!cached || !cached.raw.equals(body)) gzipped.set(file, { raw: body, gz: gzipSync(body, { level: 9 }) });
        body = gzipped.get(file).gz;
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      response.writeHead(200, headers);
      response.end(body);
    } catch (error) {
      const missing = error.code === 'ENOENT' || error.code === 'EISDIR';
      response.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(missing ? 'not found\n' : 'server error\n');
    }
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await startServer({ port });
  console.log(`relations-card demo: ${url}  (Ctrl-C to stop)`);
}

#!/usr/bin/env node
/**
 * Serves the production build the way a static host does: gzip-compressed, long-lived caching
 * for hashed assets, `/page` → `page.html`, the site's 404 page for anything else.
 * Used by `npm run serve` and by the browser tests. No dependencies beyond Node.
 *
 *   node tests/browser/serve.mjs [--port 3000] [--dir build] [--host 127.0.0.1]
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|csv|txt|xml|ttf)$/;

/**
 * Start a server for `dir`; resolves with `{ url, close }`. `base` is the site's base URL (a build
 * made with BASE_URL=/course/ is served under /course/, as GitHub Pages serves a project site).
 */
export function startServer({ dir = 'build', port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const root = path.resolve(dir);
  const gzipCache = new Map();

  function resolveFile(urlPath) {
    const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')];
    for (const candidate of candidates) {
      const full = path.join(root, candidate);
      if (full.startsWith(root) && fs.existsSync(full) && fs.statSync(full).isFile()) return full;
    }
    return null;
  }

  const server = http.createServer((req, res) => {
    const fullPath = new URL(req.url ?? '/', 'http://x').pathname;
    const urlPath = fullPath.startsWith(base) ? `/${fullPath.slice(base.length)}` : null;
    let file = urlPath === null ? null : resolveFile(urlPath);
    let status = 200;
    if (!file) {
      file = path.join(root, '404.html');
      status = 404;
    }
    const ext = path.extname(file);
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': fullPath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    let body = fs.readFileSync(file);
    if (COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = `${file}:${fs.statSync(file).mtimeMs}`;
      if (!gzipCache.has(key)) gzipCache.set(key, zlib.gzipSync(body, { level: 9 }));
      body = gzipCache.get(key);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const dir = arg('dir', 'build');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No build in ${dir}/: run "npm run build" first.`);
    process.exit(1);
  }
  const { url } = await startServer({ dir, port: Number(arg('port', 3000)), host: arg('host', '127.0.0.1') });
  console.log(`Serving ${dir}/ (gzip) at ${url}`);
}

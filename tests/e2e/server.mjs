// A static file server that behaves like a CDN serving dist/ under a sub-path: correct content
// types (application/wasm), brotli or gzip when the browser accepts them, 404 for anything
// missing (no SPA fallback), nothing outside the folder.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` at `prefix` on a free loopback port; resolves to { origin, url, close }.
 * `overrides` maps a path under the prefix (`content.json`) to the text served instead of the file:
 * for browsers the tests cannot intercept requests in.
 */
export function serve({ root, prefix = '/', overrides = {} }) {
  const base = path.resolve(root);
  // Compressed once per file, as a CDN would cache it (brotli at quality 11 takes seconds).
  const compressed = new Map();
  const compress = (file, encoding, body) => {
    const key = `${encoding}:${file}`;
    if (!compressed.has(key)) {
      compressed.set(key, encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 }));
    }
    return compressed.get(key);
  };
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = path.resolve(base, '.' + decodeURIComponent(pathname.slice(prefix.length - 1)));
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const relative = path.relative(base, file).split(path.sep).join('/');
    let body = relative in overrides ? Buffer.from(overrides[relative]) : fs.readFileSync(file);
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    };
    const accepts = req.headers['accept-encoding'] ?? '';
    for (const encoding of ['br', 'gzip']) {
      if (accepts.includes(encoding)) {
        body = compress(file, encoding, body);
        headers['content-encoding'] = encoding;
        break;
      }
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({ origin, url: origin + prefix, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// A static file server that behaves like a CDN serving dist/ under a sub-path: correct content
// types (application/wasm), brotli or gzip when the browser accepts them, 404 for anything
// missing (no SPA fallback), nothing outside the folder, and the headers of the build's
// `_headers` file applied the way Netlify and Cloudflare Pages do, with ETag validators
// (a 304 for a revalidated file that did not change).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
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
 * Reads a `_headers` file: blocks of a path pattern (`*` matches anything) followed by indented
 * `Name: value` lines. Returns [{ pattern: RegExp, headers: [[name, value]] }], in file order.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ path: line.trim(), pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      if (rules.length === 0 || at < 0) throw new Error(`_headers: a header line outside a rule or without a colon: ${line}`);
      rules.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers `rules` give `pathname`; every matching rule applies, a later one wins a clash. */
export function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) out[name] = value;
  }
  return out;
}

// Compressed bodies kept across servers and runs, by the hash of what was compressed: each e2e spec
// file starts its own server, and brotli at quality 11 takes seconds on the .wasm.
const COMPRESSED = path.join(os.tmpdir(), 'llm-watch-e2e-compressed');

/** `body` compressed with `encoding` (`br` or `gzip`), from the cache when done before. */
function compressCached(encoding, body) {
  const file = path.join(COMPRESSED, `${crypto.createHash('sha256').update(body).digest('hex')}.${encoding}`);
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const out = encoding === 'br' ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 });
  try {
    fs.mkdirSync(COMPRESSED, { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, out);
    fs.renameSync(partial, file); // whole or not at all, for a reader in another process
  } catch {
    // A cache that cannot be written only costs time.
  }
  return out;
}

/**
 * Serves `root` at `prefix` on a free loopback port; resolves to { origin, url, close }.
 * `overrides` maps a path under the prefix (`content.json`) to the text served instead of the file:
 * for browsers the tests cannot intercept requests in.
 */
export function serve({ root, prefix = '/', overrides = {} }) {
  const base = path.resolve(root);
  const headersPath = path.join(base, '_headers');
  const rules = fs.existsSync(headersPath) ? parseHeadersFile(fs.readFileSync(headersPath, 'utf8')) : [];
  // Compressed once per file, as a CDN would cache it (brotli at quality 11 takes seconds).
  const compressed = new Map();
  const compress = (file, encoding, body) => {
    const key = `${encoding}:${file}`;
    if (!compressed.has(key)) {
      compressed.set(key, compressCached(encoding, body));
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
    const etag = `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...headersFor(rules, pathname),
      etag,
      vary: 'accept-encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
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

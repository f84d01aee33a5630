// End-to-end: the release build's headers as a CDN serves them. The test server applies the
// build's `_headers` the way Netlify and Cloudflare Pages do, so a policy or caching rule the
// build wrote wrongly fails here instead of shipping unseen.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { serve } from './server.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
// Every stylesheet, script and wasm in the build is Trunk's, named by its content hash (public/
// holds none). Told by their kind, not by the hash's look: Trunk writes the hash without leading
// zeros, and a test matching 16 digits agreed with a rule that sent a 15-digit name to no-cache.
const HASHED = /\.(css|js|wasm)$/;

let server;

before(async () => {
  assert.ok(fs.existsSync(`${DIST}/_headers`), `no _headers in ${DIST}: run make e2e-build`);
  server = await serve({ root: DIST, prefix: '/llm-watch/' });
});

after(async () => {
  await server?.close();
});

/** Every file the build wrote, as a path under the site (the `_headers` file itself is not served
 * as a page by the hosts that read it). */
function builtFiles(dir = DIST, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix + entry.name;
    if (entry.isDirectory()) return builtFiles(path.join(dir, entry.name), `${name}/`);
    return name.startsWith('_') ? [] : [name];
  });
}

describe('the headers as served', () => {
  test('content-hashed files are cached for a year as immutable; the page, content.json, the feed and the rest revalidate', async () => {
    const files = builtFiles();
    assert.ok(files.some((f) => f.endsWith('_bg.wasm')) && files.includes('content.json') && files.includes('feed.xml'), files.join(' '));
    for (const file of [...files, '']) {
      const response = await fetch(server.url + file);
      assert.equal(response.status, 200, file);
      const caching = response.headers.get('cache-control');
      if (HASHED.test(file)) assert.equal(caching, 'public, max-age=31536000, immutable', file);
      else assert.equal(caching, 'no-cache', file || '(the directory)');
    }
  });

  test("every response carries the security headers, and the page's policy header is its meta policy plus frame-ancestors", async () => {
    const response = await fetch(server.url);
    const html = await response.text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1].replaceAll('&#39;', "'");
    assert.equal(response.headers.get('content-security-policy'), `${meta}; frame-ancestors 'none'`);
    for (const file of builtFiles()) {
      const headers = (await fetch(server.url + file)).headers;
      assert.equal(headers.get('x-content-type-options'), 'nosniff', file);
      assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', file);
    }
  });

  test('a revalidated file that did not change answers 304, and .wasm is served as application/wasm', async () => {
    const first = await fetch(`${server.url}content.json`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}content.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const wasm = builtFiles().find((f) => f.endsWith('.wasm'));
    assert.equal((await fetch(server.url + wasm)).headers.get('content-type'), 'application/wasm');
  });
});

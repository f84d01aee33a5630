// What every Chromium spec file over the article shares: the release build served like a CDN under
// a sub-path, one headless Chromium, the content bundle the build shipped, and `withPage`, which
// runs a test on a fresh page and fails it on any Content-Security-Policy violation. Importing
// this module registers the `before` and `after` hooks of the importing file.
// DIST (default ../../target/e2e-dist) must be a `trunk build --release --public-url /llm-watch/`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';

import { ArticlePage } from './article_page.mjs';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';

export const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
export const PREFIX = '/llm-watch/';

// Live bindings: set by `before`, read by the tests once it has run.
export let server;
export let browser;
export let bundle;

before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), `no release build in ${DIST}: run make e2e-build`);
  server = await serve({ root: DIST, prefix: PREFIX });
  browser = await launch();
  bundle = JSON.parse(fs.readFileSync(`${DIST}/content.json`, 'utf8'));
  fs.mkdirSync(new URL('./artifacts', import.meta.url), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Where a test's screenshot or PDF goes: tests/e2e/artifacts/NAME. */
export function artifact(name) {
  return new URL(`./artifacts/${name}`, import.meta.url).pathname;
}

/** Holds back content.json until the returned function is called (the prerendered page waits). */
export async function holdContent(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content.json', async (route) => { await held; await route.continue(); });
  return release;
}

/** Answers content.json with `content` (an edited copy of the bundle) instead of the file. */
export async function serveContent(page, content) {
  await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(content) }));
}

/**
 * Runs `body` on a fresh page. Every test, whatever it drives (loading, failures, each control,
 * the chart views, printing), also proves the CSP was never violated on the way.
 */
export async function withPage(options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(new ArticlePage(page, server.url), page, problems);
    assert.deepEqual(problems.filter((p) => p.startsWith('csp:')), [], 'no Content-Security-Policy violations');
  } finally {
    await context.close();
  }
}

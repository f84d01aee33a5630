// The smoke test in Firefox ESR and WebKitGTK (the full suite runs in Chromium): the release build
// renders, a sort changes the cards and the URL, Back restores, nothing throws, and hostile
// Markdown stays text. Both engines come from Debian (scripts/install-test-deps.sh installs them).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { available, start } from './engines.mjs';
import { serve } from './server.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const PREFIX = '/llm-watch/';

let server;
let hostileServer;
let bundle;

before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), `no release build in ${DIST}: run make e2e-build`);
  bundle = JSON.parse(fs.readFileSync(`${DIST}/content.json`, 'utf8'));
  const hostile = structuredClone(bundle);
  hostile.article.markdown +=
    '\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n' +
    '[click me](jav&#x09;ascript:window.__pwned=3) and [mail](mailto:a@b.org)\n';
  server = await serve({ root: DIST, prefix: PREFIX });
  hostileServer = await serve({ root: DIST, prefix: PREFIX, overrides: { 'content.json': JSON.stringify(hostile) } });
});

after(async () => {
  await server?.close();
  await hostileServer?.close();
});

/** Family names in the order a descending sort by largest parameter count shows them. */
function byLargestParamsDescending() {
  const largest = (family) => Math.max(...family.variants.map((v) => v.params_b.value ?? -Infinity));
  return [...bundle.models.families].sort((a, b) => largest(b) - largest(a)).map((f) => f.name);
}

const live = () => document.querySelector('#app:not([data-prerendered]) h1.article__title') !== null;
const cardTitles = () => [...document.querySelectorAll('.model-card__title')].map((e) => e.textContent.trim());
/** Errors from the moment it runs; WebKit's driver has no console events, so the page keeps them. */
const recordErrors = () => {
  window.__smokeErrors = [];
  addEventListener('error', (e) => window.__smokeErrors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__smokeErrors.push(String(e.reason)));
  addEventListener('securitypolicyviolation', (e) => window.__smokeErrors.push(`csp: ${e.violatedDirective}`));
  return true;
};
const pageState = () => ({
  errors: window.__smokeErrors ?? ['not recording'],
  bootNotice: document.getElementById('boot-notice')?.hidden === false ? document.getElementById('boot-notice').textContent : null,
  alerts: [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent),
});
const choose = ([id, value]) => {
  const select = document.getElementById(id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
};

for (const engine of ['firefox', 'webkit']) {
  describe(`smoke in ${engine === 'firefox' ? 'Firefox ESR' : 'WebKitGTK'}`, () => {
    let session;
    before(async () => {
      assert.ok(available()[engine], `${engine} is not installed: run scripts/install-test-deps.sh`);
      session = await start(engine);
    });
    after(async () => {
      await session?.close();
    });

    test('renders the release build; a sort changes the cards and the URL; Back restores; nothing throws', async () => {
      await session.goto(server.url);
      await session.waitFor(live, undefined, { what: 'the live app' });
      await session.evaluate(recordErrors);
      const initial = await session.evaluate(cardTitles);
      assert.deepEqual([...initial].sort(), bundle.models.families.map((f) => f.name).sort(), 'all five cards');
      assert.notDeepEqual(initial, byLargestParamsDescending(), 'the default order is not the one tested');

      await session.evaluate(choose, ['sort-key', 'params']);
      await session.evaluate(choose, ['sort-direction', 'desc']);
      const expected = byLargestParamsDescending();
      await session.waitFor((want) => JSON.stringify([...document.querySelectorAll('.model-card__title')].map((e) => e.textContent.trim())) === want, JSON.stringify(expected), { what: `cards in order ${expected}` });
      assert.match(await session.url(), /[?&]sort=params/);
      assert.match(await session.url(), /[?&]dir=desc/);

      // WebDriver's own back() lands on about:blank in WebKitGTK; history.back() is what a reader's Back does.
      await session.evaluate(() => { history.back(); return true; });
      await session.evaluate(() => { history.back(); return true; });
      await session.waitFor((want) => JSON.stringify([...document.querySelectorAll('.model-card__title')].map((e) => e.textContent.trim())) === want, JSON.stringify(initial), { what: 'the default order again' });
      assert.doesNotMatch(await session.url(), /sort=params/);

      const state = await session.evaluate(pageState);
      assert.deepEqual(state, { errors: [], bootNotice: null, alerts: [] });
      assert.deepEqual(session.problems, []);
    });

    test('raw HTML and script links in the Markdown are shown as text and never run', async () => {
      await session.goto(hostileServer.url);
      await session.waitFor(live, undefined, { what: 'the live app' });
      const result = await session.evaluate(() => ({
        text: document.querySelector('.article__body').innerText,
        pwned: window.__pwned ?? null,
        injected: document.querySelectorAll('.article__body script, .article__body img').length,
        scriptLinks: document.querySelectorAll('a[href*="script:"]').length,
        mail: document.querySelector('.article__body a[href="mailto:a@b.org"]') !== null,
      }));
      assert.match(result.text, /<script>window.__pwned = 1<\/script>/, 'raw HTML is visible as text');
      assert.deepEqual({ ...result, text: undefined }, { text: undefined, pwned: null, injected: 0, scriptLinks: 0, mail: true });
      assert.deepEqual(session.problems, []);
    });
  });
}

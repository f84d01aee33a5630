// The smoke test in Firefox ESR and WebKitGTK (the full suite runs in Chromium): the release build
// renders, a sort changes the cards and the URL, Back restores, nothing throws, and hostile
// Markdown stays text. Both engines come from Debian (scripts/install-test-deps.sh installs them).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { available, start } from './engines.mjs';
import { SORT_DIRECTION, SORT_KEY, cardTitles, cardsInOrder, choose, hostileProbe, live, pageState, recordErrors } from './engines_page.mjs';
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

      await session.evaluate(choose, [SORT_KEY, 'params']);
      await session.evaluate(choose, [SORT_DIRECTION, 'desc']);
      const expected = byLargestParamsDescending();
      await session.waitFor(cardsInOrder, JSON.stringify(expected), { what: `cards in order ${expected}` });
      assert.match(await session.url(), /[?&]sort=params/);
      assert.match(await session.url(), /[?&]dir=desc/);

      // WebDriver's own back() lands on about:blank in WebKitGTK; history.back() is what a reader's Back does.
      await session.evaluate(() => { history.back(); return true; });
      await session.evaluate(() => { history.back(); return true; });
      await session.waitFor(cardsInOrder, JSON.stringify(initial), { what: 'the default order again' });
      assert.doesNotMatch(await session.url(), /sort=params/);

      const state = await session.evaluate(pageState);
      assert.deepEqual(state, { errors: [], bootNotice: null, alerts: [] });
      assert.deepEqual(session.problems, []);
    });

    test('raw HTML and script links in the Markdown are shown as text and never run', async () => {
      await session.goto(hostileServer.url);
      await session.waitFor(live, undefined, { what: 'the live app' });
      const result = await session.evaluate(hostileProbe);
      assert.match(result.text, /<script>window.__pwned = 1<\/script>/, 'raw HTML is visible as text');
      assert.deepEqual({ ...result, text: undefined }, { text: undefined, pwned: null, injected: 0, scriptLinks: 0, mail: true });
      assert.deepEqual(session.problems, []);
    });
  });
}

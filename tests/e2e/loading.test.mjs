// End-to-end: every way content.json can fail to arrive or to make sense (a server error, an HTML
// page in its place, malformed, missing, truncated, unknown fields, the network, a stall, too big)
// is named in a clear message over the still-readable prerendered article, and Retry works.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bundle, serveContent, server, withPage } from './fixtures.mjs';

describe('the content downloads beside the wasm', () => {
  test('the loader asks for content.json before the wasm, and the app uses that one request', async () => {
    await withPage({}, async (article, page) => {
      const requested = [];
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop();
        if (name === 'content.json' || name.endsWith('.wasm')) requested.push(name.endsWith('.wasm') ? 'wasm' : name);
      });
      await article.open();
      assert.deepEqual(requested, ['content.json', 'wasm'], 'one request for the content, begun before the wasm');
    });
  });
});

describe('loading failures show a clear message and a working Retry', () => {
  test('a server error, then Retry succeeds', async () => {
    await withPage({}, async (article, page) => {
      let failures = 1;
      await page.route('**/content.json', (route) =>
        failures-- > 0 ? route.fulfill({ status: 500, body: 'boom' }) : route.continue(),
      );
      await page.goto(server.url);
      await article.errorAlert().waitFor();
      assert.match(await article.errorAlert().innerText(), /The server answered 500/);
      assert.ok(await article.keptCopy().isVisible(), 'the prerendered article stays readable below');
      await article.retryButton().click();
      await article.errorAlert().waitFor({ state: 'detached' });
      await article.waitForLive();
      assert.equal(await article.articles().count(), 1, 'the kept copy is gone');
    });
  });

  test('an HTML page where the JSON should be (an SPA fallback) is named as such', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/content.json', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>index</p>' }),
      );
      await page.goto(server.url);
      await article.errorAlert().waitFor();
      assert.match(await article.errorAlert().innerText(), /instead of JSON/);
    });
  });

  test('malformed content says what is wrong and where', async () => {
    await withPage({}, async (article, page) => {
      const broken = structuredClone(bundle);
      broken.models.families[0].variants[0].params_b.value = 'seven';
      await serveContent(page, broken);
      await page.goto(server.url);
      await article.errorAlert().waitFor();
      // The field path is the build's job (the author sees it there); the browser says what and where.
      assert.match(await article.errorAlert().innerText(), /content\.json: invalid type: string "seven", expected f64 at line 1 column \d+/);
    });
  });

  const FAILURES = {
    'a missing content.json (404)': [(route) => route.fulfill({ status: 404, body: 'not found' }), /The server answered 404 for .*content\.json/],
    'a truncated content.json': [(route, text) => route.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, text.length / 2) }), /content\.json: not valid JSON: EOF while parsing .* at line 1 column \d+/],
    'a content.json with a field the app does not know': [(route, text) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...JSON.parse(text), extra: 1 }) }), /content\.json: unknown field `extra`/],
  };
  for (const [failure, [answer, message]] of Object.entries(FAILURES)) {
    test(`${failure} is named, and Retry loads the real one`, async () => {
      await withPage({}, async (article, page) => {
        const text = JSON.stringify(bundle);
        let failing = true;
        await page.route('**/content.json', (route) => (failing ? answer(route, text) : route.continue()));
        await page.goto(server.url);
        await article.errorAlert().waitFor();
        assert.match(await article.errorAlert().innerText(), message);
        failing = false;
        await article.retryButton().click();
        await article.waitForLive();
        assert.equal(await article.errorAlert().count(), 0);
      });
    });
  }

  test('a network failure is reported', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/content.json', (route) => route.abort('failed'));
      await page.goto(server.url);
      await article.errorAlert().waitFor();
      assert.match(await article.errorAlert().innerText(), /could not be downloaded/);
    });
  });
  test('a content.json that never answers ends in a timeout message after 15 s, and Retry loads it', async () => {
    await withPage({}, async (article, page) => {
      // The fake clock lets the test skip the 15 s; the page's timers run on it.
      await page.clock.install();
      let stall = true;
      let asked;
      const requested = new Promise((resolve) => { asked = resolve; });
      await page.route('**/content.json', (route) => {
        if (!stall) return route.continue();
        asked();
        // Never answered: the request hangs until the page aborts it.
      });
      await page.goto(server.url);
      await requested;
      await page.clock.runFor(14_000);
      assert.equal(await article.errorAlert().count(), 0, 'no message before the deadline');
      stall = false;
      await page.clock.runFor(1_500);
      await article.errorAlert().waitFor();
      assert.match(await article.errorAlert().innerText(), /did not arrive within 15 seconds/);
      await article.retryButton().click();
      await article.errorAlert().waitFor({ state: 'detached' });
      await article.waitForLive();
    });
  });

  test('a content.json over the 4 MB limit is refused with its size, before it is parsed', async () => {
    await withPage({}, async (article, page, problems) => {
      const huge = JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) });
      await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: huge }));
      await page.goto(server.url);
      await article.errorAlert().waitFor();
      assert.match(await article.errorAlert().innerText(), new RegExp(`is ${huge.length} bytes, more than the 4194304 this page reads`));
      assert.deepEqual(problems, []);
    });
  });
});

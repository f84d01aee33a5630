// End-to-end: hostile content. Raw HTML, event handlers and script links smuggled into the
// author's Markdown are shown as text and never run (the Firefox and WebKit smoke in
// engines.test.mjs checks the same there).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bundle, serveContent, withPage } from './fixtures.mjs';

describe('hostile content', () => {
  test('raw HTML and script links in the Markdown are shown as text and never run', async () => {
    await withPage({}, async (article, page, problems) => {
      const hostile = structuredClone(bundle);
      hostile.article.markdown +=
        '\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n' +
        '[click me](jav&#x09;ascript:window.__pwned=3) and [mail](mailto:a@b.org)\n';
      await serveContent(page, hostile);
      await article.open();
      const body = await article.body().innerText();
      assert.match(body, /<script>window.__pwned = 1<\/script>/, 'raw HTML is visible as text');
      await page.getByText('click me').click();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await article.bodyScriptsAndImages().count(), 0);
      assert.equal(await article.scriptLinks().count(), 0);
      assert.deepEqual(problems, []);
    });
  });
});

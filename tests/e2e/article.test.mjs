// End-to-end: the article itself, from the release build served like a CDN under a sub-path, in
// Debian's Chromium: its title, text and model sections, how it looks at phone and desktop width
// in both themes, and its editor notes with their sources.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bundle, withPage } from './fixtures.mjs';

describe('the article', () => {
  test('title, body and the five model sections render from the release build, with no console errors', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      assert.equal(await article.title().textContent(), bundle.article.title);
      await article.section('1. Llama 2').waitFor();
      for (const name of ['2. Mistral', '3. Solar', '4. Yi Series', '5. Falcon']) {
        assert.ok(await article.section(name).isVisible(), `${name} visible`);
      }
      const body = await article.body().innerText();
      assert.match(body, /The excitement around open-source Large Language Models/);
      assert.equal(await article.loadingLine().count(), 0, 'no loading line');
      assert.ok(await article.bootNotice().isHidden(), 'no start-up problem reported');
      assert.deepEqual(problems, []);
    });
  });

  test('screenshots at phone and desktop width, light and dark', async () => {
    for (const [width, height] of [[375, 812], [1280, 900]]) {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ width, height, colorScheme }, async (article, page, problems) => {
          await article.open();
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scroll at ${width}px (scrollWidth ${scrollWidth})`);
          await article.screenshot(`article-${width}-${colorScheme}`);
          assert.deepEqual(problems, []);
        });
      }
    }
  });

  test('every editor note is shown with at least one source link', async () => {
    await withPage({}, async (article) => {
      await article.open();
      const notes = article.editorNotes();
      assert.equal(await notes.count(), bundle.notes.notes.length);
      for (let i = 0; i < bundle.notes.notes.length; i += 1) {
        const links = article.noteSources(i);
        assert.ok((await links.count()) >= 1, `note ${i} has a source`);
      }
    });
  });
});

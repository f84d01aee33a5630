// End-to-end: reading the article. The contents (sticky beside the text, a disclosure on a
// phone), heading anchors and the links between sections and cards, deep links, the theme, no
// horizontal scroll at any width, what the head says, the link-preview picture, and print.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

import { CardsPage } from './cards_page.mjs';
import { DIST, artifact, bundle, server, withPage } from './fixtures.mjs';

describe('reading the article', () => {
  test('the contents mark the section being read, sticky beside the text on wide screens', async () => {
    await withPage({ width: 1280, height: 900 }, async (article) => {
      await article.open();
      const toc = article.contents();
      await article.scrollToSection('solar');
      const current = article.currentContentsEntry();
      await current.waitFor();
      assert.equal(await current.innerText(), '3. Solar');
      const box = await toc.boundingBox();
      assert.ok(box.y >= 0 && box.y < 100, `the contents stay in view (y=${box.y})`);
    });
  });

  test('on a phone the contents are a disclosure that closes after a pick', async () => {
    await withPage({ width: 375, height: 812 }, async (article, page) => {
      await article.open();
      const toggle = article.contentsToggle();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await article.contentsList().isVisible(), false);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await article.contentsLink('5. Falcon').click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.match(page.url(), /#falcon$/);
      // Scrolling is smooth unless the reader asks for reduced motion: wait for it to arrive.
      await article.waitUntilAtTop('falcon', 120);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'falcon', 'focus moved to the section');
    });
  });

  test('heading anchors link to themselves; model sections link to their cards and back', async () => {
    await withPage({}, async (article, page) => {
      await article.open();
      await article.sectionAnchor('2. Mistral').click();
      assert.match(page.url(), /#mistral$/);
      await article.cardLink('mistral').click();
      assert.match(page.url(), /#card-mistral-7b$/);
      await new CardsPage(page).readInArticle('mistral-7b').click();
      assert.match(page.url(), /#mistral$/);
    });
  });

  test('a link to a section opens there even though the text arrives after the page', async () => {
    await withPage({ width: 1280, height: 800 }, async (article, page) => {
      await page.goto(server.url + '#card-falcon');
      await new CardsPage(page).card('falcon').waitFor();
      await article.waitUntilAtTop('card-falcon', 50);
    });
  });

  test('the theme follows the system, and a chosen theme survives a reload', async () => {
    await withPage({ colorScheme: 'dark' }, async (article, page) => {
      await article.open();
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(await background(), 'rgb(18, 20, 24)', 'dark from the system');
      await article.theme('Light').check();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
      assert.equal(await background(), 'rgb(255, 255, 255)');
      await page.reload();
      assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice applies before the app starts');
      await article.waitForLive();
      assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice persisted');
      assert.ok(await article.theme('Light').isChecked());
      await article.theme('Auto').check();
      assert.equal(await background(), 'rgb(18, 20, 24)');
      assert.equal(await page.evaluate(() => localStorage.getItem('llm-watch-theme')), null);
    });
  });

  test('no horizontal scroll from 320 px to 1440 px', async () => {
    for (const width of [320, 768, 1024, 1440]) {
      await withPage({ width, height: 900 }, async (article, page) => {
        await article.open('?compare=llama-2,falcon,yi');
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${width}px: scrollWidth ${scrollWidth}`);
      });
    }
  });

  test('title, description, Open Graph and JSON-LD come from the content, written in at build time', async () => {
    await withPage({}, async (article, page) => {
      await article.open();
      assert.equal(await page.title(), bundle.article.title);
      assert.equal(await article.metaDescription().count(), 1);
      assert.equal(await article.headTitle().count(), 1);
      assert.equal(await article.openGraph('og:title').getAttribute('content'), bundle.article.title);
      // This build has no SITE_URL: a canonical link must be absolute, so there is none.
      assert.equal(await article.canonicalLink().count(), 0);
      const ld = JSON.parse(await article.jsonLd().textContent());
      assert.equal(ld['@type'], 'Article');
      assert.equal(ld.datePublished, '2024-02-08');
    });
  });

  test('the link-preview picture is a 1200x630 PNG beside the page that the page itself never loads', async () => {
    const png = fs.readFileSync(`${DIST}/preview.png`);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), 1200);
    assert.equal(png.readUInt32BE(20), 630);
    await withPage({ width: 375, height: 812 }, async (article, page) => {
      const requested = [];
      page.on('request', (request) => requested.push(request.url()));
      await article.open();
      assert.ok(!requested.some((url) => url.endsWith('/preview.png')), 'not in the loading path');
      // Without SITE_URL there is no absolute address for it, so no og:image tag points to it.
      assert.equal(await article.openGraph('og:image').count(), 0);
    });
  });

  test('print: controls hidden, link targets written out', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      const cards = new CardsPage(page);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await cards.controls().isVisible(), false);
      assert.equal(await article.contentsBlock().isVisible(), false);
      assert.equal(await cards.list().isVisible(), false, 'cards give way to the table');
      const summary = cards.printSummary();
      assert.ok(await summary.isVisible());
      assert.equal(await cards.printSummaryColumns().count(), 1 + bundle.models.families.length);
      const after = await article.linkTargetWrittenOut('https://ai.meta.com');
      assert.match(after, /^" <https:\/\/ai\.meta\.com\//);
      await page.pdf({ path: artifact('article-print.pdf') });
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });
});

// End-to-end: first paint without WebAssembly. The prerendered page is the whole article for a
// reader with JavaScript off, without WebAssembly or with a broken .wasm; and when the app does
// start, its takeover moves nothing, keeps the scroll position, paints no new largest element,
// and then applies a shared URL's view.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ArticlePage } from './article_page.mjs';
import { CardsPage } from './cards_page.mjs';
import { ChartPage } from './chart_page.mjs';
import { artifact, browser, bundle, holdContent, server, withPage } from './fixtures.mjs';

describe('first paint without WebAssembly: the prerendered page', () => {
  /** What a reader without the app still gets: the whole article, every note, the chart, the cards. */
  async function assertWholePage(page) {
    const article = new ArticlePage(page, server.url);
    const chartPage = new ChartPage(page);
    assert.equal(await article.title().textContent(), bundle.article.title);
    const body = await article.body().innerText();
    assert.match(body, /The excitement around open-source Large Language Models/);
    assert.match(body, /Falcon/);
    assert.equal(await article.editorNotes().count(), bundle.notes.notes.length, 'every editor note');
    const chart = chartPage.barsChart();
    assert.equal(await chart.count(), 1, 'the bars chart');
    assert.match(await chartPage.barsChartDescription().textContent(), /2023: \d+ releases, \d+ with open weights/);
    assert.equal(await new CardsPage(page).cards().count(), bundle.models.families.length, 'all cards');
    assert.equal(await article.loadingLine().count(), 0, 'never an endless loading line');
  }

  test('with JavaScript off, the whole article, notes, chart with its table, and all five cards show', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await assertWholePage(page);
      const chart = new ChartPage(page);
      const table = chart.releasesTable();
      assert.ok(await table.isVisible(), 'the chart as a table, for readers without the app');
      const cells = await chart.releasesTableTotals().allInnerTexts();
      assert.equal(Number(cells[2]), bundle.releases.rows.length);
      assert.ok(await new ArticlePage(page, server.url).bootNoticeSaying('JavaScript is turned off').isVisible(), 'the reader is told what is missing');
      assert.equal(await page.title(), bundle.article.title);
      await page.screenshot({ path: artifact('no-javascript-1280.png') });
    } finally {
      await context.close();
    }
  });

  test('with WebAssembly removed, the article is readable and a line says what is missing', async () => {
    await withPage({ width: 375, height: 812 }, async (article, page) => {
      await page.addInitScript(() => { delete window.WebAssembly; });
      await page.goto(server.url);
      const notice = article.bootNotice();
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /WebAssembly/);
      await assertWholePage(page);
      assert.equal(await article.prerenderedApp().count(), 1, 'the prerendered page stays');
      await article.screenshot('no-webassembly-375');
    });
  });

  test('a broken CDN copy of the .wasm (it downloads but is not a module) is reported within 3 s, the article stays', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('<html>cached error page</html>') }));
      await page.goto(server.url);
      const notice = article.bootNotice();
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /could not start/);
      await assertWholePage(page);
    });
  });

  test('a .wasm that fails to download is reported within 3 s, the article stays', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(server.url);
      const notice = article.bootNotice();
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /could not (start|be downloaded)/);
      await assertWholePage(page);
    });
  });

  test('the takeover moves nothing (CLS 0), keeps the scroll position and paints no new largest element, at phone and desktop width', async () => {
    for (const [width, height] of [[375, 812], [1280, 900]]) {
      await withPage({ width, height }, async (article, page, problems) => {
        await article.recordLayoutShifts();
        // Hold the content back, so the reader scrolls the prerendered page before the takeover.
        const release = await holdContent(page);
        await page.goto(server.url);
        await new ChartPage(page).waitForPrerenderedChart();
        await page.evaluate(() => window.scrollTo(0, 1500));
        const before = await page.evaluate(() => window.scrollY);
        // Tag the text the reader sees, and note when the content was let through.
        const releasedAt = await article.tagFirstParagraph('prerendered');
        release();
        await article.waitForLive();
        await page.waitForTimeout(500);
        assert.equal(await article.bodyParagraphs().first().getAttribute('data-seen'), 'prerendered', 'the article text is still the prerendered nodes');
        const lastLcp = await page.evaluate(() => new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
        }));
        assert.ok(lastLcp < releasedAt, `${width}px: no largest paint after the takeover (last at ${lastLcp} ms, content let through at ${releasedAt} ms)`);
        assert.equal(await page.evaluate(() => window.scrollY), before, `${width}px: scroll position kept`);
        const shifts = await article.layoutShifts();
        assert.deepEqual(shifts, [], `${width}px: layout shifts ${JSON.stringify(shifts)}`);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('a reader who scrolled through the cards sees nothing move when the live cards go in', async () => {
    // The cards skip layout until near (content-visibility), standing in at an estimated height;
    // the ones the reader passed were drawn at their real height, and their live copies must keep it.
    for (const [width, height] of [[375, 812], [1280, 900]]) {
      await withPage({ width, height }, async (article, page, problems) => {
        await article.recordLayoutShifts();
        const release = await holdContent(page);
        await page.goto(server.url);
        const cards = new CardsPage(page);
        const id = await cards.scrollThroughToCard(2);
        const before = { scroll: await page.evaluate(() => window.scrollY), top: await cards.cardTop(id) };
        await article.forgetLayoutShifts();
        release();
        await article.waitForLive();
        await page.waitForTimeout(500);
        assert.equal(await page.evaluate(() => window.scrollY), before.scroll, `${width}px: scroll position kept`);
        assert.equal(await cards.cardTop(id), before.top, `${width}px: the card the reader reads did not move`);
        const shifts = await article.layoutShifts();
        assert.deepEqual(shifts, [], `${width}px: layout shifts ${JSON.stringify(shifts)}`);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('a shared sorted URL starts on the default view and ends in the sorted one', async () => {
    let defaultOrder;
    await withPage({}, async (article, page) => {
      await article.open();
      defaultOrder = await new CardsPage(page).titles();
    });
    await withPage({}, async (article, page) => {
      const cards = new CardsPage(page);
      const release = await holdContent(page);
      await page.goto(`${server.url}?sort=params&dir=desc`);
      const prerendered = await cards.prerenderedTitles();
      assert.deepEqual(prerendered, defaultOrder, 'the prerendered page shows the default order');
      release();
      await article.waitForLive();
      const titles = await cards.titles();
      assert.notDeepEqual(titles, prerendered, 'the shared order applies after the takeover');
      assert.equal(await cards.sortKey().inputValue(), 'params');
      assert.equal(await cards.sortDirection().inputValue(), 'desc');
    });
  });
});

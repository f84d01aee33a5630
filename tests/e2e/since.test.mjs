// End-to-end: "since the article", what each family released after it. Each card's list (five on
// a desktop, three on a phone, the rest behind a disclosure), the timeline as one Tab stop walked
// with the arrow keys, the same parts with JavaScript off, and screenshots with axe at both widths.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axe } from './axe.mjs';
import { openPage } from './browser.mjs';
import { CardsPage } from './cards_page.mjs';
import { artifact, browser, bundle, server, withPage } from './fixtures.mjs';
import { WatchPage } from './watch_page.mjs';

describe('since the article', () => {
  test('each card lists its family\'s later releases: five on a desktop, three on a phone, the rest behind a disclosure', async () => {
    for (const [width, shown] of [[1280, 5], [375, 3]]) {
      await withPage({ width }, async (article, page, problems) => {
        await article.open();
        const watch = new WatchPage(page);
        const releases = bundle.followups.releases.filter((r) => r.family === 'mistral-7b');
        const newest = [...releases].sort((a, b) => (b.date.value ?? '').localeCompare(a.date.value ?? ''))[0];
        const visible = watch.shownLatest('mistral-7b');
        assert.equal(await visible.count(), shown, `${width}px`);
        assert.match(await visible.first().textContent(), new RegExp(newest.name.replace(/[()]/g, '.')));
        await watch.earlierReleases('mistral-7b').click();
        // The earlier ones are drawn when the disclosure first opens.
        await watch.waitForShownItems('mistral-7b', releases.length);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('the timeline is one Tab stop; arrow keys move along a lane and between lanes; Enter follows a release to its source', async () => {
    await withPage({ width: 1280 }, async (article, page) => {
      await article.open();
      const watch = new WatchPage(page);
      // The live timeline is drawn when the reader comes near it; until then the prerendered one shows.
      await watch.showLiveSection();
      await watch.timelineTabStop().focus();
      const label = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(await label(), /^Llama 2: the release the article covers/);
      await page.keyboard.press('ArrowRight');
      assert.match(await label(), /^Llama 2: Meta Llama 3/);
      assert.match(await watch.timelineDetails().innerText(), /Meta Llama 3/);
      await page.keyboard.press('ArrowDown');
      assert.match(await label(), /^Mistral 7B: /);
      const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
      assert.match(href, /^https:\/\//);
      await page.keyboard.press('Tab');
      assert.equal(await watch.focusedTimeline(), null, 'Tab leaves the timeline');
    });
  });

  test('with JavaScript off the lists, the timeline and the benchmark tables are in the page', async () => {
    const { context, page } = await openPage(browser, { width: 375 });
    try {
      await context.route('**/*.{js,wasm}', (route) => route.abort());
      await page.goto(server.url);
      const watch = new WatchPage(page);
      assert.ok(await watch.sinceItems('llama-2').count() > 0);
      assert.equal(await watch.laneLabels('narrow').count(), bundle.models.families.length);
      assert.ok(await watch.benchmark('lb-solar-10-7b-instruct-v1-0').count() === 1);
    } finally {
      await context.close();
    }
  });

  test('screenshots of the new sections at phone and desktop width, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ width, height: 900, colorScheme }, async (article, page, problems) => {
          await article.open();
          const watch = new WatchPage(page);
          const cards = new CardsPage(page);
          await watch.section().screenshot({ path: artifact(`watch-${width}-${colorScheme}.png`) });
          await cards.card('yi').screenshot({ path: artifact(`card-yi-${width}-${colorScheme}.png`) });
          const results = await axe(page, [WatchPage.AREA.section, CardsPage.cardArea('yi')]);
          assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${width} ${colorScheme}`);
          assert.deepEqual(problems, []);
        });
      }
    }
  });
});

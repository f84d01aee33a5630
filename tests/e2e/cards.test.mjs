// End-to-end: the model cards. Every control from the keyboard alone; a shared URL restores the
// order, filters and comparison, and Back and Forward step through views; in-page links keep the
// view; the CSV and JSON exports contain what is shown.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

import { CardsPage } from './cards_page.mjs';
import { server, withPage } from './fixtures.mjs';

describe('the model cards', () => {
  test('every control works from the keyboard alone', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      const cards = new CardsPage(page);
      const status = cards.status();
      assert.match(await status.innerText(), /^5 of 5 models, sorted by release date, ascending\.$/);

      await cards.sortKey().focus();
      await page.keyboard.press('ArrowDown'); // Release date -> Largest parameter count
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown'); // Ascending -> Descending
      assert.match(await status.innerText(), /sorted by largest parameter count, descending/);
      assert.equal((await cards.titles())[0], 'Falcon');

      await page.keyboard.press('Tab');
      await page.keyboard.type('apache');
      // Mistral 7B, SOLAR and Falcon ship under Apache 2.0; Yi's summary mentions its later move.
      assert.match(await status.innerText(), /^4 of 5 models/);

      await page.keyboard.press('Tab'); // first licence checkbox: Permissive
      await page.keyboard.press('Tab'); // Restricted commercial
      await page.keyboard.press('Space');
      assert.match(await status.innerText(), /^2 of 5 models/, 'apache + restricted commercial = Falcon, Yi');

      await cards.clearFilters().focus();
      await page.keyboard.press('Enter');
      assert.match(await status.innerText(), /^5 of 5 models/);
      assert.equal(await cards.search().inputValue(), '');

      await cards.sizeFilter('> 40B').focus();
      await page.keyboard.press('Space');
      assert.match(await status.innerText(), /^2 of 5 models/, 'Llama 2 70B and Falcon 180B');
      await page.keyboard.press('Space');

      await cards.developer().focus();
      await page.keyboard.press('ArrowDown'); // Any -> the first developer, alphabetically (01.AI)
      assert.match(await status.innerText(), /^1 of 5 models/);
      await page.keyboard.press('ArrowUp');
      await cards.country().focus();
      await page.keyboard.press('End'); // the last country alphabetically (United States)
      assert.match(await status.innerText(), /^1 of 5 models/);
      await page.keyboard.press('Home');
      assert.match(await status.innerText(), /^5 of 5 models/);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        cards.downloadCsv().focus().then(() => page.keyboard.press('Enter')),
      ]);
      assert.equal(download.suggestedFilename(), 'llm-watch-models.csv');

      await cards.compareBox('Llama 2').focus();
      await page.keyboard.press('Space');
      await cards.compareBox('Yi').focus();
      await page.keyboard.press('Space');
      const comparison = cards.comparison();
      await comparison.waitFor();
      assert.match(await comparison.innerText(), /Developer\s*differs/);
      await cards.copyAsMarkdown().focus();
      await page.keyboard.press('Enter');
      // Headless Chromium may refuse the clipboard; either way the reader is told, and gets the table.
      await cards.comparisonStatus().filter({ hasText: /Copied|select and copy/ }).waitFor();
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });

  test('a shared URL restores the same order, filters and comparison; Back and Forward step through views', async () => {
    let shared;
    let order;
    await withPage({}, async (article, page) => {
      await article.open();
      const cards = new CardsPage(page);
      await cards.sortBy('params', 'desc');
      await cards.filterLicence('Permissive');
      await cards.compare('Mistral 7B', 'Falcon');
      order = await cards.titles();
      assert.deepEqual(order, ['Falcon', 'SOLAR 10.7B', 'Mistral 7B']);
      shared = page.url();
      assert.ok(shared.startsWith(server.url), `stays under the sub-path: ${shared}`);
      assert.match(shared, /sort=params/);

      await page.goBack(); // drops the last comparison pick
      assert.doesNotMatch(page.url(), /falcon/);
      await page.goBack(); // drops Mistral
      await page.goBack(); // drops the licence filter
      assert.equal((await cards.titles()).length, 5);
      await page.goForward();
      assert.equal((await cards.titles()).length, 3);
    });
    await withPage({}, async (article, page) => {
      await page.goto(shared);
      await article.waitForLive();
      const cards = new CardsPage(page);
      assert.deepEqual(await cards.titles(), order);
      assert.equal(await cards.sortKey().inputValue(), 'params');
      assert.equal(await cards.sortDirection().inputValue(), 'desc');
      assert.ok(await cards.licenceFilter('Permissive').isChecked());
      await cards.comparison().waitFor();
    });
  });

  test('in-page links keep the shared view (no reload under <base href>)', async () => {
    await withPage({}, async (article, page) => {
      await article.open('?sort=name');
      await page.evaluate(() => { window.__sameDocument = true; });
      await article.firstCardLink().click();
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no navigation happened');
      assert.match(page.url(), /\?sort=name#card-llama-2$/);
    });
  });

  test('CSV and JSON exports contain the current view', async () => {
    await withPage({}, async (article, page) => {
      await article.open('?country=France');
      const cards = new CardsPage(page);
      const [csv] = await Promise.all([page.waitForEvent('download'), cards.downloadCsv().click()]);
      const text = fs.readFileSync(await csv.path(), 'utf8');
      assert.equal(text.trim().split('\n').length, 2, 'header + the one Mistral variant');
      assert.match(text, /^family,variant,/);
      const [json] = await Promise.all([page.waitForEvent('download'), cards.downloadJson().click()]);
      const families = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
      assert.deepEqual(families.map((f) => f.id), ['mistral-7b']);
    });
  });
});

// End-to-end: the releases chart. One focusable bar per year, named with the year's counts and
// walked with the arrow keys; each button over its bar in the prerendered and the live page, at
// phone and desktop width; and the table view with the dataset's counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ChartPage } from './chart_page.mjs';
import { bundle, holdContent, server, withPage } from './fixtures.mjs';

describe('the releases chart', () => {
  function countsByYear() {
    const counts = new Map();
    for (const row of bundle.releases.rows) {
      const year = Number(row.release_date.slice(0, 4));
      const c = counts.get(year) ?? { open: 0, closed: 0 };
      c[row.open_weights ? 'open' : 'closed'] += 1;
      counts.set(year, c);
    }
    return counts;
  }

  test('one focusable bar per year, named with that year\'s counts; arrow keys move between years', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      const chart = new ChartPage(page);
      const counts = countsByYear();
      const buttons = chart.yearButtons();
      assert.equal(await buttons.count(), counts.size);
      for (const [year, c] of counts) {
        await chart.yearButton(`${year}: ${c.open + c.closed} releases, ${c.open} with open weights`).waitFor();
      }
      await buttons.first().focus();
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(focused, /^2019:/);
      assert.match(await chart.details().innerText(), /Released in 2019/);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });

  test('each year button sits over its bar at phone and desktop width, prerendered and live, with no inline style', async () => {
    for (const width of [375, 1280]) {
      await withPage({ width }, async (article, page, problems) => {
        const chart = new ChartPage(page);
        const release = await holdContent(page);
        await page.goto(server.url);
        const check = async (when) => {
          const placement = await chart.placement();
          assert.ok(placement.length > 0, `${width} ${when}: buttons drawn`);
          for (const [i, p] of placement.entries()) {
            assert.ok(p.offset < 1, `${width} ${when}: button ${i} is ${p.offset}px off its bar`);
            assert.ok(p.covers, `${width} ${when}: button ${i} covers its bar and label`);
          }
        };
        await check('prerendered');
        release();
        await article.waitForLive();
        await check('live');
        assert.equal(await article.styledElements().count(), 0, 'no element carries a style attribute');
        assert.deepEqual(problems, [], 'no console errors or CSP violations');
      });
    }
  });

  test('the table view shows the dataset\'s per-year counts', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      const chart = new ChartPage(page);
      await chart.viewToggle('Table').click();
      const table = chart.releasesTable();
      for (const [year, c] of countsByYear()) {
        const row = table.getByRole('row', { name: new RegExp(`^${year}\\b`) });
        const cells = await row.getByRole('cell').allInnerTexts();
        assert.deepEqual(cells.map(Number), [c.open, c.closed, c.open + c.closed], `${year}`);
      }
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });
});

// End-to-end: no WCAG 2.2 A/AA violation (axe-core) in any state a reader can reach, in both
// themes: the prerendered page, the live one, a loading failure, a filter that leaves no card, a
// sorted view with a comparison, and the chart as a table. The Markdown, choice and watch spec
// files run axe on their own parts too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { axe } from './axe.mjs';
import { CardsPage } from './cards_page.mjs';
import { ChartPage } from './chart_page.mjs';
import { holdContent, server, withPage } from './fixtures.mjs';

describe('accessibility of every state a reader can reach', () => {
  /** Each state a reader can reach, set up from a fresh page; axe runs on what is then shown. */
  const A11Y_STATES = {
    prerendered: async (article, page) => {
      await holdContent(page); // never released: the page stays the prerendered one
      await page.goto(server.url);
      await article.waitForPrerendered();
    },
    loaded: async (article) => {
      await article.open();
    },
    error: async (article, page) => {
      await page.route('**/content.json', (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(server.url);
      await article.errorAlert().waitFor();
    },
    'filtered to zero': async (article, page) => {
      await article.open();
      const cards = new CardsPage(page);
      await cards.search().fill('no model is called this');
      await cards.waitForNoCards();
    },
    'sorted and comparing': async (article, page) => {
      await article.open();
      const cards = new CardsPage(page);
      await cards.sortBy('params');
      await cards.compare('Mistral 7B', 'Falcon');
      await cards.comparison().waitFor();
    },
    'chart as a table': async (article, page) => {
      await article.open();
      const chart = new ChartPage(page);
      await chart.viewToggle('Table').click();
      await chart.releasesTable().waitFor();
    },
  };

  for (const [state, reach] of Object.entries(A11Y_STATES)) {
    test(`no WCAG 2.2 A/AA violations (axe-core), ${state}, light and dark`, async () => {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ colorScheme }, async (article, page) => {
          await reach(article, page);
          const results = await axe(page);
          const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          assert.deepEqual(summary, [], `${state}, ${colorScheme}: ${JSON.stringify(summary)}`);
        });
      }
    });
  }
});

// End-to-end: the release build, served like a CDN under a sub-path, in Debian's Chromium.
// DIST (default ../../target/e2e-dist) must be a `trunk build --release --public-url /llm-watch/`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import AxeBuilder from '@axe-core/playwright';

import { ArticlePage } from './article_page.mjs';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const PREFIX = '/llm-watch/';

let server;
let browser;
let bundle;

before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), `no release build in ${DIST}: run make e2e-build`);
  server = await serve({ root: DIST, prefix: PREFIX });
  browser = await launch();
  bundle = JSON.parse(fs.readFileSync(`${DIST}/content.json`, 'utf8'));
  fs.mkdirSync(new URL('./artifacts', import.meta.url), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Holds back content.json until the returned function is called (the prerendered page waits). */
async function holdContent(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content.json', async (route) => { await held; await route.continue(); });
  return release;
}

/**
 * Runs `body` on a fresh page. Every test, whatever it drives (loading, failures, each control,
 * the chart views, printing), also proves the CSP was never violated on the way.
 */
async function withPage(options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(new ArticlePage(page, server.url), page, problems);
    assert.deepEqual(problems.filter((p) => p.startsWith('csp:')), [], 'no Content-Security-Policy violations');
  } finally {
    await context.close();
  }
}

describe('the article', () => {
  test('title, body and the five model sections render from the release build, with no console errors', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      assert.equal(await article.title().textContent(), bundle.article.title);
      await article.section('1. Llama 2').waitFor();
      for (const name of ['2. Mistral', '3. Solar', '4. Yi Series', '5. Falcon']) {
        assert.ok(await article.section(name).isVisible(), `${name} visible`);
      }
      const body = await page.locator('.article__body').innerText();
      assert.match(body, /The excitement around open-source Large Language Models/);
      assert.equal(await page.getByText('Loading the article').count(), 0, 'no loading line');
      assert.ok(await page.locator('#boot-notice').isHidden(), 'no start-up problem reported');
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
    await withPage({}, async (article, page) => {
      await article.open();
      const notes = page.locator('aside.editor-note');
      assert.equal(await notes.count(), bundle.notes.notes.length);
      for (let i = 0; i < bundle.notes.notes.length; i += 1) {
        const links = notes.nth(i).locator('.editor-note__sources a[href^="https://"]');
        assert.ok((await links.count()) >= 1, `note ${i} has a source`);
      }
    });
  });

  /** Each state a reader can reach, set up from a fresh page; axe runs on what is then shown. */
  const A11Y_STATES = {
    prerendered: async (article, page) => {
      await holdContent(page); // never released: the page stays the prerendered one
      await page.goto(server.url);
      await page.locator('#app[data-prerendered] h1.article__title').waitFor();
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
      await page.locator('#model-search').fill('no model is called this');
      await page.waitForFunction(() => document.querySelectorAll('.model-card').length === 0);
    },
    'sorted and comparing': async (article, page) => {
      await article.open();
      await page.locator('#sort-key').selectOption('params');
      await page.getByRole('checkbox', { name: 'Compare Mistral 7B' }).check();
      await page.getByRole('checkbox', { name: 'Compare Falcon' }).check();
      await page.getByRole('region', { name: 'Comparison table' }).waitFor();
    },
    'chart as a table': async (article) => {
      await article.open();
      await article.viewToggle('Table').click();
      await article.releasesTable().waitFor();
    },
  };

  for (const [state, reach] of Object.entries(A11Y_STATES)) {
    test(`no WCAG 2.2 A/AA violations (axe-core), ${state}, light and dark`, async () => {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ colorScheme }, async (article, page) => {
          await reach(article, page);
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
          const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          assert.deepEqual(summary, [], `${state}, ${colorScheme}: ${JSON.stringify(summary)}`);
        });
      }
    });
  }
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
      assert.ok(await page.locator('article.article[data-prerendered-copy]').isVisible(), 'the prerendered article stays readable below');
      await article.retryButton().click();
      await article.errorAlert().waitFor({ state: 'detached' });
      await article.waitForLive();
      assert.equal(await page.locator('article.article').count(), 1, 'the kept copy is gone');
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
      await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
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

describe('hostile content', () => {
  test('raw HTML and script links in the Markdown are shown as text and never run', async () => {
    await withPage({}, async (article, page, problems) => {
      const hostile = structuredClone(bundle);
      hostile.article.markdown +=
        '\n\n<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2">\n\n' +
        '[click me](jav&#x09;ascript:window.__pwned=3) and [mail](mailto:a@b.org)\n';
      await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
      await article.open();
      const body = await page.locator('.article__body').innerText();
      assert.match(body, /<script>window.__pwned = 1<\/script>/, 'raw HTML is visible as text');
      await page.getByText('click me').click();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('.article__body script, .article__body img').count(), 0);
      assert.equal(await page.locator('a[href*="script:"]').count(), 0);
      assert.deepEqual(problems, []);
    });
  });
});

describe("the author's Markdown", () => {
  const EVERY_CONSTRUCT = fs.readFileSync(new URL('../../crates/core/tests/fixtures/every-construct.md', import.meta.url), 'utf8');

  test('every construct beyond the post renders as real elements: table, footnotes both ways, task boxes, del, callouts, autolinks, definition list, heading id', async () => {
    for (const [width, colorScheme] of [[375, 'light'], [1280, 'dark']]) {
      await withPage({ width, colorScheme }, async (article, page, problems) => {
        const extended = structuredClone(bundle);
        extended.article.markdown += `\n\n${EVERY_CONSTRUCT}`;
        await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(extended) }));
        await article.open();
        const body = page.locator('.article__body');

        const region = body.getByRole('region', { name: 'Table 1: Model, Params, Licence' });
        await region.waitFor();
        assert.equal(await region.getAttribute('tabindex'), '0', 'a scrolling region is reachable by keyboard');
        assert.deepEqual(await region.locator('th[scope="col"]').allInnerTexts(), ['Model', 'Params', 'Licence']);
        assert.deepEqual(await region.locator('td').evaluateAll((cells) => cells.map((c) => c.className)), ['align-left', 'align-right', 'align-center']);
        assert.equal(await region.locator('td.align-right').evaluate((c) => getComputedStyle(c).textAlign), 'right');
        assert.equal(await region.locator('del').innerText(), 'open');

        const refs = body.locator('sup.footnote-ref a');
        assert.deepEqual(await refs.allInnerTexts(), ['1', '2', '1']);
        for (const ref of await refs.all()) {
          const target = (await ref.getAttribute('href')).slice(1);
          const id = await ref.getAttribute('id');
          const note = page.locator(`li[id="${target}"]`);
          assert.equal(await note.count(), 1, `the note ${target} exists`);
          assert.equal(await note.locator(`a.footnote-backref[href="#${id}"]`).count(), 1, `${target} links back to ${id}`);
        }
        await refs.first().click();
        await page.waitForFunction(() => location.hash === '#fn-src');
        await page.locator('a.footnote-backref[href="#fnref-src"]').click();
        await page.waitForFunction(() => location.hash === '#fnref-src');

        const done = body.getByRole('checkbox', { name: 'checked the card' });
        assert.ok(await done.isChecked());
        assert.ok(await done.isDisabled());
        assert.equal(await body.getByRole('checkbox', { name: 'checked the paper' }).isChecked(), false);

        assert.equal(await body.getByRole('note', { name: 'Note' }).innerText(), 'Note\n\nUseful to know.');
        await body.getByRole('note', { name: 'Warning' }).waitFor();
        assert.equal(await body.getByRole('link', { name: 'www.example.org/page' }).getAttribute('href'), 'http://www.example.org/page');
        assert.equal(await body.getByRole('link', { name: 'editor@example.org' }).getAttribute('href'), 'mailto:editor@example.org');
        assert.equal(await body.locator('dl dt').innerText(), 'Term');
        assert.equal(await body.locator('h3#compare.kicker, h4#compare.kicker, h5#compare.kicker').count(), 1);
        assert.match(await body.innerText(), /“Quotes” and it’s – all smart…/);

        const results = await new AxeBuilder({ page }).include('.article__body').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${width} ${colorScheme}`);
        await region.scrollIntoViewIfNeeded();
        await page.locator('#compare').screenshot({ path: new URL(`./artifacts/markdown-heading-${width}-${colorScheme}.png`, import.meta.url).pathname });
        await page.screenshot({ path: new URL(`./artifacts/markdown-constructs-${width}-${colorScheme}.png`, import.meta.url).pathname, fullPage: false });
        assert.deepEqual(problems, []);
      });
    }
  });
});

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
      const counts = countsByYear();
      const buttons = article.yearButtons();
      assert.equal(await buttons.count(), counts.size);
      for (const [year, c] of counts) {
        await page.getByRole('button', { name: `${year}: ${c.open + c.closed} releases, ${c.open} with open weights` }).waitFor();
      }
      await buttons.first().focus();
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(focused, /^2019:/);
      assert.match(await page.locator('.releases__details').innerText(), /Released in 2019/);
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });

  test('each year button sits over its bar at phone and desktop width, prerendered and live, with no inline style', async () => {
    for (const width of [375, 1280]) {
      await withPage({ width }, async (article, page, problems) => {
        const release = await holdContent(page);
        await page.goto(server.url);
        const check = async (when) => {
          const placement = await page.evaluate(() => {
            const chart = [...document.querySelectorAll('.chart-variant--wide, .chart-variant--narrow')]
              .find((el) => el.offsetParent !== null);
            const labels = [...chart.querySelectorAll('.chart__year')].map((t) => t.getBoundingClientRect());
            const bars = [...chart.querySelectorAll('.chart__bar')].map((g) => g.getBoundingClientRect());
            return [...chart.querySelectorAll('.chart__hit')].map((b, i) => {
              const r = b.getBoundingClientRect();
              return { offset: Math.abs(r.left + r.width / 2 - (labels[i].left + labels[i].width / 2)), covers: r.top <= bars[i].top + 1 && r.bottom >= labels[i].bottom - 1 };
            });
          });
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
        assert.equal(await page.locator('[style]').count(), 0, 'no element carries a style attribute');
        assert.deepEqual(problems, [], 'no console errors or CSP violations');
      });
    }
  });

  test('the table view shows the dataset\'s per-year counts', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      await article.viewToggle('Table').click();
      const table = article.releasesTable();
      for (const [year, c] of countsByYear()) {
        const row = table.getByRole('row', { name: new RegExp(`^${year}\\b`) });
        const cells = await row.getByRole('cell').allInnerTexts();
        assert.deepEqual(cells.map(Number), [c.open, c.closed, c.open + c.closed], `${year}`);
      }
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });
});

describe('the model cards', () => {
  test('every control works from the keyboard alone', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      const status = article.cardsStatus();
      assert.match(await status.innerText(), /^5 of 5 models, sorted by release date, ascending\.$/);

      await page.locator('#sort-key').focus();
      await page.keyboard.press('ArrowDown'); // Release date -> Largest parameter count
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown'); // Ascending -> Descending
      assert.match(await status.innerText(), /sorted by largest parameter count, descending/);
      assert.equal((await article.cardTitles())[0], 'Falcon');

      await page.keyboard.press('Tab');
      await page.keyboard.type('apache');
      // Mistral 7B, SOLAR and Falcon ship under Apache 2.0; Yi's summary mentions its later move.
      assert.match(await status.innerText(), /^4 of 5 models/);

      await page.keyboard.press('Tab'); // first licence checkbox: Permissive
      await page.keyboard.press('Tab'); // Restricted commercial
      await page.keyboard.press('Space');
      assert.match(await status.innerText(), /^2 of 5 models/, 'apache + restricted commercial = Falcon, Yi');

      await page.getByRole('button', { name: 'Clear all filters' }).focus();
      await page.keyboard.press('Enter');
      assert.match(await status.innerText(), /^5 of 5 models/);
      assert.equal(await page.locator('#model-search').inputValue(), '');

      await page.getByRole('checkbox', { name: '> 40B' }).focus();
      await page.keyboard.press('Space');
      assert.match(await status.innerText(), /^2 of 5 models/, 'Llama 2 70B and Falcon 180B');
      await page.keyboard.press('Space');

      await page.locator('#filter-org').focus();
      await page.keyboard.press('ArrowDown'); // Any -> the first developer, alphabetically (01.AI)
      assert.match(await status.innerText(), /^1 of 5 models/);
      await page.keyboard.press('ArrowUp');
      await page.locator('#filter-country').focus();
      await page.keyboard.press('End'); // the last country alphabetically (United States)
      assert.match(await status.innerText(), /^1 of 5 models/);
      await page.keyboard.press('Home');
      assert.match(await status.innerText(), /^5 of 5 models/);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).focus().then(() => page.keyboard.press('Enter')),
      ]);
      assert.equal(download.suggestedFilename(), 'llm-watch-models.csv');

      await page.getByRole('checkbox', { name: 'Compare Llama 2' }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('checkbox', { name: 'Compare Yi' }).focus();
      await page.keyboard.press('Space');
      const comparison = page.getByRole('region', { name: 'Comparison table' });
      await comparison.waitFor();
      assert.match(await comparison.innerText(), /Developer\s*differs/);
      await page.getByRole('button', { name: 'Copy as Markdown table' }).focus();
      await page.keyboard.press('Enter');
      // Headless Chromium may refuse the clipboard; either way the reader is told, and gets the table.
      await page.locator('.comparison__status').filter({ hasText: /Copied|select and copy/ }).waitFor();
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });

  test('a shared URL restores the same order, filters and comparison; Back and Forward step through views', async () => {
    let shared;
    let order;
    await withPage({}, async (article, page) => {
      await article.open();
      await page.locator('#sort-key').selectOption('params');
      await page.locator('#sort-direction').selectOption('desc');
      await page.getByRole('checkbox', { name: 'Permissive' }).check();
      await page.getByRole('checkbox', { name: 'Compare Mistral 7B' }).check();
      await page.getByRole('checkbox', { name: 'Compare Falcon' }).check();
      order = await article.cardTitles();
      assert.deepEqual(order, ['Falcon', 'SOLAR 10.7B', 'Mistral 7B']);
      shared = page.url();
      assert.ok(shared.startsWith(server.url), `stays under the sub-path: ${shared}`);
      assert.match(shared, /sort=params/);

      await page.goBack(); // drops the last comparison pick
      assert.doesNotMatch(page.url(), /falcon/);
      await page.goBack(); // drops Mistral
      await page.goBack(); // drops the licence filter
      assert.equal((await article.cardTitles()).length, 5);
      await page.goForward();
      assert.equal((await article.cardTitles()).length, 3);
    });
    await withPage({}, async (article, page) => {
      await page.goto(shared);
      await article.waitForLive();
      assert.deepEqual(await article.cardTitles(), order);
      assert.equal(await page.locator('#sort-key').inputValue(), 'params');
      assert.equal(await page.locator('#sort-direction').inputValue(), 'desc');
      assert.ok(await page.getByRole('checkbox', { name: 'Permissive' }).isChecked());
      await page.getByRole('region', { name: 'Comparison table' }).waitFor();
    });
  });

  test('in-page links keep the shared view (no reload under <base href>)', async () => {
    await withPage({}, async (article, page) => {
      await article.open('?sort=name');
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.getByRole('link', { name: 'Model card', exact: true }).first().click();
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no navigation happened');
      assert.match(page.url(), /\?sort=name#card-llama-2$/);
    });
  });

  test('CSV and JSON exports contain the current view', async () => {
    await withPage({}, async (article, page) => {
      await article.open('?country=France');
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
      const text = fs.readFileSync(await csv.path(), 'utf8');
      assert.equal(text.trim().split('\n').length, 2, 'header + the one Mistral variant');
      assert.match(text, /^family,variant,/);
      const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
      const families = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
      assert.deepEqual(families.map((f) => f.id), ['mistral-7b']);
    });
  });
});

describe('since the article', () => {
  test('each card lists its family\'s later releases: five on a desktop, three on a phone, the rest behind a disclosure', async () => {
    for (const [width, shown] of [[1280, 5], [375, 3]]) {
      await withPage({ width }, async (article, page, problems) => {
        await article.open();
        const since = page.locator('#card-mistral-7b .since');
        const releases = bundle.followups.releases.filter((r) => r.family === 'mistral-7b');
        const newest = [...releases].sort((a, b) => (b.date.value ?? '').localeCompare(a.date.value ?? ''))[0];
        const visible = since.locator('.since__list').first().locator('.since__item').filter({ visible: true });
        assert.equal(await visible.count(), shown, `${width}px`);
        assert.match(await visible.first().innerText(), new RegExp(newest.name.replace(/[()]/g, '.')));
        await since.locator('.since__more > summary').filter({ visible: true }).click();
        // The earlier ones are drawn when the disclosure first opens.
        await page.waitForFunction(
          (n) => [...document.querySelectorAll('#card-mistral-7b .since__item')].filter((e) => e.checkVisibility()).length === n,
          releases.length,
        );
        assert.deepEqual(problems, []);
      });
    }
  });

  test('the timeline is one Tab stop; arrow keys move along a lane and between lanes; Enter follows a release to its source', async () => {
    await withPage({ width: 1280 }, async (article, page) => {
      await article.open();
      // The live timeline is drawn when the reader comes near it; until then the prerendered one shows.
      await page.locator('#since-the-article').scrollIntoViewIfNeeded();
      await page.locator('[data-island="watch"][data-live]').waitFor({ state: 'attached' });
      await page.locator('.chart-variant--wide .timeline__link[tabindex="0"]').focus();
      const label = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
      assert.match(await label(), /^Llama 2: the release the article covers/);
      await page.keyboard.press('ArrowRight');
      assert.match(await label(), /^Llama 2: Meta Llama 3/);
      assert.match(await page.locator('.timeline__details').innerText(), /Meta Llama 3/);
      await page.keyboard.press('ArrowDown');
      assert.match(await label(), /^Mistral 7B: /);
      const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
      assert.match(href, /^https:\/\//);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.closest('.timeline__svg')), null, 'Tab leaves the timeline');
    });
  });

  test('with JavaScript off the lists, the timeline and the benchmark tables are in the page', async () => {
    const { context, page } = await openPage(browser, { width: 375 });
    try {
      await context.route('**/*.{js,wasm}', (route) => route.abort());
      await page.goto(server.url);
      assert.ok(await page.locator('#card-llama-2 .since__item').count() > 0);
      assert.equal(await page.locator('.chart-variant--narrow .timeline__lane-label').count(), bundle.models.families.length);
      assert.ok(await page.locator('#bench-lb-solar-10-7b-instruct-v1-0').count() === 1);
    } finally {
      await context.close();
    }
  });

  test('screenshots of the new sections at phone and desktop width, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ width, height: 900, colorScheme }, async (article, page, problems) => {
          await article.open();
          await page.locator('#since-the-article').screenshot({ path: new URL(`./artifacts/watch-${width}-${colorScheme}.png`, import.meta.url).pathname });
          await page.locator('#card-yi').screenshot({ path: new URL(`./artifacts/card-yi-${width}-${colorScheme}.png`, import.meta.url).pathname });
          const results = await new AxeBuilder({ page }).include('#since-the-article').include('#card-yi').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
          assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${width} ${colorScheme}`);
          assert.deepEqual(problems, []);
        });
      }
    }
  });
});

describe('reading the article', () => {
  test('the contents mark the section being read, sticky beside the text on wide screens', async () => {
    await withPage({ width: 1280, height: 900 }, async (article, page) => {
      await article.open();
      const toc = page.getByRole('navigation', { name: 'Contents' });
      await page.evaluate(() => document.getElementById('solar').scrollIntoView({ block: 'start', behavior: 'instant' }));
      const current = toc.locator('[aria-current="location"]');
      await current.waitFor();
      assert.equal(await current.innerText(), '3. Solar');
      const box = await toc.boundingBox();
      assert.ok(box.y >= 0 && box.y < 100, `the contents stay in view (y=${box.y})`);
    });
  });

  test('on a phone the contents are a disclosure that closes after a pick', async () => {
    await withPage({ width: 375, height: 812 }, async (article, page) => {
      await article.open();
      const toggle = page.getByRole('button', { name: 'Contents' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#toc-list').isVisible(), false);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.locator('#toc-list').getByRole('link', { name: '5. Falcon' }).click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.match(page.url(), /#falcon$/);
      // Scrolling is smooth unless the reader asks for reduced motion: wait for it to arrive.
      await page.waitForFunction(() => Math.abs(document.getElementById('falcon').getBoundingClientRect().top) < 120);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'falcon', 'focus moved to the section');
    });
  });

  test('heading anchors link to themselves; model sections link to their cards and back', async () => {
    await withPage({}, async (article, page) => {
      await article.open();
      await page.getByRole('link', { name: 'Link to the section “2. Mistral”' }).click();
      assert.match(page.url(), /#mistral$/);
      await page.locator('#mistral').getByRole('link', { name: 'Model card' }).click();
      assert.match(page.url(), /#card-mistral-7b$/);
      await page.locator('#card-mistral-7b').getByRole('link', { name: 'Read in the article' }).click();
      assert.match(page.url(), /#mistral$/);
    });
  });

  test('a link to a section opens there even though the text arrives after the page', async () => {
    await withPage({ width: 1280, height: 800 }, async (article, page) => {
      await page.goto(server.url + '#card-falcon');
      await page.locator('#card-falcon').waitFor();
      await page.waitForFunction(() => Math.abs(document.getElementById('card-falcon').getBoundingClientRect().top) < 50);
    });
  });

  test('the theme follows the system, and a chosen theme survives a reload', async () => {
    await withPage({ colorScheme: 'dark' }, async (article, page) => {
      await article.open();
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(await background(), 'rgb(18, 20, 24)', 'dark from the system');
      await page.getByRole('radio', { name: 'Light' }).check();
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
      assert.equal(await background(), 'rgb(255, 255, 255)');
      await page.reload();
      assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice applies before the app starts');
      await article.waitForLive();
      assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice persisted');
      assert.ok(await page.getByRole('radio', { name: 'Light' }).isChecked());
      await page.getByRole('radio', { name: 'Auto' }).check();
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
      assert.equal(await page.locator('meta[name="description"]').count(), 1);
      assert.equal(await page.locator('head > title').count(), 1);
      assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), bundle.article.title);
      // This build has no SITE_URL: a canonical link must be absolute, so there is none.
      assert.equal(await page.locator('link[rel="canonical"]').count(), 0);
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
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
      assert.equal(await page.locator('meta[property="og:image"]').count(), 0);
    });
  });

  test('print: controls hidden, link targets written out', async () => {
    await withPage({}, async (article, page, problems) => {
      await article.open();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.model-cards__controls').isVisible(), false);
      assert.equal(await page.locator('.toc').isVisible(), false);
      assert.equal(await page.locator('.model-cards__list').isVisible(), false, 'cards give way to the table');
      const summary = page.locator('.print-summary');
      assert.ok(await summary.isVisible());
      assert.equal(await summary.locator('thead th').count(), 1 + bundle.models.families.length);
      const after = await page.evaluate(() => {
        const link = document.querySelector('.article__body a[href^="https://ai.meta.com"]');
        return getComputedStyle(link, '::after').content;
      });
      assert.match(after, /^" <https:\/\/ai\.meta\.com\//);
      await page.pdf({ path: new URL('./artifacts/article-print.pdf', import.meta.url).pathname });
      assert.deepEqual(problems, [], 'no console errors or CSP violations');
    });
  });
});

describe('first paint without WebAssembly: the prerendered page', () => {
  /** What a reader without the app still gets: the whole article, every note, the chart, the cards. */
  async function assertWholePage(page) {
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), bundle.article.title);
    const body = await page.locator('.article__body').innerText();
    assert.match(body, /The excitement around open-source Large Language Models/);
    assert.match(body, /Falcon/);
    assert.equal(await page.locator('aside.editor-note').count(), bundle.notes.notes.length, 'every editor note');
    const chart = page.locator('.chart-variant--wide svg[role="img"]');
    assert.equal(await chart.count(), 1, 'the bars chart');
    assert.match(await chart.locator('desc').textContent(), /2023: \d+ releases, \d+ with open weights/);
    assert.equal(await page.locator('.model-card').count(), bundle.models.families.length, 'all cards');
    assert.equal(await page.getByText('Loading the article').count(), 0, 'never an endless loading line');
  }

  test('with JavaScript off, the whole article, notes, chart with its table, and all five cards show', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await assertWholePage(page);
      const table = page.getByRole('table', { name: /LLM releases per year/ });
      assert.ok(await table.isVisible(), 'the chart as a table, for readers without the app');
      const cells = await table.locator('tfoot td').allInnerTexts();
      assert.equal(Number(cells[2]), bundle.releases.rows.length);
      assert.ok(await page.locator('p.boot-notice', { hasText: 'JavaScript is turned off' }).isVisible(), 'the reader is told what is missing');
      assert.equal(await page.title(), bundle.article.title);
      await page.screenshot({ path: new URL('./artifacts/no-javascript-1280.png', import.meta.url).pathname });
    } finally {
      await context.close();
    }
  });

  test('with WebAssembly removed, the article is readable and a line says what is missing', async () => {
    await withPage({ width: 375, height: 812 }, async (article, page) => {
      await page.addInitScript(() => { delete window.WebAssembly; });
      await page.goto(server.url);
      const notice = page.locator('#boot-notice');
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /WebAssembly/);
      await assertWholePage(page);
      assert.equal(await page.locator('#app[data-prerendered]').count(), 1, 'the prerendered page stays');
      await article.screenshot('no-webassembly-375');
    });
  });

  test('a broken CDN copy of the .wasm (it downloads but is not a module) is reported within 3 s, the article stays', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('<html>cached error page</html>') }));
      await page.goto(server.url);
      const notice = page.locator('#boot-notice');
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /could not start/);
      await assertWholePage(page);
    });
  });

  test('a .wasm that fails to download is reported within 3 s, the article stays', async () => {
    await withPage({}, async (article, page) => {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      await page.goto(server.url);
      const notice = page.locator('#boot-notice');
      await notice.waitFor({ state: 'visible', timeout: 3000 });
      assert.match(await notice.innerText(), /could not (start|be downloaded)/);
      await assertWholePage(page);
    });
  });

  test('the takeover moves nothing (CLS 0), keeps the scroll position and paints no new largest element, at phone and desktop width', async () => {
    for (const [width, height] of [[375, 812], [1280, 900]]) {
      await withPage({ width, height }, async (article, page, problems) => {
        await page.addInitScript(() => {
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (!entry.hadRecentInput) window.__shifts.push(entry.value);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        // Hold the content back, so the reader scrolls the prerendered page before the takeover.
        const release = await holdContent(page);
        await page.goto(server.url);
        await page.locator('#app[data-prerendered] #releases-chart-wide-title').waitFor({ state: 'attached' });
        await page.evaluate(() => window.scrollTo(0, 1500));
        const before = await page.evaluate(() => window.scrollY);
        // Tag the text the reader sees, and note when the content was let through.
        const releasedAt = await page.evaluate(() => {
          document.querySelector('.article__body p').dataset.seen = 'prerendered';
          return performance.now();
        });
        release();
        await article.waitForLive();
        await page.waitForTimeout(500);
        assert.equal(await page.locator('.article__body p').first().getAttribute('data-seen'), 'prerendered', 'the article text is still the prerendered nodes');
        const lastLcp = await page.evaluate(() => new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
        }));
        assert.ok(lastLcp < releasedAt, `${width}px: no largest paint after the takeover (last at ${lastLcp} ms, content let through at ${releasedAt} ms)`);
        assert.equal(await page.evaluate(() => window.scrollY), before, `${width}px: scroll position kept`);
        const shifts = await page.evaluate(() => window.__shifts);
        assert.deepEqual(shifts, [], `${width}px: layout shifts ${JSON.stringify(shifts)}`);
        assert.deepEqual(problems, []);
      });
    }
  });

  test('a shared sorted URL starts on the default view and ends in the sorted one', async () => {
    let defaultOrder;
    await withPage({}, async (article) => {
      await article.open();
      defaultOrder = await article.cardTitles();
    });
    await withPage({}, async (article, page) => {
      const release = await holdContent(page);
      await page.goto(`${server.url}?sort=params&dir=desc`);
      const prerendered = await page.locator('#app[data-prerendered] .model-card__title').allInnerTexts();
      assert.deepEqual(prerendered, defaultOrder, 'the prerendered page shows the default order');
      release();
      await article.waitForLive();
      const titles = await article.cardTitles();
      assert.notDeepEqual(titles, prerendered, 'the shared order applies after the takeover');
      assert.equal(await page.locator('#sort-key').inputValue(), 'params');
      assert.equal(await page.locator('#sort-direction').inputValue(), 'desc');
    });
  });
});

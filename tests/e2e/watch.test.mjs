// End-to-end: what the watch promises, on the release build served under a sub-path. The page
// without JavaScript carries every family's complete-to day, the ledger's counts and the chart's
// years past 2024; the live page shows the same, and the new parts pass axe at both widths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { parseFeed } from '@rowanmanning/feed-parser';

import { axe } from './axe.mjs';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';
import { ArticlePage } from './article_page.mjs';
import { CardsPage } from './cards_page.mjs';
import { WatchPage } from './watch_page.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;

let server;
let browser;
let bundle;

before(async () => {
  assert.ok(fs.existsSync(`${DIST}/index.html`), `no release build in ${DIST}: run make e2e-build`);
  server = await serve({ root: DIST, prefix: '/llm-watch/' });
  browser = await launch();
  bundle = JSON.parse(fs.readFileSync(`${DIST}/content.json`, 'utf8'));
  fs.mkdirSync(new URL('./artifacts', import.meta.url), { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2024-06-14" as the page writes it: "14 June 2024". */
const human = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

/** The counts the ledger must show, from the data (not from the app's own code). */
function ledgerSentence(claims) {
  const n = (v) => claims.filter((c) => c.verdict === v).length;
  const hold = n('holds');
  const qualified = n('qualified');
  return `${claims.length} claims checked: ${hold} ${hold === 1 ? 'holds' : 'hold'}, `
    + `${qualified} ${qualified === 1 ? 'holds' : 'hold'} with a qualification, ${n('wrong')} wrong, `
    + `${n('uncheckable')} cannot be checked.`;
}

async function withPage(options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(page, problems);
    assert.deepEqual(problems.filter((p) => p.startsWith('csp:')), [], 'no Content-Security-Policy violations');
  } finally {
    await context.close();
  }
}

describe('the watch, complete and current', () => {
  test('without JavaScript the page carries each family\'s complete-to day, the ledger\'s counts and the chart\'s years past 2024', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const watch = new WatchPage(page);
      assert.equal(await watch.ledgerCounts().innerText(), ledgerSentence(bundle.notes.claims));
      await watch.ledgerDisclosure().click();
      assert.equal(await watch.ledgerItems().count(), bundle.notes.claims.length);
      for (const coverage of bundle.followups.coverage) {
        // textContent: the cards and the section after them have content-visibility: auto, and a
        // skipped part has no innerText until it is drawn.
        assert.match(await watch.sinceMeta(coverage.family).textContent(), new RegExp(`Complete to ${human(coverage.checked_to)}\\.`));
        assert.equal(await watch.coverageTo(coverage.family).textContent(), human(coverage.checked_to));
      }
      const earliest = bundle.followups.coverage.map((c) => c.checked_to).sort()[0];
      assert.equal(bundle.followups.as_of, earliest);
      assert.match(await watch.watchIntro().textContent(), new RegExp(`complete to ${human(earliest)};`));
      // The chart's second series, as a table (scripts off cannot switch views).
      const years = await watch.secondSeriesYears().allInnerTexts();
      const last = Number(bundle.followups.coverage.map((c) => c.checked_to).sort().at(-1).slice(0, 4));
      const expected = [];
      for (let y = Number(bundle.article.date.slice(0, 4)); y <= last; y += 1) expected.push(String(y));
      assert.deepEqual(years, expected);
      assert.ok(years.includes('2025'));
      assert.match(await watch.secondSeriesRows().last().innerText(), /partial/);
      await page.screenshot({ path: new URL('./artifacts/watch-no-javascript-375.png', import.meta.url).pathname });
    } finally {
      await context.close();
    }
  });

  test('the live page shows the same counts and dates, marks releases found later, and the new parts pass axe at 375 and 1280 px, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ width, height: 900, colorScheme }, async (page, problems) => {
          await new ArticlePage(page, server.url).open();
          const watch = new WatchPage(page);
          assert.equal(await watch.ledgerCounts().innerText(), ledgerSentence(bundle.notes.claims));
          await watch.ledgerDisclosure().click();
          const later = bundle.followups.releases.filter((r) => r.past_checked_to);
          assert.ok(later.some((r) => r.family === 'solar-10-7b'));
          assert.ok(await watch.laterBadges('solar-10-7b').count() > 0);
          await watch.secondSeries().first().waitFor();
          await watch.showLiveSection();
          for (const family of bundle.models.families) await watch.coverage(family.name).waitFor();
          const shot = (name, locator) => locator.screenshot({ path: new URL(`./artifacts/${name}-${width}-${colorScheme}.png`, import.meta.url).pathname });
          await shot('ledger', watch.ledger());
          await shot('second-series', watch.secondSeriesBlock());
          await shot('coverage', watch.coverageBlock());
          const { AREA } = WatchPage;
          const results = await axe(page, [AREA.ledger, AREA.secondSeries, AREA.coverage, CardsPage.cardArea('solar-10-7b')]);
          assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${width} ${colorScheme}`);
          assert.deepEqual(problems, []);
        });
      }
    }
  });
});

describe('keeping watch: the Atom feed', () => {
  test('feed.xml parses with a registry feed parser, has an entry per release and per note revision, newest first, each linking its place on the page', async () => {
    const response = await fetch(`${server.url}feed.xml`);
    assert.equal(response.status, 200);
    const xml = await response.text();
    const feed = parseFeed(xml);
    const article = bundle.article.date;
    const expected = [
      ...bundle.followups.releases.map((r) => `tag:llm-watch,${article}:release/${r.id}`),
      ...bundle.notes.notes.map((n) => `tag:llm-watch,${article}:note/${n.id}/${n.revised}`),
    ];
    assert.deepEqual(feed.items.map((i) => i.id).sort(), [...expected].sort());
    const times = feed.items.map((i) => i.updated.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    // `updated` comes from the data: the newest entry's day, not the build's clock.
    assert.equal(feed.updated.getTime(), Math.max(...times));
    const release = bundle.followups.releases.find((r) => r.id === 'llama-3');
    const item = feed.items.find((i) => i.id.endsWith('release/llama-3'));
    assert.match(item.title, /^Llama 2: Meta Llama 3/);
    assert.equal(item.updated.toISOString().slice(0, 10), release.date.value);
    assert.match(item.description, /Open weights/);

    // Every entry's link, resolved against the feed's own address under the sub-path, is an
    // element of the page (with JavaScript off: the prerendered page a feed reader opens).
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const articlePage = new ArticlePage(page, server.url);
      for (const entry of feed.items) {
        const target = new URL(entry.url, `${server.url}feed.xml`);
        assert.equal(target.pathname, '/llm-watch/', entry.url);
        assert.equal(await articlePage.target(target.hash.slice(1)).count(), 1, entry.url);
      }
      // The head links the feed, and the watch section says it exists.
      const href = await articlePage.feedLink().getAttribute('href');
      assert.equal(new URL(href, server.url).pathname, '/llm-watch/feed.xml');
      assert.equal(await new WatchPage(page).feedLink().count(), 1);
    } finally {
      await context.close();
    }
  });
});

describe('new since your last visit', () => {
  /** The content as the author might publish it next: one Mistral release more. */
  function withAddedRelease() {
    const edited = structuredClone(bundle);
    const releases = edited.followups.releases;
    const last = releases.filter((r) => r.family === 'mistral-7b' && !r.past_checked_to).at(-1);
    const added = { ...structuredClone(last), id: 'mistral-watch-test', name: 'Mistral Watch Test 1.0' };
    releases.splice(releases.indexOf(last) + 1, 0, added);
    return edited;
  }

  /** Opens the page and waits for the live watch section: swapped in late over a page built
   * from the same content, or at once with the whole live page over a stale one (the edited
   * content below), where it lists the added release. */
  async function openWatch(page, { edited = false } = {}) {
    await new ArticlePage(page, server.url).open();
    const watch = new WatchPage(page);
    await watch.section().scrollIntoViewIfNeeded();
    const live = edited ? watch.release('mistral-watch-test') : watch.liveSection();
    await live.waitFor({ state: 'attached' });
  }

  test('a second visit marks what was added since the first, with a count, on the card, the timeline and the watch section; Clear removes the marks', async () => {
    await withPage({ width: 1280, height: 900 }, async (page, problems) => {
      await openWatch(page);
      const watch = new WatchPage(page);
      assert.equal(await watch.newSinceBanner().count(), 0, 'a first visit marks nothing');
      assert.equal(await watch.newBadges().count(), 0);

      const edited = withAddedRelease();
      await page.route('**/content.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(edited) }));
      await openWatch(page, { edited: true });
      const banner = watch.newSinceBanner();
      await banner.waitFor();
      await banner.scrollIntoViewIfNeeded();
      assert.match(await banner.innerText(), /^New 1 release added since your visit on \d{1,2} [A-Z][a-z]+ \d{4}\. Clear these marks$/);
      const item = watch.sinceItems('mistral-7b', 'Mistral Watch Test 1.0').first();
      await item.scrollIntoViewIfNeeded();
      assert.match(await item.textContent(), /new since your visit/);
      assert.equal(await watch.newBadges('mistral-7b').count(), await watch.sinceItems('mistral-7b', 'Mistral Watch Test 1.0').count());
      await watch.timeline().scrollIntoViewIfNeeded();
      const marked = watch.newOnTimeline('wide');
      assert.equal(await marked.count(), 1);
      assert.match(await marked.getAttribute('aria-label'), /Mistral Watch Test 1\.0.*\(new since your last visit\)$/);

      await page.screenshot({ path: new URL('./artifacts/new-since-1280.png', import.meta.url).pathname });
      await banner.scrollIntoViewIfNeeded();
      await banner.screenshot({ path: new URL('./artifacts/new-since-banner-1280.png', import.meta.url).pathname });
      await watch.clearMarks().click();
      assert.equal(await banner.count(), 0);
      assert.equal(await watch.newBadges().count(), 0);
      assert.equal(await watch.newOnTimeline().count(), 0);

      // This visit was recorded: the next one has nothing new to mark.
      await openWatch(page, { edited: true });
      assert.equal(await watch.newSinceBanner().count(), 0);
      assert.deepEqual(problems, []);
    });
  });

  test('with storage blocked the page works and marks nothing', async () => {
    await withPage({ width: 375, height: 800 }, async (page, problems) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
      });
      await openWatch(page);
      await page.route('**/content.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(withAddedRelease()) }));
      await openWatch(page, { edited: true });
      const watch = new WatchPage(page);
      assert.equal(await watch.newSinceBanner().count(), 0);
      assert.equal(await watch.newBadges().count(), 0);
      assert.equal(await watch.sinceItems('mistral-7b', 'Mistral Watch Test 1.0').count() > 0, true, 'the page shows the new content');
      assert.deepEqual(problems, []);
    });
  });
});

describe('report a problem', () => {
  const template = 'https://github.com/example/llm-watch/issues/new?title={title}&body={body}';

  test('with no channel in the content no link is shown; with one, each card value, release and benchmark row links to it prefilled', async () => {
    await withPage({ width: 1280, height: 900 }, async (page, problems) => {
      await new ArticlePage(page, server.url).open();
      const watch = new WatchPage(page);
      assert.equal(await watch.reportLinks().count(), 0, 'the shipped content names no channel');

      const edited = structuredClone(bundle);
      edited.notes.report = { template };
      await page.route('**/content.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(edited) }));
      await new ArticlePage(page, server.url).open();
      await watch.sectionReportLinks().first().waitFor({ state: 'attached' });
      const link = watch.reportLink('Report a problem with Llama-2-7b context length').first();
      const href = new URL(await link.getAttribute('href'));
      assert.equal(href.origin + href.pathname, 'https://github.com/example/llm-watch/issues/new');
      assert.equal(href.searchParams.get('title'), 'Problem with Llama-2-7b context length');
      const body = href.searchParams.get('body');
      assert.match(body, /^Value: Llama-2-7b context length: 4K \(disclosed\)\nSource: https:\/\//);
      assert.match(body, new RegExp(`On the page: ${server.url.replace(/[/.]/g, '\\$&')}#card-llama-2\\n`));
      // The newest Yi release is among the five each card shows.
      const yi = bundle.followups.releases.filter((r) => r.family === 'yi' && r.date.value).sort((a, b) => b.date.value.localeCompare(a.date.value))[0];
      const release = watch.reportLink(`Report a problem with the release ${yi.name}`, { exact: true }).first();
      assert.match(new URL(await release.getAttribute('href')).searchParams.get('body'), new RegExp(`#release-${yi.id}\n`));
      const benchRows = edited.benchmarks.results.length;
      assert.equal(await watch.benchmarkReportLinks().count(), benchRows);
      assert.deepEqual(problems, []);
    });
  });

  test('a channel that is neither https nor mailto is refused with its field named, and the article stays', async () => {
    await withPage({ width: 375, height: 800 }, async (page) => {
      const edited = structuredClone(bundle);
      edited.notes.report = { template: 'javascript:alert(1)//{title}' };
      await page.route('**/content.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(edited) }));
      await page.goto(server.url);
      const articlePage = new ArticlePage(page, server.url);
      const alert = articlePage.errorAlert();
      await alert.waitFor();
      assert.match(await alert.innerText(), /report\.template: "javascript:alert\(1\)\/\/\{title\}" must start with https:\/\/ or mailto:/);
      assert.equal(await articlePage.javascriptLinks().count(), 0);
    });
  });
});

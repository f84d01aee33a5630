// Scale benchmark: the release build fed generated content (many families, many releases), then
// the time from a sort change to the next paint and from a filter change to the redraw, at
// 10 / 100 / 1,000 families, in Debian's Chromium. Prints medians; asserts nothing. A row is only
// reported when the live page rendered the generated content: an error view (content refused,
// e.g. over the 4 MB limit) is named instead of timed.
// usage: DIST=... node scale.mjs [runs]
import fs from 'node:fs';

import { launch, openPage } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

import { median } from './stats.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const RUNS = Number(process.argv[2] ?? 5);
// 2,000 releases and slimmed family copies (no locators, short sources, one coverage channel) keep 1,000
// families under the 4 MB the app reads: the bench measures the card list, not JSON size.
const RELEASES = 2_000;
const bundle = JSON.parse(fs.readFileSync(`${DIST}/content.json`, 'utf8'));

/** The shipped bundle with `count` families (copies of the five, ids made unique) and 2,000 releases. */
export function generated(count) {
  const copy = structuredClone(bundle);
  const base = bundle.models.families;
  copy.models.families = Array.from({ length: count }, (_, i) => {
    const family = base[i % base.length];
    if (i < base.length) return structuredClone(family);
    let text = JSON.stringify(family).replaceAll(`"${family.id}"`, `"${family.id}-g${i}"`);
    for (const variant of family.variants) text = text.replaceAll(`"${variant.id}"`, `"${variant.id}-g${i}"`);
    // Copies carry no locators and short source titles and URLs: the cards draw the same elements.
    const slim = { locator: undefined, title: 'Source', url: 'https://example.org/' };
    const clone = JSON.parse(text, (key, value) => (key in slim && typeof value === 'string' ? slim[key] : value));
    clone.name = `${family.name} (copy ${i})`;
    clone.summary = `Copy ${i} of ${family.name}.`;
    // A licence id can equal a family id (llama-2): copies keep their licences' entries.
    clone.variants.forEach((v, at) => { v.licence.value.terms = family.variants[at].licence.value.terms; });
    return clone;
  });
  // Each copied family needs its own completeness promise, as the content requires.
  copy.followups.coverage = copy.models.families.map((family, i) => {
    const coverage = structuredClone(bundle.followups.coverage.find((c) => c.family === base[i % base.length].id));
    if (i >= base.length) {
      // The channel that reads furthest, so the family's checked_to still lies within what was read.
      coverage.channels = [coverage.channels.reduce((a, b) => (a.read_to >= b.read_to ? a : b))];
      delete coverage.note;
    }
    return { ...coverage, family: family.id };
  });
  copy.releases.rows = Array.from({ length: RELEASES }, (_, i) => {
    const row = structuredClone(bundle.releases.rows[i % bundle.releases.rows.length]);
    if (i >= bundle.releases.rows.length) row.model = `${row.model} (copy ${i})`;
    return row;
  });
  return JSON.stringify(copy);
}

/**
 * Makes one change in the page (`{ sort: true }` flips the sort key, `{ search: TEXT }` types in
 * the search box), then waits for the frame after the next paint; returns the ms taken.
 */
async function timeToPaint(page, change) {
  return page.evaluate(
    (change) =>
      new Promise((resolve) => {
        const start = performance.now();
        if (change.sort) {
          const select = document.getElementById('sort-key');
          select.value = select.value === 'params' ? 'name' : 'params';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        } else {
          const search = document.querySelector('.model-cards__controls input[type=search]');
          search.value = change.search;
          search.dispatchEvent(new Event('input', { bubbles: true }));
        }
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }),
    change,
  );
}

const server = await serve({ root: DIST, prefix: '/llm-watch/' });
const browser = await launch();
try {
  console.log(`scale: ${RELEASES} releases; median of ${RUNS} changes each (ms, change to next paint)`);
  console.log('cards   sort    filter  cards-in-DOM');
  for (const count of [10, 100, 1000]) {
    const body = generated(count);
    const { context, page, problems } = await openPage(browser, { width: 1280, height: 900 });
    await page.route('**/content.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(server.url);
    await page.locator('#app:not([data-prerendered]) .model-card, [role=alert]').first().waitFor({ timeout: 60_000 });
    const alert = page.locator('[role=alert]');
    const status = await page.locator('.model-cards__status').textContent().catch(() => '');
    if ((await alert.count()) > 0 || !status.includes(String(count))) {
      const why = (await alert.count()) > 0 ? (await alert.first().innerText()).replaceAll('\n', ' ').slice(0, 300) : `status line "${status}"`;
      console.log(`${String(count).padEnd(7)} not measured: the live page did not render the ${(body.length / 1e6).toFixed(1)} MB generated content (${why})`);
      await context.close();
      continue;
    }
    const sorts = [];
    const filters = [];
    for (let run = 0; run < RUNS; run += 1) {
      sorts.push(await timeToPaint(page, { sort: true }));
      filters.push(await timeToPaint(page, { search: run % 2 ? '' : 'llama' }));
    }
    await timeToPaint(page, { search: '' });
    const cards = await page.locator('.model-card').count();
    console.log(`${String(count).padEnd(7)} ${median(sorts).toFixed(1).padEnd(7)} ${median(filters).toFixed(1).padEnd(7)} ${cards}`);
    if (problems.length) console.log(`  page problems: ${problems.slice(0, 3).join(' | ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// End-to-end: which of these a reader may use and can run, on the release build served under a
// sub-path. Expectations are computed here from content.json (licence clauses, sizes, attention
// layouts) with the formula the page states, never read back from the app's own code.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { axe } from './axe.mjs';
import { launch, openPage } from './browser.mjs';
import { serve } from './server.mjs';
import { ArticlePage } from './article_page.mjs';
import { CardsPage } from './cards_page.mjs';
import { ChoicePage } from './choice_page.mjs';

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

async function withPage(options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(new ChoicePage(page), page, problems);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  } finally {
    await context.close();
  }
}

const licence = (id) => bundle.licences.licences.find((l) => l.id === id);
const term = (id, clause) => licence(id)?.clauses[clause]?.value?.term;
const NEEDS = {
  'Commercial use without a user cap': (id) => ['yes', 'with_conditions'].includes(term(id, 'commercial_use')) && term(id, 'user_cap') === 'none',
  'Outputs may train other models': (id) => ['not_restricted', 'restricted'].includes(term(id, 'outputs_training')),
  'No registration': (id) => term(id, 'registration') === 'none',
};

const layout = (of, size) => bundle.architectures.architectures.find((a) => a.of === of && (a.size ?? null) === size)?.facts.value ?? null;

/** A family's open-weights models: its variants and each size of its later releases. */
function models(family) {
  const variants = family.variants.map((v) => ({
    name: v.name, terms: v.licence.value?.terms, params: v.params_b.value, context: v.context_length.value, layout: layout(v.id, null),
  }));
  const later = bundle.followups.releases
    .filter((r) => r.family === family.id && r.kind === 'release' && r.access.value === 'open_weights' && r.date.value)
    .flatMap((r) => (r.sizes.value ?? []).map((s) => ({
      name: `${r.name} (${s.label})`, terms: r.licence?.value?.terms, params: s.total_b, context: r.context_length?.value ?? null, layout: layout(r.id, s.label),
    })));
  return [...variants, ...later];
}

/** The page's stated formula: weights + KV cache (8,192 tokens or less, 16-bit) + 1 GB + 10%. */
function verdict(model, memoryGb, bytesPerParam) {
  if (model.params == null) return 'not enough data';
  const weights = model.params * bytesPerParam;
  const runtime = 1 + 0.1 * weights;
  if (!model.layout) return weights + runtime > memoryGb ? 'does not fit' : 'not enough data';
  const tokens = Math.min(8192, model.context ?? 8192, model.layout.sliding_window ?? Infinity);
  const kv = (2 * model.layout.kv_layers * model.layout.kv_heads * model.layout.head_dim * tokens * 2) / 1e9;
  return weights + kv + runtime <= memoryGb ? 'fits' : 'does not fit';
}

function expectedCards({ needs = [], fits = null }) {
  return bundle.models.families
    .filter((f) => models(f).some((m) => needs.every((n) => NEEDS[n](m.terms)) && (!fits || verdict(m, fits.gb, fits.bytes) === 'fits')))
    .map((f) => `card-${f.id}`)
    .sort();
}

describe('which of these can I use, and run?', () => {
  test('with JavaScript off, each card has its licences in plain words, every licence has its clauses with their sections, and the data links work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const choice = new ChoicePage(page);
      const llama2 = licence('llama-2');
      // textContent: the cards have content-visibility: auto, and a card not drawn yet has no innerText.
      const terms = await choice.keyTermsBlock('llama-2').textContent();
      assert.ok(terms.includes(llama2.clauses.commercial_use.value.plain), terms);
      assert.ok(terms.includes(llama2.clauses.user_cap.value.plain), terms);
      for (const entry of bundle.licences.licences) {
        const rows = choice.licenceClauses(entry.id);
        assert.equal(await rows.count(), 8, entry.id);
        const text = await choice.licence(entry.id).textContent();
        assert.ok(text.includes(entry.clauses.commercial_use.source.locator), `${entry.id} names the section`);
      }
      // Every key-term phrase leads to its clause row.
      const hrefs = await choice.termPhrases('llama-2').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length > 0);
      const article = new ArticlePage(page, server.url);
      for (const href of hrefs) assert.equal(await article.target(href.slice(1)).count(), 1, href);
      // The data files are next to the page (relative links work under the sub-path).
      const links = await choice.dataSection().getByRole('link', { name: /as CSV$|as JSON$/ }).evaluateAll((as) => as.map((a) => a.href));
      assert.equal(links.length, 2 * (3 + bundle.benchmarks.suites.length));
      for (const href of links) {
        assert.ok(href.startsWith(server.url), href);
        const response = await fetch(href);
        assert.equal(response.status, 200, href);
        const body = await response.text();
        if (href.endsWith('.json')) JSON.parse(body);
        else assert.ok(body.split('\n')[0].includes(','), href);
      }
      const models = await (await fetch(`${server.url}data/models.csv`)).text();
      assert.match(models.split('\n')[0], /params_b,params_b_status,params_b_source/);
      assert.match(await choice.dataSection().innerText(), new RegExp(`watch complete to`));
    } finally {
      await context.close();
    }
  });

  test('each licence need narrows the cards to the families with a model whose licence meets it, and two needs must meet on one model', async () => {
    await withPage({}, async (choice, page) => {
      await new ArticlePage(page, server.url).open();
      for (const need of Object.keys(NEEDS)) {
        await choice.need(need).check();
        assert.deepEqual(await choice.shownCardIds(), expectedCards({ needs: [need] }), need);
        await choice.need(need).uncheck();
      }
      const both = ['Commercial use without a user cap', 'Outputs may train other models'];
      for (const need of both) await choice.need(need).check();
      assert.deepEqual(await choice.shownCardIds(), expectedCards({ needs: both }));
      assert.match(page.url(), /needs=commercial,outputs/);
    });
  });

  test('at 16 GB and 4-bit a 70B variant does not fit and a 7B does, the "fits" filter agrees, and a reload keeps it all', async () => {
    await withPage({}, async (choice, page) => {
      await new ArticlePage(page, server.url).open();
      await choice.memory().selectOption('16');
      await choice.precision().selectOption('4');
      await choice.onlyFits().check();
      const llama = bundle.models.families.find((f) => f.id === 'llama-2');
      const check = async () => {
        for (const v of llama.variants) {
          const expected = verdict(models(llama).find((m) => m.name === v.name), 16, 0.5);
          assert.ok((await choice.variantFit('llama-2', v.name).textContent()).trim().startsWith(expected), `${v.name}: ${expected}`);
          if (v.params_b.value >= 70) assert.equal(expected, 'does not fit');
          if (v.params_b.value <= 7) assert.equal(expected, 'fits');
        }
        assert.deepEqual(await choice.shownCardIds(), expectedCards({ fits: { gb: 16, bytes: 0.5 } }));
      };
      await check();
      assert.match(page.url(), /fits=1&mem=16/);
      await page.reload();
      await new ArticlePage(page, server.url).waitForLive();
      assert.equal(await choice.memory().inputValue(), '16');
      assert.equal(await choice.precision().inputValue(), '4');
      assert.ok(await choice.onlyFits().isChecked());
      await check();
      // The formula opens beside the verdict.
      await choice.variantFit('llama-2', 'Llama-2-7b').click();
      const formula = choice.fitFormula('llama-2');
      await formula.waitFor();
      assert.match(await formula.innerText(), /KV cache 2 × 32 layers × 32 KV heads × 128 × 4,096 tokens/);
      assert.match(await choice.bestFit('llama-2').innerText(), /^Newest that fits 16 GB at 4-bit: /);
    });
  });

  test('a bad custom memory value is refused in words next to the field; a bad address value is ignored', async () => {
    await withPage({ width: 375, height: 812 }, async (choice, page) => {
      await new ArticlePage(page, server.url).open('?mem=abc&bits=7');
      assert.equal(await choice.memory().inputValue(), '24', 'the default stands');
      await choice.memory().selectOption('custom');
      await choice.customMemory().fill('lots');
      await assert.doesNotReject(choice.customError().waitFor());
      assert.equal(await choice.customError().innerText(), '“lots” is not a number of GB.');
      assert.equal(await choice.customMemory().getAttribute('aria-invalid'), 'true');
      await choice.customMemory().fill('-3');
      assert.equal(await choice.customError().innerText(), 'Memory must be more than 0 GB.');
      await choice.customMemory().fill('12.5');
      assert.equal(await choice.customError().count(), 0);
      assert.match(page.url(), /mem=12\.5/);
    });
  });

  test('the new controls, a card, a licence and the data section pass axe at 375 and 1280 px, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark']) {
        await withPage({ width, height: 900, colorScheme }, async (choice, page) => {
          await new ArticlePage(page, server.url).open('?mem=custom');
          await choice.memory().selectOption('custom');
          await choice.customMemory().fill('x');
          await choice.customError().waitFor();
          await choice.licencesSection().scrollIntoViewIfNeeded();
          const shot = (name, locator) => locator.screenshot({ path: new URL(`./artifacts/${name}-${width}-${colorScheme}.png`, import.meta.url).pathname });
          await shot('choice-controls', choice.controls());
          await shot('choice-card', choice.card('llama-2'));
          await shot('choice-licence', choice.licence('llama-3-1'));
          await shot('choice-data', choice.dataSection());
          const results = await axe(page, [CardsPage.AREA.controls, CardsPage.cardArea('llama-2'), ChoicePage.AREA.licences, ChoicePage.AREA.data]);
          assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${width} ${colorScheme}`);
        });
      }
    }
  });
});

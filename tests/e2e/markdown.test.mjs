// End-to-end: the author's Markdown beyond what the post itself uses (the fixture every-construct.md
// the core's tests also read), rendered as real elements at phone and desktop width, light and
// dark, with no axe violation in the article text.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';

import { axe } from './axe.mjs';
import { artifact, bundle, serveContent, withPage } from './fixtures.mjs';
import { MarkdownPage } from './markdown_page.mjs';

const TABLE = 'Table 1: Model, Params, Licence';

describe("the author's Markdown", () => {
  const EVERY_CONSTRUCT = fs.readFileSync(new URL('../../crates/core/tests/fixtures/every-construct.md', import.meta.url), 'utf8');

  test('every construct beyond the post renders as real elements: table, footnotes both ways, task boxes, del, callouts, autolinks, definition list, heading id', async () => {
    for (const [width, colorScheme] of [[375, 'light'], [1280, 'dark']]) {
      await withPage({ width, colorScheme }, async (article, page, problems) => {
        const extended = structuredClone(bundle);
        extended.article.markdown += `\n\n${EVERY_CONSTRUCT}`;
        await serveContent(page, extended);
        await article.open();
        const body = article.body();
        const markdown = new MarkdownPage(page);

        const region = markdown.table(TABLE);
        await region.waitFor();
        assert.equal(await region.getAttribute('tabindex'), '0', 'a scrolling region is reachable by keyboard');
        assert.deepEqual(await markdown.columnHeaders(TABLE).allInnerTexts(), ['Model', 'Params', 'Licence']);
        assert.deepEqual(await markdown.cells(TABLE).evaluateAll((cells) => cells.map((c) => c.className)), ['align-left', 'align-right', 'align-center']);
        assert.equal(await markdown.rightAlignedCells(TABLE).evaluate((c) => getComputedStyle(c).textAlign), 'right');
        assert.equal(await markdown.struckOut(TABLE).innerText(), 'open');

        const refs = markdown.footnoteRefs();
        assert.deepEqual(await refs.allInnerTexts(), ['1', '2', '1']);
        for (const ref of await refs.all()) {
          const target = (await ref.getAttribute('href')).slice(1);
          const id = await ref.getAttribute('id');
          const note = markdown.footnote(target);
          assert.equal(await note.count(), 1, `the note ${target} exists`);
          assert.equal(await markdown.backrefIn(target, id).count(), 1, `${target} links back to ${id}`);
        }
        await refs.first().click();
        await page.waitForFunction(() => location.hash === '#fn-src');
        await markdown.backrefTo('fnref-src').click();
        await page.waitForFunction(() => location.hash === '#fnref-src');

        const done = markdown.taskBox('checked the card');
        assert.ok(await done.isChecked());
        assert.ok(await done.isDisabled());
        assert.equal(await markdown.taskBox('checked the paper').isChecked(), false);

        assert.equal(await markdown.callout('Note').innerText(), 'Note\n\nUseful to know.');
        await markdown.callout('Warning').waitFor();
        assert.equal(await markdown.link('www.example.org/page').getAttribute('href'), 'http://www.example.org/page');
        assert.equal(await markdown.link('editor@example.org').getAttribute('href'), 'mailto:editor@example.org');
        assert.equal(await markdown.definitionTerms().innerText(), 'Term');
        assert.equal(await markdown.kicker('compare').count(), 1);
        assert.match(await body.innerText(), /“Quotes” and it’s – all smart…/);

        const results = await axe(page, markdown.axeScope());
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${width} ${colorScheme}`);
        await region.scrollIntoViewIfNeeded();
        await article.sectionById('compare').screenshot({ path: artifact(`markdown-heading-${width}-${colorScheme}.png`) });
        await page.screenshot({ path: artifact(`markdown-constructs-${width}-${colorScheme}.png`), fullPage: false });
        assert.deepEqual(problems, []);
      });
    }
  });
});

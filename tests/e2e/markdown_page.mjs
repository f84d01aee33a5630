// Page object for what the author's Markdown becomes in the article text: its tables (scrolling
// regions named by their captions), footnotes both ways, task boxes, callouts, autolinks,
// definition lists and headings with an id. Scoped to the article text.
import { BODY } from './article_page.mjs';

export class MarkdownPage {
  constructor(page) {
    this.page = page;
    this.body = page.locator(BODY);
  }

  /** Where axe-core looks (CSS selectors: it takes no locators). */
  axeScope() {
    return [BODY];
  }

  /** A table's scrolling region, named by the table's caption. */
  table(name) {
    return this.body.getByRole('region', { name });
  }

  columnHeaders(tableName) {
    return this.table(tableName).locator('th[scope="col"]');
  }

  cells(tableName) {
    return this.table(tableName).locator('td');
  }

  rightAlignedCells(tableName) {
    return this.table(tableName).locator('td.align-right');
  }

  struckOut(tableName) {
    return this.table(tableName).locator('del');
  }

  /** The footnote references in the text, in order. */
  footnoteRefs() {
    return this.body.locator('sup.footnote-ref a');
  }

  /** The footnote whose id is `id`. */
  footnote(id) {
    return this.page.locator(`li[id="${id}"]`);
  }

  /** The back link in footnote `noteId` to the reference whose id is `refId`. */
  backrefIn(noteId, refId) {
    return this.footnote(noteId).locator(`a.footnote-backref[href="#${refId}"]`);
  }

  /** A back link anywhere to the reference `refId`. */
  backrefTo(refId) {
    return this.page.locator(`a.footnote-backref[href="#${refId}"]`);
  }

  taskBox(name) {
    return this.body.getByRole('checkbox', { name });
  }

  /** A callout (`> [!NOTE]`), a note named by its kind. */
  callout(name) {
    return this.body.getByRole('note', { name });
  }

  link(name) {
    return this.body.getByRole('link', { name });
  }

  definitionTerms() {
    return this.body.locator('dl dt');
  }

  /** A heading with the explicit id `id` written as a kicker, at any of the levels it may get. */
  kicker(id) {
    return this.body.locator(`h3#${id}.kicker, h4#${id}.kicker, h5#${id}.kicker`);
  }
}

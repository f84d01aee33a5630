// Page object for the model cards: the sort, search and filter controls, the comparison, the
// exports, the status line and the cards themselves. Form controls by their labels, checkboxes
// and buttons by role and name; CSS only for what has no accessible handle.
import { PRERENDERED } from './article_page.mjs';

const CARD = '.model-card';

export class CardsPage {
  /** Parts of the page as CSS selectors, for axe-core (which takes no locators) and the locators below. */
  static AREA = { controls: '.model-cards__controls' };

  /** One card as a CSS selector. */
  static cardArea(familyId) {
    return `#card-${familyId}`;
  }

  constructor(page) {
    this.page = page;
  }

  sortKey() {
    return this.page.getByLabel('Sort by', { exact: true });
  }

  sortDirection() {
    return this.page.getByLabel('Order', { exact: true });
  }

  /** Sorts by `key` (`params`, `name`…), and in `direction` (`asc`, `desc`) when given. */
  async sortBy(key, direction) {
    await this.sortKey().selectOption(key);
    if (direction) await this.sortDirection().selectOption(direction);
  }

  search() {
    return this.page.getByLabel('Search names and notes', { exact: true });
  }

  developer() {
    return this.page.getByLabel('Developer', { exact: true });
  }

  country() {
    return this.page.getByLabel('Country', { exact: true });
  }

  /** A licence-kind checkbox (`Permissive`, `Restricted commercial`). */
  licenceFilter(name) {
    return this.page.getByRole('checkbox', { name });
  }

  async filterLicence(name) {
    await this.licenceFilter(name).check();
  }

  /** A size-band checkbox (`> 40B`). */
  sizeFilter(name) {
    return this.page.getByRole('checkbox', { name });
  }

  clearFilters() {
    return this.page.getByRole('button', { name: 'Clear all filters' });
  }

  /** A card's "Compare" checkbox, by the family's name. */
  compareBox(familyName) {
    return this.page.getByRole('checkbox', { name: `Compare ${familyName}` });
  }

  /** Ticks "Compare" on each named family, in order. */
  async compare(...familyNames) {
    for (const name of familyNames) await this.compareBox(name).check();
  }

  comparison() {
    return this.page.getByRole('region', { name: 'Comparison table' });
  }

  copyAsMarkdown() {
    return this.page.getByRole('button', { name: 'Copy as Markdown table' });
  }

  /** What the copy button reports (copied, or how to copy by hand). */
  comparisonStatus() {
    return this.page.locator('.comparison__status');
  }

  downloadCsv() {
    return this.page.getByRole('button', { name: 'Download CSV' });
  }

  downloadJson() {
    return this.page.getByRole('button', { name: 'Download JSON' });
  }

  /** "5 of 5 models, sorted by release date, ascending." */
  status() {
    return this.page.locator('.model-cards__status');
  }

  /** The shown cards' titles, in order. */
  titles() {
    return this.page.locator('.model-card__title').allInnerTexts();
  }

  /** The cards' titles in the prerendered page, before the app has taken over. */
  prerenderedTitles() {
    return this.page.locator(`${PRERENDERED} .model-card__title`).allInnerTexts();
  }

  /** Every card shown. */
  cards() {
    return this.page.locator(CARD);
  }

  /** Waits until no card is shown. */
  async waitForNoCards() {
    await this.page.waitForFunction((card) => document.querySelectorAll(card).length === 0, CARD);
  }

  card(familyId) {
    return this.page.locator(CardsPage.cardArea(familyId));
  }

  /** The card's link back to its section of the article. */
  readInArticle(familyId) {
    return this.card(familyId).getByRole('link', { name: 'Read in the article' });
  }

  controls() {
    return this.page.locator(CardsPage.AREA.controls);
  }

  list() {
    return this.page.locator('.model-cards__list');
  }

  /** The table print shows instead of the cards. */
  printSummary() {
    return this.page.locator('.print-summary');
  }

  printSummaryColumns() {
    return this.printSummary().locator('thead th');
  }
}

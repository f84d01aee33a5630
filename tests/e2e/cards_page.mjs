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

  /** Scrolls down a screen at a time, letting each frame paint (so the cards passed are drawn at
   * their real height, not the estimate they stand in at), until card `index` (0-based) starts at
   * the top of the viewport. Returns that card's id. */
  async scrollThroughToCard(index) {
    return this.page.evaluate(async ([selector, index]) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const target = () => document.querySelectorAll(selector)[index];
      for (let step = 0; step < 200 && target().getBoundingClientRect().top > innerHeight; step += 1) {
        // `instant`: the page scrolls smoothly otherwise, and two frames would move it a few pixels.
        window.scrollBy({ top: innerHeight, behavior: 'instant' });
        await frame();
      }
      window.scrollBy({ top: target().getBoundingClientRect().top, behavior: 'instant' });
      await frame();
      return target().id;
    }, [CARD, index]);
  }

  /** The top of the card with `id`, relative to the viewport. */
  cardTop(id) {
    return this.page.evaluate((id) => document.getElementById(id).getBoundingClientRect().top, id);
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
    return this.page.locator('.model-card__title').allTextContents();
  }

  /** The cards' titles in the prerendered page, before the app has taken over. */
  prerenderedTitles() {
    return this.page.locator(`${PRERENDERED} .model-card__title`).allTextContents();
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

// Page object for what the watch promises: the claims ledger in the article's header, each
// card's "Since the article" part and complete-to day, the watch section with its timeline and
// per-family table, the chart's second series, the "new since your visit" marks and the
// report-a-problem links. Role and label locators where the page has them, so a test breaks
// when the structure does.
import { CardsPage } from './cards_page.mjs';

export class WatchPage {
  /** Parts of the page as CSS selectors, for axe-core (which takes no locators) and the locators below. */
  static AREA = { section: '#since-the-article', ledger: '.ledger', secondSeries: '#releases-since', coverage: '.coverage' };

  constructor(page) {
    this.page = page;
    this.cards = new CardsPage(page);
  }

  /** The ledger's counts line ("37 claims checked: …"), named by itself. */
  ledgerCounts() {
    return this.page.locator('#ledger-counts strong');
  }

  ledgerDisclosure() {
    return this.page.getByText('Every claim, its verdict and its evidence');
  }

  ledgerItems() {
    return this.page.locator('.ledger__item');
  }

  /** The whole ledger block. */
  ledger() {
    return this.page.locator(WatchPage.AREA.ledger);
  }

  /** The "Since the article" part of one family's card. */
  cardSince(familyId) {
    return this.cards.card(familyId).locator('.since');
  }

  /** The card's "complete to" line. */
  sinceMeta(familyId) {
    return this.cardSince(familyId).locator('.since__meta');
  }

  /** The releases of the card's first list that CSS shows at this width. */
  shownLatest(familyId) {
    return this.cardSince(familyId).locator('.since__list').first().locator('.since__item').filter({ visible: true });
  }

  /** The disclosure of the card's earlier releases, as shown at this width. */
  earlierReleases(familyId) {
    return this.cardSince(familyId).locator('.since__more > summary').filter({ visible: true });
  }

  /** Every release item of the card (`hasText`: only those saying it). */
  sinceItems(familyId, hasText) {
    return this.cards.card(familyId).locator('.since__item', hasText === undefined ? undefined : { hasText });
  }

  /** Waits until `count` of the card's release items are visible. */
  async waitForShownItems(familyId, count) {
    await this.page.waitForFunction(
      ([selector, n]) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility()).length === n,
      [`${CardsPage.cardArea(familyId)} .since__item`, count],
    );
  }

  /** The card's "found later" badges that CSS shows. */
  laterBadges(familyId) {
    return this.cardSince(familyId).locator('.badge--later').filter({ visible: true });
  }

  /** The watch section ("Since the article"). */
  section() {
    return this.page.locator(WatchPage.AREA.section);
  }

  /** The watch section once the live app has drawn it (it is swapped in when the reader comes near). */
  liveSection() {
    return this.page.locator('[data-island="watch"][data-live]');
  }

  /** Scrolls to the watch section and waits until the live one is in the page. */
  async showLiveSection() {
    await this.section().scrollIntoViewIfNeeded();
    await this.liveSection().waitFor({ state: 'attached' });
  }

  /** A release's element, by the release's id. */
  release(id) {
    return this.page.locator(`#release-${id}`);
  }

  /** One family's promise in the watch section, a region named by the family's heading. */
  coverage(familyName) {
    return this.page.getByRole('region', { name: familyName, exact: true });
  }

  coverageRow(familyId) {
    return this.page.locator(`#coverage-${familyId}`);
  }

  /** The day a family's list is complete to, in its coverage row. */
  coverageTo(familyId) {
    return this.coverageRow(familyId).locator('.coverage__to');
  }

  /** The per-family coverage block. */
  coverageBlock() {
    return this.page.locator(WatchPage.AREA.coverage);
  }

  watchIntro() {
    return this.page.locator('.watch__intro');
  }

  /** The watch section's link to the Atom feed. */
  feedLink() {
    return this.watchIntro().locator('a[href="feed.xml"]');
  }

  /** The timeline figure. */
  timeline() {
    return this.page.locator('#timeline');
  }

  /** The wide timeline's single Tab stop. */
  timelineTabStop() {
    return this.page.locator('.chart-variant--wide .timeline__link[tabindex="0"]');
  }

  /** The line under the timeline that describes the release in focus. */
  timelineDetails() {
    return this.page.locator('.timeline__details');
  }

  /** The timeline SVG the focused element is in (null when focus is outside every timeline). */
  focusedTimeline() {
    return this.page.evaluate(() => document.activeElement.closest('.timeline__svg'));
  }

  /** The lane labels of the `variant` (`wide` or `narrow`) timeline. */
  laneLabels(variant) {
    return this.page.locator(`.chart-variant--${variant} .timeline__lane-label`);
  }

  /** A benchmark table, by its id without the `bench-` prefix. */
  benchmark(id) {
    return this.page.locator(`#bench-${id}`);
  }

  /** The second series' SVG, named by its title. */
  secondSeries() {
    return this.page.getByRole('img', { name: /Releases per year by the article's five developers/ });
  }

  /** The second series' block: its chart and table. */
  secondSeriesBlock() {
    return this.page.locator(WatchPage.AREA.secondSeries);
  }

  secondSeriesTable() {
    return this.page.getByRole('table', { name: /Second series/ });
  }

  secondSeriesYears() {
    return this.secondSeriesTable().locator('tbody th');
  }

  secondSeriesRows() {
    return this.secondSeriesTable().locator('tbody tr');
  }

  /** The "New: … added since your visit" banner. */
  newSinceBanner() {
    return this.page.locator('.new-since');
  }

  /** The "new since your visit" badges (of one card, when given). */
  newBadges(familyId) {
    return familyId === undefined ? this.page.locator('.badge--new') : this.cards.card(familyId).locator('.badge--new');
  }

  /** Timeline links marked new (in the `variant` frame, when given). */
  newOnTimeline(variant) {
    return this.page.locator(variant === undefined ? '.timeline__link--new' : `.chart-variant--${variant} .timeline__link--new`);
  }

  clearMarks() {
    return this.page.getByRole('button', { name: 'Clear these marks' });
  }

  /** Every report-a-problem link. */
  reportLinks() {
    return this.page.locator('.report-link');
  }

  /** The report-a-problem links in the watch section. */
  sectionReportLinks() {
    return this.section().locator('.report-link');
  }

  /** The report-a-problem links of the benchmark tables' rows. */
  benchmarkReportLinks() {
    return this.page.locator('.benchmarks__table tbody .report-link');
  }

  /** A report-a-problem link by its name ("Report a problem with Llama-2-7b context length"). */
  reportLink(name, options = {}) {
    return this.page.getByRole('link', { name, ...options });
  }
}

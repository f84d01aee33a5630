// Page object for what the watch promises: the claims ledger in the article's header, each
// card's complete-to day, the watch section's per-family table and the chart's second series.
// Role and label locators where the page has them, so a test breaks when the structure does.
export class WatchPage {
  constructor(page) {
    this.page = page;
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

  /** The "Since the article" part of one family's card. */
  cardSince(familyId) {
    return this.page.locator(`#card-${familyId} .since`);
  }

  /** One family's promise in the watch section, a region named by the family's heading. */
  coverage(familyName) {
    return this.page.getByRole('region', { name: familyName, exact: true });
  }

  coverageRow(familyId) {
    return this.page.locator(`#coverage-${familyId}`);
  }

  watchIntro() {
    return this.page.locator('.watch__intro');
  }

  /** The second series' SVG, named by its title. */
  secondSeries() {
    return this.page.getByRole('img', { name: /Releases per year by the article's five developers/ });
  }

  secondSeriesTable() {
    return this.page.getByRole('table', { name: /Second series/ });
  }
}

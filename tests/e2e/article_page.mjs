// Page object for the article page: role and label locators, so the tests read like what a
// reader does and break when the accessible structure breaks.
export class ArticlePage {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  /** Opens the page and waits until the live app has taken over the prerendered one. */
  async open(query = '') {
    await this.page.goto(this.url + query);
    await this.waitForLive();
  }

  /** The release build's page is prerendered (`#app[data-prerendered]`); the app replaces it. */
  async waitForLive() {
    await this.page.locator('#app:not([data-prerendered]) h1.article__title').waitFor();
  }

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  section(name) {
    return this.page.getByRole('heading', { name, exact: false });
  }

  errorAlert() {
    return this.page.getByRole('alert');
  }

  retryButton() {
    return this.page.getByRole('button', { name: 'Retry' });
  }

  viewToggle(name) {
    return this.page.getByRole('group', { name: 'Show the releases as' }).getByRole('button', { name });
  }

  /** The year buttons of the frame CSS shows at this width (both frames are in the page). */
  yearButtons() {
    return this.page.locator('.chart__hit').filter({ visible: true });
  }

  releasesTable() {
    return this.page.getByRole('table', { name: /LLM releases per year/ });
  }

  editorNotes() {
    return this.page.getByRole('complementary');
  }

  cardTitles() {
    return this.page.locator('.model-card__title').allInnerTexts();
  }

  cardsStatus() {
    return this.page.locator('.model-cards__status');
  }

  async screenshot(name) {
    await this.page.screenshot({ path: new URL(`./artifacts/${name}.png`, import.meta.url).pathname, fullPage: true });
  }
}

// Page object for the article page: role and label locators, so the tests read like what a
// reader does and break when the accessible structure breaks. The chart, the cards, the watch
// section and the rendered Markdown have their own page objects (chart_page.mjs, cards_page.mjs,
// watch_page.mjs, markdown_page.mjs); this one is the article, its contents, theme, start-up
// notices and what the head says.

/** The article text's container (axe-core, which takes CSS only, is scoped with it too). */
export const BODY = '.article__body';

/** The app's root while it still holds the prerendered page; the app drops the attribute. */
export const PRERENDERED = '#app[data-prerendered]';

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

  /** Waits for the prerendered page's title (before the app has taken over). */
  async waitForPrerendered() {
    await this.page.locator(`${PRERENDERED} h1.article__title`).waitFor();
  }

  /** The prerendered page's root, while it is still the one shown. */
  prerenderedApp() {
    return this.page.locator(PRERENDERED);
  }

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  section(name) {
    return this.page.getByRole('heading', { name, exact: false });
  }

  /** A section's heading by its id (`mistral`), the target of the contents' and cards' links. */
  sectionById(id) {
    return this.page.locator(`#${id}`);
  }

  /** The heading's own anchor ("Link to the section “2. Mistral”"). */
  sectionAnchor(name) {
    return this.page.getByRole('link', { name: `Link to the section “${name}”` });
  }

  /** The first "Model card" link (each model section of the article has one). */
  firstCardLink() {
    return this.page.getByRole('link', { name: 'Model card', exact: true }).first();
  }

  /** The "Model card" link of the section whose heading has id `sectionId`. */
  cardLink(sectionId) {
    return this.sectionById(sectionId).getByRole('link', { name: 'Model card' });
  }

  /** Any element by its id, however odd the id (a footnote's, a feed entry's target). */
  target(id) {
    return this.page.locator(`[id="${id}"]`);
  }

  /** Scrolls section `id` to the top of the viewport at once. */
  async scrollToSection(id) {
    await this.page.evaluate((at) => document.getElementById(at).scrollIntoView({ block: 'start', behavior: 'instant' }), id);
  }

  /** Waits until element `id` is within `within` px of the viewport's top (smooth scrolling has arrived). */
  async waitUntilAtTop(id, within) {
    await this.page.waitForFunction(([at, px]) => Math.abs(document.getElementById(at).getBoundingClientRect().top) < px, [id, within]);
  }

  /** The article text, rendered from the author's Markdown. */
  body() {
    return this.page.locator(BODY);
  }

  /** The paragraphs of the article text. */
  bodyParagraphs() {
    return this.page.locator(`${BODY} p`);
  }

  /**
   * Tags the first paragraph of the article text with `data-seen` (to tell later whether it is
   * still the same node) and returns the page's clock at that moment, in one step.
   */
  tagFirstParagraph(value) {
    return this.page.evaluate(([body, seen]) => {
      document.querySelector(`${body} p`).dataset.seen = seen;
      return performance.now();
    }, [BODY, value]);
  }

  /** Script and image elements inside the article text (hostile Markdown must not make any). */
  bodyScriptsAndImages() {
    return this.page.locator(`${BODY} script, ${BODY} img`);
  }

  /** Links anywhere whose address hides a script scheme. */
  scriptLinks() {
    return this.page.locator('a[href*="script:"]');
  }

  /** Links anywhere with a javascript: address. */
  javascriptLinks() {
    return this.page.locator('a[href^="javascript:"]');
  }

  /** What print writes after the article link to `hrefStart` (its `::after` content). */
  linkTargetWrittenOut(hrefStart) {
    return this.page.evaluate(([body, start]) => {
      const link = document.querySelector(`${body} a[href^="${start}"]`);
      return getComputedStyle(link, '::after').content;
    }, [BODY, hrefStart]);
  }

  /** From the next navigation on, records every layout shift not caused by input; read them with
   * `layoutShifts()`, forget those so far with `forgetLayoutShifts()`. */
  async recordLayoutShifts() {
    await this.page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!entry.hadRecentInput) window.__shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }

  layoutShifts() {
    return this.page.evaluate(() => window.__shifts);
  }

  forgetLayoutShifts() {
    return this.page.evaluate(() => { window.__shifts = []; });
  }

  /** Elements carrying an inline style attribute. */
  styledElements() {
    return this.page.locator('[style]');
  }

  /** The article elements: one once the app has taken over, two while a failure keeps the prerendered copy. */
  articles() {
    return this.page.locator('article.article');
  }

  /** The prerendered article kept readable below a loading failure. */
  keptCopy() {
    return this.page.locator('article.article[data-prerendered-copy]');
  }

  /** The start-up line that says the app could not start (hidden when all is well). */
  bootNotice() {
    return this.page.locator('#boot-notice');
  }

  /** A start-up line saying `text` (with scripts off, the page's own line). */
  bootNoticeSaying(text) {
    return this.page.locator('p.boot-notice', { hasText: text });
  }

  loadingLine() {
    return this.page.getByText('Loading the article');
  }

  errorAlert() {
    return this.page.getByRole('alert');
  }

  retryButton() {
    return this.page.getByRole('button', { name: 'Retry' });
  }

  editorNotes() {
    return this.page.locator('aside.editor-note');
  }

  /** The https source links of the `index`th editor note. */
  noteSources(index) {
    return this.editorNotes().nth(index).locator('.editor-note__sources a[href^="https://"]');
  }

  /** The contents, beside the text on a wide screen, a disclosure on a phone. */
  contents() {
    return this.page.getByRole('navigation', { name: 'Contents' });
  }

  /** The contents' entry marked as the section being read. */
  currentContentsEntry() {
    return this.contents().locator('[aria-current="location"]');
  }

  /** The phone's disclosure button for the contents. */
  contentsToggle() {
    return this.page.getByRole('button', { name: 'Contents' });
  }

  contentsList() {
    return this.page.locator('#toc-list');
  }

  contentsLink(name) {
    return this.contentsList().getByRole('link', { name });
  }

  /** The contents block as CSS lays it out (hidden in print). */
  contentsBlock() {
    return this.page.locator('.toc');
  }

  theme(name) {
    return this.page.getByRole('radio', { name });
  }

  metaDescription() {
    return this.page.locator('meta[name="description"]');
  }

  headTitle() {
    return this.page.locator('head > title');
  }

  /** An Open Graph tag (`og:title`). */
  openGraph(property) {
    return this.page.locator(`meta[property="${property}"]`);
  }

  canonicalLink() {
    return this.page.locator('link[rel="canonical"]');
  }

  jsonLd() {
    return this.page.locator('script[type="application/ld+json"]');
  }

  /** The head's link to the Atom feed. */
  feedLink() {
    return this.page.locator('link[rel="alternate"][type="application/atom+xml"]');
  }

  async screenshot(name) {
    await this.page.screenshot({ path: new URL(`./artifacts/${name}.png`, import.meta.url).pathname, fullPage: true });
  }
}

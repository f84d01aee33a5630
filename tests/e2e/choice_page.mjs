// Page object for "which can I use, and run?": the licence-need filters, the memory budget's
// controls, a card's best-fit line, key terms and variant verdicts, the licences section and the
// data downloads. Role and label locators, each control named once.
import { CardsPage } from './cards_page.mjs';

export class ChoicePage {
  /** Parts of the page as CSS selectors, for axe-core (which takes no locators). */
  static AREA = { licences: '#licences', data: '#data' };

  constructor(page) {
    this.page = page;
    this.cards = new CardsPage(page);
  }

  need(label) {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  onlyFits() {
    return this.page.getByRole('checkbox', { name: 'Only models that fit' });
  }

  memory() {
    return this.page.getByLabel('Memory you have');
  }

  customMemory() {
    return this.page.getByLabel('Custom memory (GB)');
  }

  precision() {
    return this.page.getByLabel('Precision');
  }

  /** The refusal next to the custom field (its accessible description). */
  customError() {
    return this.page.locator('#budget-custom-error');
  }

  controls() {
    return this.cards.controls();
  }

  card(familyId) {
    return this.cards.card(familyId);
  }

  /** The ids of the cards shown, sorted. */
  async shownCardIds() {
    return (await this.cards.cards().evaluateAll((cards) => cards.map((c) => c.id))).sort();
  }

  bestFit(familyId) {
    return this.card(familyId).locator('.best-fit');
  }

  keyTerms(familyId) {
    return this.page.getByRole('group', { name: /licence terms in plain words$/ }).and(this.keyTermsBlock(familyId));
  }

  /** The card's key terms as laid out, whether or not the accessibility tree has them. */
  keyTermsBlock(familyId) {
    return this.card(familyId).locator('.model-card__key-terms');
  }

  /** The card's key-term phrases, each a link to its clause row. */
  termPhrases(familyId) {
    return this.card(familyId).locator('.terms__phrase');
  }

  /** The card's memory formula, once a verdict has opened it. */
  fitFormula(familyId) {
    return this.card(familyId).locator('.fit__formula').filter({ hasText: /\S/ });
  }

  /** The verdict cell of a variant's row, found by the row's header (the variant's name). */
  variantFit(familyId, variantName) {
    return this.card(familyId).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: variantName, exact: true }) }).locator('.model-card__fit summary');
  }

  licencesSection() {
    return this.page.getByRole('region', { name: 'Licence terms, clause by clause' });
  }

  licence(id) {
    return this.page.locator(`#licence-${id}`);
  }

  /** A licence's clause rows. */
  licenceClauses(id) {
    return this.licence(id).locator('tbody tr');
  }

  dataSection() {
    return this.page.getByRole('region', { name: 'Data and citation' });
  }

  download(name) {
    return this.page.getByRole('link', { name, exact: true });
  }
}

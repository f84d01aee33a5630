// Page object for "which can I use, and run?": the licence-need filters, the memory budget's
// controls, a card's best-fit line, key terms and variant verdicts, the licences section and the
// data downloads. Role and label locators, each control named once.
export class ChoicePage {
  constructor(page) {
    this.page = page;
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
    return this.page.locator('.model-cards__controls');
  }

  card(familyId) {
    return this.page.locator(`#card-${familyId}`);
  }

  bestFit(familyId) {
    return this.card(familyId).locator('.best-fit');
  }

  keyTerms(familyId) {
    return this.page.getByRole('group', { name: /licence terms in plain words$/ }).and(this.card(familyId).locator('.model-card__key-terms'));
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

  dataSection() {
    return this.page.getByRole('region', { name: 'Data and citation' });
  }

  download(name) {
    return this.page.getByRole('link', { name, exact: true });
  }
}

// axe-core over a page, with the WCAG 2.2 A and AA rules every spec file checks. Page objects
// give the parts to scope it to as CSS selectors (axe takes no locators).
import AxeBuilder from '@axe-core/playwright';

export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core's WCAG rules on the page, or only on the parts `include` names (CSS selectors). */
export function axe(page, include = []) {
  const builder = new AxeBuilder({ page });
  for (const selector of include) builder.include(selector);
  return builder.withTags(WCAG).analyze();
}

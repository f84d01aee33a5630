// Page object for the releases chart: the bars-or-table toggle, the year buttons over the bars,
// the details line, the table view and the SVG's description. Both frames (wide and narrow) are
// in the page and CSS shows one; the locators here say which they mean.
import { PRERENDERED } from './article_page.mjs';

export class ChartPage {
  constructor(page) {
    this.page = page;
  }

  viewToggle(name) {
    return this.page.getByRole('group', { name: 'Show the releases as' }).getByRole('button', { name });
  }

  /** The year buttons of the frame CSS shows at this width (both frames are in the page). */
  yearButtons() {
    return this.page.locator('.chart__hit').filter({ visible: true });
  }

  /** A year's button, by its accessible name ("2023: 40 releases, 12 with open weights"). */
  yearButton(name) {
    return this.page.getByRole('button', { name });
  }

  /** The line under the chart that describes the year in focus. */
  details() {
    return this.page.locator('.releases__details');
  }

  releasesTable() {
    return this.page.getByRole('table', { name: /LLM releases per year/ });
  }

  /** The table's totals row cells (open, closed, all). */
  releasesTableTotals() {
    return this.releasesTable().locator('tfoot td');
  }

  /** The wide frame's bars chart, an SVG image. */
  barsChart() {
    return this.page.locator('.chart-variant--wide svg[role="img"]');
  }

  /** The bars chart's text description (its `<desc>`). */
  barsChartDescription() {
    return this.barsChart().locator('desc');
  }

  /** Waits until the prerendered page's wide chart is in the DOM (before the app takes over). */
  async waitForPrerenderedChart() {
    await this.page.locator(`${PRERENDERED} #releases-chart-wide-title`).waitFor({ state: 'attached' });
  }

  /**
   * For each year button of the frame shown, how far its centre is from its year label's centre
   * (`offset`, px) and whether it spans from its bar's top to its label's bottom (`covers`).
   */
  placement() {
    return this.page.evaluate(() => {
      const chart = [...document.querySelectorAll('.chart-variant--wide, .chart-variant--narrow')]
        .find((el) => el.offsetParent !== null);
      const labels = [...chart.querySelectorAll('.chart__year')].map((t) => t.getBoundingClientRect());
      const bars = [...chart.querySelectorAll('.chart__bar')].map((g) => g.getBoundingClientRect());
      return [...chart.querySelectorAll('.chart__hit')].map((b, i) => {
        const r = b.getBoundingClientRect();
        return { offset: Math.abs(r.left + r.width / 2 - (labels[i].left + labels[i].width / 2)), covers: r.top <= bars[i].top + 1 && r.bottom >= labels[i].bottom - 1 };
      });
    });
  }
}

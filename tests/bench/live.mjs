// What the load benchmarks wait for: the live app in place of the prerendered page. A load that
// ended in an error view (its live root also holds a heading: the article kept below the error)
// is refused, so no number ever times a failure.

/** Waits until the live app has taken over, and throws if what took over is an error view. */
export async function waitForLiveArticle(page) {
  await page.locator('#app:not([data-prerendered]) h1').waitFor();
  const alert = page.locator('#app [role=alert]');
  if ((await alert.count()) > 0) {
    const why = (await alert.first().innerText()).replaceAll('\n', ' ').slice(0, 200);
    throw new Error(`the page loaded an error view, not the article: ${why}`);
  }
}

// Developer aid: screenshot one element (or the page) of a served build.
// usage: node scripts/snap.mjs URL OUT.png [--width 1280] [--dark] [--selector CSS] [--click CSS]...
// (Chromium through tests/e2e's playwright-core: run scripts/install-test-deps.sh first.)
import { launch, openPage } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const [url, out] = args;
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const clicks = args.flatMap((a, i) => (a === '--click' ? [args[i + 1]] : []));
const browser = await launch();
const { page, problems } = await openPage(browser, {
  width: Number(flag('--width', 1280)),
  height: Number(flag('--height', 900)),
  colorScheme: args.includes('--dark') ? 'dark' : 'light',
});
await page.goto(url);
// Wait for the live app (the release build is prerendered, then taken over).
await page.locator('#app:not([data-prerendered]) h1').waitFor();
for (const selector of clicks) await page.locator(selector).first().click();
const selector = flag('--selector');
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out, fullPage: args.includes('--full') });
if (problems.length) console.error(problems.join('\n'));
await browser.close();

// Debian's Chromium driven by playwright-core: no browser download is possible on our machines.
import { chromium } from 'playwright-core';

// Keep Chromium off the closed network (without these it hammers refused connections).
const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ARGS });
}

/** Opens a page and records console errors and uncaught exceptions. */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // The release build ships a strict CSP: any violation (an inline script whose hash is not in
  // the policy, say) is a problem, whether or not the browser also logs it.
  await page.exposeFunction('__reportCspViolation', (text) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`);
    });
  });
  return { context, page, problems };
}

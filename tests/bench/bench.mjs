// Load-time benchmark of a release build, served like a CDN (brotli, the build's `_headers`
// caching rules, ETags) from loopback, in Debian's Chromium: a desktop profile, a throttled phone
// profile (4x CPU slowdown, Lighthouse's slow 4G), and the same phone coming back (the page loaded once, then
// again with the browser cache honouring the headers: hashed files from cache, the rest a 304).
// For each: first paint, when the live app took over, and the first answered interaction: from
// navigation, a sort change is tried every 50 ms until one changes the address (what a reader's
// first tap waits for), with the bytes (all, and wasm) that had arrived by then.
// Reports medians; never asserts (timings belong in notes, not in tests).
// usage: DIST=... node tests/bench/bench.mjs [runs]
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

import { waitForLiveArticle } from './live.mjs';

import { median } from './stats.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const RUNS = Number(process.argv[2] ?? 5);
const PROFILES = {
  desktop: { viewport: { width: 1280, height: 900 }, cpu: 1, network: null },
  'phone-throttled': {
    viewport: { width: 375, height: 812 },
    cpu: 4,
    // Lighthouse's "slow 4G" figures: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up.
    network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
};
PROFILES['phone-repeat'] = { ...PROFILES['phone-throttled'], repeat: true };

/** In the page before any of its scripts: tries a sort change every 50 ms until the address
 * answers it, and records when (`window.__answered`, ms from navigation). On the prerendered page
 * the select exists but nothing listens; the live app's select answers by writing `?sort=`. */
const FIRST_ANSWER = () => {
  window.__answered = null;
  const attempt = () => {
    if (new URLSearchParams(location.search).get('sort') === 'params') {
      window.__answered = performance.now();
      return;
    }
    const select = document.getElementById('sort-key');
    if (select) {
      select.value = 'params';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    setTimeout(attempt, 50);
  };
  attempt();
};

const server = await serve({ root: DIST, prefix: '/llm-watch/' });
const browser = await launch();
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const samples = { fcp: [], lcp: [], title: [], bytes: [], answered: [], bytesBefore: [], wasmBefore: [] };
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: profile.viewport });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: !profile.repeat });
      if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      if (profile.repeat) {
        // The first visit fills the cache; only the return visit is measured.
        await page.goto(server.url);
        await waitForLiveArticle(page);
        await page.goto('about:blank');
      }
      let bytes = 0;
      cdp.on('Network.loadingFinished', (event) => {
        bytes += event.encodedDataLength;
      });
      await page.addInitScript(FIRST_ANSWER);
      await page.goto(server.url);
      // The article is prerendered; this is when the live app has taken it over (interactive).
      await waitForLiveArticle(page);
      const titleAt = await page.evaluate(() => performance.now());
      await page.waitForTimeout(300);
      const paints = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              resolve({ fcp, lcp: entries[entries.length - 1].startTime });
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      );
      await page.waitForFunction(() => window.__answered != null, null, { timeout: 60_000 });
      const answer = await page.evaluate(() => {
        const at = window.__answered;
        const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= at);
        const sum = (list) => list.reduce((total, r) => total + r.transferSize, 0);
        const navigation = performance.getEntriesByType('navigation')[0];
        return { at, bytes: sum(before) + (navigation?.transferSize ?? 0), wasm: sum(before.filter((r) => r.name.endsWith('.wasm'))) };
      });
      samples.answered.push(answer.at);
      samples.bytesBefore.push(answer.bytes);
      samples.wasmBefore.push(answer.wasm);
      samples.fcp.push(paints.fcp);
      samples.lcp.push(paints.lcp);
      samples.title.push(titleAt);
      samples.bytes.push(bytes);
      await context.close();
    }
    console.log(
      `${name.padEnd(16)} runs=${RUNS} transfer=${(median(samples.bytes) / 1024).toFixed(0)} KiB ` +
        `FCP=${median(samples.fcp).toFixed(0)} ms  app-live=${median(samples.title).toFixed(0)} ms  LCP=${median(samples.lcp).toFixed(0)} ms  ` +
        `first-answer=${median(samples.answered).toFixed(0)} ms (after ${(median(samples.bytesBefore) / 1024).toFixed(0)} KiB, wasm ${(median(samples.wasmBefore) / 1024).toFixed(0)} KiB)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

// A/B check of main-thread blocking while the app loads over its prerendered page: for each
// DIST folder given, five loads in Chromium at 4x CPU slowdown, the long tasks (>50 ms) each load
// saw, and the median of their blocking time (each task's time over 50 ms, as TBT counts it).
// On a shared 2-core machine runs vary by ±100 ms: compare medians of builds measured together.
// usage: node tests/bench/longtasks.mjs DIST [DIST...]
import { launch, openPage } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

import { waitForLiveArticle } from './live.mjs';

const browser = await launch();
for (const dist of process.argv.slice(2)) {
  const server = await serve({ root: dist, prefix: '/llm-watch/' });
  const runs = [];
  for (let run = 0; run < 5; run++) {
    const { context, page } = await openPage(browser, { width: 412, height: 823 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url);
    await waitForLiveArticle(page);
    await page.waitForTimeout(1500);
    const tasks = await page.evaluate(() => window.__longTasks);
    runs.push({ tasks, blocking: tasks.reduce((sum, t) => sum + Math.max(0, t - 50), 0) });
    await context.close();
  }
  runs.sort((a, b) => a.blocking - b.blocking);
  console.log(`${dist}: median blocking ${runs[2].blocking} ms; runs ${runs.map((r) => `${r.blocking} [${r.tasks.join(' ')}]`).join('; ')}`);
  await server.close();
}
await browser.close();

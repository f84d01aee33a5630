// What the long tasks of a load are made of: one load of DIST at 4x CPU slowdown in Chromium with a
// devtools timeline trace, then each main-thread task over 50 ms with the events inside it that
// took the most time (script, wasm compile, style, layout, parse). Prints; asserts nothing.
// usage: DIST=... [MIN_MS=50] node tests/bench/trace_tasks.mjs   (MIN_MS: list tasks longer than this)
import { launch, openPage } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

import { waitForLiveArticle } from './live.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const MIN_MS = Number(process.env.MIN_MS ?? 50);
const server = await serve({ root: DIST, prefix: '/llm-watch/' });
const browser = await launch();
try {
  const { context, page } = await openPage(browser, { width: 412, height: 823 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing'] });
  await page.goto(server.url);
  await waitForLiveArticle(page);
  await page.waitForTimeout(1500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  // The renderer main thread with the most work (other renderers are extensions or about:blank).
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const work = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').reduce((s, e) => s + (e.dur ?? 0), 0);
  const main = mains.sort((a, b) => work(b) - work(a))[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const start = Math.min(...onMain.map((e) => e.ts));
  for (const task of tasks.filter((t) => t.dur > MIN_MS * 1000 /* µs */)) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 2_000);
    const byName = new Map();
    for (const e of inside) {
      const what = e.name + (e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : '') + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '');
      byName.set(what, Math.max(byName.get(what) ?? 0, e.dur));
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}ms`);
    console.log(`task at ${((task.ts - start) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms: ${top.join('; ')}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

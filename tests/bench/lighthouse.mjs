// Lighthouse (mobile, simulated throttling) on the release build and on a static HTML copy of the
// same rendered page (its DOM after the app has taken over, scripts removed), both served by the
// same CDN-like server with brotli, interleaved run by run. Prints medians and the ratio of our
// LCP to the static copy's; asserts nothing. Goal (issue "first paint"): LCP ratio <= 1.1,
// performance within 2 points of the static copy, CLS 0.
// usage: DIST=... node lighthouse.mjs [runs]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { launch, openPage } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

import { waitForLiveArticle } from './live.mjs';

import { median } from './stats.mjs';

const DIST = process.env.DIST ?? new URL('../../target/e2e-dist', import.meta.url).pathname;
const RUNS = Number(process.argv[2] ?? 5);
const PREFIX = '/llm-watch/';
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
].join(' ');
const LIGHTHOUSE = new URL('./node_modules/.bin/lighthouse', import.meta.url).pathname;

/** A copy of DIST whose index.html is the app's rendered DOM with every script taken out. */
async function staticCopy(url) {
  const browser = await launch();
  try {
    const { page } = await openPage(browser, { width: 412, height: 823 });
    await page.goto(url);
    await waitForLiveArticle(page);
    const html = await page.evaluate(() => {
      const root = document.documentElement.cloneNode(true);
      root.querySelectorAll('script:not([type="application/ld+json"]), link[rel="modulepreload"], link[rel="preload"]').forEach((node) => node.remove());
      return `<!DOCTYPE html>\n${root.outerHTML}`;
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-watch-static-'));
    fs.cpSync(DIST, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    return dir;
  } finally {
    await browser.close();
  }
}

/** One Lighthouse run, in a child process (the servers live in this one's event loop). */
async function lighthouse(url) {
  const { stdout: out } = await promisify(execFile)(
    LIGHTHOUSE,
    [url, '--only-categories=performance,seo', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${CHROME_FLAGS}`],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out);
  // LH_REPORTS=DIR keeps each run's full report, to see what a number is made of.
  if (process.env.LH_REPORTS) {
    fs.mkdirSync(process.env.LH_REPORTS, { recursive: true });
    const name = `${new URL(url).port}-${Date.now()}.json`;
    fs.writeFileSync(path.join(process.env.LH_REPORTS, name), out);
  }
  const audit = (id) => report.audits[id].numericValue;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    seo: Math.round(report.categories.seo.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    // Main-thread tasks over 50 ms (Lighthouse's diagnostic, simulated at its 4x CPU slowdown).
    longTasks: (report.audits['long-tasks']?.details?.items ?? []).map((t) => Math.round(t.duration)),
  };
}

const app = await serve({ root: DIST, prefix: PREFIX });
const copyDir = await staticCopy(app.url);
const copy = await serve({ root: copyDir, prefix: PREFIX });
try {
  const results = { app: [], static: [] };
  for (let run = 0; run < RUNS; run += 1) {
    results.app.push(await lighthouse(app.url));
    results.static.push(await lighthouse(copy.url));
  }
  const row = (name, runs) => {
    const m = (key) => median(runs.map((r) => r[key]));
    const longest = median(runs.map((r) => Math.max(0, ...r.longTasks)));
    const count = median(runs.map((r) => r.longTasks.filter((d) => d > 50).length));
    return { name, performance: m('performance'), seo: m('seo'), fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), si: m('si'), count, longest };
  };
  const rows = [row('the app (release build)', results.app), row('static copy of its DOM', results.static)];
  const { stdout: version } = await promisify(execFile)(LIGHTHOUSE, ['--version']);
  console.log(`Lighthouse ${version.trim()}, mobile, simulated throttling, median of ${RUNS}`);
  console.log('| | performance | SEO | FCP | LCP | TBT | CLS | Speed Index | tasks > 50 ms | longest |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.performance} | ${r.seo} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${r.tbt.toFixed(0)} ms | ${r.cls.toFixed(3)} | ${(r.si / 1000).toFixed(2)} s | ${r.count} | ${r.longest} ms |`);
  }
  console.log(`LCP ratio (app / static): ${(rows[0].lcp / rows[1].lcp).toFixed(2)}; performance gap: ${rows[1].performance - rows[0].performance} points`);
  console.log(`all runs: ${JSON.stringify(results)}`);
} finally {
  await app.close();
  await copy.close();
  fs.rmSync(copyDir, { recursive: true, force: true });
}

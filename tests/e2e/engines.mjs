// The two engines besides Chromium that readers use, from Debian's packages and driven offline:
// Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver download), and WebKitGTK
// (Safari's engine) through selenium-webdriver against WebKitWebDriver, whose MiniBrowser has no
// headless mode and so runs under Xvfb. Both are wrapped in one small interface so the smoke test
// reads the same for each.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Which engines are installed here; `make test` installs both (scripts/install-test-deps.sh). */
export function available() {
  return {
    firefox: fs.existsSync(FIREFOX),
    webkit: fs.existsSync(WEBKIT_DRIVER) && fs.existsSync(MINIBROWSER) && fs.existsSync('/usr/bin/Xvfb'),
  };
}

/** The engine-neutral surface the smoke test needs. */
class Session {
  /** Evaluates `fn(arg)` in the page and returns its JSON-able result. */
  async evaluate(fn, arg) { throw new Error(`evaluate(${fn}, ${arg}) not implemented`); }

  /** Polls `fn(arg)` in the page until it returns a truthy value (or fails after `timeout` ms). */
  async waitFor(fn, arg, { timeout = 20_000, what = String(fn) } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg).catch(() => undefined);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

class FirefoxSession extends Session {
  static async start() {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      // Keep Firefox off the closed network: no update, telemetry or safe-browsing requests.
      extraPrefsFirefox: {
        'app.update.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'network.captive-portal-service.enabled': false,
      },
    });
    const session = new FirefoxSession();
    session.browser = browser;
    session.page = await browser.newPage();
    await session.page.setViewport({ width: 1280, height: 900 });
    session.problems = [];
    session.page.on('pageerror', (error) => session.problems.push(`pageerror: ${error.message}`));
    session.page.on('console', (msg) => {
      if (msg.type() === 'error') session.problems.push(`console: ${msg.text()}`);
    });
    return session;
  }

  get name() { return 'Firefox ESR'; }
  async goto(url) { await this.page.goto(url); }
  async evaluate(fn, arg) { return this.page.evaluate(fn, arg); }
  async url() { return this.page.url(); }
  async close() { await this.browser.close(); }
}

class WebKitSession extends Session {
  static async start() {
    const display = `:${90 + (process.pid % 9)}`;
    const xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
    await waitForPort(port);
    const session = new WebKitSession();
    session.processes = [driver, xvfb];
    session.driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    session.problems = [];
    return session;
  }

  get name() { return 'WebKitGTK'; }
  async goto(url) { await this.driver.get(url); }
  async evaluate(fn, arg) {
    return this.driver.executeScript(`return (${fn})(arguments[0]);`, arg);
  }
  async url() { return this.driver.getCurrentUrl(); }
  async close() {
    await this.driver?.quit().catch(() => {});
    for (const p of this.processes) p.kill();
  }
}

export function start(engine) {
  return engine === 'firefox' ? FirefoxSession.start() : WebKitSession.start();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForPort(port, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port}`);
}

// A small W3C WebDriver client (Node's fetch, no dependency) and the three
// engines it drives: Debian's Chromium (chromedriver), Firefox ESR
// (geckodriver from crates.io) and WebKitGTK's MiniBrowser (WebKitWebDriver,
// under xvfb-run). Each journey gets a new session, so a clean profile and a
// clean origin.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const HOME = process.env.HOME ?? '/root';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--window-size=1280,900',
];

/** The engines: how to start each one's driver and what to ask it for. */
export const ENGINES = {
  chromium: {
    driver: () => [process.env.CHROMEDRIVER || '/usr/bin/chromedriver'],
    port: (p) => [`--port=${p}`],
    capabilities: (downloads) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    }),
  },
  firefox: {
    driver: () => [process.env.GECKODRIVER || join(HOME, '.cargo/bin/geckodriver')],
    port: (p) => ['--port', String(p)],
    capabilities: (downloads) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=900'],
        prefs: {
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'text/csv,application/json,text/plain',
          'browser.download.manager.showWhenStarting': false,
          // No network but the page's own: nothing to look up at start.
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'app.update.auto': false,
          'browser.safebrowsing.downloads.enabled': false,
          'browser.safebrowsing.downloads.remote.enabled': false,
          'intl.accept_languages': 'en-US, en',
        },
      },
    }),
  },
  webkit: {
    // WebKitWebDriver starts MiniBrowser, which needs a display: xvfb-run
    // gives it one (-a picks a free display number).
    driver: () => ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', '/usr/bin/WebKitWebDriver'],
    port: (p) => [`--port=${p}`],
    capabilities: () => ({
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  },
};

/** Whether this machine has what the engine needs. */
export function available(name) {
  const need = {
    chromium: ['/usr/bin/chromium', process.env.CHROMEDRIVER || '/usr/bin/chromedriver'],
    firefox: ['/usr/bin/firefox-esr', process.env.GECKODRIVER || join(HOME, '.cargo/bin/geckodriver')],
    webkit: ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
  }[name];
  return need.filter((path) => !existsSync(path));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A running driver process on its own port. */
export class Driver {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.log = [];
  }

  async start() {
    const engine = ENGINES[this.name];
    const [command, ...args] = engine.driver();
    this.process = spawn(command, [...args, ...engine.port(this.port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk) => {
      this.log.push(String(chunk));
      if (this.log.length > 200) this.log.shift();
    };
    this.process.stdout.on('data', keep);
    this.process.stderr.on('data', keep);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/status`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (this.process.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(`${this.name}: the driver did not start\n${this.log.join('')}`);
  }

  stop() {
    if (!this.process || this.process.exitCode !== null) return;
    // The whole group: xvfb-run's Xvfb and the browser with it.
    try {
      process.kill(-this.process.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }

  /** A new session: a fresh profile, downloads into a folder of its own. */
  async session() {
    const downloads = mkdtempSync(join(tmpdir(), `fleetplan-${this.name}-dl-`));
    const response = await call('POST', `${this.url}/session`, {
      capabilities: { alwaysMatch: ENGINES[this.name].capabilities(downloads) },
    }, 60_000);
    const session = new Session(this, response.sessionId, downloads);
    await session.cmd('POST', '/window/rect', { width: 1280, height: 900 }).catch(() => {});
    await session.cmd('POST', '/timeouts', { script: 30_000, pageLoad: 30_000, implicit: 0 });
    return session;
  }
}

async function call(method, url, body, timeout = 30_000) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || (json.value && json.value.error)) {
    const v = json.value ?? {};
    throw new Error(`${method} ${url.replace(/^http:\/\/[^/]+/, '')}: ${v.error ?? response.status}: ${v.message ?? ''}`.trim());
  }
  return json.value;
}

/** One browser session. Texts and attributes are read through scripts:
 * WebKitWebDriver refuses some element-text reads. */
export class Session {
  constructor(driver, id, downloads) {
    this.driver = driver;
    this.id = id;
    this.downloads = downloads;
    this.engine = driver.name;
  }

  cmd(method, path, body) {
    return call(method, `${this.driver.url}/session/${this.id}${path}`, body);
  }

  async close() {
    try {
      await call('DELETE', `${this.driver.url}/session/${this.id}`, undefined, 20_000);
    } catch {
      // The session may already be gone.
    }
  }

  goto(url) {
    return this.cmd('POST', '/url', { url });
  }

  /** Reloads the page as a person does (F5), and waits for the new one.
   * Not WebDriver's refresh: Firefox's bypasses the service worker. */
  async reload(ready = '[data-testid="plan-name"]') {
    await this.run(() => {
      window.__beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await this.waitFor((css) => !window.__beforeReload && document.querySelector(css) !== null, [ready], 'the page is loaded again', 30_000);
  }

  /** Runs `fn` (a function or its source) in the page with `args`. */
  run(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Runs an async function in the page and waits for its result. */
  runAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`;
    return this.cmd('POST', '/execute/async', { script, args }).then((r) => {
      if (r && r.error) throw new Error(r.error);
      return r?.ok;
    });
  }

  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return value[ELEMENT];
  }

  /** Waits until `css` matches an element, and returns it. */
  async element(css, timeout = 10_000) {
    await this.waitFor((selector) => document.querySelector(selector) !== null, [css], `${css} appears`, timeout);
    return this.find(css);
  }

  async click(css) {
    const id = await this.element(css);
    await this.cmd('POST', `/element/${id}/click`, {});
  }

  /** Types over a field's text as a person does (Control+A, then the text;
   * `\uE007` is Enter). WebDriver's clear would commit an empty field first. */
  async type(css, text) {
    const id = await this.element(css);
    // Each command releases its modifiers at its end: Control+A alone, then
    // the text (Firefox drops what follows a Null key in the same command).
    await this.cmd('POST', `/element/${id}/value`, { text: '\uE009a' });
    await this.cmd('POST', `/element/${id}/value`, { text });
  }

  /** Gives a file input a file from disk. */
  async upload(css, path) {
    const id = await this.element(css);
    await this.cmd('POST', `/element/${id}/value`, { text: path });
  }

  /** Polls `predicate(...args)` in the page until it is true. */
  async waitFor(predicate, args, what, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        last = await this.run(predicate, ...args);
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting until ${what} (last: ${JSON.stringify(last)})`);
  }

  text(css) {
    return this.run((s) => document.querySelector(s)?.textContent ?? null, css);
  }

  attr(css, name) {
    return this.run((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, css, name);
  }

  /** Waits until the text of `css` is `expected` (or passes the test). */
  async waitText(css, expected, timeout = 10_000) {
    const test = typeof expected === 'function' ? expected : (t) => t === expected;
    const deadline = Date.now() + timeout;
    let text;
    while (Date.now() < deadline) {
      text = await this.text(css);
      if (text !== null && test(text)) return text;
      await sleep(100);
    }
    throw new Error(`${css}: text is ${JSON.stringify(text)}, expected ${typeof expected === 'function' ? expected.toString() : JSON.stringify(expected)}`);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}

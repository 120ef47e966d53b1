#!/usr/bin/env node
// Runs the core journeys (tests/browsers/journeys.mjs) in Chromium, Firefox
// and WebKit through WebDriver against a built bundle, and writes the counts
// to test-results/browsers.json for scripts/test.
//
//   node tests/browsers/run.mjs [--dist DIR] [--port N] [--engines chromium,firefox,webkit]
//        [--journeys views,salary,...] [--screenshots DIR]
//
// The engines run one after another, each with its own driver; the journeys
// of an engine run one after another, each in a new session. An engine
// whose browser or driver is missing counts as a failure, never a skip: a
// fresh machine gets them from scripts/setup.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JOURNEYS } from './journeys.mjs';
import { Driver, available } from './webdriver.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4180' },
    engines: { type: 'string', default: 'chromium,firefox,webkit' },
    journeys: { type: 'string', default: Object.keys(JOURNEYS).join(',') },
    screenshots: { type: 'string' },
    out: { type: 'string', default: 'test-results/browsers.json' },
  },
});
const dist = resolve(ROOT, values.dist);
const port = Number(values.port);
const engines = values.engines.split(',').filter(Boolean);
const journeys = values.journeys.split(',').filter(Boolean);
if (values.screenshots) mkdirSync(values.screenshots, { recursive: true });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Serves the bundle on `port` (scripts/static_server.py) until stopped. */
async function serve(at) {
  const child = spawn('python3', [resolve(ROOT, 'scripts/static_server.py'), dist, String(at)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${at}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // Not up yet.
    }
    await sleep(50);
  }
  return {
    base,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

const results = [];
const server = await serve(port);
// The offline journey stops its own server; one port per engine, so a
// service worker of one engine's run never meets another's.
let offlinePort = port + 1;
const started = Date.now();
try {
  for (const engine of engines) {
    const missing = available(engine);
    if (missing.length > 0) {
      for (const journey of journeys) {
        results.push({ engine, journey, ok: false, error: `missing ${missing.join(', ')} (scripts/setup installs it)` });
        console.log(`✘ ${engine} ${journey}: missing ${missing.join(', ')}`);
      }
      continue;
    }
    let driver = new Driver(engine, port + 100 + engines.indexOf(engine));
    try {
      await driver.start();
    } catch (e) {
      for (const journey of journeys) results.push({ engine, journey, ok: false, error: e.message });
      console.log(`✘ ${engine}: ${e.message}`);
      continue;
    }
    for (const journey of journeys) {
      const t0 = Date.now();
      let session;
      let error = null;
      try {
        try {
          session = await driver.session();
        } catch (e) {
          // A browser that did not start (seen once with WebKit on a busy
          // machine) is the machine's, not the journey's: one new driver, once.
          console.log(`  ${engine}: no session (${e.message}); starting the driver again`);
          driver.stop();
          driver = new Driver(engine, driver.port + 10);
          await driver.start();
          session = await driver.session();
        }
        await JOURNEYS[journey](session, {
          base: server.base,
          screenshots: values.screenshots,
          serve: () => serve(offlinePort++),
        });
      } catch (e) {
        error = e.message;
        if (session && values.screenshots) {
          try {
            writeFileSync(resolve(values.screenshots, `${engine}-${journey}-failed.png`), await session.screenshot());
          } catch {
            // No screenshot then.
          }
        }
      } finally {
        await session?.close();
      }
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      results.push({ engine, journey, ok: error === null, error, seconds: Number(seconds) });
      console.log(`${error === null ? '✔' : '✘'} ${engine} ${journey} (${seconds} s)${error ? `\n    ${error}` : ''}`);
    }
    driver.stop();
  }
} finally {
  server.stop();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
writeFileSync(resolve(ROOT, values.out), JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000, results }, null, 2));
console.log(`browsers: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed === 0 ? 0 : 1);

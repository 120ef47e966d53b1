// Large plans in headless Chromium (a benchmark, not a test): how long the
// page is blocked when each view opens, and a ledger download of one fiscal
// year with its time and peak memory. Figures go to BENCHMARKS.md
// ("Large plans: views and the chunked ledger").
//
// Usage: node scripts/bench-large.mjs URL[,URL2...] PLAN.json [RUNS] [--views=bands,compare]
//          [--ledger=FY2027|all] [--ledger-scenario=Base] [--no-views] [--profile=VIEW]
//   PLAN: `fleetplan-cli generate 20000 36 3 2026 -o /tmp/plan-20000.json`.
//   With several URLs (builds served side by side, e.g. before and after a
//   change), the runs alternate between them in one session.
//
// For each view: open the Overview, then click the view's tab and record
// every long task (PerformanceObserver 'longtask') until the view is on
// screen and the page has been quiet for 500 ms (a view that shows
// progress is waited for until its progress element is gone: Compare's,
// and the Salary bands view's while it checks 50,000 salaries). The figure
// per run is the longest task; the median over the runs is printed.
//
// --ledger=FY2027: on the Export view, choose that fiscal year (and the
// first scenario with --ledger-scenario), click the ledger's download and
// time it until the download starts; samples the JS heap and the JS array
// buffers' backing stores (CDP Runtime.getHeapUsage: usedSize,
// backingStorageSize) and the wasm memory (TrunkApplicationStarted's
// `wasm.memory.buffer.byteLength`) every 50 ms and prints the peaks. A file
// refused as too large is reported with the command line the page gives.
import { chromium } from 'playwright-core';
import { readFileSync, statSync } from 'node:fs';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const [k, v = 'true'] = a.slice(2).split('=');
      return [k, v];
    }),
);
const [urlArg = 'http://127.0.0.1:8093/', planFile = '/tmp/plan-20000.json', runsArg = '5'] = positional;
const urls = urlArg.split(',');
const runs = Number(runsArg);
const views = (flags.views ?? 'overview,headcount,teams,bands,cloud,assumptions,scenarios,compare,exports,plans').split(',');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1048576).toFixed(0)} MiB`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});

async function openPlan(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${url}] page error:`, e.message));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__wasm = e.detail.wasm;
    });
  });
  await page.goto(`${url}#plans`);
  // By path: Playwright refuses buffers over 50 MB (the 50,000-position plan is 56 MB).
  await page.getByTestId('backup-open').setInputFiles(planFile);
  await page.getByTestId('plan-row').nth(1).waitFor({ timeout: 300000 });
  return { context, page };
}

/** Waits until no long task has ended for 500 ms. */
async function quiet(page) {
  await page.evaluate(async () => {
    let seen = window.__longTasks.length;
    let since = performance.now();
    while (performance.now() - since < 500) {
      await new Promise((r) => setTimeout(r, 50));
      if (window.__longTasks.length !== seen) {
        seen = window.__longTasks.length;
        since = performance.now();
      }
    }
  });
}

/** Opens `view` from the Overview; the longest task (ms) while it opens.
 * `bands-chart`: on the open Salary bands view, from the chart's table back
 * to the chart (the chart alone, drawn again). `bands-more`: on the open
 * Salary bands view, the "Show 50 more" of the positions outside their band
 * (after `bands` in --views, the list's first 50 rows to 100). */
async function openView(page, view) {
  if (view === 'bands-more') {
    if (!(await page.locator('[data-testid="outside-more"]').count())) {
      await page.click('nav [data-view="overview"]');
      await page.waitForSelector('[data-testid="kpi-total"]', { timeout: 120000 });
      await page.click('nav [data-view="bands"]');
    }
    await page.waitForSelector('[data-testid="outside-band"]', { timeout: 120000 });
    await quiet(page);
    // A build that shows every row has no such button.
    if (!(await page.locator('[data-testid="outside-more"]').count())) return null;
    return page.evaluate(async () => {
      window.__longTasks = [];
      const start = performance.now();
      const before = document.querySelectorAll('[data-testid="outside-row"]').length;
      document.querySelector('[data-testid="outside-more"]').click();
      while (document.querySelectorAll('[data-testid="outside-row"]').length === before) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const done = performance.now() - start;
      await new Promise((r) => setTimeout(r, 600));
      const tasks = window.__longTasks;
      return { longest: Math.max(0, ...tasks), over200: tasks.filter((d) => d > 200).length, total: tasks.reduce((a, b) => a + b, 0), done };
    });
  }
  if (view === 'bands-chart') {
    if (!(await page.locator('[data-testid="band-chart-toggle"]').count())) {
      await page.click('nav [data-view="bands"]');
    }
    await page.waitForSelector('[data-testid="band-chart-toggle"]', { timeout: 120000 });
    if ((await page.getAttribute('[data-testid="band-chart-toggle"]', 'aria-pressed')) !== 'true') {
      await page.click('[data-testid="band-chart-toggle"]');
    }
    await quiet(page);
    return page.evaluate(async () => {
      window.__longTasks = [];
      const start = performance.now();
      document.querySelector('[data-testid="band-chart-toggle"]').click();
      await new Promise((r) => requestAnimationFrame(() => r()));
      await new Promise((r) => setTimeout(r, 600));
      const tasks = window.__longTasks;
      return { longest: Math.max(0, ...tasks), over200: tasks.filter((d) => d > 200).length, total: tasks.reduce((a, b) => a + b, 0), done: performance.now() - start - 600 };
    });
  }
  if (view !== 'overview') {
    await page.click('nav [data-view="overview"]');
    await page.waitForSelector('[data-testid="kpi-total"]', { timeout: 120000 });
  } else {
    await page.click('nav [data-view="plans"]');
  }
  await page.waitForTimeout(300);
  return page.evaluate(async (view) => {
    window.__longTasks = [];
    const start = performance.now();
    document.querySelector(`nav [data-view="${view}"]`).click();
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    await frame();
    // On screen: the view's tab is current and nothing shows progress;
    // then quiet for 500 ms (no long task ended in it).
    let quietSince = performance.now();
    let seen = window.__longTasks.length;
    while (true) {
      await new Promise((r) => setTimeout(r, 50));
      const busy = document.querySelector('[data-testid="view-progress"], [data-testid="compare-progress"], [data-testid="export-progress"]');
      if (window.__longTasks.length !== seen || busy) {
        seen = window.__longTasks.length;
        quietSince = performance.now();
      }
      if (performance.now() - quietSince > 500) break;
      if (performance.now() - start > 120000) break;
    }
    const tasks = window.__longTasks;
    return { longest: Math.max(0, ...tasks), over200: tasks.filter((d) => d > 200).length, total: tasks.reduce((a, b) => a + b, 0), done: quietSince - start };
  }, view);
}

// --profile=VIEW: a CPU profile of opening VIEW (a build with function
// names: data-keep-debug, DEVELOPERS.md), the functions with most self time.
async function profileView(page, view) {
  await page.click('nav [data-view="overview"]');
  await page.waitForSelector('[data-testid="kpi-total"]', { timeout: 120000 });
  await page.waitForTimeout(300);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.click(`nav [data-view="${view}"]`);
  await page.waitForTimeout(3000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
    if (name === '(idle)' || name === '(program)') return;
    self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[i]);
    total += profile.timeDeltas[i];
  });
  console.log(`\nprofile of opening ${view}: ${(total / 1000).toFixed(0)} ms busy`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 1000).toFixed(1).padStart(8)} ${k.slice(0, 140)}`);
}

const sessions = [];
for (const url of urls) sessions.push({ url, ...(await openPlan(url)), results: {} });

if (flags.profile) {
  for (const s of sessions) await profileView(s.page, flags.profile);
} else if (flags['no-views'] !== 'true') {
  for (let run = 0; run < runs; run++) {
    for (const s of sessions) {
      for (const view of views) {
        const r = await openView(s.page, view);
        (s.results[view] ??= []).push(r);
      }
    }
  }
  for (const s of sessions) {
    console.log(`\n${s.url} with ${planFile}, ${runs} runs: longest task while the view opens (median; max of runs), tasks over 200 ms (median), time until quiet (median)`);
    for (const view of views) {
      const rs = s.results[view].filter(Boolean);
      if (!rs.length) {
        console.log(`  ${view.padEnd(12)} n/a in this build`);
        continue;
      }
      console.log(
        `  ${view.padEnd(12)} longest ${ms(median(rs.map((r) => r.longest))).padStart(8)} (max ${ms(Math.max(...rs.map((r) => r.longest)))})` +
          `  over 200 ms: ${median(rs.map((r) => r.over200))}  blocked in all: ${ms(median(rs.map((r) => r.total)))}  until quiet: ${ms(median(rs.map((r) => r.done)))}`,
      );
    }
  }
}

if (flags.ledger) {
  for (const s of sessions) {
    const { page } = s;
    await page.click('nav [data-view="exports"]');
    await page.getByTestId('export-ledger').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const year = page.getByTestId('export-year');
    if (flags.ledger !== 'all' && (await year.count())) await year.selectOption({ label: flags.ledger });
    if (flags['ledger-scenario']) await page.getByTestId('export-scenario').selectOption({ label: flags['ledger-scenario'] });
    // Refused before any work (too large for a browser): say so, with the command.
    await page.waitForTimeout(1000);
    if (await page.getByTestId('export-too-large').count()) {
      const size = await page.getByTestId('export-size-ledger').innerText();
      const command = await page.getByTestId('export-command').innerText();
      console.log(`\n${s.url}: ledger ${flags.ledger}: refused before any work (${size}); the page gives: ${command}`);
      continue;
    }
    const before = await cdp.send('Runtime.getHeapUsage');
    const wasmBefore = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
    let peakHeap = before.usedSize;
    let peakBacking = before.backingStorageSize ?? 0;
    let peakWasm = wasmBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const h = await cdp.send('Runtime.getHeapUsage');
          peakHeap = Math.max(peakHeap, h.usedSize);
          peakBacking = Math.max(peakBacking, h.backingStorageSize ?? 0);
          const w = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
          peakWasm = Math.max(peakWasm, w);
        } catch {
          /* the page is busy or gone */
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await page.evaluate(() => {
      window.__longTasks = [];
    });
    const t0 = Date.now();
    const errors = [];
    // A crash (the module's panic, then `unreachable`) ends the wait.
    const crashed = new Promise((resolve) => {
      page.on('pageerror', (e) => {
        errors.push(e.message);
        if (/unreachable|panicked/.test(e.message)) setTimeout(() => resolve(new Error('the page crashed')), 500);
      });
    });
    const download = Promise.race([page.waitForEvent('download', { timeout: 600000 }), crashed]).catch((e) => e);
    await page.getByTestId('export-ledger').click();
    const file = await download;
    const t1 = Date.now();
    sampling = false;
    await sampler;
    const tasks = await page.evaluate(() => window.__longTasks);
    if (file instanceof Error) {
      console.log(`\n${s.url}: ledger ${flags.ledger}: no download after ${ms(t1 - t0)} (${file.message}); page errors: ${errors.join(' | ') || 'none'}`);
      const note = await page.locator('.export-card [role="alert"], .export-card [role="status"]').allInnerTexts().catch(() => []);
      if (note.length) console.log(`  on screen: ${note.join(' | ')}`);
      continue;
    }
    const path = await file.path();
    const size = statSync(path).size;
    console.log(
      `\n${s.url}: ledger ${flags.ledger}${flags['ledger-scenario'] ? ` ${flags['ledger-scenario']}` : ''}: ${file.suggestedFilename()}, ${size.toLocaleString('en-US')} bytes in ${ms(t1 - t0)} (click to download)` +
        `; longest task ${ms(Math.max(0, ...tasks))}, tasks over 200 ms: ${tasks.filter((d) => d > 200).length}` +
        `; JS heap ${mb(before.usedSize)} before, peak ${mb(peakHeap)}; JS array buffers ${mb(before.backingStorageSize ?? 0)} before, peak ${mb(peakBacking)}; wasm memory ${mb(wasmBefore)} before, peak ${mb(peakWasm)}` +
        `; page errors: ${errors.join(' | ') || 'none'}`,
    );
    if (flags.keep) console.log(`  saved at ${path}`);
  }
}

for (const s of sessions) await s.context.close();
await browser.close();

// Switching to a view whose wasm chunk is not loaded yet (a benchmark, not a
// test): from the click on the view's tab to the view on screen, its chunks
// fetched from the server (localhost) and instantiated. Each run opens the
// Overview in a new browser context, so no chunk is cached. Figures go to
// BENCHMARKS.md ("First load and lazily loaded views").
//
// Usage: node scripts/bench-switch.mjs [URL] [RUNS]
//   URL defaults to http://127.0.0.1:8080/ (scripts/serve).
import { chromium } from 'playwright-core';

const [url = 'http://127.0.0.1:8080/', runsArg = '7'] = process.argv.slice(2);
const runs = Number(runsArg);
const views = ['headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'actuals', 'pivot', 'exports', 'plans'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
console.log(`| view | click to view shown, median of ${runs} (ms) | min | max | wasm files fetched |`);
console.log('|---|---:|---:|---:|---:|');
for (const view of views) {
  const times = [];
  let files = 0;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`${view}: page error:`, e.message));
    await page.goto(url);
    await page.locator('[data-testid="plan-name"]').waitFor();
    await page.waitForLoadState('networkidle');
    const [took, fetched] = await page.evaluate(async (view) => {
      const wasm = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length;
      const before = wasm();
      const start = performance.now();
      document.querySelector(`nav [data-view="${view}"]`).click();
      await new Promise((resolve) => {
        const check = () => {
          const main = document.querySelector('main.page');
          if (main && main.childElementCount > 0 && !main.querySelector('.view-loading')) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      // The frame the view is painted in.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const took = performance.now() - start;
      // Resource entries reach the timeline a little after their responses.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return [took, wasm() - before];
    }, view);
    times.push(took);
    files = fetched;
    await context.close();
  }
  console.log(`| ${view} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${files} |`);
}
await browser.close();

// Times opening the Compare view (every scenario forecast, the table, the
// bridge and the monthly chart drawn) with a large plan in headless Chromium.
// Usage: node scripts/bench-compare.mjs [URL] [PLAN.json] [RUNS]
//   PLAN defaults to `fleetplan-cli generate 5000 36 3 2026 -o /tmp/plan-5000x3.json`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', planFile = '/tmp/plan-5000x3.json', runsArg = '11'] = process.argv.slice(2);
const runs = Number(runsArg);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// The plan file of 3 × 5,000 positions is larger than local storage's quota
// as JSON: it is opened as a backup, which stores it in the compact record.
await page.goto(`${url}#plans`);
await page.getByTestId('backup-open').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(planFile) });
await page.getByTestId('plan-row').nth(1).waitFor();
const times = [];
for (let i = 0; i < runs; i++) {
  await page.click('nav [data-view="overview"]');
  await page.waitForSelector('[data-testid="kpi-total"]');
  const t = await page.evaluate(async () => {
    const start = performance.now();
    document.querySelector('nav [data-view="compare"]').click();
    while (!document.querySelector('[data-testid="bridge-other-total"]')) {
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  });
  times.push(t);
}
console.log(`open Compare with ${planFile}, ${runs} runs: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms`);
await browser.close();

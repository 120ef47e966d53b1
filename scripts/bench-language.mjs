// Times switching the UI's language with a large plan open in headless
// Chromium: from the choice in the header to the rebuilt page's next frame,
// on the Overview and on the Headcount view (the whole page is rebuilt).
// Usage: node scripts/bench-language.mjs [URL] [PLAN.json] [RUNS]
//   PLAN defaults to `fleetplan-cli generate 5000 36 1 2026 -o /tmp/plan-5000.json`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', planFile = '/tmp/plan-5000.json', runsArg = '11'] = process.argv.slice(2);
const runs = Number(runsArg);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${url}#plans`);
await page.getByTestId('backup-open').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(planFile) });
await page.getByTestId('plan-row').nth(1).waitFor();
for (const view of ['overview', 'headcount']) {
  await page.click(`nav [data-view="${view}"]`);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = await page.evaluate(async (view) => {
      const select = document.querySelector('[data-testid="language"]');
      const next = select.value === 'ja' ? 'en' : 'ja';
      const label = next === 'ja' ? (view === 'overview' ? '概要' : '人員') : (view === 'overview' ? 'Overview' : 'Headcount');
      const start = performance.now();
      select.value = next;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      while (document.querySelector(`nav [data-view="${view}"]`)?.textContent !== label) {
        await new Promise((r) => setTimeout(r, 0));
      }
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - start;
    }, view);
    times.push(t);
  }
  console.log(`switch language on ${view} with ${planFile}, ${runs} runs: median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms`);
}
await browser.close();

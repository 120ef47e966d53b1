// Budget vs actual with a large plan: from the tab's click to the variance
// table on screen (and the next frame), and from one actual typed in the
// entry grid (change event) to the new year-to-date total on screen.
// Usage: node scripts/bench-actuals.mjs URL PLAN.json [RUNS]  (the plan needs
// actuals closed in FY2027 and a no-team cloud cell for Apr 2027; see the report)
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [url, planFile, runs = '11'] = process.argv.slice(2);
const plan = readFileSync(planFile, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
await page.evaluate((text) => { localStorage.clear(); localStorage.setItem('fleetplan.plan', text); localStorage.setItem('fleetplan.language', 'en'); }, plan);
await page.reload();
await page.waitForSelector('[data-testid="kpi-total"]');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// Until `done()` holds, then the next frame; -1 after 5 s.
const until = `(t0, done, resolve) => { const step = () => { if (done()) requestAnimationFrame(() => resolve(performance.now() - t0)); else if (performance.now() - t0 > 5000) resolve(-1); else setTimeout(step, 0); }; step(); }`;
const open = [], edit = [];
for (let i = 0; i < Number(runs); i++) {
  await page.click('nav [data-view="overview"]');
  await page.waitForSelector('[data-testid="kpi-total"]');
  await page.waitForTimeout(300);
  open.push(await page.evaluate((until) => new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('nav [data-view="actuals"]').click();
    eval(until)(t0, () => document.querySelector('[data-testid="variance-total"] [data-col="ytd-actual"]'), resolve);
  }), until));
  await page.waitForTimeout(300);
  edit.push(await page.evaluate(([until, n]) => new Promise((resolve) => {
    const cell = document.querySelector('[data-testid="entry-row"][data-month="2027-04"] input[data-field="cloud"]');
    const before = document.querySelector('[data-testid="variance-total"] [data-col="ytd-actual"]').textContent;
    const t0 = performance.now();
    cell.value = String(4000000 + n * 1000);
    cell.dispatchEvent(new Event('change', { bubbles: true }));
    eval(until)(t0, () => { const now = document.querySelector('[data-testid="variance-total"] [data-col="ytd-actual"]'); return now && now.textContent !== before; }, resolve);
  }), [until, i]));
}
console.log('open', open.map((x) => x.toFixed(1)).join(' '), 'median', median(open).toFixed(1));
console.log('edit', edit.map((x) => x.toFixed(1)).join(' '), 'median', median(edit).toFixed(1));
await browser.close();

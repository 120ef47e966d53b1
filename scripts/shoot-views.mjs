// Screenshots of the planner's views with a plan file loaded, to look at them.
// Usage: node scripts/shoot-views.mjs URL PLAN.json OUTDIR [VIEW ...] [--width=1280] [--zoom=1] [--lang=en|ja]
// VIEW is a navigation key (overview, headcount, teams, bands, cloud, assumptions, scenarios, compare, exports, plans);
// every view when none is given. Writes OUTDIR/VIEW.png (full page). --zoom=2 shows
// the page as browser zoom at 200 % would on a screen WIDTH pixels wide. --lang picks the
// UI's language (English by default).
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const width = Number((args.find((a) => a.startsWith('--width=')) || '--width=1280').slice(8));
const zoom = Number((args.find((a) => a.startsWith('--zoom=')) || '--zoom=1').slice(7));
const lang = (args.find((a) => a.startsWith('--lang=')) || '--lang=en').slice(7);
const [url, planFile, outDir, ...rest] = args.filter((a) => !a.startsWith('--'));
if (!url || !planFile || !outDir) {
  console.error('usage: node scripts/shoot-views.mjs URL PLAN.json OUTDIR [VIEW ...] [--width=1280] [--zoom=1] [--lang=en|ja]');
  process.exit(2);
}
const views = rest.length ? rest : ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'exports', 'plans'];
const plan = readFileSync(planFile, 'utf8');
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({
  viewport: { width: Math.round(width / zoom), height: Math.round(900 / zoom) },
  deviceScaleFactor: zoom,
});
page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
await page.evaluate(([text, code]) => {
  localStorage.clear();
  localStorage.setItem('fleetplan.plan', text);
  localStorage.setItem('fleetplan.language', code);
}, [plan, lang]);
await page.reload();
for (const view of views) {
  await page.click(`nav [data-view="${view}"]`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/${view}.png`, fullPage: true });
  console.log(`${outDir}/${view}.png`);
}
await browser.close();

// Prints views to PDF as Chromium's "Save as PDF" would, to look at the
// pages a finance meeting gets (style/print.css).
// Usage: node scripts/print-views.mjs URL PLAN.json OUTDIR [VIEW ...] [--lang=en|ja]   (default: overview compare pivot, English)
// Then `pdftoppm -png -r 60 OUTDIR/VIEW.pdf OUTDIR/VIEW` (poppler-utils) gives one image a page.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';

const args = process.argv.slice(2);
const lang = (args.find((a) => a.startsWith('--lang=')) || '--lang=en').slice(7);
const [url, planFile, outDir, ...rest] = args.filter((a) => !a.startsWith('--'));
if (!url || !planFile || !outDir) {
  console.error('usage: node scripts/print-views.mjs URL PLAN.json OUTDIR [VIEW ...] [--lang=en|ja]');
  process.exit(2);
}
const views = rest.length ? rest : ['overview', 'compare', 'pivot'];
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.evaluate(([text, code]) => {
  localStorage.clear();
  localStorage.setItem('fleetplan.plan', text);
  localStorage.setItem('fleetplan.language', code);
}, [readFileSync(planFile, 'utf8'), lang]);
await page.reload();
for (const view of views) {
  await page.click(`nav [data-view="${view}"]`);
  await page.waitForTimeout(400);
  // preferCSSPageSize: the pivot's pages are A4 landscape (style/print.css).
  await page.pdf({ path: `${outDir}/${view}.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
  console.log(`${outDir}/${view}.pdf`);
}
await browser.close();

// Measures the planner with a large plan in headless Chromium (a benchmark,
// not a test): time to interactive, repaint after one salary edit, frame
// times while scrolling the roster, and long tasks. Figures go to BENCHMARKS.md.
//
// Usage: node scripts/bench-ui.mjs [URL] [PLAN.json] [RUNS]
//   URL defaults to http://127.0.0.1:8080/ (scripts/serve), PLAN to a plan
//   generated with `fleetplan-cli generate 5000 36 1 2026`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', planFile = '/tmp/plan-5000.json', runsArg = '21'] = process.argv.slice(2);
const runs = Number(runsArg);
const plan = readFileSync(planFile, 'utf8');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => `${x.toFixed(1)} ms`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
// Long tasks and the moment the figures first show, recorded from the start.
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const seen = () => {
    const total = document.querySelector('[data-testid="annual-total"]');
    const row = document.querySelector('[data-testid="position-row"]');
    const kpi = document.querySelector('[data-testid="kpi-total"]');
    if (total && row && total.textContent && total.textContent !== '—' && window.__interactive === undefined) {
      // Interactive: the forecast is on screen and the roster has rows.
      window.__interactive = performance.now();
    }
    if (kpi && kpi.textContent && window.__overview === undefined) {
      // The Overview's figures and charts are on screen.
      window.__overview = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true });
});
await page.goto(url);
await page.evaluate((text) => { localStorage.clear(); localStorage.setItem('fleetplan.plan', text); }, plan);

const overviewLoads = [];
for (let i = 0; i < Math.min(runs, 11); i++) {
  await page.goto(`${url}#overview`);
  await page.reload();
  await page.waitForFunction(() => window.__overview !== undefined, null, { timeout: 60000 });
  overviewLoads.push(await page.evaluate(() => window.__overview));
}
console.log(`navigation start to interactive (Overview figures and charts), ${overviewLoads.length} loads: median ${fmt(median(overviewLoads))}, min ${fmt(Math.min(...overviewLoads))}`);

const loads = [];
for (let i = 0; i < Math.min(runs, 11); i++) {
  await page.goto(`${url}#headcount`);
  await page.reload();
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60000 });
  loads.push(await page.evaluate(() => window.__interactive));
}
console.log(`navigation start to interactive (roster + totals), ${loads.length} loads: median ${fmt(median(loads))}, min ${fmt(Math.min(...loads))}`);

// One salary edit: from the change event to the new total in the DOM, and to
// the next frame (the repaint).
await page.evaluate(() => { window.__longTasks = []; });
const edits = await page.evaluate(async (n) => {
  const out = [];
  const total = document.querySelector('[data-testid="annual-total"]');
  for (let i = 0; i < n; i++) {
    const input = document.querySelector('[data-testid="position-row"] input[data-field="salary"]');
    const before = total.textContent;
    const changed = new Promise((resolve) => {
      const obs = new MutationObserver(() => { if (total.textContent !== before) { obs.disconnect(); resolve(performance.now()); } });
      obs.observe(total, { subtree: true, childList: true, characterData: true });
    });
    input.value = String(6000000 + (i + 1) * 1000);
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const t1 = await changed;
    const t2 = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    out.push([t1 - t0, t2 - t0]);
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}, runs);
const editLong = await page.evaluate(() => window.__longTasks);
console.log(`salary edit, ${runs} edits: total updated median ${fmt(median(edits.map((e) => e[0])))}, next frame median ${fmt(median(edits.map((e) => e[1])))}, max ${fmt(Math.max(...edits.map((e) => e[1])))}; long tasks over 50 ms: ${editLong.filter((d) => d > 50).length} (longest ${fmt(Math.max(0, ...editLong))})`);

// Scrolling the roster: frame intervals while it scrolls STEP pixels a frame
// for 3 s. The baseline, in the same run, is the same loop without scrolling
// (the display's frame interval); then one row (37 px) and three rows a frame.
const steps = process.env.SCROLL_STEP ? [0, Number(process.env.SCROLL_STEP)] : [0, 37, 111];
for (const step of steps) {
  await page.evaluate(() => { window.__longTasks = []; });
  const frames = await page.evaluate(async (STEP) => {
    const box = document.querySelector('[data-testid="roster-scroll"]');
    const out = [];
    let last = performance.now();
    const end = last + 3000;
    while (performance.now() < end) {
      box.scrollTop += STEP;
      const now = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      out.push(now - last);
      last = now;
    }
    return out;
  }, step);
  const scrollLong = await page.evaluate(() => window.__longTasks);
  const sorted = [...frames].sort((a, b) => a - b);
  const what = step === 0 ? 'baseline, no scrolling' : `roster scroll by ${step} px a frame`;
  console.log(`${what}, ${frames.length} frames: median ${fmt(median(frames))}, 95th percentile ${fmt(sorted[Math.floor(sorted.length * 0.95)])}, max ${fmt(sorted[sorted.length - 1])}; long tasks over 50 ms: ${scrollLong.filter((d) => d > 50).length}`);
}
await browser.close();

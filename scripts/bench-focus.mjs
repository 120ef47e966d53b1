// Measures importing a FOCUS cloud bill of 100,000 rows in headless Chromium
// (a benchmark, not a test). The bill is the one `focus_bill` in
// tests/web_bench.rs generates (about 39 MB: 20 FOCUS columns, dollars and
// yen, credits, NULL costs, a "team" tag), chosen from disk into the example
// plan (yen) with a dollar rate on its base scenario and the bill's four
// teams, driven as tests/e2e/focus.spec.ts drives it: Budget vs actual,
// "Cloud bill (FOCUS)", the file, then the team from the tag "team", then
// Apply. Per run it records the time from choosing the file to the preview
// on screen, from choosing the tag to the preview read again, and from
// Apply to "imported" (and the next frame); whether the progress bar showed
// (seen by polling while waiting, and by a MutationObserver in the page);
// and every long task (> 50 ms) meanwhile: the longest, and how many took
// over 200 ms. Figures go to BENCHMARKS.md ("Cloud bills in FOCUS, ...").
//
// Usage: node scripts/bench-focus.mjs [URL] [RUNS]
//   URL defaults to http://127.0.0.1:8080/ (scripts/serve); RUNS to 5.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
const ROWS = 100000;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => `${x.toFixed(0)} ms`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The example plan (yen) as in focus.spec.ts's `planText(true)`: its base
 * scenario with a dollar rate of ¥152.30; and, as web_bench.rs's plan, a
 * team for each of the bill's tags (the example has Platform, Product, Data). */
function planText() {
  const file = JSON.parse(readFileSync(new URL('../docs/example-plan.json', import.meta.url), 'utf8'));
  const base = file.plan.scenarios[0];
  base.exchange_rates = [{ currency: 'USD', from: '2026-04', rate: '152.30' }];
  if (!base.teams.some((t) => t.name === 'SRE')) base.teams.push({ name: 'SRE' });
  return JSON.stringify(file, null, 2);
}

/** `focus_bill(rows)` of tests/web_bench.rs, byte for byte: a FOCUS 1.2
 * bill as AWS exports it, twelve months from April 2026. */
function focusBill(rows) {
  const services = [
    ['Compute', 'Amazon Elastic Compute Cloud'],
    ['Storage', 'Amazon Simple Storage Service'],
    ['Databases', 'Amazon Relational Database Service'],
    ['Networking', 'Amazon Virtual Private Cloud'],
    ['Management and Governance', 'Amazon CloudWatch'],
  ];
  const teams = ['platform', 'product', 'data', 'sre'];
  // Rust's `{:.6}`, which keeps the sign of −0.0 (the credit of row 0).
  const f6 = (x) => (Object.is(x, -0) ? '-0.000000' : x.toFixed(6));
  const two = (n) => String(n).padStart(2, '0');
  const lines = [
    'AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingCurrency,'
      + 'BillingPeriodEnd,BillingPeriodStart,ChargeCategory,ChargeDescription,ChargePeriodEnd,'
      + 'ChargePeriodStart,EffectiveCost,ListCost,Region,ResourceId,ServiceCategory,ServiceName,'
      + 'SubAccountId,SubAccountName,Tags\n',
  ];
  for (let i = 0; i < rows; i++) {
    const month = 4 + Math.floor((i * 12) / rows);
    const [y, m] = month > 12 ? [2027, month - 12] : [2026, month];
    const ym = `${y}-${two(m)}`;
    const [category, service] = services[i % services.length];
    const team = teams[i % teams.length];
    const credit = i % 97 === 0;
    const cost = f6(credit ? -(i % 1000) / 100 : (i % 5000) / 1000);
    const currency = i % 13 === 0 ? 'JPY' : 'USD';
    const effective = i % 211 === 0 ? 'NULL' : cost;
    lines.push(
      `ap-northeast-1a,${cost},123456789012,Example KK,${currency},${ym}-28T00:00:00Z,`
      + `${ym}-01T00:00:00Z,${credit ? 'Credit' : 'Usage'},"${service}, usage ${i}",${ym}-02T00:00:00Z,`
      + `${ym}-01T00:00:00Z,${effective},${cost},ap-northeast-1,`
      + `arn:aws:ec2:ap-northeast-1:123456789012:instance/i-${i.toString(16).padStart(16, '0')},${category},${service},`
      + `2109876543${two(i % 7)},${team}-prod,"{""team"":""${team}"",""env"":""prod""}"\n`,
    );
  }
  return lines.join('');
}

const plan = planText();
const bill = focusBill(ROWS);
const bytes = Buffer.byteLength(bill);
// Chosen from disk, as a person chooses it: Playwright's `buffer` form ships
// the bytes as base64 through the page, a long task of its own.
const path = `/tmp/fleetplan-bench-focus-${ROWS}.csv`;
writeFileSync(path, bill);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Waits for `target` (up to 120 s), meanwhile polling whether the FOCUS
 * progress bar is on the page; returns when the target showed (Date.now())
 * and whether the poll saw the bar. */
async function waitPolling(page, target) {
  const progress = page.getByTestId('focus-import-progress');
  let finished = false;
  let seen = false;
  const shown = target.waitFor({ timeout: 120000 }).then(() => Date.now()).finally(() => { finished = true; });
  while (!finished) {
    if (!seen && (await progress.count().catch(() => 0)) > 0) seen = true;
    await sleep(25);
  }
  return { at: await shown, seen };
}

/** Marks the start of a phase in the page's clock; the in-page observer
 * notes the progress bar under this phase. */
const mark = (page, phase) => page.evaluate((p) => { window.__phase = p; return performance.now(); }, phase);

async function measure(first) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // As focus.spec.ts's `open` (without its fixed clock: Playwright's clock
  // would stand in for the timers and `performance.now` the import slices by).
  await page.goto(url);
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'en');
  }, plan);
  await page.reload();
  await page.getByTestId('plan-name').waitFor();
  // PlannerPage.goTo('actuals'): the tab, then its chunk loaded.
  const tab = page.locator('nav [data-view="actuals"]');
  await tab.click();
  await page.waitForFunction(() => document.querySelector('nav [data-view="actuals"]')?.getAttribute('aria-current') === 'page'
    && document.querySelectorAll('.view-loading').length === 0, null, { timeout: 60000 });
  await page.getByTestId('import-kind-focus').click();
  const input = page.getByTestId('focus-import-file');
  await input.waitFor();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__progress = {};
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="focus-import-progress"] progress')) window.__progress[window.__phase] = true;
    }).observe(document, { subtree: true, childList: true });
  });
  const preview = page.getByTestId('focus-import-preview');

  // The file: from choosing it to the preview on screen.
  const m0 = await mark(page, 'read');
  const t0 = Date.now();
  await input.setInputFiles(path);
  const read = await waitPolling(page, preview);
  const previewMs = read.at - t0;
  const summary = await page.getByTestId('focus-import-summary').textContent();

  // The team from the tag "team": the bill read again.
  const m1 = await mark(page, 'tag');
  const t1 = Date.now();
  await page.getByTestId('focus-team-source').selectOption('tag:team');
  const tagged = await waitPolling(page, preview.locator('[data-testid="focus-team-value"][data-value="data"] select'));
  const tagMs = tagged.at - t1;
  const teamOf = (v) => preview.locator(`[data-testid="focus-team-value"][data-value="${v}"] select`).inputValue().catch(() => '?');
  const teams = `data→${await teamOf('data')} sre→${await teamOf('sre')}`;

  // Apply: from the click to "imported" and the next frame.
  let applyMs = null;
  let done = null;
  const m2 = await mark(page, 'apply');
  if ((await page.getByTestId('focus-import-confirm').count()) > 0) {
    const t2 = Date.now();
    await page.getByTestId('focus-import-confirm').click();
    await page.getByTestId('focus-import-done').waitFor({ timeout: 120000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    applyMs = Date.now() - t2;
    done = await page.getByTestId('focus-import-done').textContent();
  } else {
    const errors = await preview.getByTestId('actuals-import-errors').textContent().catch(() => '(none shown)');
    console.error('no Apply button; the preview\'s errors:', errors);
  }
  // Long-task entries arrive after their task: give the last ones a moment.
  await page.waitForTimeout(300);
  const { tasks, observed } = await page.evaluate(() => ({ tasks: window.__longTasks, observed: window.__progress }));
  await page.close();

  const all = tasks.filter((t) => t.start >= m0);
  const within = (a, b) => tasks.filter((t) => t.start >= a && t.start < b).map((t) => t.duration);
  const r = {
    preview: previewMs,
    tag: tagMs,
    applied: applyMs,
    longest: Math.max(0, ...all.map((t) => t.duration)),
    longestRead: Math.max(0, ...within(m0, m1)),
    longestTag: Math.max(0, ...within(m1, m2)),
    longestApply: Math.max(0, ...within(m2, Infinity)),
    over200: all.filter((t) => t.duration > 200).length,
    progressRead: read.seen || Boolean(observed.read),
    progressTag: tagged.seen || Boolean(observed.tag),
    polled: `${read.seen ? 'y' : 'n'}/${tagged.seen ? 'y' : 'n'}`,
  };
  if (first) console.log(`first run: "${summary}"; teams ${teams}; ${done ? `"${done}"` : 'not applied'}`);
  console.log([
    `run: preview ${fmt(r.preview)}`,
    `tag re-read ${fmt(r.tag)}`,
    r.applied === null ? 'apply —' : `apply ${fmt(r.applied)}`,
    `longest task ${fmt(r.longest)} (read ${fmt(r.longestRead)}, tag ${fmt(r.longestTag)}, apply ${fmt(r.longestApply)})`,
    `tasks > 200 ms ${r.over200}`,
    `progress ${r.progressRead ? 'yes' : 'no'}/${r.progressTag ? 'yes' : 'no'} (polled ${r.polled})`,
  ].join('; '));
  return r;
}

const results = [];
for (let i = 0; i < runs; i++) results.push(await measure(i === 0));
const applied = results.filter((r) => r.applied !== null);
console.log([
  `${ROWS} rows (${(bytes / 1e6).toFixed(1)} MB FOCUS)`,
  `preview median ${fmt(median(results.map((r) => r.preview)))} (min ${fmt(Math.min(...results.map((r) => r.preview)))})`,
  `tag re-read median ${fmt(median(results.map((r) => r.tag)))}`,
  applied.length ? `apply median ${fmt(median(applied.map((r) => r.applied)))}` : 'not applied',
  `longest task median ${fmt(median(results.map((r) => r.longest)))} (max ${fmt(Math.max(...results.map((r) => r.longest)))})`,
  `tasks > 200 ms median ${median(results.map((r) => r.over200))} (max ${Math.max(...results.map((r) => r.over200))})`,
  `progress shown ${results.filter((r) => r.progressRead).length}/${runs} reading, ${results.filter((r) => r.progressTag).length}/${runs} re-reading`,
].join('; '));
await browser.close();

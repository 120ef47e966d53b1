// Measures the roster import in headless Chromium (a benchmark, not a test):
// a Shift_JIS roster with Japanese headers of 10,000 rows (preview, then
// apply) and of 100,000 rows (preview), into the example plan. Records the
// time from choosing the file to the preview on screen (and to "imported"),
// whether the progress bar showed, and every long task (> 50 ms) meanwhile.
// Figures go to BENCHMARKS.md ("Roster import").
//
// Usage: node scripts/bench-import.mjs [URL] [RUNS]
//   URL defaults to http://127.0.0.1:8080/ (scripts/serve).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const [url = 'http://127.0.0.1:8080/', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg);
const plan = readFileSync(new URL('../docs/example-plan.json', import.meta.url), 'utf8');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => `${x.toFixed(0)} ms`;

/** `n` rows as Japanese Excel saves an HR export: Shift_JIS, CRLF, slash dates, 万. */
function roster(n) {
  const teams = ['Platform', 'Product', 'Data'];
  const levels = ['Junior', 'Mid', 'Senior', 'Staff'];
  const statuses = ['在籍', '募集中', '採用予定'];
  const lines = ['社員番号,氏名,職種,部署,等級,在籍状況,雇用区分,年間基本給,入社日,退職日,勤務地'];
  for (let i = 0; i < n; i++) {
    const month = (i % 12) + 1;
    lines.push(`B-${i + 1},社員${i + 1},バックエンドエンジニア${i % 50},${teams[i % 3]},${levels[i % 4]},${statuses[i % 3]},正社員,${600 + (i % 400)}万,2026/${month}/1,,東京`);
  }
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: lines.join('\r\n') + '\r\n', maxBuffer: 1 << 28 });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function measure(rows, apply) {
  const bytes = roster(rows);
  // Chosen from disk, as a person chooses it: Playwright's `buffer` form
  // ships the bytes as base64 through the page, itself a long task of
  // about a second for 9 MB that a real file choice does not have.
  const path = `/tmp/fleetplan-bench-import-${rows}.csv`;
  writeFileSync(path, bytes);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.evaluate((text) => { localStorage.clear(); localStorage.setItem('fleetplan.plan', text); localStorage.setItem('fleetplan.language', 'ja'); }, plan);
  await page.goto(`${url}#exports`);
  await page.reload();
  await page.getByTestId('import-file').waitFor();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__progress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="import-reading"] progress')) window.__progress = true;
    }).observe(document, { subtree: true, childList: true });
  });
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor({ timeout: 120000 });
  const preview = Date.now() - t0;
  let applied = null;
  if (apply) {
    const t1 = Date.now();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor({ timeout: 120000 });
    // The roster and totals redrawn: the next frame after the edit.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    applied = Date.now() - t1;
  }
  const { longTasks, progress } = await page.evaluate(() => ({ longTasks: window.__longTasks, progress: window.__progress }));
  await page.close();
  return { preview, applied, longest: Math.max(0, ...longTasks), progress, bytes: bytes.length };
}

for (const [rows, apply] of [[10000, true], [100000, false]]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(rows, apply));
  const line = [
    `${rows} rows (${(results[0].bytes / 1e6).toFixed(1)} MB Shift_JIS)`,
    `preview median ${fmt(median(results.map((r) => r.preview)))} (min ${fmt(Math.min(...results.map((r) => r.preview)))})`,
    apply ? `apply median ${fmt(median(results.map((r) => r.applied)))}` : null,
    `longest task median ${fmt(median(results.map((r) => r.longest)))} (max ${fmt(Math.max(...results.map((r) => r.longest)))})`,
    `progress shown ${results.filter((r) => r.progress).length}/${runs}`,
  ].filter(Boolean).join('; ');
  console.log(line);
}
await browser.close();

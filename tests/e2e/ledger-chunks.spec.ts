import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './fixtures/cli';

// A plan's ledger is written in chunks between frames (format::export::ExportChunks,
// the writer fleetplan-cli runs): with progress, byte for byte the CLI's file, and
// a file larger than a browser is trusted to download is refused before any work,
// with the command line that writes it.

/** The CLI: FLEETPLAN_CLI when set (a build of one's own), else the project's. */
function run(args: string[]): Buffer {
  const binary = process.env.FLEETPLAN_CLI;
  return binary ? execFileSync(binary, args, { maxBuffer: 256 * 1024 * 1024 }) : cli(args);
}

test('a generated plan: the whole ledger is refused with its command line; one fiscal year of one scenario downloads in chunks, as the CLI writes it', async ({ page }) => {
  test.setTimeout(120_000);
  // 4,500 positions × 120 months × 3 scenarios: about 1.2 GB of ledger in all,
  // 40 MB for one scenario's fiscal year.
  const plan = join(mkdtempSync(join(tmpdir(), 'fleetplan-e2e-')), 'plan.json');
  run(['generate', '4500', '120', '3', '2026', '-o', plan]);
  const scenarios: string[] = JSON.parse(readFileSync(plan, 'utf8')).plan.scenarios.map((s: { name: string }) => s.name);

  await page.goto('/#plans');
  await page.getByTestId('backup-open').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(plan) });
  await expect(page.getByTestId('plan-row')).toHaveCount(2, { timeout: 60_000 });
  await page.click('nav [data-view="exports"]');

  // Every scenario, every month: over the limit, said before any work.
  const refusal = page.getByTestId('export-too-large');
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('more than a browser can hand to a download (1 GB)');
  await expect(page.getByTestId('export-size-ledger')).toContainText(/About 1\.\d GB/);
  await expect(page.getByTestId('export-ledger')).toBeDisabled();
  await expect(page.getByTestId('export-command')).toHaveText(
    /^fleetplan-cli export '?Synthetic-plan-4500×120\.fleetplan\.json'? --kind ledger --bom -o '?Synthetic-plan-4500×120_all-scenarios_ledger_\d{4}-\d{2}-\d{2}\.csv'?$/,
  );

  // One scenario and one fiscal year: about 40 MB, written in chunks.
  await page.getByTestId('export-scenario').selectOption({ label: scenarios[1] });
  await page.getByTestId('export-year').selectOption({ label: 'FY2027' });
  await expect(refusal).toHaveCount(0);
  await expect(page.getByTestId('export-size-ledger')).toHaveText(/^About \d\d MB$/);
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[] };
    w.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="export-progress"] progress');
      if (bar) w.__progress.push(bar.getAttribute('value') ?? '');
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('export-ledger').click()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`_${scenarios[1]}_ledger-FY2027_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const bytes = readFileSync(await file.path());
  const expected = run(['export', plan, '--kind', 'ledger', '--scenario', scenarios[1], '--fiscal-year', 'FY2027']);
  expect(bytes.length).toBe(expected.length);
  expect(bytes.equals(expected), 'browser and CLI bytes differ').toBe(true);

  // Progress was shown while it was written, then gave way to the result.
  const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  expect(progress.length).toBeGreaterThan(1);
  expect(progress.some((v) => Number(v) > 0 && Number(v) < 1000)).toBe(true);
  await expect(page.getByTestId('export-progress')).toHaveCount(0);
  await expect(page.getByText(`Downloaded ${file.suggestedFilename()}`)).toBeVisible();
});

test('a download in progress can be cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  // About 270 MB of ledger: a few seconds of work.
  const plan = join(mkdtempSync(join(tmpdir(), 'fleetplan-e2e-')), 'plan.json');
  run(['generate', '3000', '36', '3', '2026', '-o', plan]);
  await page.goto('/#plans');
  await page.getByTestId('backup-open').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(plan) });
  await expect(page.getByTestId('plan-row')).toHaveCount(2, { timeout: 60_000 });
  await page.click('nav [data-view="exports"]');
  await expect(page.getByTestId('export-size-ledger')).toHaveText(/^About \d+ MB$/);
  let downloads = 0;
  page.on('download', () => downloads++);
  // Cancel as soon as the bar has moved: the page answers between slices.
  const cancelled = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const watch = new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="export-progress"] progress');
          if (bar && Number(bar.getAttribute('value')) > 0) {
            watch.disconnect();
            (document.querySelector('[data-testid="export-cancel"]') as HTMLButtonElement).click();
            resolve(bar.getAttribute('value') ?? '');
          }
        });
        watch.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.getByTestId('export-ledger').click();
  expect(Number(await cancelled)).toBeLessThan(1000);
  await expect(page.getByText('The download was cancelled.')).toBeVisible();
  await expect(page.getByTestId('export-progress')).toHaveCount(0);
  await expect(page.getByTestId('export-ledger')).toBeEnabled();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);
});

test('every file of the example plan, whole and for one scenario and fiscal year, is the CLI’s file', async ({ page }) => {
  const plan = resolve(__dirname, '../../docs/example-plan.json');
  await page.goto('/#plans');
  await page.getByTestId('backup-open').setInputFiles(plan);
  await expect(page.getByTestId('plan-row')).toHaveCount(2);
  await page.click('nav [data-view="exports"]');
  // Small files: counted exactly, so no "About".
  await expect(page.getByTestId('export-size-ledger')).toHaveText(/^\d+ KB$/);
  const download = async (kind: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  for (const [choice, args] of [
    [null, []],
    [{ scenario: 'Aggressive', year: 'FY2027', base: 'Aggressive' }, ['--scenario', 'Aggressive']],
  ] as const) {
    if (choice) {
      await page.getByTestId('export-scenario').selectOption({ label: choice.scenario });
      await page.getByTestId('export-year').selectOption({ label: choice.year });
      await page.getByTestId('export-base').selectOption({ label: choice.base });
    }
    for (const kind of ['ledger', 'summary', 'roster', 'comparison']) {
      const { name, bytes } = await download(kind);
      const extra: string[] = [...args];
      if (kind === 'comparison') extra.push('--base', choice ? choice.base : 'Base');
      if (kind === 'ledger' && choice) extra.push('--fiscal-year', choice.year);
      const expected = run(['export', plan, '--kind', kind, ...extra]);
      expect(bytes.equals(expected), `${kind} ${JSON.stringify(choice)}: browser and CLI bytes differ`).toBe(true);
      if (kind === 'ledger' && choice) expect(name).toContain('_Aggressive_ledger-FY2027_');
    }
  }
});

test('a large plan: the band chart counts salaries per range, and Compare shows its progress, then the CLI’s totals', async ({ page }) => {
  test.setTimeout(120_000);
  // 3,000 positions × 36 months × 3 scenarios: Compare forecasts between frames.
  const plan = join(mkdtempSync(join(tmpdir(), 'fleetplan-e2e-')), 'plan.json');
  run(['generate', '3000', '36', '3', '2026', '-o', plan]);
  await page.goto('/#plans');
  await page.getByTestId('backup-open').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(plan) });
  await expect(page.getByTestId('plan-row')).toHaveCount(2, { timeout: 60_000 });

  await page.click('nav [data-view="bands"]');
  await expect(page.getByTestId('band-chart-dense')).toContainText('3,000 salaries');
  await expect(page.getByTestId('band-dot')).toHaveCount(0);
  const bins = page.getByTestId('band-bin');
  expect(await bins.count()).toBeGreaterThan(10);
  await expect(bins.first().locator('title')).toHaveText(/: \d[\d,]* positions, \d[\d,]* outside their band$/);
  await page.getByTestId('band-chart-toggle').click();
  await expect(page.getByTestId('band-chart').locator('table.band-figures')).toBeVisible();

  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="compare-progress"]')) w.__sawProgress = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.click('nav [data-view="compare"]');
  await expect(page.getByTestId('compare-total')).toHaveCount(3, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
  await expect(page.getByTestId('compare-progress')).toHaveCount(0);
  // The whole horizon's totals: the comparison file's fiscal years added up.
  const csv = run(['export', plan, '--kind', 'comparison', '--base', 'Base', '--no-bom']).toString('utf8');
  const [header, ...rows] = csv.trim().split('\r\n');
  const columns = header.split(',');
  const totals = new Map<string, bigint>();
  for (const row of rows) {
    const cells = row.split(',');
    const name = cells[columns.indexOf('scenario')];
    totals.set(name, (totals.get(name) ?? 0n) + BigInt(cells[columns.indexOf('total')]));
  }
  await page.getByTestId('compare-year').filter({ hasText: 'Whole horizon' }).click();
  const shown = await page.getByTestId('compare-total').allInnerTexts();
  expect(shown).toEqual([...totals.values()].map((v) => `¥${v.toLocaleString('en-US')}`));
  await expect(page.getByTestId('bridge-other-total')).toHaveText(shown[1]);
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile, readBytes } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// The example plan with rate paths on both scenarios and every what-if on Aggressive, so Compare has
// something to lay side by side beyond the stated raise (3.7 % against 5.25 %) and cloud growth.
const example = JSON.parse(readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8'));
const [base, aggressive] = example.plan.scenarios;
base.exchange_rates = [{ currency: 'USD', from: '2026-04', rate: '145' }];
aggressive.exchange_rates = [
  { currency: 'USD', from: '2026-04', rate: '150' },
  { currency: 'USD', from: '2026-10', rate: '155' },
];
aggressive.adjustments = {
  hire_slip_months: 2,
  cloud_growth_points: '0.5',
  raise_points: '1',
  attrition_pct: '12',
  fx_pct: '10',
};
const planText = JSON.stringify(example, null, 2);

async function openCompare(page: Page, lang: 'en' | 'ja') {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate(([text, code]) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', code);
  }, [planText, lang]);
  await page.goto('/#compare');
  await page.reload();
  await expect(page.getByTestId('compare-assumptions')).toBeVisible();
}

/** Each cell's text of the assumptions row `testid` (the first such row). */
async function cells(page: Page, testid: string): Promise<string[]> {
  const row = page.getByTestId('compare-assumptions').getByTestId(testid).first();
  // A cell's figures (a rate path has one a step), without the screen readers' "differs" mark.
  return row.locator('td').evaluateAll((tds) =>
    tds.map((td) => [...td.querySelectorAll('.figure')].map((f) => f.textContent!.trim()).join(' | ')),
  );
}

/** The comparison CSV's rows as objects keyed by the header. */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const keys = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

test('assumptions and what-ifs side by side, and the comparison file is the CLI\'s', async ({ page }) => {
  const planner = new PlannerPage(page);
  await openCompare(page, 'en');
  // The plan as the page holds it, for the CLI (taken first: it visits Plans & backups, and back).
  const plan = planFile(await planner.backupText());
  await expect(page.getByTestId('compare-assumptions')).toBeVisible();
  // The buttons are rebuilt once every scenario is forecast: click until FY2026 is the period shown.
  const fy2026Button = page.getByTestId('compare-year').filter({ hasText: 'FY2026' });
  await expect(async () => {
    await fy2026Button.click();
    await expect(fy2026Button).toHaveAttribute('aria-pressed', 'true', { timeout: 1000 });
  }).toPass();
  await expect(page.getByTestId('assumption-hires').locator('th')).toHaveText('Hires in FY2026');

  const table = page.getByTestId('compare-assumptions');
  await expect(table.locator('thead th')).toHaveText(['', 'Base (base)', 'Aggressive']);
  // As forecast: the stated raise plus the what-if's point; the override replaces 10 % and Data's 14.2 %.
  expect(await cells(page, 'assumption-raise')).toEqual(['3.7 %', '6.25 %']);
  expect(await cells(page, 'assumption-attrition')).toEqual(['10 %', '12 %']);
  expect(await cells(page, 'assumption-team-attrition')).toEqual(['14.2 %', '12 %']);
  // Data warehouse: 2.5 % against 4 + 0.5 % a month.
  await expect(table.getByTestId('assumption-cloud').nth(2)).toContainText('Cloud growth: Data warehouse');
  expect(await table.getByTestId('assumption-cloud').nth(2).locator('td .figure').allTextContents()).toEqual([
    '2.5 % a month (34.49 % a year)',
    '4.5 % a month (69.59 % a year)',
  ]);
  expect(await cells(page, 'whatif-slip')).toEqual(['None', '+2 months']);
  expect(await cells(page, 'whatif-raise')).toEqual(['None', '+1 point']);
  expect(await cells(page, 'whatif-cloud')).toEqual(['None', '+0.5 points a month']);
  expect(await cells(page, 'whatif-attrition')).toEqual(['None', '12 %']);
  expect(await cells(page, 'whatif-fx')).toEqual(['None', '+10 %']);
  // The rates in force in FY2026, moved 10 % for Aggressive: 150 → 165, 155 → 170.5.
  await expect(table.getByTestId('assumption-rate').locator('th')).toHaveText('Exchange rate: USD');
  expect(await cells(page, 'assumption-rate')).toEqual(['145 from Apr 2026', '165 from Apr 2026 | 170.5 from Oct 2026']);
  // A figure that differs from the base's is marked, one that does not is not.
  await expect(table.getByTestId('assumption-raise').locator('td').nth(1)).toHaveClass(/differs/);
  await expect(table.getByTestId('whatif-slip').locator('td').nth(0)).not.toHaveClass(/differs/);

  // The file: the browser's bytes are the CLI's, and carry the same assumptions.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-comparison').click()]);
  const bytes = readBytes(await file.path());
  expect(bytes.equals(cli(['export', plan, '--kind', 'comparison', '--base', 'Base'])), 'browser and CLI bytes differ').toBe(true);
  const fy2026 = rows(bytes.toString('utf8')).filter((r) => r.fiscal_year === 'FY2026');
  expect(fy2026.map((r) => [r.scenario, r.raise_pct, r.attrition_pct, r.hire_slip_months, r.fx_pct, r.exchange_rates])).toEqual([
    ['Base', '3.7', '10', '0', '0', 'USD 2026-04 145'],
    ['Aggressive', '6.25', '12', '2', '10', 'USD 2026-04 165; USD 2026-10 170.5'],
  ]);
  // Hires in the year on screen are the file's.
  expect(await cells(page, 'assumption-hires')).toEqual(fy2026.map((r) => r.hires));
  await expect(table.getByTestId('assumption-hires').locator('th')).toHaveText('Hires in FY2026');

  // Cost per engineer is per year, and is the file's figure.
  const perYear = page.getByTestId('compare-table').locator('tr', { hasText: 'Cost per engineer per year' });
  await expect(perYear.locator('td').first().locator('.figure')).toHaveText(
    '¥' + Number(fy2026[0].cost_per_engineer_per_year).toLocaleString('en-US'),
  );
  expect(planner.errors).toEqual([]);
});

test('the waterfall marks its cut axis with a break and a labelled first tick', async ({ page }) => {
  await openCompare(page, 'en');
  const bridge = page.getByTestId('bridge');
  await expect(bridge.getByTestId('bridge-other-total')).toBeVisible();
  // Totals near ¥0.6 bn over the horizon, steps of a few percent: the axis starts at a round figure.
  const first = bridge.getByTestId('waterfall-first-tick');
  await expect(first).toHaveText(/^\d+M$/);
  const label = (await first.textContent())!;
  expect(label).not.toBe('0');
  await expect(bridge.getByTestId('waterfall-break')).toBeVisible();
  await expect(bridge.getByTestId('waterfall-cut-note')).toHaveText(`The axis is cut: it starts at ${label}, not at zero.`);
  // The first tick is under the base total: its bar stands on the axis.
  const baseTotal = Number((await bridge.getByTestId('bridge-base').textContent())!.replace(/[^\d]/g, ''));
  expect(Number(label.replace('M', '')) * 1e6).toBeLessThan(baseTotal);
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });
  test('the labels read as a finance reviewer reads them', async ({ page }) => {
    await openCompare(page, 'ja');
    const table = page.getByTestId('compare-assumptions');
    await expect(table.locator('h2')).toHaveText('前提条件と試算用の調整');
    await expect(table.getByTestId('assumption-hires').locator('th')).toHaveText('計画期間全体の採用数');
    await expect(table.getByTestId('assumption-raise').locator('th')).toHaveText('昇給率（年率）');
    expect(await cells(page, 'assumption-raise')).toEqual(['3.7%', '6.25%']);
    await expect(table.getByTestId('assumption-rate').locator('th')).toHaveText('為替レート：USD');
    expect(await cells(page, 'assumption-rate')).toEqual(['2026年4月から145', '2026年4月から165 | 2026年10月から170.5']);
    expect(await cells(page, 'whatif-slip')).toEqual(['なし', '+2か月']);
    await expect(page.getByTestId('compare-table')).toContainText('エンジニア1人あたり年間費用');
    await expect(page.getByTestId('waterfall-cut-note')).toContainText('縦軸は0ではなく');
  });
});

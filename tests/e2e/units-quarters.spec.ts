import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlannerPage } from './fixtures/planner-page';

// A plan small enough to compute by hand (April fiscal year, Apr 2026 – Mar 2027, base pay only):
//   P-1 Platform, filled all year, ¥6,001,500 a year = ¥500,125 a month → ¥6,001,500
//   P-2 Platform, planned from Jul 2026, ¥600,000 a month × 9 → ¥5,400,000
//   P-3 Mobile, open from Oct 2026, × 6 → ¥3,600,000
//   P-4 Mobile, planned from Jan 2027, × 3 → ¥1,800,000
//   P-5 Platform, planned from Feb 2027, × 2 → ¥1,200,000
// FY2026 = ¥18,001,500 → 18,001.5 千円 → 18,002 千円 (rounded once, half away from zero).
// Quarters: Q1 500,125×3 = 1,500,375; Q2 1,500,375 + 1,800,000 = 3,300,375;
// Q3 + 1,800,000 (P-3) = 5,100,375; Q4 1,500,375 + 1,800,000×3 + 1,200,000 = 8,100,375.
// In 千円: 1,500 / 3,300 / 5,100 / 8,100 — their sum (18,000) is not the year's 18,002.
// Hires: Platform Q2 (P-2), Q4 (P-5); Mobile Q3 (P-3), Q4 (P-4).
// Heads at quarter end: Platform 1, 2, 2, 3; Mobile 0, 0, 1, 2; all 1, 2, 3, 5.
const position = (id: string, team: string, status: string, annual: string, start: string) => ({
  id, title: id, team, level: 'Senior', status, employment: 'employee', annual_base: annual, fte: '1', start,
});
const small = JSON.stringify({
  format: 'fleetplan-plan',
  version: 1,
  plan: {
    name: 'Units test',
    currency: 'JPY',
    fiscal_year_start_month: 4,
    horizon: { start: '2026-04', months: 12 },
    scenarios: [{
      name: 'Base',
      teams: [{ name: 'Platform' }, { name: 'Mobile' }],
      levels: ['Senior'],
      bands: [],
      positions: [
        position('P-1', 'Platform', 'filled', '6001500', '2024-04-01'),
        position('P-2', 'Platform', 'planned', '7200000', '2026-07-01'),
        position('P-3', 'Mobile', 'open', '7200000', '2026-10-01'),
        position('P-4', 'Mobile', 'planned', '7200000', '2027-01-01'),
        position('P-5', 'Platform', 'planned', '7200000', '2027-02-01'),
      ],
    }],
  },
});
const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');

async function openWith(page: Page, planText: string, lang: 'en' | 'ja', view: string) {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate(([text, code]) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', code);
  }, [planText, lang]);
  await page.goto(`/#${view}`);
  await page.reload();
}

const cellTexts = (row: ReturnType<Page['locator']>) => row.locator('td').allTextContents();

test('Overview and Headcount in 千円 and by quarter, and the hiring plan by quarter (English)', async ({ page }) => {
  const planner = new PlannerPage(page);
  await openWith(page, small, 'en', 'overview');
  await expect(page.getByTestId('kpi-total')).toHaveText('¥18,001,500');
  await expect(page.getByTestId('unit-statement').first()).toHaveText('Amounts in ¥, exact');

  await page.getByTestId('unit-select').selectOption('thousand');
  await expect(page.getByTestId('kpi-total')).toHaveText('¥18,002K');
  await expect(page.getByTestId('category-total')).toHaveText('¥18,002K');
  await expect(page.getByTestId('unit-statement').first()).toHaveText('Amounts in ¥K, rounded to the unit shown');

  // Quarters: each the exact sum of its months, rounded once; the year after them.
  await page.getByTestId('overview-periods').locator('[data-periods="quarters"]').click();
  const table = page.getByTestId('period-table');
  await expect(table.locator('thead th')).toHaveText(['Category', 'Q1', 'Q2', 'Q3', 'Q4', 'FY total']);
  expect(await cellTexts(page.getByTestId('period-total'))).toEqual(['1,500', '3,300', '5,100', '8,100', '18,002']);
  expect(await cellTexts(page.getByTestId('period-heads'))).toEqual(['1', '2', '3', '5', '5']);
  await page.getByTestId('overview-periods').locator('[data-periods="halves"]').click();
  await expect(table.locator('thead th')).toHaveText(['Category', 'H1', 'H2', 'FY total']);
  // H1 1,500,375 + 3,300,375 = 4,800,750; H2 5,100,375 + 8,100,375 = 13,200,750.
  expect(await cellTexts(page.getByTestId('period-total'))).toEqual(['4,801', '13,201', '18,002']);
  await page.getByTestId('overview-periods').locator('[data-periods="quarters"]').click();

  // The unit and the periods stay chosen on the Headcount view.
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥18,002K');
  await expect(page.getByTestId('monthly-cost').locator('.month-label')).toHaveText([
    'FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4',
  ]);
  await expect(page.getByTestId('monthly-cost').locator('.month-amount')).toHaveText([
    '¥1,500K', '¥3,300K', '¥5,100K', '¥8,100K',
  ]);
  await expect(page.locator('[data-testid="team-total-row"][data-team="Platform"] td').last()).toHaveText('¥12,602K');

  // The hiring plan: hires per team per quarter, totals that are the sums of their cells.
  const grid = page.getByTestId('hiring-plan');
  await expect(grid.locator('thead th')).toHaveText(['Team', 'Q1', 'Q2', 'Q3', 'Q4', 'FY total']);
  const hires = (team: string) => grid.locator(`[data-testid="hire-row"][data-team="${team}"]`);
  const heads = (team: string) => grid.locator(`[data-testid="heads-row"][data-team="${team}"]`);
  expect(await cellTexts(hires('Platform'))).toEqual(['0', '1', '0', '1', '2']);
  expect(await cellTexts(hires('Mobile'))).toEqual(['0', '0', '1', '1', '2']);
  expect(await cellTexts(grid.getByTestId('hire-total'))).toEqual(['0', '1', '1', '2', '4']);
  expect(await cellTexts(heads('Platform'))).toEqual(['1', '2', '2', '3', '3']);
  expect(await cellTexts(heads('Mobile'))).toEqual(['0', '0', '1', '2', '2']);
  expect(await cellTexts(grid.getByTestId('heads-total'))).toEqual(['1', '2', '3', '5', '5']);

  // By month: Jul, Oct, Jan and Feb each hire one.
  await page.getByTestId('hiring-periods').locator('[data-periods="months"]').click();
  await expect(grid.locator('thead th')).toHaveCount(14);
  expect(await cellTexts(grid.getByTestId('hire-total'))).toEqual(
    ['0', '0', '0', '1', '0', '0', '1', '0', '0', '1', '1', '0', '4'],
  );
  expect(planner.errors).toEqual([]);
});

test('Japanese: 千円 with 単位未満四捨五入, 四半期 and 上期/下期, the hiring plan', async ({ page }) => {
  const planner = new PlannerPage(page);
  await openWith(page, small, 'ja', 'overview');
  await page.getByTestId('unit-select').selectOption('thousand');
  await expect(page.getByTestId('kpi-total')).toHaveText('18,002千円');
  await expect(page.getByTestId('unit-statement').first()).toHaveText('単位：千円（単位未満四捨五入）');
  await page.getByTestId('overview-periods').locator('[data-periods="quarters"]').click();
  await expect(page.getByTestId('period-table').locator('thead th')).toHaveText(
    ['費目', '第1四半期', '第2四半期', '第3四半期', '第4四半期', '通期'],
  );
  await page.getByTestId('overview-periods').locator('[data-periods="halves"]').click();
  await expect(page.getByTestId('period-table').locator('thead th')).toHaveText(['費目', '上期', '下期', '通期']);
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('18,002千円');
  await expect(page.getByTestId('monthly-cost').locator('.month-label')).toHaveText(['2026年度 上期', '2026年度 下期']);
  const grid = page.getByTestId('hiring-plan');
  expect(await cellTexts(grid.getByTestId('heads-total'))).toEqual(['1', '2', '3', '5', '5']);
  await expect(grid).toContainText('採用数');
  await expect(grid).toContainText('期末人員');
  expect(planner.errors).toEqual([]);
});

test('Japanese chart ticks count in 万 and 億 with round values', async ({ page }) => {
  const ticksOf = async () => {
    const ticks = page.getByTestId('chart-monthly-cost').locator('.tick-y');
    await expect(ticks.first()).toBeVisible();
    return ticks.allTextContents();
  };
  // The example plan peaks near ¥35M a month: steps of ¥5M (500万).
  await openWith(page, example, 'ja', 'overview');
  expect(await ticksOf()).toEqual(['0', '500万', '1,000万', '1,500万', '2,000万', '2,500万', '3,000万', '3,500万']);

  // The small plan's pay ×100 peaks at ¥290,012,500 a month: ¥290M / 7 steps → steps of ¥50M,
  // 5,000万 below 1億 (not 0.5億), then 億 with the decimals the tick needs.
  const big = small.replace(/"annual_base":"(\d+)"/g, (_, n) => `"annual_base":"${n}00"`);
  expect(big).toContain('"annual_base":"600150000"');
  await openWith(page, big, 'ja', 'overview');
  const labels = await ticksOf();
  expect(labels).toEqual(['0', '5,000万', '1億', '1.5億', '2億', '2.5億', '3億']);

  // English keeps its K/M style.
  await page.evaluate(() => localStorage.setItem('fleetplan.language', 'en'));
  await page.reload();
  expect(await ticksOf()).toEqual(['0', '50M', '100M', '150M', '200M', '250M', '300M']);
});

test('Compare in 百万円: each total and the bridge are their exact amounts rounded once, and the page says so (ja)', async ({ page }) => {
  await openWith(page, example, 'ja', 'compare');
  await new PlannerPage(page).viewLoaded();
  const totals = page.getByTestId('compare-total');
  await expect(totals).toHaveCount(2);
  const digits = (text: string | null) => BigInt((text ?? '').replace(/[^0-9-]/g, ''));
  const exact = (await totals.allTextContents()).map(digits);
  await expect(page.getByTestId('bridge-base')).toBeVisible();
  const base = digits(await page.getByTestId('bridge-base').textContent());
  const other = digits(await page.getByTestId('bridge-other-total').textContent());
  expect(exact[0]).toBeGreaterThan(1_000_000n);

  await page.getByTestId('unit-select').selectOption('million');
  // Half away from zero, from the exact yen: what a finance reviewer checks.
  const millions = (yen: bigint) => `${((yen + 500_000n) / 1_000_000n).toLocaleString('en-US')}百万円`;
  await expect(page.getByTestId('unit-statement')).toHaveText('単位：百万円（単位未満四捨五入）');
  await expect(totals).toHaveText(exact.map(millions));
  await expect(page.getByTestId('bridge-base')).toHaveText(millions(base));
  await expect(page.getByTestId('bridge-other-total')).toHaveText(millions(other));
  await expect(page.getByTestId('compare-table').locator('caption')).toContainText('単位：百万円');
  // Back to 円: the exact figures again.
  await page.getByTestId('unit-select').selectOption('one');
  expect((await totals.allTextContents()).map(digits)).toEqual(exact);
  // Exact amounts are in 円, as a Japanese reviewer writes them, not in "JPY".
  await expect(page.getByTestId('compare-table').locator('caption')).toContainText('単位：円。');
  await expect(page.getByTestId('unit-statement')).toHaveText('単位：円');
});

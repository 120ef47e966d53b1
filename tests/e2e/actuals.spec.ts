import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile } from './fixtures/cli';
import { enter } from './fixtures/helpers';
import { PlannerPage } from './fixtures/planner-page';

// Budget against actual (予実) as a Japanese finance team runs it: the
// month's actuals from a Shift_JIS file with Japanese headers, the closed
// month set, the variance and the latest estimate read on screen and
// checked against the command line on the same plan file.
const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const actualsFile = resolve(__dirname, 'fixtures/actuals-sjis.csv');

// The file's amounts, added up by hand (yen).
const ACTUAL = {
  total: 4_800_000 + 720_000 + 3_900_000 + 1_150_000 // Apr 10,570,000
    + 4_800_000 + 725_000 + 3_950_000 + 1_230_000 - 30_000 // May 10,675,000
    + 4_850_000 + 3_950_000 + 2_100_000 + 1_310_000, // Jun 12,210,000
  june: 4_850_000 + 3_950_000 + 2_100_000 + 1_310_000,
  base: 4_800_000 + 3_900_000 + 4_800_000 + 3_950_000 + 4_850_000 + 3_950_000 + 2_100_000,
  basePlatform: 4_800_000 + 4_800_000 + 4_850_000,
  cloud: 1_150_000 + 1_230_000 + 1_310_000,
};

const yen = (n: number) => `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US')}`;
/** A variance as the page writes it: signed, with its word. */
const variance = (n: number) => (n === 0 ? '¥0' : `${n > 0 ? '+' : '\u2212'}¥${Math.abs(n).toLocaleString('en-US')} ${n > 0 ? '超過' : '予算内'}`);

type Row = Record<string, string>;
function parseCsv(bytes: Buffer): Row[] {
  const lines = bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n').filter((l) => l.length > 0);
  const head = lines[0].split(',');
  // The example's names hold no commas or quotes.
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], v])));
}
const sum = (rows: Row[], column: string) => rows.reduce((s, r) => s + Number(r[column]), 0);

async function openExampleInJapanese(page: Page): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'ja');
  }, example);
  await page.reload();
  await expect(planner.planName).toBeVisible();
  return planner;
}

const cell = (page: Page, row: string, col: string) =>
  page.locator(`${row} [data-col="${col}"]`);

test('a Shift_JIS actuals file, the closed month, the variance and the latest estimate as the CLI computes them; reload and undo', async ({ page }) => {
  const planner = await openExampleInJapanese(page);
  const before = await planner.backupText();
  await planner.goTo('actuals');
  await expect(page.locator('nav [data-view="actuals"]')).toHaveText('予実');

  // The preview: totals per month and category, before → after; nothing applied yet.
  await page.getByTestId('actuals-import-file').setInputFiles(actualsFile);
  const preview = page.getByTestId('actuals-import-preview');
  await expect(page.getByTestId('actuals-import-encoding')).toContainText('Shift_JIS (CP932)として読み取りました（13行）');
  // Apr: base, burden, cloud; May: those and tools; Jun: base, cloud.
  await expect(page.getByTestId('actuals-import-summary')).toHaveText('変更9件、変更なし0件。');
  const june = preview.locator('[data-testid="actuals-change"][data-month="2026-06"][data-category="base"]');
  await expect(june.locator('[data-col="after"]')).toHaveText(yen(4_850_000 + 3_950_000 + 2_100_000));
  await expect(preview.locator('[data-testid="actuals-change"][data-month="2026-05"][data-category="tools"] [data-col="after"]')).toHaveText(yen(-30_000));
  await expect(page.getByTestId('actuals-import-close')).toBeVisible();
  await expect(preview).toContainText('締め月も2026年6月にする');
  expect(JSON.parse(await planner.backupText()).plan.actuals).toBeUndefined();
  await planner.goTo('actuals');

  // A file with an error: nothing can be applied.
  await page.getByTestId('actuals-import-file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('月,費目,チーム,金額\r\n2026-04,基本給,営業,100\r\n2031-01,基本給,Platform,100\r\n'),
  });
  const errors = page.getByTestId('actuals-import-errors');
  await expect(errors).toContainText('2行目（チーム）：「営業」はどのシナリオのチームにもありません。');
  await expect(errors).toContainText('3行目（月）：2031年1月は計画期間（2026年4月～2028年3月）の外です。');
  await expect(page.getByTestId('actuals-import-confirm')).toHaveCount(0);

  await page.getByTestId('actuals-import-file').setInputFiles(actualsFile);
  await page.getByTestId('actuals-import-confirm').click();
  await expect(page.getByTestId('actuals-import-done')).toContainText('変更9件');
  // Imported, not closed yet: nothing to compare.
  await expect(page.getByTestId('variance-nothing-closed')).toBeVisible();

  // The closed month (締め月): one undo step of its own.
  await page.getByTestId('closed-through').selectOption('2026-06');
  await expect(page.getByTestId('variance-table')).toBeVisible();

  // The same import on the command line (closing through the month it
  // proposes) gives the same plan file, byte for byte.
  const after = await planner.backupText();
  await planner.goTo('actuals');
  const fromCli = cli(['import-actuals', planFile(before), actualsFile, '--close']);
  expect(fromCli.toString('utf8')).toBe(after);

  // The variance on the command line, on the downloaded plan file.
  const rows = parseCsv(cli(['variance', planFile(after), '--budget', 'Base', '--year', 'FY2026']));
  expect(sum(rows, 'actual')).toBe(ACTUAL.total);
  const budgetToDate = sum(rows, 'budget');
  const juneRows = rows.filter((r) => r.month === '2026-06');
  const juneBudget = sum(juneRows, 'budget');
  const baseRows = rows.filter((r) => r.category === 'base');
  const cloudRows = rows.filter((r) => r.category === 'cloud');
  expect(sum(baseRows, 'actual')).toBe(ACTUAL.base);
  expect(sum(cloudRows, 'actual')).toBe(ACTUAL.cloud);

  // On screen: June (the closed month, shown first), the year to date and the year.
  const total = '[data-testid="variance-total"]';
  await expect(cell(page, total, 'month-actual')).toHaveText(yen(ACTUAL.june));
  await expect(cell(page, total, 'month-budget')).toHaveText(yen(juneBudget));
  await expect(cell(page, total, 'month-variance')).toHaveText(variance(ACTUAL.june - juneBudget));
  await expect(cell(page, total, 'ytd-actual')).toHaveText(yen(ACTUAL.total));
  await expect(cell(page, total, 'ytd-budget')).toHaveText(yen(budgetToDate));
  await expect(cell(page, total, 'ytd-variance')).toHaveText(variance(ACTUAL.total - budgetToDate));
  const base = '[data-testid="variance-row"][data-category="base"]';
  await expect(cell(page, base, 'ytd-actual')).toHaveText(yen(ACTUAL.base));
  await expect(cell(page, base, 'ytd-budget')).toHaveText(yen(sum(baseRows, 'budget')));
  const cloud = '[data-testid="variance-row"][data-category="cloud"]';
  await expect(cell(page, cloud, 'ytd-variance')).toHaveText(variance(ACTUAL.cloud - sum(cloudRows, 'budget')));
  // The last row's year to date of the CLI is the screen's, category by category.
  const lastCloud = cloudRows.find((r) => r.month === '2026-06' && r.team === '(no team)')!;
  expect(Number(lastCloud.ytd_actual)).toBe(ACTUAL.cloud);

  // Drill-down from a category to its teams.
  await page.locator(`${base} [data-testid="variance-drill"]`).click();
  const platform = '[data-testid="variance-team-row"][data-category="base"][data-team="Platform"]';
  await expect(cell(page, platform, 'ytd-actual')).toHaveText(yen(ACTUAL.basePlatform));
  const platformRows = baseRows.filter((r) => r.team === 'Platform');
  await expect(cell(page, platform, 'ytd-budget')).toHaveText(yen(sum(platformRows, 'budget')));

  // The latest estimate of the Base itself: actuals through June, then the
  // Base's forecast: its year budget less the closed months' budget.
  const summary = parseCsv(cli(['export', planFile(after), '--kind', 'summary', '--scenario', 'Base']));
  const yearBudget = Number(summary.find((r) => r.fiscal_year === 'FY2026' && r.team === '')!.total);
  const estimate = ACTUAL.total + (yearBudget - budgetToDate);
  await expect(page.getByTestId('estimate-budget')).toHaveText(yen(yearBudget));
  await expect(page.getByTestId('estimate-actual-to-date')).toHaveText(yen(ACTUAL.total));
  await expect(page.getByTestId('estimate-total')).toHaveText(yen(estimate));
  await expect(page.getByTestId('estimate-variance')).toHaveText(variance(estimate - yearBudget));
  // The bridge: the year's rest is the Base's own forecast, so only the
  // closed months differ from the budget.
  await expect(page.getByTestId('estimate-bridge-to-date')).toHaveText(variance(ACTUAL.total - budgetToDate).replace(/ .*/, ''));
  await expect(page.getByTestId('estimate-bridge-rest')).toHaveText('¥0');
  await expect(page.getByTestId('estimate-bridge-estimate')).toHaveText(yen(estimate));

  // The variance file of the Exports view is the CLI's, byte for byte.
  await planner.goTo('exports');
  await page.getByTestId('export-variance-year').selectOption('2026');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-variance').click()]);
  const fromPage = readFileSync((await download.path())!);
  expect(fromPage.equals(cli(['variance', planFile(after), '--budget', 'Base', '--year', 'FY2026', '--bom']))).toBe(true);

  // The Overview shows the budget, the year to date and the estimate too.
  await planner.goTo('overview');
  await expect(page.getByTestId('latest-estimate').getByTestId('estimate-total')).toHaveText(yen(estimate));

  // Undo: first the closed month, then the whole import in one step; redo both.
  await planner.goTo('actuals');
  await planner.shortcut('Control+Z');
  await expect(page.getByTestId('variance-nothing-closed')).toBeVisible();
  await expect(page.getByTestId('closed-through')).toHaveValue('');
  await planner.shortcut('Control+Z');
  expect(JSON.parse(await planner.backupText()).plan.actuals).toBeUndefined();
  await planner.shortcut('Control+Shift+Z');
  await planner.shortcut('Control+Shift+Z');
  await expect(page.getByTestId('closed-through')).toHaveValue('2026-06');
  expect(await planner.backupText()).toBe(after);

  // Reload: the actuals and the closed month are in the plan on this device.
  await page.reload();
  await planner.goTo('actuals');
  await expect(cell(page, total, 'ytd-actual')).toHaveText(yen(ACTUAL.total));
  await expect(page.getByTestId('closed-through')).toHaveValue('2026-06');
  await expect(page.getByTestId('estimate-total')).toHaveText(yen(estimate));
  expect(planner.errors).toEqual([]);
});

test('an actual typed in the grid survives a reload; a refused text stays with its message', async ({ page }) => {
  const planner = await openExampleInJapanese(page);
  await planner.goTo('actuals');
  await page.getByTestId('actuals-entry-team').selectOption('Data');
  const tools = page.locator('[data-testid="entry-row"][data-month="2026-07"] input[data-field="tools"]');
  await enter(tools, 'abc');
  await expect(tools).toHaveValue('abc');
  await expect(page.getByTestId('actuals-entry')).toContainText('保存されていません');
  await enter(tools, '▲12,000');
  await expect(tools).toHaveValue('-12,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  const plan = JSON.parse(await planner.backupText()).plan;
  expect(plan.actuals.amounts).toEqual([{ month: '2026-07', category: 'tools', team: 'Data', amount: '-12000' }]);

  await page.reload();
  await planner.goTo('actuals');
  await page.getByTestId('actuals-entry-team').selectOption('Data');
  const again = page.locator('[data-testid="entry-row"][data-month="2026-07"] input[data-field="tools"]');
  await expect(again).toHaveValue('-12,000');

  // Every edit reaches the variance, not only the first.
  await page.getByTestId('closed-through').selectOption('2026-07');
  const julyActual = page.locator('[data-testid="variance-total"] [data-col="month-actual"]');
  await expect(julyActual).toHaveText('-¥12,000');
  for (const [typed, shown] of [['5,000', '¥5,000'], ['7000', '¥7,000'], ['', '¥0']]) {
    await enter(again, typed);
    await expect(julyActual).toHaveText(shown);
  }
  expect(planner.errors).toEqual([]);
});

test('each input of the entry grid fills its column, in English and in Japanese, so a long heading leaves no gap', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const planner = await openExampleInJapanese(page);
  for (const lang of ['ja', 'en']) {
    if (lang === 'en') {
      await page.evaluate(() => localStorage.setItem('fleetplan.language', 'en'));
      await page.reload();
      await expect(planner.planName).toBeVisible();
    }
    await planner.goTo('actuals');
    const row = page.locator('[data-testid="entry-row"]').first();
    await expect(row.locator('input')).toHaveCount(10);
    // The cell's width less the input's: its padding, not a gap beside it.
    const gaps = await row.locator('td.entry-cell').evaluateAll((cells) =>
      cells.map((td) => {
        const input = td.querySelector('input') as HTMLInputElement;
        return {
          field: input.dataset.field,
          gap: Math.round(td.getBoundingClientRect().width - input.getBoundingClientRect().width),
        };
      }),
    );
    expect(gaps.length).toBe(10);
    for (const { field, gap } of gaps) expect(gap, `${lang} ${field}`).toBeLessThanOrEqual(10);
  }
  expect(planner.errors).toEqual([]);
});

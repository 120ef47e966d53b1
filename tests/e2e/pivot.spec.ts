import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile, readBytes } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// The example plan with accounts on its Base scenario, so the account columns carry something.
const example = JSON.parse(readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8'));
example.plan.scenarios[0].accounts = {
  categories: { base: { code: '5110', name: '給料手当' }, burden: { name: '法定福利費' } },
};
const planText = JSON.stringify(example, null, 2);

async function openPivot(page: Page, lang: 'en' | 'ja') {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate(([text, code]) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', code);
  }, [planText, lang]);
  await page.goto('/#pivot');
  await page.reload();
  await expect(page.getByTestId('pivot-table')).toBeVisible();
}

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pivot-download').click()]);
  return { name: file.suggestedFilename(), bytes: readBytes(await file.path()) };
}

for (const lang of ['en', 'ja'] as const) {
  test(`the pivot download is the CLI's pivot byte for byte (${lang} screen)`, async ({ page }) => {
    const planner = new PlannerPage(page);
    await openPivot(page, lang);
    const plan = planFile(await planner.backupText());
    await expect(page.getByTestId('pivot-table')).toBeVisible();

    // The default file: English keys, exact, month × category — whatever the screen's language.
    const plain = await download(page);
    expect(plain.name).toBe('Engineering-budget-FY2026-FY2027_Base_pivot-month-category_2026-12-07.csv');
    expect(plain.bytes.equals(cli(['export', plan, '--kind', 'pivot', '--scenario', 'Base']))).toBe(true);
    expect(plain.bytes.toString('utf8')).toContain(',base,5110,給料手当,');

    // 千円, by team, Japanese labels.
    await page.getByTestId('unit-select').selectOption('thousand');
    await expect(page.getByTestId('unit-statement')).toHaveText(
      lang === 'ja' ? '単位：千円（単位未満四捨五入）' : 'Amounts in ¥K, rounded to the unit shown',
    );
    await page.locator('[data-layout="month-team"]').click();
    await page.getByTestId('pivot-japanese-labels').check();
    const ja = await download(page);
    expect(ja.name).toBe('Engineering-budget-FY2026-FY2027_Base_pivot-month-team_2026-12-07.csv');
    const fromCli = cli([
      'export', plan, '--kind', 'pivot', '--scenario', 'Base',
      '--pivot', 'month-team', '--unit', 'thousand', '--labels', 'ja',
    ]);
    expect(ja.bytes.equals(fromCli), 'browser and CLI bytes differ').toBe(true);
    const text = ja.bytes.toString('utf8');
    expect(text).toContain('シナリオ,年度,開始月,月数,一部期間,チーム,4月,5月,6月,第1四半期');
    expect(text).toContain('上期');
    expect(text).toContain('単位：千円（単位未満四捨五入）');

    // The screen shows the file's figures: FY2026's total in 千円 is the last figure of its 合計 row.
    const totalRow = text.split('\r\n').find((r) => r.startsWith('Base,2026年度,') && r.includes(',合計,'))!;
    const cells = totalRow.split(',');
    const yearTotal = Number(cells.at(-2)).toLocaleString('en-US');
    await expect(page.getByTestId('pivot-row').last()).toContainText(yearTotal);

    // Teams × categories, exact, keys.
    await page.getByTestId('unit-select').selectOption('one');
    await page.locator('[data-layout="team-category"]').click();
    await page.getByTestId('pivot-japanese-labels').uncheck();
    const teams = await download(page);
    expect(teams.bytes.equals(cli(['export', plan, '--kind', 'pivot', '--scenario', 'Base', '--pivot', 'team-category']))).toBe(true);
    expect(planner.errors).toEqual([]);
  });
}

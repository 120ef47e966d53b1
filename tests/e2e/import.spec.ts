import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// The roster import in Japanese, as a Japanese HR team uses it: files as
// Japanese Excel saves them (Shift_JIS), into the scenario shown.
const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const hrRoster = resolve(__dirname, '../fixtures/import/hr-roster-cp932.csv');

async function openExampleInJapanese(page: Page, text = example): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'ja');
  }, text);
  await page.reload();
  await expect(planner.planName).toBeVisible();
  return planner;
}

/** What Japanese Excel does to a CSV it opens and saves as "CSV": ISO dates
 * become 2026/4/1, booleans TRUE/FALSE, and the file Shift_JIS (CP932). */
function resaveAsJapaneseExcel(utf8: Buffer): Buffer {
  const text = utf8
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .replace(/(^|,)(\d{4})-(\d{2})-(\d{2})(?=,|\r)/gm, (_, sep, y, m, d) => `${sep}${y}/${Number(m)}/${Number(d)}`)
    .replace(/(^|,)true(?=,|\r)/gm, '$1TRUE')
    .replace(/(^|,)false(?=,|\r)/gm, '$1FALSE');
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text });
}

test.describe('roster import in Japanese', () => {
  test('a CP932 file with Japanese headers imports into the scenario shown, as the CLI imports it, in one undo step', async ({ page }) => {
    const planner = await openExampleInJapanese(page);
    await page.getByTestId('scenario-picker').selectOption('1');
    const before = await planner.backupText();
    const stored = await planner.storedRecord();
    await planner.goTo('exports');
    await expect(page.getByTestId('import-into')).toContainText('Aggressive');

    await page.getByTestId('import-file').setInputFiles(hrRoster);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('追加3件、変更0件');
    await expect(page.getByTestId('import-encoding')).toContainText('Shift_JIS (CP932)、カンマ区切り');
    await expect(page.getByTestId('import-target')).toContainText('Aggressive');
    await expect(page.getByTestId('import-ignored')).toContainText('氏名');
    await expect(preview).toContainText('バックエンドエンジニア');
    // The mapping step: 年収 is the annual base, 月給 is left out.
    const column = (header: string) =>
      page.getByTestId('import-mapping').locator(`label:has(> span:text-is("${header}")) select`);
    await column('年収').selectOption('annual_base');
    await expect(page.getByTestId('import-errors')).toContainText('月給');
    await column('月給').selectOption('ignore');
    await expect(preview).toContainText('¥9,000,000');
    // Nothing is applied before the confirmation.
    expect(await planner.storedRecord()).toBe(stored);

    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-done')).toContainText('追加3件');
    const after = await planner.backupText();
    const plan = JSON.parse(after).plan;
    expect(plan.scenarios[1].positions.map((p: { id: string }) => p.id)).toContain('E-101');
    expect(plan.scenarios[0].positions.map((p: { id: string }) => p.id)).not.toContain('E-101');
    expect(plan.roster_columns).toEqual({ 年収: 'annual_base', 月給: 'ignore' });

    // The same import on the command line gives the same plan file, byte for byte.
    const fromCli = cli([
      'import-roster', planFile(before), hrRoster, '--scenario', 'Aggressive',
      '--map', '年収=annual_base', '--map', '月給=ignore',
    ]);
    expect(fromCli.toString('utf8')).toBe(after);

    // One step of undo takes the whole import back.
    await planner.leaveFields();
    await planner.undo.click();
    expect(await planner.backupText()).toBe(before);
  });

  test('a locked scenario refuses the import, saying why', async ({ page }) => {
    const planner = await openExampleInJapanese(page);
    await planner.goTo('scenarios');
    await page.getByTestId('scenario-row').nth(1).getByTestId('lock-scenario').click();
    await page.getByTestId('scenario-picker').selectOption('1');
    await planner.goTo('exports');
    await expect(page.getByTestId('import-refused-locked')).toContainText('「Aggressive」はロックされています');
    await expect(page.getByTestId('import-file')).toBeDisabled();
    // The first scenario, not locked, still imports when shown.
    await page.getByTestId('scenario-picker').selectOption('0');
    await expect(page.getByTestId('import-refused-locked')).toHaveCount(0);
    await expect(page.getByTestId('import-file')).toBeEnabled();
  });

  test('an exported roster re-saved as Shift_JIS imports back unchanged', async ({ page }) => {
    // Japanese names, so the file is Shift_JIS rather than plain ASCII.
    const japanese = example
      .replace('"Director of Engineering"', '"エンジニアリング部長"');
    const planner = await openExampleInJapanese(page, japanese);
    await planner.goTo('exports');
    await page.getByTestId('export-scenario').selectOption('0');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-roster').click()]);
    const resaved = resaveAsJapaneseExcel(readFileSync(await file.path()));
    expect(resaved.toString('latin1')).toMatch(/,20\d\d\/\d{1,2}\/\d{1,2},/);

    await page.getByTestId('import-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: resaved });
    await expect(page.getByTestId('import-preview')).toContainText('追加0件、変更0件、変更なし12件');
    await expect(page.getByTestId('import-encoding')).toContainText('Shift_JIS');
    await expect(page.getByTestId('import-nothing')).toBeVisible();
    await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile, readBytes } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// The example plan (yen) without accounts: the Japan preset is put in from Assumptions.
const planText = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');

async function open(page: Page, lang: 'en' | 'ja') {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate(([text, code]) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', code);
  }, [planText, lang]);
  await page.goto('/#assumptions');
  await page.reload();
  await expect(page.getByTestId('accounts')).toBeVisible();
}

async function download(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
  return { name: file.suggestedFilename(), bytes: readBytes(await file.path()) };
}

for (const lang of ['en', 'ja'] as const) {
  test(`an account code edited in Assumptions is in the summary, in 千円 with Japanese labels, as the CLI writes it (${lang} screen)`, async ({ page }) => {
    const planner = new PlannerPage(page);
    await open(page, lang);
    const card = page.getByTestId('accounts');
    const base = card.locator('[data-account="base"]');
    const code = base.locator('[data-field="account_code"]');
    const name = base.locator('[data-field="account_name"]');
    await expect(name).toHaveValue('');

    // The Japan preset's accounts, in one step.
    await page.getByTestId('accounts-reset').click();
    await expect(name).toHaveValue('給料手当');
    await expect(card.locator('[data-account="cloud"] [data-field="account_name"]')).toHaveValue('通信費');
    // A burden component without its own account shows where it books.
    const component = card.locator('[data-account^="burden:"]').first();
    await expect(component.locator('[data-field="account_name"]')).toHaveAttribute('placeholder', '法定福利費');

    // A code with a space is refused next to the field and keeps its text; the plan keeps no code.
    await code.fill('51 10');
    await code.press('Tab');
    const note = base.getByTestId('account-row-note');
    await expect(note).toBeVisible();
    await expect(note).toContainText(lang === 'ja' ? '科目コードに使えるのは英数字' : 'letters, digits');
    await expect(code).toHaveValue('51 10');
    expect(JSON.parse(await planner.backupText()).plan.scenarios[0].accounts.categories.base.code).toBeUndefined();

    // Full-width digits typed with the input method on are read as the code.
    await code.fill('５１１０');
    await code.press('Tab');
    await expect(note).toHaveCount(0);
    await expect(code).toHaveValue('5110');

    // Undo and redo go through the plan's history.
    await page.getByTestId('undo').click();
    await expect(code).toHaveValue('');
    await page.getByTestId('redo').click();
    await expect(code).toHaveValue('5110');
    expect(JSON.parse(await planner.backupText()).plan.scenarios[0].accounts.categories.base).toEqual({
      code: '5110',
      name: '給料手当',
    });

    // The summary in 千円 with Japanese labels: the CLI's bytes, with the edited code.
    await planner.goTo('exports');
    await expect(page.getByTestId('export-summary')).toBeVisible();
    const plan = planFile(await planner.backupText());
    await page.getByTestId('export-unit').selectOption('thousand');
    await expect(page.getByTestId('export-unit-statement')).toHaveText(
      lang === 'ja' ? '単位：千円（単位未満四捨五入）' : 'Amounts in ¥K, rounded to the unit shown',
    );
    await page.getByTestId('export-labels-ja').check();
    const ja = await download(page, 'summary');
    expect(ja.name).toBe('Engineering-budget-FY2026-FY2027_all-scenarios_summary_2026-12-07.csv');
    const fromCli = cli(['export', plan, '--kind', 'summary', '--unit', 'thousand', '--labels', 'ja']);
    expect(ja.bytes.equals(fromCli), 'browser and CLI bytes differ').toBe(true);
    const text = ja.bytes.toString('utf8');
    expect(text).toContain('シナリオ,年度,開始月,月数,一部期間,チーム,基本給,');
    expect(text).toContain(',科目コード（基本給）,勘定科目（基本給）,');
    // Base's rows carry the code; the other scenario has the preset only where it was set.
    expect(text).toMatch(/\r\nBase,2026年度,2026年4月,12,いいえ,,[^\r]*,5110,給料手当,[^\r]*,単位：千円（単位未満四捨五入）\r\n/);

    // The default file stays the CLI's default, whatever the screen's language.
    await page.getByTestId('export-unit').selectOption('one');
    await page.getByTestId('export-labels-ja').uncheck();
    const plain = await download(page, 'summary');
    expect(plain.bytes.equals(cli(['export', plan, '--kind', 'summary'])), 'default summary differs').toBe(true);
    expect(plain.bytes.toString('utf8')).toContain(',base_account_code,base_account_name,');
    expect(planner.errors).toEqual([]);
  });
}

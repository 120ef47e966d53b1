import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// A cloud bill in dollars (FOCUS 1.2, as AWS exports it) imported into a
// yen plan whose base scenario has a dollar rate: the preview, the cloud
// actuals on screen, and the same plan file from the command line.
const bill = resolve(__dirname, '../fixtures/focus/focus-1.2-aws.csv');
const example = JSON.parse(readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8'));

/** The example plan (yen), its base scenario with a dollar rate or not. */
function planText(withRate: boolean): string {
  const file = structuredClone(example);
  if (withRate) file.plan.scenarios[0].exchange_rates = [{ currency: 'USD', from: '2026-04', rate: '152.30' }];
  return JSON.stringify(file, null, 2);
}

// The bill's EffectiveCost by hand, at ¥152.30 a dollar, each sum (month,
// team, cloud category, currency) rounded once:
// April: compute 90.50 − 10.00 credit = $80.50 → ¥12,260.15 → ¥12,260 (tag
// "web" names no team); storage $20 → ¥3,046 (tag "data": team Data);
// data $5.25 → ¥799.575 → ¥800 (Tags without the key); a $8 Tax row → ¥1,218.4 → ¥1,218.
// May: ¥1,500 billed in yen; a Lambda row with a NULL EffectiveCost adds nothing.
const APRIL = 12_260 + 3_046 + 800 + 1_218;
const MAY = 1_500;
const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

async function open(page: Page, text: string): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate((t) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', t);
    localStorage.setItem('fleetplan.language', 'en');
  }, text);
  await page.reload();
  await expect(planner.planName).toBeVisible();
  return planner;
}

test('a dollar FOCUS bill into a yen plan: preview, cloud actuals on screen, the same plan file as the CLI', async ({ page }) => {
  const planner = await open(page, planText(true));
  const before = await planner.backupText();
  await planner.goTo('actuals');
  await page.getByTestId('import-kind-focus').click();
  await page.getByTestId('focus-import-file').setInputFiles(bill);

  const preview = page.getByTestId('focus-import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('focus-import-summary')).toHaveText('2 totals change, 0 unchanged.');
  // The dollar rate comes from the base scenario: nothing to ask.
  await expect(page.getByTestId('focus-rate')).toHaveCount(0);
  await expect(page.getByTestId('focus-rate-known')).toContainText('152.3');
  // Every service category with its default cloud category.
  await expect(preview.locator('[data-testid="focus-service"][data-service="Databases"] select')).toHaveValue('data');
  await expect(preview.locator('[data-testid="focus-service"][data-service="Other"] select')).toHaveValue('other');

  // The team from the tag "team": "data" names the team Data, "web" none.
  await page.getByTestId('focus-team-source').selectOption('tag:team');
  await expect(preview.locator('[data-testid="focus-team-value"][data-value="data"] select')).toHaveValue('Data');
  await expect(preview.locator('[data-testid="focus-team-value"][data-value="web"] select')).toHaveValue('');
  const change = (month: string) => preview.locator(`[data-testid="actuals-change"][data-month="${month}"][data-category="cloud"] [data-col="after"]`);
  await expect(change('2026-04')).toHaveText(yen(APRIL));
  await expect(change('2026-05')).toHaveText(yen(MAY));

  // BilledCost instead: April's compute is $90 ($100 − $10) → ¥13,707; the
  // RDS row without a BilledCost adds nothing; the Lambda row's $0.0000005 rounds away.
  await page.getByTestId('focus-cost').selectOption('billed');
  await expect(change('2026-04')).toHaveText(yen(13_707 + 3_046 + 1_218));
  await page.getByTestId('focus-cost').selectOption('effective');
  await expect(change('2026-04')).toHaveText(yen(APRIL));

  await page.getByTestId('focus-import-confirm').click();
  await expect(page.getByTestId('focus-import-done')).toContainText('2 totals changed');

  // The cloud actuals in the variance once May is closed.
  await page.getByTestId('closed-through').selectOption('2026-05');
  const cloud = page.locator('[data-testid="variance-row"][data-category="cloud"]');
  await expect(cloud.locator('[data-col="ytd-actual"]')).toHaveText(yen(APRIL + MAY));
  await expect(cloud.locator('[data-col="month-actual"]')).toHaveText(yen(MAY));

  // The command line on the plan file before the import, with the
  // closed month set as on screen, gives the same file byte for byte.
  const after = await planner.backupText();
  const fromCli = JSON.parse(cli(['import-actuals', planFile(before), bill, '--focus', '--team-tag', 'team']).toString('utf8'));
  fromCli.plan.actuals.closed_through = '2026-05';
  expect(JSON.parse(after)).toEqual(fromCli);
  const amounts = JSON.parse(after).plan.actuals.amounts as { month: string; amount: string; team?: string; foreign?: { rate: string } }[];
  const total = (m: string) => amounts.filter((a) => a.month === m).reduce((s, a) => s + Number(a.amount), 0);
  expect(total('2026-04')).toBe(APRIL);
  expect(total('2026-05')).toBe(MAY);
  expect(amounts.filter((a) => a.team === 'Data').map((a) => Number(a.amount))).toEqual([3_046]);

  // Undo takes the import back in one step (after the closed month's).
  await planner.shortcut('Control+z');
  await planner.shortcut('Control+z');
  const undone = JSON.parse(await planner.backupText());
  expect(undone.plan.actuals?.amounts ?? []).toEqual([]);
});

test('a currency without a rate is asked for; starting cloud lines from the bill is one undo step', async ({ page }) => {
  const planner = await open(page, planText(false));
  await planner.goTo('actuals');
  await page.getByTestId('import-kind-focus').click();
  await page.getByTestId('focus-import-file').setInputFiles(bill);
  const preview = page.getByTestId('focus-import-preview');
  // No rate for USD: one error, nothing to apply until a rate is given.
  await expect(preview.getByTestId('actuals-import-errors')).toContainText('USD');
  await expect(page.getByTestId('focus-import-confirm')).toHaveCount(0);
  const rate = page.locator('[data-testid="focus-rate"][data-currency="USD"] input');
  await rate.fill('0');
  await rate.press('Enter');
  await expect(page.getByTestId('focus-rate')).toContainText('above 0');
  await expect(rate).toHaveValue('0');
  await rate.fill('152.30');
  await rate.press('Enter');
  const change = (month: string) => preview.locator(`[data-testid="actuals-change"][data-month="${month}"][data-category="cloud"] [data-col="after"]`);
  await expect(change('2026-04')).toHaveText(yen(APRIL));
  await expect(page.locator('[data-testid="focus-rate"][data-currency="USD"] input')).toHaveValue('152.3');

  // April is the bill's last full month: each category's cost there
  // becomes the base scenario's line of that category.
  await page.getByTestId('focus-start-lines').click();
  await expect(page.getByTestId('focus-import-done')).toContainText('4 cloud lines of Base set from the bill');
  const lines = JSON.parse(await planner.backupText()).plan.scenarios[0].cloud.lines as { category: string; on_demand_monthly: string }[];
  const first = (c: string) => lines.find((l) => l.category === c)?.on_demand_monthly;
  expect([first('compute'), first('storage'), first('data'), first('other')]).toEqual(['12260', '3046', '800', '1218']);
  // The actuals are not imported by it.
  expect(JSON.parse(await planner.backupText()).plan.actuals).toBeUndefined();
  await planner.shortcut('Control+z');
  const undone = JSON.parse(await planner.backupText()).plan.scenarios[0].cloud.lines;
  expect(undone).toEqual(example.plan.scenarios[0].cloud.lines);
});

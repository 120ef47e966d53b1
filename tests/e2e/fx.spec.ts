import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli, planFile } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

// Costs in dollars in a yen plan: the scenario's exchange rates and a
// cost's currency edited in Assumptions, refused input kept as typed, the
// exchange-rate what-if, and the Compare bridge's exchange-rate step as
// the command line computes it.
const example = JSON.parse(readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8'));

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

async function commit(field: ReturnType<Page['locator']>, text: string) {
  await field.fill(text);
  await field.press('Enter');
}

test('a rate path and a tool in dollars, edited in Assumptions; refused text stays as typed', async ({ page }) => {
  const planner = await open(page, JSON.stringify(example));
  await planner.goTo('assumptions');
  const rates = page.getByTestId('exchange-rates');
  await rates.getByTestId('add-rate').click();
  const row = rates.getByTestId('rate-row').first();
  await expect(row.locator('input[data-field="currency"]')).toHaveValue('USD');
  await expect(row.locator('input[data-field="from"]')).toHaveValue('2026-04');
  // A rate of 0 is refused next to the field and kept as typed.
  const rate = row.locator('input[data-field="rate"]');
  await commit(rate, '0');
  await expect(row).toContainText('above 0');
  await expect(rate).toHaveValue('0');
  await commit(rate, '152.30');
  await expect(rate).toHaveValue('152.3');
  // A later step, from October, at the last rate; then changed.
  await rates.getByTestId('add-rate').click();
  const second = rates.getByTestId('rate-row').nth(1);
  await expect(second.locator('input[data-field="from"]')).toHaveValue('2026-05');
  await commit(second.locator('input[data-field="from"]'), '2026-10');
  await commit(second.locator('input[data-field="rate"]'), '160');

  // The first tool in dollars: $21.50 a seat keeps its cents in a yen plan.
  const tool = page.getByTestId('tool-row').first();
  await tool.getByTestId('cost-currency').selectOption('USD');
  const price = tool.locator('input[data-field="monthly_per_seat"]');
  await commit(price, '21.50');
  await expect(price).toHaveValue('21.50');
  // Each amount cell names its row's currency; the column mixes them, so
  // its heading names none.
  await expect(tool.locator('.unit').first()).toHaveText('USD');
  await expect(page.getByTestId('tool-row').nth(1).locator('.unit').first()).toHaveText('JPY');
  const toolsHead = page.locator('section[aria-labelledby="tools-title"] thead');
  await expect(toolsHead).toContainText('Per seat, per month');
  await expect(toolsHead).not.toContainText('JPY');

  // A currency without a rate is refused where it is chosen; the code
  // typed stays.
  const other = page.getByTestId('tool-row').nth(1);
  await other.getByTestId('cost-currency').selectOption('*');
  const code = other.locator('input[data-field="currency-code"]');
  await commit(code, 'eur');
  await expect(other).toContainText('give the scenario a rate for EUR');
  await expect(code).toHaveValue('eur');

  const plan = JSON.parse(await planner.backupText()).plan;
  expect(plan.scenarios[0].exchange_rates).toEqual([
    { currency: 'USD', from: '2026-04', rate: '152.3' },
    { currency: 'USD', from: '2026-10', rate: '160' },
  ]);
  expect(plan.scenarios[0].tools[0]).toMatchObject({ currency: 'USD', monthly_per_seat: '21.5' });
  expect(plan.scenarios[0].tools[1].currency).toBeUndefined();
});

test('the exchange-rate what-if and the bridge step it makes, as the CLI computes them', async ({ page }) => {
  // Both scenarios pay their first tool in dollars at the same rates.
  const file = structuredClone(example);
  for (const s of file.plan.scenarios) {
    s.exchange_rates = [{ currency: 'USD', from: '2026-04', rate: '152.30' }];
    s.tools[0].currency = 'USD';
    s.tools[0].monthly_per_seat = '40';
  }
  const planner = await open(page, JSON.stringify(file));
  await page.getByTestId('scenario-picker').selectOption('1');
  await planner.goTo('scenarios');
  const fx = page.getByTestId('adjustments').locator('input[data-field="fx_pct"]');
  await commit(fx, '-95');
  await expect(page.getByTestId('adjustments')).toContainText('-90 % to +900 %');
  await expect(fx).toHaveValue('-95');
  await commit(fx, '10');
  await expect(fx).toHaveValue('10');

  await planner.goTo('compare');
  const step = page.getByTestId('bridge').getByTestId('bridge-step').filter({ hasText: 'Exchange rates' });
  await expect(step).toHaveCount(1);
  const after = await planner.backupText();
  expect(JSON.parse(after).plan.scenarios[1].adjustments.fx_pct).toBe('10');
  const rows = cli(['bridge', planFile(after), '--base', 'Base', '--other', 'Aggressive']).toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/);
  const fromCli = Number(rows.find((r) => r.startsWith('exchange_rate,'))!.split(',')[2]);
  // Dearer dollars cost more: a positive step, shown signed in yen.
  expect(fromCli).toBeGreaterThan(0);
  await expect(step.locator('td')).toHaveText(`+¥${fromCli.toLocaleString('en-US')}`);
});

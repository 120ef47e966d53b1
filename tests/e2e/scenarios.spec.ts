import { expect, test, type Page } from '@playwright/test';
import { cli, planFile } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';
import { monthFromNow, enter } from './fixtures/helpers';

/** "−1,800,000" or "+45,706,605" or "577,891,699" as minor units. */
const amount = (text: string) => BigInt(text.replace(/[,+\s¥]/g, '').replace('\u2212', '-'));

test('a duplicated scenario with its hires slipped 3 months costs less, the bridge puts it on the team that hires, as the CLI computes', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.addPosition({
    title: 'Analyst',
    team: 'Data',
    salary: '7,200,000',
    status: 'planned',
    start: await monthFromNow(page, 1),
  });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

  await planner.goTo('scenarios');
  const rows = page.getByTestId('scenario-row');
  await rows.nth(0).getByTestId('duplicate-scenario').click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('scenario-picker')).toHaveValue('1');
  await expect(rows.nth(1).locator('input.plan-row-name')).toHaveValue('Base (copy)');
  await enter(page.locator('input[data-field="hire_slip_months"]'), '3');

  await planner.goTo('compare');
  await page.getByTestId('compare-year').filter({ hasText: 'Whole horizon' }).click();
  const totals = page.getByTestId('compare-total');
  const base = amount(await totals.nth(0).innerText());
  const copy = amount(await totals.nth(1).innerText());
  // The analyst starts 3 months later: 3 months of 600,000 less.
  expect(base - copy).toBe(1_800_000n);
  await expect(page.getByTestId('compare-difference')).toContainText('\u2212¥1,800,000');

  const bridge = page.getByTestId('bridge');
  await bridge.getByTestId('bridge-by-team').click();
  const steps = bridge.getByTestId('bridge-step');
  await expect(steps).toHaveCount(1);
  await expect(steps.first()).toContainText('Data');
  await expect(steps.first()).toContainText('\u2212¥1,800,000');

  // The same plan file through the CLI gives the same bridge.
  const file = planFile(await planner.backupText());
  const csv = cli(['bridge', file, '--base', 'Base', '--other', 'Base (copy)', '--no-bom']).toString('utf8');
  const rowsOf = Object.fromEntries(
    csv.trim().split(/\r?\n/).slice(1).map((line) => {
      const [kind, name, value] = line.split(',');
      return [`${kind}:${name}`, BigInt(value)];
    }),
  );
  expect(rowsOf['total:base']).toBe(amount(await bridge.getByTestId('bridge-base').innerText()));
  expect(rowsOf['total:other']).toBe(amount(await bridge.getByTestId('bridge-other-total').innerText()));
  expect(rowsOf['team:Data']).toBe(-1_800_000n);
  expect(rowsOf['team:Platform']).toBe(0n);
  expect(planner.errors).toEqual([]);
});

test('a locked scenario is read-only until it is unlocked, and says since when', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.goTo('scenarios');
  const lock = page.getByTestId('scenario-row').nth(0).getByTestId('lock-scenario');
  await lock.click();
  // Today as the English UI writes a date: "24 Nov 2026".
  const today = await page.evaluate(() => {
    const d = new Date();
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
  });
  await expect(lock).toContainText(`Locked on ${today}`);
  await expect(page.getByTestId('scenario-locked')).toContainText(today);

  await planner.goTo('headcount');
  await expect(page.getByTestId('lock-banner')).toContainText('locked as a snapshot');
  await expect(planner.rowAt(0).salary).toBeDisabled();
  await expect(planner.addForm.getByRole('button', { name: 'Add position' })).toBeDisabled();
  await planner.goTo('assumptions');
  await expect(page.locator('input[data-field="raise_pct"]')).toBeDisabled();
  await planner.goTo('scenarios');
  await lock.click();
  await expect(lock).toHaveText('Lock');
  await planner.goTo('headcount');
  await expect(page.getByTestId('lock-banner')).toHaveCount(0);
  await enter(planner.rowAt(0).salary, '7,200,000');
  await expect(planner.annualTotal).toHaveText('¥7,200,000');
});

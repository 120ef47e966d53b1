import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

test.describe('roster and monthly cost', () => {
  test('the planner loads with no console error', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await expect(planner.annualTotal).toHaveText('¥0');
    await expect(page.getByTestId('roster-empty')).toBeVisible();
    await expect(page.getByTestId('monthly-cost').locator('.month-cell')).toHaveCount(12);
    expect(planner.errors).toEqual([]);
  });

  test('a 6,000,000 position from the first month costs 6,000,000 a year, survives a reload and goes on delete', async ({
    page,
  }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.addPosition({ title: 'Backend engineer', team: 'Platform', salary: '6,000,000' });

    await expect(planner.annualTotal).toHaveText('¥6,000,000');
    await expect(planner.rows).toHaveCount(1);
    // Every month of the horizon carries a twelfth of the salary.
    await expect(page.getByTestId('monthly-cost').locator('.month-amount').first()).toHaveText('¥500,000');
    await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

    await page.reload();
    await expect(planner.rows).toHaveCount(1);
    const row = planner.rowAt(0);
    await expect(row.title).toHaveValue('Backend engineer');
    await expect(row.team).toHaveAttribute('data-value', 'Platform');
    await expect(row.salary).toHaveValue('6,000,000');
    await expect(planner.annualTotal).toHaveText('¥6,000,000');

    await row.remove.click();
    await expect(planner.rows).toHaveCount(0);
    await expect(planner.annualTotal).toHaveText('¥0');
    await page.reload();
    await expect(planner.annualTotal).toHaveText('¥0');
    expect(planner.errors).toEqual([]);
  });

  test('editing a salary in place changes the total; a bad amount is refused next to the field', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '1200000' });
    await expect(planner.annualTotal).toHaveText('¥1,200,000');

    const row = planner.rowAt(0);
    await row.salary.fill('2,400,000');
    await row.salary.press('Enter');
    await expect(planner.annualTotal).toHaveText('¥2,400,000');

    await row.salary.fill('lots');
    await row.salary.press('Enter');
    await expect(row.row.getByRole('alert')).toContainText('not an amount');
    // The last valid value keeps computing.
    await expect(planner.annualTotal).toHaveText('¥2,400,000');
  });

  test('a position starting mid-horizon costs only its months', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    const months = page.getByTestId('monthly-cost').locator('.month-label');
    await expect(months).toHaveCount(12);
    // Start in the horizon's 7th month: 6 of 12 months are paid.
    const start = await page.evaluate(() => {
      const d = new Date();
      const m = new Date(d.getFullYear(), d.getMonth() + 6, 1);
      return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, '0')}`;
    });
    await planner.addPosition({ title: 'Data engineer', team: 'Data', salary: '7,200,000', start });
    await expect(planner.annualTotal).toHaveText('¥3,600,000');
  });

  test('the plan name is editable and kept', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.planName.fill('FY2026 engineering budget');
    await planner.planName.press('Enter');
    await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await expect(planner.planName).toHaveValue('FY2026 engineering budget');
  });
});

test('an amount beyond what a plan holds is refused at the field', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Founder', team: 'Core', salary: '2,000,000,000,000,000' });
  await expect(planner.addForm.getByRole('alert')).toContainText('largest amount');
  await expect(planner.rows).toHaveCount(0);
});

test('a stored plan with an out-of-range value reopens with its error shown, not set aside', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Founder', team: 'Core', salary: '6,000,000' });
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  const backup = await planner.backupText();
  // As the first version (the plan file under one key) or a hand edit might have left it.
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text.replace('"annual_base": "6000000"', '"annual_base": "2000000000000000"'));
  }, backup);
  await page.reload();
  await expect(planner.rows).toHaveCount(1);
  await expect(planner.rowAt(0).title).toHaveValue('Founder');
  await expect(page.locator('.problems')).toContainText('beyond the limit');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

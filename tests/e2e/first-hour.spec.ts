import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';
import { enter } from './fixtures/helpers';

// The traps a new user met in the first hour: typed values thrown away by a
// rule across fields, amounts typed the Japanese way, a start that led
// nowhere, and a base that moved when scenarios were reordered. Each is
// tried in English and in Japanese.

/** The plan as its backup file says it, parsed. */
async function planJson(planner: PlannerPage) {
  return JSON.parse(await planner.backupText()).plan;
}

/** Types into a field and leaves it with Tab, as a person filling a row does. */
async function tab(field: ReturnType<Page['locator']>, text: string) {
  await field.fill(text);
  await field.press('Tab');
}

for (const lang of ['en', 'ja'] as const) {
  test.describe(`in ${lang === 'en' ? 'English' : 'Japanese'}`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'ja-JP' });
    test.beforeEach(async ({ page }) => {
      // December 2026: people plan the next fiscal year.
      await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
    });

    test('a new band takes its figures as typed, and a band typed left to right keeps every value', async ({ page }) => {
      const [mid, senior] = lang === 'en' ? ['Mid', 'Senior'] : ['ミドル', 'シニア'];
      const planner = new PlannerPage(page);
      await planner.open('bands');
      // A blank plan has no band to start from: the form asks for the figures.
      const form = page.getByTestId('add-band');
      await expect(form.locator('[data-field="new-band-min"]')).toHaveValue('');
      await form.locator('[data-field="new-band-level"]').selectOption(mid);
      // Out of order first: refused as a whole, and nothing typed is lost.
      await form.locator('[data-field="new-band-min"]').fill('5,000,000');
      await form.locator('[data-field="new-band-mid"]').fill('8,000,000');
      await form.locator('[data-field="new-band-max"]').fill('7,000,000');
      await form.locator('button[type="submit"]').click();
      await expect(page.locator('.band-add [role="alert"]')).toContainText(
        lang === 'en' ? 'maximum is below the midpoint' : '上限',
      );
      await expect(page.getByTestId('band-row')).toHaveCount(0);
      await expect(form.locator('[data-field="new-band-mid"]')).toHaveValue('8,000,000');
      await form.locator('[data-field="new-band-mid"]').fill('6,000,000');
      await form.locator('button[type="submit"]').click();
      const band = page.locator(`[data-testid="band-row"][data-level="${mid}"]`);
      await expect(band).toHaveCount(1);

      // 5 / 6 / 7 million typed over left to right as 8 / 9 / 10 million:
      // the minimum is above the old midpoint until the midpoint is typed,
      // which is above the old maximum until the maximum is typed.
      await tab(band.locator('input[data-field="min"]'), '8,000,000');
      await expect(band.getByTestId('band-row-note')).toBeVisible();
      await tab(band.locator('input[data-field="mid"]'), '9,000,000');
      await expect(band.locator('input[data-field="min"]')).toHaveValue('8,000,000');
      await tab(band.locator('input[data-field="max"]'), '10,000,000');
      await expect(band.getByTestId('band-row-note')).toHaveCount(0);
      await expect(band.locator('input[data-field="min"]')).toHaveValue('8,000,000');
      await expect(band.locator('input[data-field="mid"]')).toHaveValue('9,000,000');
      await expect(band.locator('input[data-field="max"]')).toHaveValue('10,000,000');
      await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
      const plan = await planJson(planner);
      const stored = plan.scenarios[0].bands.find((b: { level: string }) => b.level === mid);
      expect([stored.min, stored.mid, stored.max]).toEqual(['8000000', '9000000', '10000000']);

      // A level with no band, next to one that has: one click, the
      // neighbour's figures, never 0 / 0 / 0.
      await page.locator(`[data-testid="add-band-for"][data-level="${senior}"]`).click();
      const seniorBand = page.locator(`[data-testid="band-row"][data-level="${senior}"]`);
      await expect(seniorBand.locator('input[data-field="mid"]')).toHaveValue('9,000,000');
      expect(planner.errors).toEqual([]);
    });

    test('a start after the end, typed in either order, is kept until the row is consistent', async ({ page }) => {
      const planner = new PlannerPage(page);
      await planner.open();
      await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
      const row = planner.rowAt(0);

      // The start first: refused while the old end is before it, saved with the end.
      await enter(row.end, '2030-12-31');
      await enter(row.start, '2031-03-01');
      await expect(row.row.locator('.row-error')).toBeVisible();
      await enter(row.end, '2031-12-31');
      await expect(row.row.locator('.row-error')).toHaveCount(0);
      await expect(row.start).toHaveValue('2031-03-01');
      await expect(row.end).toHaveValue('2031-12-31');

      // The end first.
      await enter(row.end, '2020-06-30');
      await expect(row.row.locator('.row-error')).toBeVisible();
      await expect(row.row.locator('.row-error')).toContainText(lang === 'en' ? 'before' : '開始日');
      await enter(row.start, '2020-01-01');
      await expect(row.row.locator('.row-error')).toHaveCount(0);
      await expect(row.start).toHaveValue('2020-01-01');
      await expect(row.end).toHaveValue('2020-06-30');
      const plan = await planJson(planner);
      expect(plan.scenarios[0].positions[0].start).toBe('2020-01-01');
      expect(plan.scenarios[0].positions[0].end).toBe('2020-06-30');
    });

    test('amounts typed the Japanese way: full-width digits and 万', async ({ page }) => {
      const planner = new PlannerPage(page);
      await planner.open();
      await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '６，０００，０００' });
      const row = planner.rowAt(0);
      await expect(row.salary).toHaveValue('6,000,000');
      await enter(row.salary, '900万');
      await expect(row.salary).toHaveValue('9,000,000');
      await enter(row.salary, '1,5');
      await expect(row.row.locator('.row-error')).toContainText('1,5');
      // The refused text stays as typed.
      await expect(row.salary).toHaveValue('1,5');
      await row.salary.press('Escape');
      await expect(row.salary).toHaveValue('9,000,000');
    });

    test('the empty Overview starts a preset on the next fiscal year, named after it', async ({ page }) => {
      const planner = new PlannerPage(page);
      await planner.open('overview');
      const start = page.getByTestId('start');
      await expect(start).toBeVisible();
      await start.locator('[data-start="japan"]').click();
      await expect(planner.planName).toHaveValue(lang === 'en' ? 'Japan FY2027 plan' : /日本.*2027年度/);
      await planner.goTo('assumptions');
      await expect(page.locator('input[data-field="horizon_start"]')).toHaveValue('2027-04');
      await expect(page.locator('input[data-field="horizon_months"]')).toHaveValue('12');
      // Japan's social insurance on its grades, as payroll charges it; the
      // grade tables are there to read.
      await expect(page.getByTestId('burden-row').first().locator('select[data-field="basis"]')).toHaveValue('health_grades');
      const tables = page.getByTestId('grade-table');
      await expect(tables).toHaveCount(2);
      await tables.first().locator('summary').click();
      await expect(tables.first().locator('tbody tr')).toHaveCount(50);

      // A second plan from the same preset gets a name of its own.
      await planner.goTo('overview');
      await page.getByTestId('start').locator('[data-start="japan"]').click();
      await expect(planner.planName).toHaveValue(lang === 'en' ? 'Japan FY2027 plan (2)' : /日本.*2027年度.*\(2\)/);
      // The roster shows the grades each person starts on: ¥6,000,000 a
      // year is ¥500,000 a month, health grade 30 and pension grade 27.
      await planner.goTo('headcount');
      await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
      await expect(planner.rowAt(0).row.getByTestId('grades')).toHaveText(lang === 'en' ? 'H30 P27' : '健30 厚27');
      expect(planner.errors).toEqual([]);
    });

    test('reordering scenarios never changes the base', async ({ page }) => {
      const planner = new PlannerPage(page);
      await planner.open('scenarios');
      const rows = page.getByTestId('scenario-row');
      await rows.nth(0).getByTestId('duplicate-scenario').click();
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0).getByTestId('base-scenario')).toBeChecked();
      const baseName = await rows.nth(0).locator('input.plan-row-name').inputValue();
      // The copy moves to the top; the base stays the base.
      await rows.nth(1).getByRole('button', { name: lang === 'en' ? 'Move up' : /上へ/ }).click();
      await expect(rows.nth(1).locator('input.plan-row-name')).toHaveValue(baseName);
      await expect(rows.nth(1).getByTestId('base-scenario')).toBeChecked();
      await expect(rows.nth(0).getByTestId('base-scenario')).not.toBeChecked();
      const plan = await planJson(planner);
      expect(plan.base_scenario).toBe(baseName);
    });

    test('text typed and not yet committed is saved when the page is left, and invalid text asks first', async ({ page }) => {
      const planner = new PlannerPage(page);
      await planner.open();
      await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
      await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
      // Typed, not committed (no Enter, no Tab), then the page is reloaded.
      await planner.rowAt(0).salary.fill('7,000,000');
      await page.reload();
      await expect(planner.rowAt(0).salary).toHaveValue('7,000,000');

      // Text that is not an amount would be lost: the browser asks (a click
      // first: browsers ask only on a page the person has used).
      await planner.rowAt(0).salary.click();
      await planner.rowAt(0).salary.fill('seven');
      let asked = '';
      page.once('dialog', async (dialog) => {
        asked = dialog.type();
        await dialog.accept();
      });
      await page.reload();
      expect(asked).toBe('beforeunload');
    });
  });
}

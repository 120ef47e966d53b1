import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlannerPage } from './fixtures/planner-page';

const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');

/** Opens the planner on the example plan (Base: 12 positions in Platform, Product and Data). */
async function openExample(page: Page): Promise<PlannerPage> {
  const planner = new PlannerPage(page);
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'en');
  }, example);
  await page.reload();
  await expect(planner.planName).toBeVisible();
  return planner;
}

test('a locked scenario can still be read: filters, search, sort, chart tables, the band chart, exports and Compare work, and only edits are disabled', async ({ page }) => {
  const planner = await openExample(page);

  // Lock the scenario shown (Base) in Scenarios.
  await planner.goTo('scenarios');
  const lock = page.getByTestId('scenario-row').nth(0).getByTestId('lock-scenario');
  await lock.click();
  await expect(lock).toContainText('Locked on');
  await expect(page.getByTestId('scenario-locked')).toBeVisible();

  // Headcount: the roster is read as usual.
  await planner.goTo('headcount');
  await expect(page.getByTestId('lock-banner')).toContainText('locked as a snapshot');
  const count = page.getByTestId('position-count');
  await expect(count).toHaveText('12 positions');

  // Filter by team.
  const team = page.getByTestId('filter-team');
  await expect(team).toBeEnabled();
  await team.selectOption('Data');
  await expect(count).toHaveText('2 of 12 positions');
  await expect(planner.rows).toHaveCount(2);
  for (const row of await planner.rows.all()) {
    await expect(row.locator('[data-field="team"]')).toHaveAttribute('data-value', 'Data');
  }
  await team.selectOption('');
  await expect(count).toHaveText('12 positions');

  // Filter by status.
  await page.getByTestId('filter-status').selectOption('open');
  await expect(count).toHaveText('2 of 12 positions');
  await page.getByTestId('filter-status').selectOption('');

  // Search.
  const search = page.getByTestId('filter-text');
  await expect(search).toBeEnabled();
  await search.fill('Director');
  await expect(count).toHaveText('1 of 12 positions');
  await expect(planner.rowAt(0).title).toHaveValue('Director of Engineering');
  await search.fill('');
  await expect(count).toHaveText('12 positions');

  // Sort by title, both ways.
  const byTitle = page.locator('button.sort[data-sort="Title"]');
  await expect(byTitle).toBeEnabled();
  await byTitle.click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Title');
  await expect(planner.rowAt(0).title).toHaveValue('Backend Engineer');
  await byTitle.click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Title');
  await expect(planner.rowAt(0).title).toHaveValue('Tech Lead, Product');

  // Every edit is disabled: the rows' cells and actions, adding, bulk changes.
  await expect(planner.rowAt(0).salary).toBeDisabled();
  await expect(planner.rowAt(0).title).toBeDisabled();
  await expect(planner.rowAt(0).remove).toBeDisabled();
  await expect(planner.addForm.getByLabel('Title')).toBeDisabled();
  await expect(planner.addForm.getByRole('button', { name: 'Add position' })).toBeDisabled();
  await expect(page.getByTestId('shift-hires-apply')).toBeDisabled();
  await expect(page.getByTestId('team-fee-apply')).toBeDisabled();

  // Salary bands: the chart and its table, but not the ladder or the bands.
  await planner.goTo('bands');
  await expect(page.getByTestId('lock-banner')).toBeVisible();
  await expect(page.getByTestId('band-dot').first()).toBeVisible();
  const toggle = page.getByTestId('band-chart-toggle');
  await expect(toggle).toBeEnabled();
  await toggle.click();
  await expect(page.getByTestId('band-chart').locator('table.band-figures')).toBeVisible();
  await expect(page.getByTestId('band-chart').locator('table.band-figures')).toContainText('Senior');
  await toggle.click();
  await expect(page.getByTestId('band-dot').first()).toBeVisible();
  await expect(page.getByTestId('add-band').locator('select')).toBeDisabled();
  await expect(page.getByTestId('add-level').locator('input')).toBeDisabled();
  await expect(page.locator('input[data-field="min"]').first()).toBeDisabled();

  // Cloud: a line's months open as a table; its fields are disabled.
  await planner.goTo('cloud');
  const line = page.getByTestId('cloud-line').first();
  await line.locator('summary').click();
  await expect(line.locator('table.cloud-months')).toBeVisible();
  await expect(line.locator('input[data-field="on_demand_monthly"]')).toBeDisabled();
  await expect(page.getByTestId('add-cloud-line')).toBeDisabled();

  // Assumptions: all fields are disabled.
  await planner.goTo('assumptions');
  await expect(page.locator('input[data-field="raise_pct"]')).toBeDisabled();
  await expect(page.getByTestId('add-burden')).toBeDisabled();

  // Exports: downloads work; the import into Base, the scenario shown, is refused.
  await planner.goTo('exports');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  expect(readFileSync(await file.path(), 'utf8').split('\n').length).toBeGreaterThan(2);
  await expect(page.getByTestId('import-refused-locked')).toContainText('Base');
  await expect(page.getByTestId('import-file')).toBeDisabled();

  // Compare: both scenarios side by side, Base marked as locked; the chart's table opens.
  await planner.goTo('compare');
  await expect(page.getByTestId('compare-scenario')).toHaveCount(2);
  await expect(page.getByTestId('compare-scenario').first()).toContainText('🔒');
  await page.getByTestId('compare-year').filter({ hasText: 'Whole horizon' }).click();
  await expect(page.getByTestId('compare-total')).toHaveCount(2);
  const chart = page.getByTestId('compare-monthly');
  await chart.getByTestId('chart-table-toggle').click();
  await expect(chart.locator('table')).toBeVisible();
  const [comparison] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-comparison').click()]);
  expect(comparison.suggestedFilename()).toMatch(/\.csv$/);

  // Nothing above changed the plan: still locked, still 12 positions.
  await planner.goTo('headcount');
  await expect(count).toHaveText('12 positions');
  await expect(page.getByTestId('lock-banner')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('unlocked again, the same views edit', async ({ page }) => {
  const planner = await openExample(page);
  await planner.goTo('scenarios');
  const lock = page.getByTestId('scenario-row').nth(0).getByTestId('lock-scenario');
  await lock.click();
  await expect(lock).toContainText('Locked on');
  await lock.click();
  await expect(lock).toHaveText('Lock');
  await planner.goTo('headcount');
  await expect(planner.rowAt(0).salary).toBeEnabled();
  await expect(planner.addForm.getByLabel('Title')).toBeEnabled();
  await expect(page.getByTestId('shift-hires-apply')).toBeEnabled();
  await planner.goTo('bands');
  await expect(page.getByTestId('add-band').locator('select')).toBeEnabled();
  await planner.goTo('assumptions');
  await expect(page.locator('input[data-field="raise_pct"]')).toBeEnabled();
  await planner.goTo('exports');
  await expect(page.getByTestId('import-refused-locked')).toHaveCount(0);
  await expect(page.getByTestId('import-file')).toBeEnabled();
  expect(planner.errors).toEqual([]);
});

test('in Japanese too: a locked scenario filters, searches and sorts, and its cells are read-only', async ({ page }) => {
  const planner = new PlannerPage(page);
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'ja');
  }, example);
  await page.reload();
  await planner.goTo('scenarios');
  await page.getByTestId('scenario-row').nth(0).getByTestId('lock-scenario').click();
  await expect(page.getByTestId('scenario-locked')).toBeVisible();
  await planner.goTo('headcount');
  const count = page.getByTestId('position-count');
  await expect(count).toHaveText('12件');
  await page.getByTestId('filter-team').selectOption('Data');
  await expect(count).toHaveText('12件中2件');
  await page.getByTestId('filter-team').selectOption('');
  await page.getByTestId('filter-text').fill('Director');
  await expect(count).toHaveText('12件中1件');
  await page.getByTestId('filter-text').fill('');
  // Sorted by salary, highest first, with the column's button.
  const salaryHeader = page.locator('button.sort[data-sort="Annual salary"]');
  await salaryHeader.click();
  await salaryHeader.click();
  await expect(planner.rowAt(0).title).toHaveValue('Director of Engineering');
  await expect(planner.rowAt(0).salary).toBeDisabled();
  expect(planner.errors).toEqual([]);
});

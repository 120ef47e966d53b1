import { expect, test, type Page } from '@playwright/test';
import { cli, planFile } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';
import { monthFromNow, enter } from './fixtures/helpers';


// Money on screen: the yen sign and grouped digits.
const grouped = (n: string) => `¥${BigInt(n).toLocaleString('en-US')}`;

test('a plan built from empty through the UI shows the engine’s figures on the Overview', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open('teams');

  // Two teams.
  for (const name of ['Platform', 'Data']) {
    await enter(page.getByTestId('add-team').locator('input[data-field="team-name"]'), name);
  }
  await expect(page.getByTestId('team-row')).toHaveCount(2);

  // Four positions, two of them hires later in the horizon.
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Lead', team: 'Platform', salary: '12,000,000' });
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '7,200,000' });
  await planner.addPosition({ title: 'Data engineer', team: 'Data', salary: '8,400,000', start: await monthFromNow(page, 3), status: 'open' });
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,000,000', start: await monthFromNow(page, 6), status: 'planned' });
  await expect(planner.rows).toHaveCount(4);

  // A burden component and a recruiting fee.
  await planner.goTo('assumptions');
  await page.getByTestId('add-burden').click();
  const burden = page.getByTestId('burden-row').first();
  await enter(burden.locator('input[data-field="name"]'), 'Health insurance');
  await enter(burden.locator('input[data-field="rate_pct"]'), '4.955');
  await enter(page.locator('input[data-field="recruiting_fee_pct"]'), '35');

  // A cloud line.
  await planner.goTo('cloud');
  await page.getByTestId('add-cloud-line').click();
  const line = page.getByTestId('cloud-line').first();
  await enter(line.locator('input[data-field="on_demand_monthly"]'), '1,000,000');
  await enter(line.locator('input[data-field="monthly_growth_pct"]'), '2');

  await planner.goTo('overview');
  const fy = await page.getByTestId('fy-picker').locator('button[aria-pressed="true"]').getAttribute('data-fy');
  const summary = cli(['export', planFile(await planner.backupText()), '--kind', 'summary', '--no-bom']).toString('utf8');
  const [head, ...rows] = summary.trim().split('\r\n');
  const columns = head.split(',');
  const total = rows.map((r) => r.split(',')).find((r) => r[1] === fy && r[5] === '') as string[];
  const col = (name: string) => total[columns.indexOf(name)];

  await expect(page.getByTestId('kpi-total')).toHaveText(grouped(col('total')));
  await expect(page.getByTestId('kpi-heads')).toHaveText(col('heads_at_end'));
  await expect(page.getByTestId('kpi-fte')).toHaveText(col('fte_at_end'));
  await expect(page.getByTestId('kpi-cost-per-engineer')).toHaveText(grouped(col('cost_per_engineer')));
  await expect(page.getByTestId('kpi-cloud-per-engineer')).toHaveText(grouped(col('cloud_per_engineer')));
  for (const category of ['base', 'bonus', 'burden', 'recruiting', 'cloud']) {
    await expect(page.locator(`[data-testid="category-row"][data-category="${category}"]`)).toContainText(grouped(col(category)));
  }
  // Burden, recruiting and cloud all contribute: the plan used every input above.
  for (const category of ['burden', 'recruiting', 'cloud']) expect(BigInt(col(category))).toBeGreaterThan(0n);
  // Each chart has its table of exact figures.
  await page.getByTestId('chart-monthly-cost').getByTestId('chart-table-toggle').click();
  await expect(page.getByTestId('chart-monthly-cost').locator('table')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('an invalid value shows its message, is not saved, and the last valid totals stay', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '6,000,000' });
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

  const row = planner.rowAt(0);
  const saved = await planner.storedRecord();
  await enter(row.fte, '1.5');
  await expect(row.row.getByRole('alert')).toContainText('Not saved');
  await expect(row.fte).toHaveAttribute('aria-invalid', 'true');
  await expect(row.fte).toHaveValue('1.5');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  // Nothing was saved.
  expect(await planner.storedRecord()).toBe(saved);
  // Escape gives back the saved value.
  await row.fte.press('Escape');
  await expect(row.fte).toHaveValue('1');
  await expect(row.row.getByRole('alert')).toHaveCount(0);

  // A half-time FTE is valid: the total halves.
  await enter(row.fte, '0.5');
  await expect(planner.annualTotal).toHaveText('¥3,000,000');

  // On a form: a percentage that is not a number.
  await planner.goTo('assumptions');
  const raise = page.locator('input[data-field="raise_pct"]');
  await enter(raise, 'ten');
  await expect(page.getByRole('alert').filter({ hasText: 'not a percentage' })).toBeVisible();
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥3,000,000');
});

test('the band chart and the roster flag a salary outside its band', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '7,000,000' });
  await planner.addPosition({ title: 'Frontend', team: 'Platform', salary: '9,500,000' });

  await planner.goTo('bands');
  await page.locator('[data-testid="add-band-for"][data-level="Mid"]').click();
  const band = page.locator('[data-testid="band-row"][data-level="Mid"]');
  await enter(band.locator('input[data-field="max"]'), '8,400,000');
  await enter(band.locator('input[data-field="mid"]'), '7,200,000');
  await enter(band.locator('input[data-field="min"]'), '6,000,000');
  // The engine's rule shows beside the field: a midpoint above the maximum is refused.
  await enter(band.locator('input[data-field="mid"]'), '9,000,000');
  await expect(band.getByRole('alert')).toContainText('maximum is below the midpoint');
  await band.locator('input[data-field="mid"]').press('Escape');

  await expect(page.locator('[data-testid="band-dot"][data-outside="true"]')).toHaveCount(1);
  await expect(page.getByTestId('outside-row')).toHaveCount(1);
  await expect(page.getByTestId('outside-row')).toContainText('Frontend');
  await expect(page.getByTestId('outside-row')).toContainText('1.319'); // 9,500,000 ÷ 7,200,000

  await planner.goTo('headcount');
  await expect(planner.rowAt(1).band).toContainText('1.319');
  await expect(planner.rowAt(1).band.locator('.above')).toHaveCount(1);
  await expect(planner.rowAt(0).band.locator('.above, .below')).toHaveCount(0);
});

test('moving a team’s hires by 3 months moves their start dates and lowers the total as computed', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Lead', team: 'Platform', salary: '12,000,000' });
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '6,000,000', start: await monthFromNow(page, 2), status: 'open' });
  await planner.addPosition({ title: 'Analyst', team: 'Data', salary: '6,000,000', start: await monthFromNow(page, 2), status: 'open' });
  // 12,000,000 + 10 months of 500,000 twice.
  await expect(planner.annualTotal).toHaveText('¥22,000,000');

  const bulk = page.getByTestId('shift-hires');
  await bulk.locator('select[data-field="shift-team"]').selectOption('Platform');
  await bulk.locator('input[data-field="shift-months"]').fill('3');
  await page.getByTestId('shift-hires-apply').click();
  await expect(bulk.getByRole('status')).toHaveText('Moved 1 hire of Platform by +3 months.');
  // The SRE now works 7 months: 3 × 500,000 less.
  await expect(planner.annualTotal).toHaveText('¥20,500,000');
  const start = `${await monthFromNow(page, 5)}-01`;
  await expect(planner.rowAt(1).start).toHaveValue(start);
  await expect(planner.rowAt(0).start).not.toHaveValue(start);
  await expect(planner.rowAt(2).start).toHaveValue(`${await monthFromNow(page, 2)}-01`);
  // The CLI agrees on the stored plan.
  const summary = cli(['export', planFile(await planner.backupText()), '--kind', 'summary', '--no-bom']).toString('utf8');
  const [header, ...lines] = summary.trim().split('\r\n').map((r) => r.split(','));
  // Columns by name: the summary gains columns as categories are added.
  const team = header.indexOf('team');
  const total = header.indexOf('total');
  const totals = lines.filter((r) => r[team] === '').reduce((sum, r) => sum + BigInt(r[total]), 0n);
  expect(totals.toLocaleString('en-US')).toBe('20,500,000');
});

test('the roster works from the keyboard, filters, sorts, duplicates and undoes a delete', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '7,000,000' });
  await planner.addPosition({ title: 'Analyst', team: 'Data', salary: '6,000,000' });
  await planner.addPosition({ title: 'Designer', team: 'Product', salary: '6,600,000', status: 'open' });

  // Enter commits and moves to the same field of the next row; Escape cancels an edit.
  const first = planner.rowAt(0);
  await first.salary.fill('7,200,000');
  await first.salary.press('Enter');
  await expect(planner.rowAt(1).salary).toBeFocused();
  await expect(first.salary).toHaveValue('7,200,000');
  await planner.rowAt(1).salary.fill('1');
  await planner.rowAt(1).salary.press('Escape');
  await expect(planner.rowAt(1).salary).toHaveValue('6,000,000');
  await expect(planner.annualTotal).toHaveText('¥19,800,000');

  // Filter by team and status.
  await page.getByTestId('filter-team').selectOption('Data');
  await expect(planner.rows).toHaveCount(1);
  await expect(page.getByTestId('position-count')).toHaveText('1 of 3 positions');
  await page.getByTestId('filter-team').selectOption('');
  await page.getByTestId('filter-status').selectOption('open');
  await expect(planner.rows).toHaveCount(1);
  await expect(planner.rowAt(0).title).toHaveValue('Designer');
  await page.getByTestId('filter-status').selectOption('');

  // Sort by salary, then the other way.
  await page.locator('button.sort[data-sort="Annual salary"]').click();
  await expect(planner.rowAt(0).title).toHaveValue('Analyst');
  await page.locator('button.sort[data-sort="Annual salary"]').click();
  await expect(planner.rowAt(0).title).toHaveValue('Backend');

  // Duplicate, then delete and undo.
  await planner.rowAt(0).duplicate.click();
  await expect(planner.rows).toHaveCount(4);
  await expect(planner.annualTotal).toHaveText('¥27,000,000');
  // Same salary, so the copy sorts right after its original.
  await expect(planner.rowAt(1).title).toHaveValue('Backend (copy)');
  await planner.rowAt(1).remove.click();
  await expect(planner.rows).toHaveCount(3);
  await expect(planner.annualTotal).toHaveText('¥19,800,000');
  await page.getByTestId('undo-delete-button').click();
  await expect(planner.rows).toHaveCount(4);
  await expect(planner.annualTotal).toHaveText('¥27,000,000');

  // Totals per team.
  await expect(page.locator('[data-testid="team-total-row"][data-team="Platform"]')).toContainText('2');
  expect(planner.errors).toEqual([]);
});

test('deleting a team with positions asks where they go', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '7,200,000' });
  await planner.addPosition({ title: 'Analyst', team: 'Data', salary: '6,000,000' });
  await planner.goTo('teams');
  const data = page.locator('[data-testid="team-row"][data-team="Data"]');
  await data.getByTestId('delete-team').click();
  const dialog = page.getByTestId('team-delete-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('team-delete-cancel').click();
  await expect(page.getByTestId('team-row')).toHaveCount(2);

  await data.getByTestId('delete-team').click();
  await page.getByTestId('team-delete-move').selectOption('Platform');
  await page.getByTestId('team-delete-confirm').click();
  await expect(page.getByTestId('team-row')).toHaveCount(1);
  await planner.goTo('headcount');
  await expect(planner.rows).toHaveCount(2);
  await expect(planner.rowAt(1).team).toHaveAttribute('data-value', 'Platform');
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
});

test('a choice in the roster becomes a list on focus and commits what is chosen', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.addPosition({ title: 'Analyst', team: 'Data', salary: '6,000,000' });
  const row = planner.rowAt(0);
  await expect(row.status).toHaveAttribute('data-value', 'filled');
  // A click opens the list; the keyboard picks from it as a person would.
  await row.status.click();
  await expect(row.row.locator('select[data-field="status"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(row.row.locator('select[data-field="employment"]')).toBeFocused();
  await expect(row.status).toHaveAttribute('data-value', 'open');
  await expect(row.status).toHaveText('Open (hiring)');
  // Escape leaves a list without changing the choice.
  await page.keyboard.press('Escape');
  await expect(row.row.locator('select')).toHaveCount(0);
  await expect(row.row.locator('[data-field="employment"]')).toHaveAttribute('data-value', 'employee');
  // Moving a position to another team changes the totals per team.
  await row.team.click();
  await page.keyboard.type('Data');
  await page.keyboard.press('Enter');
  await page.getByTestId('roster-filters').click();
  await expect(row.team).toHaveAttribute('data-value', 'Data');
  await expect(page.locator('[data-testid="team-total-row"][data-team="Data"] td').first()).toHaveText('2');
});

test('undo and redo step through every edit, from the header and the keyboard, across views', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await expect(planner.undo).toBeDisabled();
  await expect(planner.redo).toBeDisabled();
  await expect(planner.undo).toHaveAttribute('title', /Ctrl\+Z/);

  // Four edits: two positions, a salary, and the training budget (12 months, whole months).
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  await planner.addPosition({ title: 'Analyst', team: 'Data', salary: '7,200,000' });
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  await enter(planner.rowAt(0).salary, '8,400,000');
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await planner.goTo('assumptions');
  const training = page.locator('input[data-field="training_per_head_annual"]');
  await enter(training, '120,000');
  await expect(training).toHaveValue('120,000');
  await planner.goTo('headcount');
  // 10,000 a month for each of the two people.
  await expect(planner.annualTotal).toHaveText('¥15,840,000');
  await expect(planner.undo).toBeEnabled();
  await expect(planner.redo).toBeDisabled();

  // In a text field the shortcut is the field's own: the plan is untouched.
  await planner.planName.focus();
  await page.keyboard.press('Control+Z');
  await expect(planner.annualTotal).toHaveText('¥15,840,000');

  // Back, one step at a time: the button, the shortcut, and a view switch in between.
  await planner.undo.click();
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await expect(planner.redo).toBeEnabled();
  await planner.goTo('assumptions');
  await expect(training).toHaveValue('0');
  await planner.goTo('headcount');
  await planner.shortcut('Control+Z');
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  await expect(planner.rowAt(0).salary).toHaveValue('6,000,000');
  await planner.goTo('overview');
  await planner.shortcut('Control+Z');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  await expect(planner.rows).toHaveCount(1);
  await planner.undo.click();
  await expect(planner.annualTotal).toHaveText('¥0');
  await expect(planner.rows).toHaveCount(0);
  await expect(planner.undo).toBeDisabled();

  // And forward again: the shortcut, the button, the shortcut across a view switch.
  await planner.shortcut('Control+Shift+Z');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  await planner.redo.click();
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  await expect(planner.rows).toHaveCount(2);
  await planner.goTo('teams');
  await planner.shortcut('Control+Shift+Z');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await expect(planner.rowAt(0).salary).toHaveValue('8,400,000');
  await planner.redo.click();
  await expect(planner.annualTotal).toHaveText('¥15,840,000');
  await expect(planner.redo).toBeDisabled();
  await planner.goTo('assumptions');
  await expect(training).toHaveValue('120,000');
  await planner.goTo('headcount');

  // A new edit after an undo ends the redo.
  await planner.undo.click();
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await expect(planner.redo).toBeEnabled();
  await enter(planner.rowAt(1).salary, '6,000,000');
  await expect(planner.annualTotal).toHaveText('¥14,400,000');
  await expect(planner.redo).toBeDisabled();
  await planner.shortcut('Control+Z');
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  // What is saved is what is shown.
  const stored = JSON.parse(await planner.backupText());
  expect(stored.plan.scenarios[0].positions.map((p: { annual_base: string }) => p.annual_base)).toEqual(['8400000', '7200000']);
  expect(planner.errors).toEqual([]);
});

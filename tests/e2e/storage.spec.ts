import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './fixtures/planner-page';
import { enter } from './fixtures/helpers';

const planRows = (page: Page) => page.getByTestId('plan-row');
const planNames = async (page: Page) =>
  planRows(page).locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

test('a reload keeps every edit: positions, a salary, an assumption and the name', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await enter(planner.rowAt(1).salary, '8,400,000');
  await expect(planner.annualTotal).toHaveText('¥14,400,000');
  await planner.goTo('assumptions');
  await enter(page.locator('input[data-field="raise_pct"]'), '3');
  await enter(planner.planName, 'FY2027 hiring');
  const before = await planner.backupText();

  await page.reload();
  await expect(planner.planName).toHaveValue('FY2027 hiring');
  await expect(page.locator('input[data-field="raise_pct"]')).toHaveValue('3');
  expect(await planner.backupText()).toBe(before);
  await planner.goTo('headcount');
  await expect(planner.rows).toHaveCount(2);
  await expect(planner.rowAt(1).salary).toHaveValue('8,400,000');
});

test('several plans: create, rename, open, duplicate, delete after confirming; the last one opened reopens', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await enter(planner.planName, 'Budget');
  await planner.goTo('plans');
  await expect(page.getByTestId('persistence')).not.toHaveAttribute('data-state', 'unknown');

  await page.getByTestId('new-plan').click();
  await expect(planRows(page)).toHaveCount(2);
  // A blank plan covers the next fiscal year and is named after it.
  await expect(planner.planName).toHaveValue('FY2027 plan');
  await expect(planRows(page).nth(1)).toHaveAttribute('data-open', 'true');
  // A name another plan has is refused, and the typed name stays to be changed.
  await enter(planRows(page).nth(1).locator('input'), 'Budget');
  await expect(page.getByRole('alert').filter({ hasText: 'Budget' })).toBeVisible();
  await expect(planner.planName).toHaveValue('FY2027 plan');
  // Renamed from the list: the header follows, it is the open plan.
  await enter(planRows(page).nth(1).locator('input'), 'Stretch');
  await expect(planner.planName).toHaveValue('Stretch');
  await planner.goTo('headcount');
  await expect(planner.rows).toHaveCount(0);
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,600,000' });
  await expect(planner.annualTotal).toHaveText('¥9,600,000');

  // Back to the first plan, as it was.
  await planner.goTo('plans');
  await planRows(page).nth(0).getByTestId('open-plan').click();
  await expect(planner.planName).toHaveValue('Budget');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');

  await planner.goTo('plans');
  await planRows(page).nth(0).getByTestId('duplicate-plan').click();
  expect(await planNames(page)).toEqual(['Budget', 'Stretch', 'Budget (copy)']);

  // Deleting asks first; cancelling keeps the plan.
  await planRows(page).nth(1).getByTestId('delete-plan').click();
  await planRows(page).nth(1).getByRole('button', { name: 'Cancel' }).click();
  await expect(planRows(page)).toHaveCount(3);
  await planRows(page).nth(1).getByTestId('delete-plan').click();
  await planRows(page).nth(1).getByTestId('confirm-delete').click();
  expect(await planNames(page)).toEqual(['Budget', 'Budget (copy)']);

  await planRows(page).nth(1).getByTestId('open-plan').click();
  await expect(planner.planName).toHaveValue('Budget (copy)');
  await page.reload();
  await expect(planner.planName).toHaveValue('Budget (copy)');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
});

test('a corrupted record shows what could not be read, keeps its text, and the other plans still open', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await enter(planner.planName, 'Kept');
  await planner.goTo('plans');
  await page.getByTestId('new-plan').click();
  await enter(planner.planName, 'Damaged');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  const damaged = await page.evaluate(() => {
    const record = localStorage.getItem('fleetplan.plan.2') as string;
    const broken = record.slice(0, Math.floor(record.length / 2));
    localStorage.setItem('fleetplan.plan.2', broken);
    return broken;
  });

  await page.reload();
  await expect(page.getByTestId('notice')).toContainText('“Damaged” could not be read');
  await expect(page.getByTestId('notice')).toContainText('fleetplan.recovery.2');
  await expect(planner.planName).toHaveValue('Kept');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');

  // The text is untouched, and offered for download.
  expect(await page.evaluate(() => localStorage.getItem('fleetplan.plan.2'))).toBe(damaged);
  await planner.goTo('plans');
  const recovery = page.getByTestId('recovery-row');
  await expect(recovery).toContainText('Plan “Damaged”');
  const [file] = await Promise.all([page.waitForEvent('download'), recovery.getByTestId('recovery-download').click()]);
  expect(readFileSync(await file.path(), 'utf8')).toBe(damaged);
  // Opening it again says why, and changes nothing.
  await planRows(page).nth(1).getByTestId('open-plan').click();
  await expect(page.getByTestId('notice').last()).toContainText('could not be read');
  await expect(planner.planName).toHaveValue('Kept');
});

test('a full quota fails the save with a message, editing goes on, and a backup can be taken', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  const stored = await planner.storedRecord();
  // Fill local storage to the last kilobyte.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64]) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, chunk);
      } catch {
        // Full at this size: go on with smaller pieces.
      }
    }
  });
  await planner.addPosition({ title: 'A much longer title for the second engineer', team: 'Platform', salary: '7,200,000' });
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'failed');
  await expect(planner.saveState).toContainText('storage for Fleetplan is full');
  // Still editing; the stored plan is the last one saved.
  await enter(planner.rowAt(0).salary, '8,400,000');
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  expect(await page.evaluate(() => localStorage.getItem('fleetplan.plan.1'))).toBe(stored);
  // The backup is offered right there.
  const offer = page.getByTestId('save-failed');
  await expect(offer).toContainText('storage for Fleetplan is full');
  const [file] = await Promise.all([page.waitForEvent('download'), offer.getByTestId('save-failed-backup').click()]);
  const backup = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(backup.plan.scenarios[0].positions).toHaveLength(2);
  // Room again: the next change is saved.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await enter(planner.planName, 'Saved again');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(offer).toHaveCount(0);
});

test('two tabs see each other’s saves, and a clash is the person’s choice', async ({ context }) => {
  // The tabs share one clock (the context's). It runs freely while the plan
  // is set up, then is held: each tab's save (400 ms after its change) runs
  // only when the test moves the clock past it, so which tab saves first is
  // certain rather than a race of two timers.
  await context.clock.install();
  const first = await context.newPage();
  const a = new PlannerPage(first);
  await a.open();
  await a.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');

  const second = await context.newPage();
  const b = new PlannerPage(second);
  await second.goto('/#headcount');
  await expect(b.annualTotal).toHaveText('¥6,000,000');

  // A save in one tab reaches the other.
  await a.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  await expect(b.annualTotal).toHaveText('¥13,200,000');
  await expect(b.notices()).toContainText('updated with changes saved in another tab');
  await context.clock.pauseAt(await first.evaluate(() => Date.now() + 1_000));

  // Both tabs change the plan within the pause before a save (400 ms), the
  // first 200 ms before the second: the first saves first, and the second
  // finds its save would discard that.
  await enter(a.rowAt(1).salary, '9,600,000');
  await context.clock.runFor(200);
  await enter(b.rowAt(0).salary, '9,000,000');
  await expect(b.annualTotal).toHaveText('¥16,200,000');
  await expect(a.saveState).not.toHaveAttribute('data-state', 'saved');
  await context.clock.runFor(250);
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  const clash = second.getByTestId('conflict');
  await expect(clash).toBeVisible();
  await context.clock.runFor(250);
  await expect(b.saveState).toHaveAttribute('data-state', 'failed');
  await expect(b.saveState).toContainText('changed in another tab');
  await expect(b.annualTotal).toHaveText('¥16,200,000');
  await expect(a.annualTotal).toHaveText('¥15,600,000');

  // Keeping the second tab's version: the first takes it in.
  await clash.getByTestId('keep-mine').click();
  await expect(clash).toHaveCount(0);
  await expect(b.saveState).toHaveAttribute('data-state', 'saved');
  await expect(a.annualTotal).toHaveText('¥16,200,000');
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test('a backup downloaded and opened again gives an identical plan; a file that is not a plan is refused', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'データエンジニア', team: 'Data', salary: '7,200,000' });
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000', status: 'planned' });
  const backup = await planner.backupText();

  await planner.goTo('plans');
  const open = page.getByTestId('backup-open');
  await open.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup.replace('"fte": "1"', '"fte": "2"')),
  });
  await expect(page.getByTestId('backup-problems')).toContainText('scenarios[0].positions[0].fte');
  await expect(planRows(page)).toHaveCount(1);

  await open.setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(planRows(page)).toHaveCount(2);
  await expect(page.getByTestId('backup-problems')).toHaveCount(0);
  await expect(planRows(page).nth(1)).toHaveAttribute('data-open', 'true');
  // The same plan, but for its name: names stay unique on the device.
  await expect(planner.planName).toHaveValue('My engineering plan (2)');
  expect(await planner.backupText()).toBe(
    backup.replace('"name": "My engineering plan"', '"name": "My engineering plan (2)"'),
  );
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
});

test('a new plan starts from a preset or the demo: Japan’s social insurance and bonuses, US dollars, a 60-position demo', async ({ page }) => {
  // December 2026: a preset covers the next fiscal year.
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  const planner = new PlannerPage(page);
  await planner.open('plans');
  const preset = page.getByTestId('new-plan-preset');
  await expect(preset).toHaveValue('blank');

  await preset.selectOption({ label: 'Japan, FY2026 (April fiscal year, JPY)' });
  await page.getByTestId('new-plan').click();
  await expect(planRows(page)).toHaveCount(2);
  await expect(planRows(page).nth(1)).toHaveAttribute('data-open', 'true');
  await expect(planner.planName).toHaveValue('Japan FY2027 plan');
  await planner.goTo('assumptions');
  await expect(page.locator('input[data-field="horizon_start"]')).toHaveValue('2027-04');
  await expect(page.locator('select[data-field="currency"]')).toHaveValue('JPY');
  await expect(page.locator('select[data-field="fiscal_year_start_month"]')).toHaveValue('4');
  const health = page.getByTestId('burden-row').first();
  await expect(health.locator('input[data-field="name"]')).toHaveValue('Health insurance');
  await expect(health.locator('input[data-field="rate_pct"]')).toHaveValue('4.925');
  await expect(page.getByTestId('burden-row')).toHaveCount(7);
  const bonuses = page.getByTestId('bonus-row');
  await expect(bonuses).toHaveCount(2);
  await expect(bonuses.nth(0).locator('select[data-field="month"]')).toHaveValue('6');
  await expect(bonuses.nth(1).locator('select[data-field="month"]')).toHaveValue('12');
  for (const n of [0, 1]) await expect(bonuses.nth(n).locator('input[data-field="months"]')).toHaveValue('0.8');
  await expect(page.locator('input[data-field="raise_pct"]')).toHaveValue('3.7');
  await expect(page.locator('input[data-field="recruiting_fee_pct"]')).toHaveValue('35');

  await planner.goTo('plans');
  await preset.selectOption({ label: 'United States, 2026 (January fiscal year, USD)' });
  await page.getByTestId('new-plan').click();
  await expect(planRows(page)).toHaveCount(3);
  await planner.goTo('assumptions');
  await expect(page.locator('select[data-field="currency"]')).toHaveValue('USD');
  await expect(page.locator('select[data-field="fiscal_year_start_month"]')).toHaveValue('1');
  await expect(page.locator('input[data-field="horizon_start"]')).toHaveValue('2027-01');
  await expect(planner.planName).toHaveValue('United States FY2027 plan');
  await expect(page.getByTestId('burden-row').first().locator('input[data-field="rate_pct"]')).toHaveValue('6.2');

  await planner.goTo('plans');
  await preset.selectOption({ label: 'Demo: a 60-person organisation' });
  await page.getByTestId('new-plan').click();
  await expect(planRows(page)).toHaveCount(4);
  await expect(planner.planName).toHaveValue('Demo FY2027 plan');
  await planner.goTo('headcount');
  // The roster is virtualised: the count, not the rendered rows, says how many.
  await expect(page.getByTestId('position-count')).toHaveText('60 positions');
  const scenarios = page.getByTestId('scenario-picker').locator('option');
  await expect(scenarios).toHaveCount(2);
  await expect(scenarios).toHaveText(['Base', 'Aggressive']);
  await page.getByTestId('scenario-picker').selectOption({ label: 'Aggressive' });
  await expect(page.getByTestId('position-count')).toHaveText('70 positions');
  expect(planner.errors).toEqual([]);
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './fixtures/planner-page';
import { enter } from './fixtures/helpers';

// A failure is never silent: nothing stored becomes invisible, a version
// replaced by another tab is announced as such, and a file name shows what
// the file is.

const planRows = (page: Page) => page.getByTestId('plan-row');
const planNames = async (page: Page) =>
  planRows(page).locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
const fleetplanKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fleetplan.')).sort());

/** Two plans, "Kept" (plan 1, one position) and a second one named `second` (plan 2, open). */
async function twoPlans(planner: PlannerPage, second: string) {
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await enter(planner.planName, 'Kept');
  await planner.goTo('plans');
  await planner.page.getByTestId('new-plan').click();
  await expect(planRows(planner.page)).toHaveCount(2);
  await enter(planner.planName, second);
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(planRows(planner.page).nth(1).locator('input')).toHaveValue(second);
}

test('a plan list removed by hand is rebuilt from the plans stored, and the person is told', async ({ page }) => {
  const planner = new PlannerPage(page);
  await twoPlans(planner, 'Stretch');
  const keys = await fleetplanKeys(page);
  expect(keys).toContain('fleetplan.plans');
  await page.evaluate(() => localStorage.removeItem('fleetplan.plans'));

  await page.reload();
  await expect(planner.notices()).toHaveCount(1);
  await expect(planner.notices()).toContainText('The list of plans was missing; it was rebuilt from the 2 plans found.');
  // The plans are listed again, and no new plan was made.
  await planner.goTo('plans');
  expect(await planNames(page)).toEqual(['Kept', 'Stretch']);
  expect(await fleetplanKeys(page)).toEqual(keys);
  await expect(planner.planName).toHaveValue('Kept');
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  expect(planner.errors).toEqual([]);
});

test('a record that can be neither read nor copied (storage full) stays listed, with its text to download', async ({ page }) => {
  const planner = new PlannerPage(page);
  await twoPlans(planner, 'Damaged');
  const damaged = await page.evaluate(() => {
    const record = localStorage.getItem('fleetplan.plan.2') as string;
    const broken = record.slice(0, Math.floor(record.length / 2));
    localStorage.setItem('fleetplan.plan.2', broken);
    // Fill local storage to the last few bytes: no room for a copy.
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 4]) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, chunk);
      } catch {
        // Full at this size: go on with smaller pieces.
      }
    }
    return broken;
  });

  await page.reload();
  const notice = planner.notices().filter({ hasText: '“Damaged” could not be read' });
  await expect(notice).toContainText(
    'there was no room for a copy, so its text stays untouched under its own key “fleetplan.plan.2”',
  );
  await expect(planner.planName).toHaveValue('Kept');
  expect(await page.evaluate(() => localStorage.getItem('fleetplan.recovery.2'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('fleetplan.plan.2'))).toBe(damaged);

  // Listed with the kept texts, as a copy would be, and offered for download.
  await planner.goTo('plans');
  expect(await planNames(page)).toEqual(['Kept', 'Damaged']);
  const recovery = page.getByTestId('recovery-row');
  await expect(recovery).toHaveCount(1);
  await expect(recovery).toContainText('Plan “Damaged”');
  await expect(recovery).toContainText('its own record');
  await expect(recovery).toContainText('fleetplan.plan.2');
  await expect(recovery).toHaveAttribute('data-in-place', 'true');
  const [file] = await Promise.all([page.waitForEvent('download'), recovery.getByTestId('recovery-download').click()]);
  expect(readFileSync(await file.path(), 'utf8')).toBe(damaged);

  // Opening it from the list says the same, and it stays listed.
  await planRows(page).nth(1).getByTestId('open-plan').click();
  await expect(planner.notices().last()).toContainText('its text stays untouched under its own key “fleetplan.plan.2”');
  await expect(recovery).toHaveCount(1);
  await expect(planner.planName).toHaveValue('Kept');
});

test('two tabs: changes replaced by the other tab’s “keep mine” are announced as replaced, with a download of them', async ({
  context,
}) => {
  // The tabs' clock (one for the context) runs freely while the plan is set
  // up, and is then held: each save (400 ms after a change) runs only when
  // the test moves the clock past it, so which tab saves first is certain,
  // not a race of two timers.
  await context.clock.install();
  const first = await context.newPage();
  const a = new PlannerPage(first);
  await a.open();
  await a.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await a.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(a.annualTotal).toHaveText('¥13,200,000');
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  const second = await context.newPage();
  const b = new PlannerPage(second);
  await second.goto('/#headcount');
  await expect(b.annualTotal).toHaveText('¥13,200,000');
  await context.clock.pauseAt(await first.evaluate(() => Date.now() + 1_000));

  // Both tabs change the plan, the first 200 ms before the second; the
  // first one's save runs, the second's still waits.
  await enter(a.rowAt(1).salary, '9,600,000');
  await context.clock.runFor(200);
  await enter(b.rowAt(0).salary, '9,000,000');
  await expect(b.annualTotal).toHaveText('¥16,200,000');
  await context.clock.runFor(250);
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  await expect(b.saveState).toHaveAttribute('data-state', 'saving');
  // The second, with a change not yet saved, asks which version to keep,
  // and its save is refused rather than discard the first tab's.
  const clash = second.getByTestId('conflict');
  await expect(clash).toBeVisible();
  await context.clock.runFor(250);
  await expect(b.saveState).toHaveAttribute('data-state', 'failed');
  await expect(b.saveState).toContainText('changed in another tab');
  await expect(b.annualTotal).toHaveText('¥16,200,000');
  await expect(a.annualTotal).toHaveText('¥15,600,000');

  // The first tab edits again after the clash, and saves that too.
  await enter(a.rowAt(1).salary, '9,900,000');
  await expect(a.annualTotal).toHaveText('¥15,900,000');
  await context.clock.runFor(500);
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  await expect(clash).toBeVisible();

  // The second keeps its version: the first takes it in and says plainly
  // that its own changes were replaced, not merely updated.
  await clash.getByTestId('keep-mine').click();
  await expect(clash).toHaveCount(0);
  await expect(b.saveState).toHaveAttribute('data-state', 'saved');
  await expect(a.annualTotal).toHaveText('¥16,200,000');
  await expect(a.notices()).toHaveCount(1);
  const notice = a.notices();
  await expect(notice).toContainText('Your changes in this tab were replaced');
  await expect(notice).not.toContainText('updated with changes saved in another tab');

  // Its download is the first tab's version, with the edit made after the clash.
  const [file] = await Promise.all([first.waitForEvent('download'), notice.getByTestId('notice-download').click()]);
  expect(file.suggestedFilename()).toBe('My-engineering-plan.fleetplan.json');
  const mine = JSON.parse(readFileSync(await file.path(), 'utf8'));
  const salaries = (version: { plan: { scenarios: { positions: { annual_base: string }[] }[] } }) =>
    version.plan.scenarios[0].positions.map((p) => p.annual_base);
  expect(salaries(mine)).toEqual(['6000000', '9900000']);
  // What is stored, and shown in both tabs, is the second tab's version.
  expect(salaries(JSON.parse(await a.backupText()))).toEqual(['9000000', '7200000']);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

test('two tabs: a plain save in the other tab is an update, not a replacement', async ({ context }) => {
  const first = await context.newPage();
  const a = new PlannerPage(first);
  await a.open();
  await a.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(a.saveState).toHaveAttribute('data-state', 'saved');
  const second = await context.newPage();
  const b = new PlannerPage(second);
  await second.goto('/#headcount');
  await expect(b.annualTotal).toHaveText('¥6,000,000');

  // The first saves, the second takes it in, then saves on top of it.
  await enter(a.rowAt(0).salary, '6,600,000');
  await expect(b.annualTotal).toHaveText('¥6,600,000');
  await enter(b.rowAt(0).salary, '7,200,000');
  await expect(b.saveState).toHaveAttribute('data-state', 'saved');
  await expect(a.annualTotal).toHaveText('¥7,200,000');
  await expect(a.notices()).toHaveCount(1);
  await expect(a.notices()).toContainText('updated with changes saved in another tab');
  await expect(a.notices().getByTestId('notice-download')).toHaveCount(0);
});

test('file names drop format characters: a right-to-left override cannot disguise a download', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await enter(planner.planName, 'Budget\u202Evsc.exe\u200B');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

  await planner.goTo('plans');
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  expect(backup.suggestedFilename()).toBe('Budgetvsc.exe.fleetplan.json');

  await planner.goTo('exports');
  const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
  expect(ledger.suggestedFilename()).toMatch(/^Budgetvsc\.exe_all-scenarios_ledger_\d{4}-\d{2}-\d{2}\.csv$/);
});

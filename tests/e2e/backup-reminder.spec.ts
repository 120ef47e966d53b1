import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

// The header's backup state (src/ui/backup_reminder.rs); the timing itself is
// tested natively with a set clock (storage::backup_log).
const DAY = 86_400_000;

test('the header says when the plan was backed up and reminds, without blocking, once changes have waited', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await expect(page.getByTestId('backup-state')).toHaveText('Not backed up yet');
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

  // Changes that have waited eight days without a backup.
  await page.evaluate((since) => {
    localStorage.setItem('fleetplan.backup.1', JSON.stringify({ last: null, since, saves: 3 }));
  }, Date.now() - 8 * DAY);
  await page.reload();
  const reminder = page.getByTestId('backup-reminder');
  await expect(reminder).toBeVisible();
  await expect(reminder).toHaveAttribute('role', 'status');
  // Work goes on around it.
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(planner.annualTotal).toHaveText('¥13,200,000');

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-reminder-download').click()]);
  expect(file.suggestedFilename()).toMatch(/\.fleetplan\.json$/);
  await expect(reminder).toHaveCount(0);
  await expect(page.getByTestId('backup-state')).toHaveText('Backed up today');
  await page.reload();
  await expect(page.getByTestId('backup-state')).toHaveText('Backed up today');
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});

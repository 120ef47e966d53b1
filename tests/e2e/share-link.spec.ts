import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

// Copy link puts the plan in the address's fragment; opening that address
// offers to import it as a new plan, which is then the same plan file.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the demo plan travels by link under 8,000 characters and imports as a new plan, byte-identical', async ({ page, context }) => {
  const planner = new PlannerPage(page);
  await planner.open('overview');
  await page.locator('[data-start="demo"]').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  const original = await planner.backupText();

  await planner.goTo('plans');
  await page.getByTestId('share-link-copy').click();
  await expect(page.getByTestId('share-link-note')).toContainText('Link copied');
  const link = await page.getByTestId('share-link-url').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#plan=1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(8000);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Another tab opens the link: nothing changes until the person chooses.
  const other = await context.newPage();
  const receiver = new PlannerPage(other);
  await other.goto(link);
  const offer = other.getByTestId('shared-plan');
  await expect(offer).toContainText('“Demo FY');
  await expect(offer).toContainText('60 positions');
  // The plan already here takes another name, so the imported one keeps its own.
  await receiver.planName.fill('Mine');
  await receiver.planName.press('Enter');
  await expect(receiver.planName).toHaveValue('Mine');
  await expect(receiver.saveState).toHaveAttribute('data-state', 'saved');
  await other.getByTestId('shared-plan-import').click();
  await expect(offer).toHaveCount(0);
  await expect(receiver.planName).toHaveValue(/^Demo FY\d{4} plan$/);
  expect(new URL(other.url()).hash).not.toContain('plan=');
  await receiver.goTo('plans');
  // The first blank plan, the demo (renamed) and the imported one.
  await expect(other.getByTestId('plan-row')).toHaveCount(3);
  // The plan file written from the link is the sender's, byte for byte.
  expect(await receiver.backupText()).toBe(original);
  expect(receiver.errors).toEqual([]);
});

test('a damaged link says so and changes nothing', async ({ page }) => {
  const planner = new PlannerPage(page);
  await page.goto('/#plan=1.not-deflate-data');
  const offer = page.getByTestId('shared-plan');
  await expect(offer).toContainText('could not be read');
  await expect(page.getByTestId('shared-plan-import')).toHaveCount(0);
  await page.getByTestId('shared-plan-dismiss').click();
  await expect(offer).toHaveCount(0);
  await planner.goTo('plans');
  await expect(page.getByTestId('plan-row')).toHaveCount(1);
});

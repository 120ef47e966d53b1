import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

test('after the first load the planner reloads and edits with the network gone', async ({ page, context }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  // The service worker has cached the app and serves this page.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null);
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

  // No network at all: nothing reaches the server from now on.
  await context.setOffline(true);
  const tried: string[] = [];
  await context.route('**/*', (route) => {
    tried.push(new URL(route.request().url()).pathname);
    return route.abort('internetdisconnected');
  });
  await page.reload();
  await expect(planner.annualTotal).toHaveText('¥6,000,000');
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  // Every view's chunk was cached once the first view was interactive.
  for (const view of ['overview', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'actuals', 'pivot', 'exports', 'plans', 'headcount']) {
    await planner.goTo(view);
    await expect(page.getByTestId('view-load-failed')).toHaveCount(0);
    await expect(page.locator('main.page')).not.toBeEmpty();
  }
  await expect(planner.annualTotal).toHaveText('¥13,200,000');
  // Only the page itself was tried on the network (it is fetched fresh when
  // it can be, so a new build arrives); every file came from the cache.
  expect(tried.length).toBeGreaterThan(0);
  expect(tried.every((path) => path === '/')).toBe(true);
  await context.unroute('**/*');
  await context.setOffline(false);
});

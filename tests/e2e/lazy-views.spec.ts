import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

// Every view but the Overview arrives in wasm chunks of its own (scripts/build).
const VIEWS = ['headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'actuals', 'pivot', 'exports', 'plans'];

// No service worker: it precaches every chunk once the first view is
// interactive and would then answer a blocked chunk from its cache (the
// offline test covers it). These tests are about the network.
test.use({ serviceWorkers: 'block' });

/** The wasm files the page asked for, with their HTTP status (0: failed). */
function wasmRequests(page: Page) {
  const seen: { file: string; status: number }[] = [];
  page.on('requestfinished', async (request) => {
    const file = new URL(request.url()).pathname.slice(1);
    if (file.endsWith('.wasm')) seen.push({ file, status: (await request.response())?.status() ?? 0 });
  });
  page.on('requestfailed', (request) => {
    const file = new URL(request.url()).pathname.slice(1);
    if (file.endsWith('.wasm')) seen.push({ file, status: 0 });
  });
  return seen;
}

test('the Overview loads without any view chunk, and each view from a cold start loads its own', async ({ browser }) => {
  // Twelve cold starts, one after the other.
  test.setTimeout(120_000);
  const landing = await browser.newPage();
  const first = wasmRequests(landing);
  const planner = new PlannerPage(landing);
  await landing.goto('/');
  await expect(planner.planName).toBeVisible();
  await expect(landing.getByTestId('annual-total').or(landing.locator('main.page h2').first())).toBeVisible();
  await landing.waitForLoadState('networkidle');
  // Only the main module: no chunk of another view.
  expect(first.map((r) => r.file)).toEqual([expect.stringMatching(/^fleetplan-[0-9a-f]{16}_bg\.wasm$/)]);
  expect(planner.errors).toEqual([]);
  await landing.close();

  for (const view of VIEWS) {
    const page = await browser.newPage();
    const requests = wasmRequests(page);
    const cold = new PlannerPage(page);
    await page.goto(`/#${view}`);
    await expect(page.locator(`nav [data-view="${view}"]`)).toHaveAttribute('aria-current', 'page');
    await cold.viewLoaded();
    await expect(page.getByTestId('view-load-failed')).toHaveCount(0);
    await expect(page.locator('main.page')).not.toBeEmpty();
    await page.waitForLoadState('networkidle');
    const chunks = requests.filter((r) => !/^fleetplan-/.test(r.file));
    expect(chunks.length, `${view} loads a chunk of its own`).toBeGreaterThan(0);
    expect(chunks.some((r) => r.file.startsWith(`split_${view}-`)), `${view}'s own chunk`).toBe(true);
    expect(requests.filter((r) => r.status !== 200), `${view}: every chunk arrived`).toEqual([]);
    expect(cold.errors, `${view}: no error`).toEqual([]);
    await page.close();
  }
});

test('a chunk that fails to load says so, and trying again shows the view', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open('overview');
  let blocked = 0;
  await page.route(/\/split_compare-[0-9a-f]{16}\.wasm$/, (route) => {
    blocked += 1;
    return route.abort('connectionfailed');
  });
  await page.locator('nav [data-view="compare"]').click();
  const failed = page.getByTestId('view-load-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('This view could not be loaded');
  expect(blocked).toBe(1);
  // The rest of the planner still works: another view opens.
  await planner.goTo('teams');
  await expect(page.locator('main.page')).toContainText('Teams');
  await page.locator('nav [data-view="compare"]').click();
  await expect(failed).toBeVisible();

  await page.unroute(/\/split_compare-[0-9a-f]{16}\.wasm$/);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await planner.viewLoaded();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('main.page h2').first()).toContainText('Compare scenarios');
});

test('in Japanese the failed load and its retry are in Japanese', async ({ page }) => {
  const planner = new PlannerPage(page);
  await page.addInitScript(() => localStorage.setItem('fleetplan.language', 'ja'));
  await planner.open('overview');
  await page.route(/\/split_pivot-[0-9a-f]{16}\.wasm$/, (route) => route.abort('connectionfailed'));
  await page.locator('nav [data-view="pivot"]').click();
  const failed = page.getByTestId('view-load-failed');
  await expect(failed).toContainText('この画面を読み込めませんでした');
  await page.unroute(/\/split_pivot-[0-9a-f]{16}\.wasm$/);
  await failed.getByRole('button', { name: '再読み込み' }).click();
  await expect(failed).toHaveCount(0);
  await planner.viewLoaded();
});

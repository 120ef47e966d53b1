import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');

/** The example plan, changed by `edit` (on its parsed JSON), opened on `view`. */
async function openPlan(page: Page, view: string, edit: (plan: any) => void = () => {}) {
  const file = JSON.parse(example);
  edit(file.plan);
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'en');
  }, JSON.stringify(file));
  await page.goto(`/#${view}`);
  await page.reload();
  await expect(page.locator(`nav [data-view="${view}"]`)).toHaveAttribute('aria-current', 'page');
}

/** The base scenario with `n` positions (copies of its own, numbered). */
function manyPositions(n: number) {
  return (plan: any) => {
    const base = plan.scenarios[0];
    const own = base.positions;
    base.positions = Array.from({ length: n }, (_, i) => ({
      ...own[i % own.length],
      id: `p-${String(i + 1).padStart(4, '0')}`,
    }));
  };
}

/** Scrolls `scroller` fully right (if it scrolls) and checks that its last
 * heading is in sight and its first one has stayed at the left edge (sticky). */
async function reachesEveryColumn(scroller: Locator, table: Locator, scrolls: boolean) {
  const box = (await scroller.boundingBox())!;
  const widths = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  if (scrolls) expect(widths[0]).toBeGreaterThan(widths[1]);
  await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const last = (await table.locator('thead th').last().boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(last.x).toBeGreaterThanOrEqual(box.x);
  const first = (await table.locator('thead th').first().boundingBox())!;
  expect(Math.abs(first.x - box.x)).toBeLessThanOrEqual(2);
}

for (const width of [1280, 1440]) {
  test.describe(`at ${width} pixels wide`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('every column of the roster can be reached under a sticky id and title', async ({ page }) => {
      await openPlan(page, 'headcount');
      await reachesEveryColumn(page.getByTestId('roster-scroll'), page.getByTestId('roster'), true);
      // The title stays beside the id, both in sight.
      const scroller = (await page.getByTestId('roster-scroll').boundingBox())!;
      const title = (await page.locator('[data-testid="position-row"] td:nth-child(2)').first().boundingBox())!;
      expect(title.x).toBeGreaterThanOrEqual(scroller.x + 60);
      expect(title.x).toBeLessThan(scroller.x + 100);
    });

    test('every column of the burden table can be reached under a sticky name', async ({ page }) => {
      await openPlan(page, 'assumptions', (plan) => {
        plan.scenarios[0].people.burden[0].name = 'A very long burden component name that does not fit its column at all';
      });
      const card = page.locator('section.burden');
      const scroller = card.locator('.table-scroll');
      const table = card.locator('table');
      // It fits, or scrolls under its name: either way every column is reached.
      await reachesEveryColumn(scroller, table, false);
      const name = card.locator('td.name-cell').first();
      await expect(name).toHaveAttribute('title', /A very long burden component name/);
      await expect(name.locator('input')).toHaveCSS('text-overflow', 'ellipsis');
    });
  });
}

test.describe('on a narrower window', () => {
  test.use({ viewport: { width: 1024, height: 800 } });

  test('the burden table scrolls sideways under its sticky name column', async ({ page }) => {
    await openPlan(page, 'assumptions');
    const card = page.locator('section.burden');
    await reachesEveryColumn(card.locator('.table-scroll'), card.locator('table'), true);
    const box = (await card.locator('.table-scroll').boundingBox())!;
    const name = (await card.locator('td.name-cell').first().boundingBox())!;
    expect(Math.abs(name.x - box.x)).toBeLessThanOrEqual(2);
  });
});

test('the roster is as high as the window and renders every row in sight, also after a resize', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1400 });
  await openPlan(page, 'headcount', manyPositions(300));
  const scroller = page.getByTestId('roster-scroll');
  await expect(page.getByTestId('position-count')).toHaveText('300 positions');

  const covers = async () => {
    const height = await scroller.evaluate((el) => (el as HTMLElement).offsetHeight);
    const window = await page.evaluate(() => window.innerHeight);
    // The window's height less the card's heading and filters (120 px in style/main.css).
    expect(Math.abs(height - (window - 120))).toBeLessThanOrEqual(1);
    // The last rendered row reaches the scroller's bottom edge.
    const bottom = await scroller.evaluate((el) => {
      const rows = el.querySelectorAll('tr[data-testid="position-row"]');
      const last = rows[rows.length - 1] as HTMLElement;
      return [last.getBoundingClientRect().bottom, el.getBoundingClientRect().bottom];
    });
    expect(bottom[0]).toBeGreaterThanOrEqual(bottom[1] - 2);
  };
  await expect.poll(async () => scroller.evaluate((el) => el.clientHeight)).toBeGreaterThan(1000);
  await covers();
  await scroller.evaluate((el) => (el.scrollTop = 37 * 100));
  await page.waitForTimeout(100);
  await covers();

  await page.setViewportSize({ width: 1440, height: 2000 });
  await expect.poll(async () => scroller.evaluate((el) => el.clientHeight)).toBeGreaterThan(1700);
  await page.waitForTimeout(100);
  await covers();
});

test('a quiet button turns red on hover only if it deletes', async ({ page }) => {
  await openPlan(page, 'headcount');
  const row = page.getByTestId('position-row').first();
  const danger = 'rgb(179, 38, 30)';
  await row.getByTestId('duplicate-position').hover();
  await expect(row.getByTestId('duplicate-position')).not.toHaveCSS('color', danger);
  await row.getByTestId('delete-position').hover();
  await expect(row.getByTestId('delete-position')).toHaveCSS('color', danger);
  await page.locator('nav [data-view="bands"]').click();
  await page.getByTestId('delete-band').first().hover();
  await expect(page.getByTestId('delete-band').first()).toHaveCSS('color', danger);
});

test('the empty band chart says where bands are added, and takes you there', async ({ page }) => {
  // Salaries but no band: the dots are drawn, the note links to the form.
  await openPlan(page, 'bands', (plan) => {
    plan.scenarios[0].bands = [];
  });
  const note = page.getByTestId('band-chart-empty');
  await expect(note).toHaveText('No bands yet: add one with the form under Salary bands above.');
  await expect(page.getByTestId('band-dot').first()).toBeVisible();

  // Nothing at all: the chart's place says it.
  await openPlan(page, 'bands', (plan) => {
    plan.scenarios[0].bands = [];
    plan.scenarios[0].positions = [];
  });
  await expect(note).toHaveText('No bands yet: add one with the form under Salary bands above.');
  await expect(page.getByTestId('band-dot')).toHaveCount(0);
  await note.getByRole('link', { name: 'Salary bands' }).click();
  await expect(page.getByTestId('add-band').locator('select')).toBeFocused();
  await expect(page.locator('#bands-title')).toBeInViewport();
  // The address still names the view.
  expect(new URL(page.url()).hash).toBe('#bands');

  // No level either: the ladder comes first.
  await openPlan(page, 'bands', (plan) => {
    plan.scenarios[0].bands = [];
    plan.scenarios[0].positions = [];
    plan.scenarios[0].levels = [];
  });
  await expect(note).toHaveText('No levels yet: add one under Career ladder above, then a band for it.');
  await note.getByRole('link', { name: 'Career ladder' }).click();
  await expect(page.getByTestId('add-level').locator('input')).toBeFocused();
});

test('the empty band chart speaks Japanese too', async ({ page }) => {
  const file = JSON.parse(example);
  file.plan.scenarios[0].bands = [];
  file.plan.scenarios[0].positions = [];
  await page.goto('/');
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('fleetplan.plan', text);
    localStorage.setItem('fleetplan.language', 'ja');
  }, JSON.stringify(file));
  await page.goto('/#bands');
  await page.reload();
  await expect(page.getByTestId('band-chart-empty')).toHaveText('給与レンジはまだありません。上の「給与レンジ」のフォームで追加してください。');
});

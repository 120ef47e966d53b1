import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

// The Salary bands view's review of the positions outside their band: per
// band how many are below and above it, then the positions themselves,
// farthest outside first, 50 at a time, with filters. The figures expected
// here are worked out from the plan file, apart from the app.

type Band = { level: string; location?: string | null; min: string; mid: string; max: string };
type Position = { title: string; level: string; location?: string | null; annual_base?: string | null; monthly_base?: string | null };
type PlanFile = { plan: { scenarios: { bands: Band[]; positions: Position[] }[] } };

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

/** Each position outside its band in scenario 0, as docs/model.md states the rule. */
function outsideOf(file: PlanFile) {
  const s = file.plan.scenarios[0];
  const bandFor = (p: Position) =>
    s.bands.find((b) => b.level === p.level && p.location && b.location === p.location) ??
    s.bands.find((b) => b.level === p.level && !b.location);
  const out: { level: string; below: boolean; gap: number; share: number }[] = [];
  for (const p of s.positions) {
    const band = bandFor(p);
    if (!band) continue;
    const salary = p.annual_base != null ? Number(p.annual_base) : p.monthly_base != null ? 12 * Number(p.monthly_base) : Number(band.mid);
    const [min, max] = [Number(band.min), Number(band.max)];
    if (salary < min) out.push({ level: p.level, below: true, gap: min - salary, share: (min - salary) / min });
    else if (salary > max) out.push({ level: p.level, below: false, gap: salary - max, share: (salary - max) / max });
  }
  out.sort((a, b) => b.share - a.share || b.gap - a.gap);
  return out;
}

/** The demo plan with its Base bands moved off its salaries: the lower half
 * of the ladder's bands above every salary of their level, the upper half
 * below, so all 60 positions are outside, on both sides (the open and
 * planned hires' salaries stated at the midpoint they had). */
async function demoOutside(page: Page, planner: PlannerPage): Promise<PlanFile> {
  await planner.open('plans');
  await page.getByTestId('new-plan-preset').selectOption({ label: 'Demo: a 60-person organisation' });
  await page.getByTestId('new-plan').click();
  await expect(planner.planName).toHaveValue('Demo FY2027 plan');
  const file = JSON.parse(await planner.backupText()) as PlanFile;
  const { bands, positions } = file.plan.scenarios[0];
  // Open and planned hires are paid their band's midpoint: state it, so it
  // stays where it was when the bands move.
  for (const p of positions) {
    if (p.annual_base == null && p.monthly_base == null) p.annual_base = bands.find((b) => b.level === p.level)?.mid;
  }
  bands.forEach((b, i) => {
    const was = Number(b.mid);
    const [min, mid, max] = i < bands.length / 2 ? [1.1, 1.2, 1.3] : [0.5, 0.65, 0.8];
    b.min = String(Math.round(was * min));
    b.mid = String(Math.round(was * mid));
    b.max = String(Math.round(was * max + i * 10_000));
  });
  await planner.goTo('plans');
  await page.getByTestId('backup-open').setInputFiles({
    name: 'outside.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByTestId('plan-row')).toHaveCount(3);
  await expect(page.getByTestId('plan-row').nth(2)).toHaveAttribute('data-open', 'true');
  return file;
}

const pct = (text: string) => Number(/\(([\d.]+) %\)/.exec(text)?.[1]);

test('the outside-band review: a summary per band, the farthest first, 50 at a time, filters', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  const planner = new PlannerPage(page);
  const file = await demoOutside(page, planner);
  const expected = outsideOf(file);
  const below = expected.filter((o) => o.below).length;
  const above = expected.length - below;
  expect(expected.length).toBe(60);
  expect(below).toBeGreaterThan(10);
  expect(above).toBeGreaterThan(0);

  await planner.goTo('bands');
  await expect(page.getByTestId('outside-count')).toHaveText(`60 positions: ${below} below, ${above} above`);

  // The summary: one row per band, the totals under them.
  const summary = page.getByTestId('outside-summary');
  const bands = file.plan.scenarios[0].bands;
  await expect(summary.getByTestId('outside-summary-row')).toHaveCount(bands.length);
  const total = summary.getByTestId('outside-summary-total');
  await expect(total.locator('td').nth(0)).toHaveText('60');
  await expect(total.locator('td').nth(1)).toHaveText(String(below));
  await expect(total.locator('td').nth(2)).toHaveText(String(above));
  const shortfall = expected.filter((o) => o.below).reduce((sum, o) => sum + o.gap, 0);
  await expect(total.locator('td').nth(3)).toHaveText(yen(shortfall));
  for (const band of bands) {
    const row = summary.getByTestId('outside-summary-row').filter({ has: page.getByRole('rowheader', { name: band.level, exact: true }) });
    const at = expected.filter((o) => o.level === band.level);
    await expect(row.getByTestId('outside-below')).toHaveText(String(at.filter((o) => o.below).length));
    await expect(row.getByTestId('outside-above')).toHaveText(String(at.filter((o) => !o.below).length));
  }

  // The list: the first 50, farthest outside first; then the last 10.
  const rows = page.getByTestId('outside-row');
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('outside-shown')).toHaveText('Showing 1–50 of 60, farthest outside first');
  await expect(rows.first().getByTestId('outside-by')).toContainText(yen(expected[0].gap));
  const shares = (await rows.getByTestId('outside-by').allInnerTexts()).map(pct);
  expect(shares).toEqual([...shares].sort((a, b) => b - a));
  expect(shares[0]).toBeCloseTo(expected[0].share * 100, 0);
  const more = page.getByTestId('outside-more');
  await expect(more).toHaveText('Show 10 more');
  await more.click();
  await expect(rows).toHaveCount(60);
  await expect(more).toHaveCount(0);
  await expect(page.getByTestId('outside-shown')).toHaveText('Showing 1–60 of 60, farthest outside first');

  // Below only: that side's positions, from the top of the list again.
  await page.getByTestId('outside-side-filter').selectOption({ label: 'Below only' });
  await expect(page.getByTestId('outside-shown')).toHaveText(`Showing 1–${Math.min(50, below)} of ${below}, farthest outside first`);
  await expect(rows).toHaveCount(Math.min(50, below));
  for (const fit of await rows.locator('td.fit').allInnerTexts()) expect(fit).toBe('Below');

  // One band (the top of the ladder, above its band): only its level.
  const top = bands[bands.length - 1].level;
  const atTop = expected.filter((o) => o.level === top);
  await page.getByTestId('outside-side-filter').selectOption({ label: 'Both' });
  await page.getByTestId('outside-band-filter').selectOption({ label: top });
  await expect(rows).toHaveCount(atTop.length);
  for (const level of await rows.locator('td:nth-child(3)').allInnerTexts()) expect(level).toBe(top);
  // Nothing on that side: said, not an empty table.
  await page.getByTestId('outside-side-filter').selectOption({ label: 'Below only' });
  await expect(rows).toHaveCount(0);
  await expect(page.getByText('No position outside its band matches this choice.')).toBeVisible();
  expect(planner.errors).toEqual([]);
});

test('the demo’s review matches its plan, and an edited salary joins it at once', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  const planner = new PlannerPage(page);
  await planner.open('plans');
  await page.getByTestId('new-plan-preset').selectOption({ label: 'Demo: a 60-person organisation' });
  await page.getByTestId('new-plan').click();
  await expect(planner.planName).toHaveValue('Demo FY2027 plan');
  const file = JSON.parse(await planner.backupText()) as PlanFile;
  const expected = outsideOf(file);
  const above = expected.filter((o) => !o.below).length;
  const count = (n: number, up: number) => `${n} position${n === 1 ? '' : 's'}: ${n - up} below, ${up} above`;
  await planner.goTo('bands');
  await expect(page.getByTestId('outside-count')).toHaveText(count(expected.length, above));
  await expect(page.getByTestId('outside-row')).toHaveCount(expected.length);
  // Fewer than a page: no button for more.
  await expect(page.getByTestId('outside-more')).toHaveCount(0);

  // A salary pushed over its band joins the review, first (farthest out).
  await planner.goTo('headcount');
  const salary = planner.rowAt(0).salary;
  const title = await planner.rowAt(0).title.inputValue();
  await salary.fill('99,000,000');
  await salary.press('Enter');
  await planner.goTo('bands');
  await expect(page.getByTestId('outside-count')).toHaveText(count(expected.length + 1, above + 1));
  await expect(page.getByTestId('outside-row').first().locator('td').first()).toHaveText(title);
  await expect(page.getByTestId('outside-summary-total').locator('td').nth(2)).toHaveText(String(above + 1));
  expect(planner.errors).toEqual([]);
});

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PlannerPage } from './fixtures/planner-page';
import { enter } from './fixtures/helpers';

// The fault-injection suite: each fault is injected, then either the last
// committed edit survives a reload, or the person was told it did not.

/** A plan with one position, saved. */
async function start(page: Page) {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  return planner;
}

test('a panic in the middle of an edit: the banner says so at once, the header stops claiming "Saved", the plan can be downloaded, and the last save survives', async ({ page }) => {
  const planner = await start(page);
  await enter(planner.rowAt(0).salary, '7,000,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');

  await page.evaluate(() => (window as any).wasmBindings.fault_panic_on_next_edit());
  await enter(planner.rowAt(0).salary, '8,000,000');
  const banner = page.getByTestId('crash-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('stopped working');
  await expect(banner).toContainText('test fault');
  await expect(banner).toContainText('last saved on this device at');
  await expect(planner.saveState).toHaveAttribute('data-state', 'crashed');
  await expect(planner.saveState).not.toContainText('Saved');
  // Nothing more can be typed into a page that cannot save it.
  await expect(page.locator('main')).toHaveJSProperty('inert', true);

  // The plan in memory could still be read: its download is the plan before
  // the edit that panicked.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the plan as it was on screen' }).click(),
  ]);
  const plan = JSON.parse(readFileSync(await file.path(), 'utf8')).plan;
  expect(plan.scenarios[0].positions[0].annual_base).toBe('7000000');

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(planner.rowAt(0).salary).toHaveValue('7,000,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(banner).toBeHidden();
});

test('a panic in Japanese is said in Japanese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('fleetplan.language', 'ja'));
  const planner = await start(page);
  await page.evaluate(() => (window as any).wasmBindings.fault_panic_on_next_edit());
  await enter(planner.rowAt(0).salary, '8,000,000');
  const banner = page.getByTestId('crash-banner');
  await expect(banner).toContainText('停止');
  await expect(planner.saveState).toHaveText(/未保存/);
});

test('a trap outside a panic (the WebAssembly aborted) shows the banner too', async ({ page }) => {
  const planner = await start(page);
  // What the browser reports when the module traps without a panic, such as
  // an allocation that failed.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    });
  });
  await expect(page.getByTestId('crash-banner')).toBeVisible();
  await expect(planner.saveState).toHaveAttribute('data-state', 'crashed');
});

test('setItem throwing at random moments: every failed save is said, and once saves work the last edit survives a reload', async ({ page }) => {
  const planner = await start(page);
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    // Random moments, from a fixed seed so a failure can be replayed.
    let seed = 20261207;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    (window as any).__faults = { on: true, thrown: 0 };
    Storage.prototype.setItem = function (key: string, value: string) {
      const faults = (window as any).__faults;
      // The plan's own keys (its record and the list of plans), not the
      // backup log or the language.
      const planKey = key === 'fleetplan.plans' || key.startsWith('fleetplan.plan.');
      if (faults.on && planKey && random() < 0.4) {
        faults.thrown += 1;
        throw new DOMException('injected', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
  const thrown = () => page.evaluate(() => (window as any).__faults.thrown as number);
  let failures = 0;
  for (let n = 1; n <= 8; n++) {
    const before = await thrown();
    await enter(planner.rowAt(0).salary, `6,${n}00,000`);
    // Past the pause before a save.
    await page.waitForTimeout(700);
    if ((await thrown()) > before) {
      failures += 1;
      // A write failed during this save: never "Saved".
      await expect(planner.saveState).toHaveAttribute('data-state', 'failed');
    } else {
      await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
    }
  }
  expect(failures).toBeGreaterThan(0);
  await page.evaluate(() => ((window as any).__faults.on = false));
  await enter(planner.rowAt(0).salary, '6,900,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(planner.rowAt(0).salary).toHaveValue('6,900,000');
});

test('a save that fails is shown at once in the header, never "Saved"', async ({ page }) => {
  const planner = await start(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('injected', 'QuotaExceededError');
    };
  });
  await enter(planner.rowAt(0).salary, '9,000,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'failed');
  await expect(planner.saveState).not.toHaveText(/Saved on this device/);
});

test('a save interrupted half way (the record written, the list not) loses nothing after a reload', async ({ page }) => {
  const planner = await start(page);
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    let writes = 0;
    Storage.prototype.setItem = function (key: string, value: string) {
      writes += 1;
      // The first write of the save goes through, the next one is cut.
      if (writes === 2) throw new DOMException('interrupted', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await enter(planner.rowAt(0).salary, '9,100,000');
  await expect(planner.saveState).toHaveAttribute('data-state', /saved|failed/);
  const state = await planner.saveState.getAttribute('data-state');
  await page.reload();
  if (state === 'saved') {
    await expect(planner.rowAt(0).salary).toHaveValue('9,100,000');
  } else {
    // Told it failed: the reload shows the edit or the last save, whole.
    await expect(planner.rowAt(0).salary).toHaveValue(/^(9,100,000|6,000,000)$/);
  }
  await expect(planner.rows).toHaveCount(1);
});

test('the page closed within the 400 ms before a save keeps the edit', async ({ page, context }) => {
  const planner = await start(page);
  await enter(planner.rowAt(0).salary, '7,300,000');
  // At once, well inside the pause before the save.
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  const reopened = new PlannerPage(again);
  await reopened.open();
  await expect(reopened.rowAt(0).salary).toHaveValue('7,300,000');
});

test('another tab removing the keys: the open tab saves its plan again and lists it', async ({ page, context }) => {
  const planner = await start(page);
  const other = await context.newPage();
  await other.goto('/');
  // The other tab's planner is up (it has read the plans) before it removes
  // the keys: started after, it would find none and store a blank plan.
  await expect(other.getByTestId('plan-name')).toBeVisible();
  await other.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('fleetplan.')) localStorage.removeItem(key);
  });
  await other.close();
  await enter(planner.rowAt(0).salary, '7,700,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(planner.rowAt(0).salary).toHaveValue('7,700,000');
  await planner.goTo('plans');
  await expect(page.getByTestId('plan-row')).toHaveCount(1);
});

test('a chosen file the browser cannot read is said so in the roster, actuals and cloud bill imports, and choosing it again reads it', async ({ page }) => {
  // The first read of a file fails, as when it was moved or deleted after
  // being chosen; the next read of it works.
  await page.addInitScript(() => {
    const read = Blob.prototype.arrayBuffer;
    const failed = new Set<string>();
    File.prototype.arrayBuffer = function (this: File) {
      if (!failed.has(this.name)) {
        failed.add(this.name);
        return Promise.reject(new DOMException('gone', 'NotReadableError'));
      }
      return read.call(this);
    };
  });
  const planner = new PlannerPage(page);
  await planner.open('exports');
  const roster = { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from('title,team,level,salary,start,status\nBackend,Platform,Senior,6000000,2026-04-01,planned\n') };
  await page.getByTestId('import-file').setInputFiles(roster);
  const refused = page.getByTestId('import-errors');
  await expect(refused).toContainText('roster.csv');
  await expect(refused).toContainText(/the file could not be read/i);
  await page.getByTestId('import-file').setInputFiles(roster);
  await expect(refused).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toBeVisible();

  await planner.goTo('actuals');
  const actuals = { name: 'actuals.csv', mimeType: 'text/csv', buffer: Buffer.from('month,category,amount\n2026-04,base,100\n') };
  await page.getByTestId('actuals-import-file').setInputFiles(actuals);
  const actualsRefused = page.getByTestId('actuals-import-errors');
  await expect(actualsRefused).toContainText('actuals.csv');
  await expect(actualsRefused).toContainText('The file could not be read.');
  // Read this time: what the file says is checked (here its month, outside
  // the new plan's horizon) instead of the read failing.
  await page.getByTestId('actuals-import-file').setInputFiles(actuals);
  await expect(actualsRefused).toContainText('line 2 (month)');
  await expect(actualsRefused).not.toContainText('The file could not be read.');

  // The cloud bill (FOCUS) import on the same view.
  await page.getByTestId('import-kind-focus').click();
  const bill = { name: 'bill.csv', mimeType: 'text/csv', buffer: Buffer.from('BilledCost,EffectiveCost\n1,1\n') };
  await page.getByTestId('focus-import-file').setInputFiles(bill);
  const billRefused = page.getByTestId('focus-import-errors');
  await expect(billRefused).toBeVisible();
  await expect(billRefused).toContainText('bill.csv');
  await expect(billRefused).toContainText('The file could not be read.');
  await page.getByTestId('focus-import-file').setInputFiles(bill);
  // Read this time: the bill's missing columns are named instead.
  await expect(page.getByRole('alert').filter({ hasText: 'ChargePeriodStart' })).toBeVisible();
  await expect(billRefused).toHaveCount(0);
});

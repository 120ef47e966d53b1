import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';

// Persistent storage (src/ui/persist_status.rs): the browser is asked once,
// at the first edit, never on a first load, and Plans & backups says what it
// answered and what that means.

declare global {
  interface Window {
    __persistCalls: number;
  }
}

/** Makes `navigator.storage` answer as told: `persist()` answers `answer`
 * (and, if it granted, `persisted()` says so from then on, as a browser does). */
async function stubStorage(page: Page, answer: boolean | 'ask-twice') {
  await page.addInitScript((answer) => {
    window.__persistCalls = 0;
    navigator.storage.persisted = async () => sessionStorage.getItem('test.persisted') === 'true';
    navigator.storage.persist = async () => {
      window.__persistCalls += 1;
      // 'ask-twice': refused the first time, granted when asked again (counted
      // across reloads).
      const total = Number(sessionStorage.getItem('test.persistTotal') ?? 0) + 1;
      sessionStorage.setItem('test.persistTotal', String(total));
      const granted = answer === 'ask-twice' ? total > 1 : answer;
      if (granted) sessionStorage.setItem('test.persisted', 'true');
      return granted;
    };
  }, answer);
}

const calls = (page: Page) => page.evaluate(() => window.__persistCalls);
const asked = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fleetplan.persistence') ?? 'null'));

test('asked at the first edit, not on load, once; a grant is said plainly', async ({ page }) => {
  await stubStorage(page, true);
  const planner = new PlannerPage(page);
  const said = page.getByTestId('persistence');
  await planner.open('plans');
  await expect(said).toHaveAttribute('data-state', 'not-asked');
  await expect(said).toHaveText(
    'Not persistent yet: when you first change a plan, Fleetplan asks the browser to keep this site\'s storage.',
  );
  // What the browser counts, and what it all means.
  await expect(page.getByTestId('storage-usage')).toContainText(/The browser counts [\d.]+ (B|KB|MB) stored by this site/);
  await expect(page.getByTestId('storage-card')).toContainText('Clearing this site\'s data, or all browsing data, deletes every plan stored here');
  await expect(page.getByTestId('safari-rule')).toContainText('seven days without a visit to that site');
  // Looking is not work: nothing asked.
  await planner.goTo('overview');
  await page.reload();
  await expect(planner.planName).toBeVisible();
  expect(await calls(page)).toBe(0);
  expect(await asked(page)).toBeNull();

  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect.poll(() => calls(page)).toBe(1);
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,600,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await planner.goTo('plans');
  await expect(said).toHaveAttribute('data-state', 'granted');
  await expect(said).toHaveText('Persistent: the browser keeps these plans until you clear its site data.');
  expect(calls(page)).resolves.toBe(1);
  expect((await asked(page)).granted).toBe(true);
  await expect(page.getByTestId('persist-ask')).toHaveCount(0);

  // Asked once per browser: a reload and more edits ask nothing.
  await page.reload();
  await expect(said).toHaveAttribute('data-state', 'granted');
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  expect(await calls(page)).toBe(0);
});

test('a refusal is said with what it means, and the person can ask again', async ({ page }) => {
  await stubStorage(page, 'ask-twice');
  const planner = new PlannerPage(page);
  const said = page.getByTestId('persistence');
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect.poll(() => calls(page)).toBe(1);
  await planner.goTo('plans');
  await expect(said).toHaveAttribute('data-state', 'best-effort');
  await expect(said).toContainText('Not persistent: the browser did not agree to keep this site\'s storage');
  expect((await asked(page)).granted).toBe(false);

  // Not asked again by itself, after a reload either.
  await page.reload();
  await expect(said).toHaveAttribute('data-state', 'best-effort');
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,600,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  expect(await calls(page)).toBe(0);

  await planner.goTo('plans');
  await page.getByTestId('persist-ask').click();
  await expect(said).toHaveAttribute('data-state', 'granted');
  expect(await calls(page)).toBe(1);
});

test('Chromium answers the real request at the first edit', async ({ page }) => {
  const planner = new PlannerPage(page);
  const said = page.getByTestId('persistence');
  await planner.open('plans');
  const before = await said.getAttribute('data-state');
  // A fresh profile either keeps the storage already or was never asked.
  expect(['not-asked', 'granted']).toContain(before);
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.goTo('plans');
  await expect(said).not.toHaveAttribute('data-state', /unknown|not-asked/);
  const state = await said.getAttribute('data-state');
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  expect(state).toBe(persisted ? 'granted' : 'best-effort');
  if (before === 'not-asked') expect((await asked(page)).granted).toBe(persisted);
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the storage card says the same in Japanese', async ({ page }) => {
    await stubStorage(page, false);
    const planner = new PlannerPage(page);
    await planner.open('plans');
    const card = page.getByTestId('storage-card');
    await expect(card.getByRole('heading')).toHaveText('このブラウザーの保存領域');
    await expect(page.getByTestId('persistence')).toContainText('計画を初めて変更したときに');
    await expect(page.getByTestId('safari-rule')).toContainText('Safariが7日間使われると');
    await expect(page.getByTestId('storage-usage')).toContainText('このサイトの保存量は');
  });
});

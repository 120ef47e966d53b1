import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlannerPage } from './fixtures/planner-page';
import { cli, planFile } from './fixtures/cli';

// A plan linked to a plan file on disk (src/ui/linked_file.rs). No picker can
// be clicked in a headless browser, so the pickers are replaced: they answer
// real file handles of the origin's private file system (which IndexedDB can
// keep, as it keeps a handle the real picker gives). Every write is recorded,
// and can be made to fail, or the browser made to ask for permission again,
// through sessionStorage flags (they outlive a reload of the tab).

declare global {
  interface Window {
    __fileWrites: number;
    __suggestedName?: string;
  }
}

const LINKED = 'linked.fleetplan.json';
const OPENED = 'opened.fleetplan.json';

async function fakePickers(page: Page) {
  await page.addInitScript(
    ({ linked, opened }) => {
      window.__fileWrites = 0;
      const file = async (name: string) => (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
      (window as any).showSaveFilePicker = async (options: { suggestedName?: string }) => {
        window.__suggestedName = options?.suggestedName;
        return file(linked);
      };
      (window as any).showOpenFilePicker = async () => [await file(opened)];
      const proto = (window as any).FileSystemFileHandle.prototype;
      const create = proto.createWritable;
      proto.createWritable = async function (...args: unknown[]) {
        if (sessionStorage.getItem('test.failWrites')) throw new DOMException('The disk is full.', 'QuotaExceededError');
        const stream = await create.apply(this, args);
        const write = stream.write.bind(stream);
        stream.write = (data: unknown) => {
          window.__fileWrites += 1;
          return write(data);
        };
        return stream;
      };
      const handle = (window as any).FileSystemHandle.prototype;
      const query = handle.queryPermission;
      handle.queryPermission = async function (descriptor: unknown) {
        return sessionStorage.getItem('test.permission') ?? (query ? query.call(this, descriptor) : 'granted');
      };
      handle.requestPermission = async function () {
        sessionStorage.removeItem('test.permission');
        return 'granted';
      };
    },
    { linked: LINKED, opened: OPENED },
  );
}

/** The text of a file in the origin's private file system. */
const fileText = (page: Page, name: string) =>
  page.evaluate(async (n) => {
    const dir = await navigator.storage.getDirectory();
    return (await (await dir.getFileHandle(n)).getFile()).text();
  }, name);

const writes = (page: Page) => page.evaluate(() => window.__fileWrites);

test('Save to file… links the plan: the file is the backup download, every later save rewrites it, and the link outlives a reload', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await fakePickers(page);
  const planner = new PlannerPage(page);
  const fileState = page.getByTestId('file-state');
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(fileState).toHaveCount(0);

  await planner.goTo('plans');
  await expect(page.getByTestId('linked-file-card')).toHaveAttribute('data-supported', 'true');
  await page.getByTestId('file-save').click();
  await expect(page.getByTestId('linked-file')).toContainText(`Linked to ${LINKED}: every save also writes it.`);
  await expect(fileState).toHaveAttribute('data-state', 'written');
  await expect(fileState).toHaveText(`Also saved to ${LINKED}`);
  // A write to the file is a backup.
  await expect(page.getByTestId('backup-state')).toHaveText('Backed up today');

  // The file holds the bytes the backup download hands over, under its name.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
  expect(await page.evaluate(() => window.__suggestedName)).toBe(download.suggestedFilename());
  const first = readFileSync(await download.path(), 'utf8');
  expect(await fileText(page, LINKED)).toBe(first);
  expect(await writes(page)).toBe(1);

  // A later edit rewrites it; the command line reads what was written.
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,600,000' });
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(fileState).toHaveAttribute('data-state', 'written');
  const second = await planner.backupText();
  expect(second).not.toBe(first);
  await expect.poll(() => fileText(page, LINKED)).toBe(second);
  expect(await writes(page)).toBe(2);
  const summary = cli(['export', planFile(await fileText(page, LINKED)), '--kind', 'summary', '--no-bom']).toString('utf8');
  // Four months of FY2026 (December to March) of ¥15,600,000 a year.
  expect(summary).toContain('Base,FY2026,2026-12,4,true,Platform,5200000,');

  // After a reload the browser asks again before the file is written: until
  // then the header says the file is not saved, and edits stay in the browser.
  await page.evaluate(() => sessionStorage.setItem('test.permission', 'prompt'));
  await page.reload();
  await expect(fileState).toHaveAttribute('data-state', 'permission');
  await expect(fileState).toHaveText(`Not saved to ${LINKED}: allow writing it`);
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await expect(fileState).toHaveAttribute('data-state', 'permission');
  expect(await writes(page)).toBe(0);
  expect(await fileText(page, LINKED)).toBe(second);

  await fileState.click();
  await expect(page.locator('nav [data-view="plans"]')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('file-problem')).toContainText('asks your leave again');
  await expect(page.getByTestId('linked-file')).toContainText('The link is kept for your next visit');
  await page.getByTestId('file-allow').click();
  await expect(fileState).toHaveAttribute('data-state', 'written');
  await expect(page.getByTestId('file-problem')).toHaveCount(0);
  await expect.poll(() => fileText(page, LINKED)).toBe(await planner.backupText());

  // Stop writing: the plan stays, the file keeps what it had, and no link comes back.
  await planner.goTo('plans');
  await page.getByTestId('file-unlink').click();
  await expect(fileState).toHaveCount(0);
  await page.reload();
  await expect(planner.planName).toBeVisible();
  await planner.goTo('plans');
  await expect(page.getByTestId('linked-file')).toHaveCount(0);
  await expect(fileState).toHaveCount(0);
  expect(planner.errors).toEqual([]);
});

test('a failed write says so at once, the plan stays saved in the browser, and the next save catches the file up', async ({ page }) => {
  await fakePickers(page);
  const planner = new PlannerPage(page);
  const fileState = page.getByTestId('file-state');
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await planner.goTo('plans');
  await page.getByTestId('file-save').click();
  await expect(fileState).toHaveAttribute('data-state', 'written');
  const linked = await fileText(page, LINKED);

  await page.evaluate(() => sessionStorage.setItem('test.failWrites', '1'));
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'SRE', team: 'Platform', salary: '9,600,000' });
  await expect(fileState).toHaveAttribute('data-state', 'failed');
  await expect(fileState).toHaveText(`Not saved to ${LINKED}: it could not be written`);
  // Saved in the browser all the same.
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  await planner.goTo('plans');
  await expect(page.getByTestId('file-problem')).toHaveText(
    `${LINKED} could not be written: the disk is full. The plan is still saved in this browser, and the next change tries the file again; choose Save to file… to write another file.`,
  );
  await expect(page.getByTestId('file-problem')).toHaveAttribute('role', 'alert');
  expect(await fileText(page, LINKED)).toBe(linked);

  // After a reload the plan has the edit (local storage), and the file,
  // written again at once, still fails, and says so.
  await page.reload();
  await planner.goTo('headcount');
  await expect(planner.rows).toHaveCount(2);
  await expect(planner.annualTotal).toHaveText('¥15,600,000');
  await expect(fileState).toHaveAttribute('data-state', 'failed');
  expect(await fileText(page, LINKED)).toBe(linked);

  // The disk has room again: the next change writes the whole plan.
  await page.evaluate(() => sessionStorage.removeItem('test.failWrites'));
  await planner.addPosition({ title: 'Data', team: 'Data', salary: '7,200,000' });
  await expect(fileState).toHaveAttribute('data-state', 'written');
  await expect.poll(() => fileText(page, LINKED)).toBe(await planner.backupText());
});

test('Open file… opens a plan file as a new plan and links it', async ({ page }) => {
  await fakePickers(page);
  const planner = new PlannerPage(page);
  const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
  await planner.open('plans');
  await page.evaluate(
    async ({ name, text }) => {
      const dir = await navigator.storage.getDirectory();
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name: OPENED, text: example },
  );
  await page.getByTestId('file-open').click();
  await expect(planner.planName).toHaveValue('Engineering budget FY2026-FY2027');
  await expect(page.getByTestId('plan-row')).toHaveCount(2);
  await expect(page.getByTestId('linked-file')).toContainText(`Linked to ${OPENED}`);
  await expect(page.getByTestId('file-state')).toHaveAttribute('data-state', 'written');
  // Nothing written yet: the file holds the plan.
  expect(await fileText(page, OPENED)).toBe(example);

  await planner.planName.fill('Budget from disk');
  await planner.planName.press('Enter');
  await expect(page.getByTestId('file-state')).toHaveAttribute('data-state', 'written');
  await expect.poll(() => fileText(page, OPENED)).toContain('"name": "Budget from disk"');
  expect(await fileText(page, OPENED)).toBe(await planner.backupText());

  // A file that is not a plan changes nothing and says why.
  await page.evaluate(async (name) => {
    const dir = await navigator.storage.getDirectory();
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write('{"format": "something else"}');
    await writable.close();
  }, OPENED);
  await planner.goTo('plans');
  await page.getByTestId('file-open').click();
  await expect(page.getByTestId('file-problems')).toContainText('This file is not a plan Fleetplan can open');
  await expect(page.getByTestId('plan-row')).toHaveCount(2);
  await expect(planner.planName).toHaveValue('Budget from disk');
});

test.describe('without the File System Access API (Firefox, Safari)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as any).showSaveFilePicker;
      delete (window as any).showOpenFilePicker;
    });
  });

  test('Save to file… downloads the plan file, Open file… uploads one, and the card says why', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
    await planner.goTo('plans');
    const card = page.getByTestId('linked-file-card');
    await expect(card).toHaveAttribute('data-supported', 'false');
    await expect(page.getByTestId('files-intro')).toContainText('Firefox and Safari do not');
    await expect(page.getByTestId('files-intro')).toContainText('Save to file… downloads the plan file');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    expect(download.suggestedFilename()).toMatch(/\.fleetplan\.json$/);
    expect(readFileSync(await download.path(), 'utf8')).toBe(await planner.backupText());
    await expect(page.getByTestId('backup-state')).toHaveText('Backed up today');
    await expect(page.getByTestId('file-state')).toHaveCount(0);

    await planner.goTo('plans');
    await page.getByTestId('file-open-input').setInputFiles(resolve(__dirname, '../../docs/example-plan.json'));
    await expect(planner.planName).toHaveValue('Engineering budget FY2026-FY2027');
    await expect(page.getByTestId('plan-row')).toHaveCount(2);
    await expect(page.getByTestId('linked-file')).toHaveCount(0);
    expect(planner.errors).toEqual([]);
  });
});

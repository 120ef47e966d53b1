import { expect, test, type Page } from '@playwright/test';
import { cli, planFile, readBytes } from './fixtures/cli';
import { PlannerPage } from './fixtures/planner-page';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function download(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readBytes(path) };
}


test.describe('CSV export and roster import', () => {
  test('browser downloads are byte-for-byte the CLI export of the same plan', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.addPosition({ title: 'バックエンドエンジニア', team: 'Platform', salary: '6,000,000' });
    await planner.addPosition({ title: '=HYPERLINK("x")', team: 'Data', salary: '7,200,000' });
    await expect(planner.annualTotal).toHaveText('¥13,200,000');
    const screenTotal = await planner.annualTotal.innerText();

    await page.getByRole('button', { name: 'Export & import' }).click();
    // Yen plan: the byte-order mark is on by default and the button says so.
    await expect(page.getByTestId('export-bom')).toBeChecked();
    await expect(page.getByTestId('export-ledger')).toContainText('UTF-8 with BOM');

    const plan = planFile(await planner.backupText());
    for (const kind of ['ledger', 'summary', 'roster', 'comparison']) {
      const { name, bytes } = await download(page, kind);
      const scenario = kind === 'comparison' ? 'Base' : 'all-scenarios';
      expect(name).toMatch(new RegExp(`^My-engineering-plan_${scenario}_${kind}_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(bytes.subarray(0, 3).equals(BOM)).toBe(true);
      expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
      const args = kind === 'comparison' ? ['--base', 'Base'] : [];
      const fromCli = cli(['export', plan, '--kind', kind, ...args]);
      expect(bytes.equals(fromCli), `${kind}: browser and CLI bytes differ`).toBe(true);
    }

    // The ledger's rows add up to the annual total on screen, to the yen.
    const ledger = (await download(page, 'ledger')).bytes.subarray(3).toString('utf8');
    const [header, ...rows] = ledger.trim().split('\r\n');
    expect(header.split(',').at(-1)).toBe('amount');
    // Amounts are the last column and plain digits, so a row's last comma-separated cell is its amount.
    const sum = rows.reduce((total, row) => total + BigInt(row.slice(row.lastIndexOf(',') + 1)), 0n);
    expect(`¥${sum.toLocaleString('en-US')}`).toBe(screenTotal);

    // The roster keeps Japanese text and neutralises the formula.
    const roster = (await download(page, 'roster')).bytes.toString('utf8');
    expect(roster).toContain('バックエンドエンジニア');
    expect(roster).toContain(`"'=HYPERLINK(""x"")"`);

    // Without the mark, the file starts with the header row.
    await page.getByTestId('export-bom').uncheck();
    await expect(page.getByTestId('export-ledger')).toHaveText('Download CSV (UTF-8)');
    const plain = await download(page, 'ledger');
    expect(plain.bytes.subarray(0, 3).equals(BOM)).toBe(false);
    expect(plain.bytes.equals(cli(['export', plan, '--kind', 'ledger', '--no-bom']))).toBe(true);
  });

  test('a roster CSV is previewed, then imported; a file with an error changes nothing', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open();
    await planner.addPosition({ title: 'Backend engineer', team: 'Platform', salary: '6,000,000' });
    await expect(planner.annualTotal).toHaveText('¥6,000,000');
    const month = JSON.parse(await planner.backupText()).plan.horizon.start as string;
    const first = await planner.storedRecord();

    await page.getByRole('button', { name: 'Export & import' }).click();
    const input = page.getByTestId('import-file');

    const bad = `title,team,level,salary,start,status\r\nSRE,Platform,Mid,lots,${month}-01,planned\r\n`;
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('line 2, column salary');
    expect(await planner.storedRecord()).toBe(first);

    const good =
      '\ufefftitle,team,level,salary,start,status\r\n' +
      `SRE,Platform,Mid,"1,200,000",${month}-01,planned\r\n` +
      `Analyst,Data,Senior,2400000,${month}-01,filled\r\n`;
    await input.setInputFiles({ name: 'hires.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('2 to add, 0 to change');
    await expect(preview).toContainText('1,200,000');
    expect(await planner.storedRecord()).toBe(first);

    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-done')).toContainText('2 added');
    await page.getByRole('button', { name: 'Headcount' }).click();
    await expect(planner.rows).toHaveCount(3);
    // The SRE is a planned hire and the engine adds no burden in a blank plan.
    await expect(planner.annualTotal).toHaveText('¥9,600,000');
  });
});

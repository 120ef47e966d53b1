import { expect, test, type Page } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page';
import { enter } from './fixtures/helpers';

// Pay as HR states it (issue 17): a monthly base (月給), a fixed allowance,
// a cost per head and the first-bonus policy, each entered through the UI,
// each changing the totals by what a hand computation says, and all of
// them still there after a reload.
//
// The plan: a blank JPY plan (no burden, raise, tools or cloud) over FY2027,
// April 2027 to March 2028, and one engineer from 1 July 2027: nine months.
//   月給 500,000 × 9                               = 4,500,000
//   + commuting 15,000 × 9                        =   135,000 → 4,635,000
//   + DC pension 20,000 a head × 9                =   180,000 → 4,815,000
//   + December bonus of 1 month, assessment period April to September:
//       full 500,000                                          → 5,315,000
//       prorated: July to September, 3 of 6 months, 250,000  → 5,065,000
//       none before a whole period: 0                         → 4,815,000

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

async function horizonFy2027(page: Page, planner: PlannerPage) {
  await planner.goTo('assumptions');
  await page.locator('select[data-field="fiscal_year_start_month"]').selectOption('4');
  await enter(page.locator('input[data-field="horizon_start"]'), '2027-04');
  await enter(page.locator('input[data-field="horizon_months"]'), '12');
  await expect(page.getByTestId('horizon-span')).toHaveText('Apr 2027 to Mar 2028');
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
});

test('a monthly base, an allowance, a per-head cost and the first-bonus policy cost what payroll says, and stay after a reload', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open('headcount');
  await horizonFy2027(page, planner);

  // The engineer, paid by the month.
  await planner.goTo('headcount');
  const form = planner.addForm;
  await form.locator('select[name="salary_basis"]').selectOption('monthly');
  await expect(form.getByText('Monthly base salary', { exact: true })).toBeVisible();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '500,000', start: '2027-07-01' });
  const row = planner.rowAt(0);
  await expect(row.salary).toHaveValue('500,000');
  const basis = row.row.locator('[data-field="salary_basis"]');
  await expect(basis).toHaveAttribute('data-value', 'monthly');
  await expect(planner.annualTotal).toHaveText(yen(4_500_000));

  // A commuting allowance, with the keyboard: the cell's button opens the
  // editor, the one-click "Add Commuting" puts the cursor in its amount.
  const cell = row.row.getByTestId('edit-allowances');
  await expect(cell).toHaveText('None');
  await cell.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('allowance-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading')).toHaveText('Fixed monthly allowances of “Backend”');
  await editor.getByRole('button', { name: 'Add Commuting' }).click();
  const amount = editor.locator('input[data-field="allowance_monthly"]');
  await expect(amount).toBeFocused();
  await page.keyboard.type('15,000');
  await page.keyboard.press('Enter');
  await expect(amount).toHaveValue('15,000');
  await expect(editor.locator('input[data-field="allowance_name"]')).toHaveValue('Commuting');
  // Added once: the button for it is now off.
  await expect(editor.getByRole('button', { name: 'Add Commuting' })).toBeDisabled();
  // A refused amount keeps its text and keeps the editor open until put back.
  await amount.fill('15,0000');
  await amount.press('Enter');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveValue('15,0000');
  await page.keyboard.press('Escape');
  await expect(amount).toHaveValue('15,000');
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(cell).toBeFocused();
  await expect(cell).toHaveText('15,000');
  await expect(planner.annualTotal).toHaveText(yen(4_635_000));

  // A defined-contribution pension of 20,000 a head and month, for everyone.
  await planner.goTo('assumptions');
  await page.getByTestId('add-per-head').click();
  const perHead = page.getByTestId('per-head-row').first();
  await enter(perHead.locator('input[data-field="name"]'), 'DC pension');
  await enter(perHead.locator('input[data-field="monthly"]'), '20,000');
  await expect(perHead.locator('input[data-field="contractors"]')).not.toBeChecked();
  await expect(page.getByTestId('per-head-costs')).toContainText('Every team');

  // A December bonus of one month, assessed April to September.
  await page.getByTestId('add-bonus').click();
  const payout = page.getByTestId('bonus-row').first();
  await payout.locator('select[data-field="month"]').selectOption('12');
  await enter(payout.locator('input[data-field="months"]'), '1');
  // Without a period of its own, a payout's is the 6 months before it.
  await expect(payout.locator('select[data-field="assessment_from"]')).toHaveValue('6');
  await expect(payout.locator('select[data-field="assessment_to"]')).toHaveValue('11');
  await payout.locator('select[data-field="assessment_from"]').selectOption('4');
  await payout.locator('select[data-field="assessment_to"]').selectOption('9');
  const policy = page.locator('select[data-field="first_bonus"]');
  await expect(policy).toHaveValue('full');

  await planner.goTo('overview');
  const category = (name: string) => page.locator(`[data-testid="category-row"][data-category="${name}"]`);
  await expect(category('benefits')).toContainText(yen(180_000));
  await expect(category('bonus')).toContainText(yen(500_000));
  await expect(category('base')).toContainText(yen(4_635_000));

  const totals: [string, number][] = [
    ['full', 5_315_000],
    ['prorated', 5_065_000],
    ['none_before_first_payout', 4_815_000],
    ['prorated', 5_065_000],
  ];
  for (const [choice, total] of totals) {
    await planner.goTo('assumptions');
    await policy.selectOption(choice);
    await planner.goTo('headcount');
    await expect(planner.annualTotal).toHaveText(yen(total));
  }

  // Everything is still there after a reload.
  await page.reload();
  await expect(planner.planName).toBeVisible();
  await planner.goTo('headcount');
  await expect(planner.annualTotal).toHaveText(yen(5_065_000));
  await expect(row.salary).toHaveValue('500,000');
  await expect(basis).toHaveAttribute('data-value', 'monthly');
  await expect(cell).toHaveText('15,000');
  await planner.goTo('assumptions');
  await expect(perHead.locator('input[data-field="name"]')).toHaveValue('DC pension');
  await expect(perHead.locator('input[data-field="monthly"]')).toHaveValue('20,000');
  await expect(policy).toHaveValue('prorated');
  await expect(payout.locator('select[data-field="assessment_from"]')).toHaveValue('4');
  await expect(payout.locator('select[data-field="assessment_to"]')).toHaveValue('9');

  // The plan file keeps what was entered: 月給, not 12 × it.
  const { plan } = JSON.parse(await planner.backupText());
  const [position] = plan.scenarios[0].positions;
  expect(position.monthly_base).toBe('500000');
  expect(position.annual_base).toBeUndefined();
  expect(position.allowances).toEqual([{ name: 'Commuting', monthly: '15000' }]);
  expect(plan.scenarios[0].people.per_head).toEqual([{ name: 'DC pension', monthly: '20000', contractors: false }]);
  expect(plan.scenarios[0].people.first_bonus).toBe('prorated');
  expect(plan.scenarios[0].people.bonus_payouts[0].assessment).toEqual({ from: 4, to: 9 });
  expect(planner.errors).toEqual([]);
});

test('switching how pay is stated restates it when the amount stays the same, and otherwise waits for the amount', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open('headcount');
  await horizonFy2027(page, planner);
  await planner.goTo('headcount');
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '7,200,000', start: '2027-04-01' });
  const row = planner.rowAt(0);
  const basis = row.row.locator('[data-field="salary_basis"]');
  await expect(basis).toHaveAttribute('data-value', 'annual');
  await expect(planner.annualTotal).toHaveText(yen(7_200_000));

  // ¥7,200,000 a year is 月給 ¥600,000: restated, the total unchanged.
  await basis.click();
  await row.row.locator('select[data-field="salary_basis"]').selectOption('monthly');
  await expect(row.salary).toHaveValue('600,000');
  await expect(planner.annualTotal).toHaveText(yen(7_200_000));

  // Back by the year, then ¥7,000,000, which is no whole-yen 月給: the
  // choice waits for the monthly amount, showing the annual one meanwhile.
  await row.row.locator('[data-field="salary_basis"]').click();
  await row.row.locator('select[data-field="salary_basis"]').selectOption('annual');
  await expect(row.salary).toHaveValue('7,200,000');
  await enter(row.salary, '7,000,000');
  await row.row.locator('[data-field="salary_basis"]').click();
  await row.row.locator('select[data-field="salary_basis"]').selectOption('monthly');
  await expect(row.salary).toHaveValue('');
  await expect(row.salary).toHaveAttribute('placeholder', 'annual 7,000,000');
  // Still by the year: 7,000,000 ÷ 12 = 583,333.33… books 583,333 a month.
  await expect(planner.annualTotal).toHaveText(yen(583_333 * 12));
  await enter(row.salary, '580,000');
  await expect(row.salary).toHaveValue('580,000');
  await expect(planner.annualTotal).toHaveText(yen(6_960_000));
  await expect(basis).toHaveAttribute('data-value', 'monthly');
  expect(planner.errors).toEqual([]);
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('pay, allowances, per-head costs and the first bonus read as a Japanese finance team says them', async ({ page }) => {
    const planner = new PlannerPage(page);
    await planner.open('overview');
    await page.getByTestId('start').locator('[data-start="japan"]').click();
    await planner.goTo('headcount');
    const form = planner.addForm;
    await form.locator('select[name="salary_basis"]').selectOption('monthly');
    await expect(form.getByText('月給', { exact: true })).toBeVisible();
    await planner.addPosition({ title: 'バックエンドエンジニア', team: 'プラットフォーム', salary: '480,000' });
    const row = planner.rowAt(0);
    await expect(row.row.locator('[data-field="salary_basis"]')).toHaveText('月給');
    await expect(page.getByTestId('roster').locator('thead')).toContainText('基本給');
    await expect(page.getByTestId('roster').locator('thead')).toContainText('手当');
    await row.row.getByTestId('edit-allowances').click();
    const editor = page.getByTestId('allowance-editor');
    await expect(editor.getByRole('heading')).toHaveText('「バックエンドエンジニア」の固定手当（月額）');
    for (const name of ['通勤手当を追加', '固定残業代を追加', '住宅手当を追加']) {
      await expect(editor.getByRole('button', { name })).toBeVisible();
    }
    await editor.getByRole('button', { name: '固定残業代を追加' }).click();
    await expect(editor.locator('input[data-field="allowance_monthly"]')).toBeFocused();
    await page.keyboard.type('30000');
    await page.keyboard.press('Enter');
    await editor.getByTestId('allowances-done').click();
    await expect(row.row.getByTestId('edit-allowances')).toHaveText('30,000');

    await planner.goTo('assumptions');
    const assumptions = page.getByTestId('assumptions');
    await expect(assumptions.getByRole('heading', { name: '一人当たり月額費用' })).toBeVisible();
    await expect(assumptions).toContainText('福利厚生費');
    await expect(assumptions.getByText('入社後初回の賞与', { exact: true })).toBeVisible();
    // The Japan preset prorates a first bonus by its assessment period.
    await expect(page.locator('select[data-field="first_bonus"] option:checked')).toHaveText('算定期間の在籍月数で按分');
    // 年収 includes bonuses in Japanese: never the label of base pay.
    for (const view of ['assumptions', 'headcount']) {
      await planner.goTo(view);
      await expect(page.locator('main')).not.toContainText('年収');
    }
    expect(planner.errors).toEqual([]);
  });
});

test('the United States preset’s $450 of benefits is a per-head cost for employees', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open('overview');
  await page.getByTestId('start').locator('[data-start="united-states"]').click();
  await planner.goTo('assumptions');
  const rows = page.getByTestId('per-head-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('input[data-field="name"]')).toHaveValue('Benefits');
  await expect(rows.first().locator('input[data-field="monthly"]')).toHaveValue('450.00');
  await expect(rows.first().locator('input[data-field="contractors"]')).not.toBeChecked();
  await expect(page.getByTestId('per-head-costs')).toContainText('Every team');
  expect(planner.errors).toEqual([]);
});

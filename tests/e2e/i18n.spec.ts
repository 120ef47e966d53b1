import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { enter, monthFromNow } from './fixtures/helpers';
import { PlannerPage } from './fixtures/planner-page';

// The documented example plan, and the same plan with every name in Japanese
// (teams, titles, levels, scenarios, cloud lines, burden components), so that
// in the Japanese UI any Latin word left on screen is an untranslated text.
const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const exampleJa = readFileSync(resolve(__dirname, 'fixtures/plan-ja.json'), 'utf8');
const views = ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'actuals', 'exports', 'plans'];

// Words that read the same in Japanese: acronyms, keys, product names.
// Kept equal to `SHARED_WORDS` in src/i18n/mod.rs.
const shared = new Set([
  'Fleetplan', 'FTE', 'CSV', 'JSON', 'Excel', 'UTF', 'BOM', 'ID', 'SaaS', 'URL', 'OK',
  'JPY', 'USD', 'Ctrl', 'Shift', 'Enter', 'Esc', 'Escape', 'Tab', 'Mac', 'PDF', 'AWS', 'GCP', 'Azure', 'English',
  'Safari', 'Firefox', 'Chrome', 'Chromium', 'Edge',
  'FY', 'FOCUS', 'EffectiveCost', 'BilledCost', 'SubAccountName',
]);

/** Latin words of two letters or more that are not shared words or letter
 * codes ("L3", "SRE", "EUR"): the rule of `reads_as_japanese` in src/i18n/mod.rs. */
function untranslated(text: string): string[] {
  return text
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length >= 2 && !shared.has(w) && !(w.length <= 3 && w === w.toUpperCase()));
}

const japanese = /[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

/** Every text a person can read or hear on the page: text nodes (tables of
 * chart figures and visually hidden labels included) and the names and hints
 * in attributes. Left out: the language switch, which names each language in
 * itself, and `<code>`, which names files, commands and CSV columns as typed. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('script, style, code, #language')) continue;
      const text = (n.textContent ?? '').trim();
      if (text) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]'))) {
      if (el.closest('#language')) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** Opens a stored plan on a fresh origin, in the language chosen on this browser. */
async function openPlan(page: Page, plan: string, lang: 'en' | 'ja', view = 'overview') {
  await page.goto('/');
  await page.evaluate(
    ([text, code]) => {
      localStorage.clear();
      localStorage.setItem('fleetplan.plan', text);
      localStorage.setItem('fleetplan.language', code);
    },
    [plan, lang],
  );
  await page.goto(`/#${view}`);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** Shows every part of a view that starts folded: the charts' tables of figures. */
async function unfold(page: Page) {
  for (const toggle of await page.getByTestId('chart-table-toggle').all()) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

test.describe('missing keys: every view read in each language', () => {
  test('the Japanese UI has no untranslated text on any view', async ({ page }) => {
    const planner = new PlannerPage(page);
    await openPlan(page, exampleJa, 'ja');
    const found: string[] = [];
    for (const view of views) {
      await planner.goTo(view);
      await unfold(page);
      for (const text of await pageTexts(page)) {
        const words = untranslated(text);
        if (words.length) found.push(`${view}: ${JSON.stringify(text)} (${words.join(', ')})`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
    expect(planner.errors).toEqual([]);
  });

  test('the English UI has no Japanese text on any view', async ({ page }) => {
    const planner = new PlannerPage(page);
    await openPlan(page, example, 'en');
    const found: string[] = [];
    for (const view of views) {
      await planner.goTo(view);
      await unfold(page);
      for (const text of await pageTexts(page)) {
        if (japanese.test(text)) found.push(`${view}: ${JSON.stringify(text)}`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
    expect(planner.errors).toEqual([]);
  });
});

test.describe('a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('opens the planner in Japanese, and a switch to English is remembered across a reload', async ({ page }) => {
    const planner = new PlannerPage(page);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('nav [data-view="overview"]')).toHaveText('概要');
    await expect(page.getByTestId('language')).toHaveValue('ja');

    await page.getByLabel('表示言語').selectOption('en');
    await expect(page.locator('nav [data-view="overview"]')).toHaveText('Overview');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.locator('nav [data-view="overview"]')).toHaveText('Overview');
    await expect(page.getByTestId('language')).toHaveValue('en');
    expect(planner.errors).toEqual([]);
  });
});

test('switching language keeps the plan, the view and the scenario; figures and months follow the language', async ({ page }) => {
  const planner = new PlannerPage(page);
  await openPlan(page, example, 'en', 'compare');
  await page.getByTestId('scenario-picker').selectOption({ label: 'Aggressive' });
  const totalEn = await page.getByTestId('compare-total').first().innerText();
  expect(totalEn).toMatch(/^¥[\d,]+$/);
  await expect(page.locator('main')).toContainText('FY2026');

  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator('nav [aria-current="page"]')).toHaveText('比較');
  await expect(page.getByTestId('scenario-picker')).toHaveValue('1');
  await expect(page.getByTestId('compare-total').first()).toHaveText(totalEn);
  await expect(page.locator('main')).toContainText('2026年度');
  await expect(page.locator('main')).not.toContainText('FY2026');

  await planner.goTo('headcount');
  await planner.goTo('overview');
  await expect(page.getByTestId('chart-monthly-cost')).toContainText('2026年4月');
  await page.getByLabel('表示言語').selectOption('en');
  await expect(page.getByTestId('chart-monthly-cost')).toContainText('Apr 2026');
  expect(planner.errors).toEqual([]);
});

test('the CSV files are the same whichever language the UI is in', async ({ page }) => {
  await openPlan(page, example, 'en', 'exports');
  const download = async (kind: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  const english = await download('summary');
  await page.getByLabel('Language').selectOption('ja');
  await expect(page.locator('nav [aria-current="page"]')).toHaveText('書き出し・読み込み');
  const inJapanese = await download('summary');
  expect(inJapanese.name).toBe(english.name);
  expect(inJapanese.bytes.equals(english.bytes)).toBe(true);
  expect(english.bytes.toString('utf8')).toContain('FY2026');
});

test.describe('the main flows in Japanese, as a person in Japan uses them', () => {
  test.use({ locale: 'ja-JP' });

  test('a plan built in Japanese: positions, a refused value explained in Japanese, undo, reload', async ({ page }) => {
    const planner = new PlannerPage(page);
    await page.goto('/');
    await expect(planner.planName).toHaveValue('エンジニア組織の計画');
    await page.getByRole('button', { name: '人員', exact: true }).click();
    const form = planner.addForm;
    const add = async (title: string, team: string, salary: string) => {
      await form.getByLabel('職種').fill(title);
      await form.getByLabel('チーム').fill(team);
      await form.getByLabel('年間基本給').fill(salary);
      await form.getByRole('button', { name: '追加', exact: true }).click();
    };
    await add('バックエンドエンジニア', '基盤', '6,000,000');
    await expect(planner.annualTotal).toHaveText('¥6,000,000');
    await add('データエンジニア', 'データ', '7,200,000');
    await expect(planner.annualTotal).toHaveText('¥13,200,000');
    await expect(page.getByTestId('position-count')).toHaveText('2件');

    // An FTE above 1 is refused beside the field, in Japanese, and the total stays.
    const row = planner.rowAt(0);
    await row.fte.fill('1.5');
    await row.fte.press('Enter');
    const alert = row.row.getByRole('alert');
    await expect(alert).toContainText('保存されていません');
    expect(untranslated(await alert.innerText())).toEqual([]);
    await expect(planner.annualTotal).toHaveText('¥13,200,000');
    await row.fte.press('Escape');

    // A percentage that is not a number, on a form.
    await page.getByRole('button', { name: '前提条件', exact: true }).click();
    const raise = page.locator('input[data-field="raise_pct"]');
    await raise.fill('ten');
    await raise.press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: '割合' });
    await expect(refused).toBeVisible();
    expect(untranslated((await refused.innerText()).replace('ten', ''))).toEqual([]);

    // Undo from the header takes the second position back out.
    await page.getByRole('button', { name: '人員', exact: true }).click();
    await page.getByRole('button', { name: '元に戻す' }).first().click();
    await expect(planner.annualTotal).toHaveText('¥6,000,000');
    await expect(planner.saveState).toHaveText('この端末に保存済み');

    await page.reload();
    await expect(page.locator('nav [aria-current="page"]')).toHaveText('人員');
    await expect(planner.annualTotal).toHaveText('¥6,000,000');
    expect(planner.errors).toEqual([]);
  });

  test('the Japan preset in Japanese names its social insurance in Japanese; the demo opens with its teams in Japanese', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
    const planner = new PlannerPage(page);
    await page.goto('/#plans');
    await page.getByTestId('new-plan-preset').selectOption({ label: '日本（2026年度・4月始まり・JPY）' });
    await page.getByTestId('new-plan').click();
    await expect(planner.planName).toHaveValue('日本 2027年度計画');
    await page.getByRole('button', { name: '前提条件', exact: true }).click();
    const burden = page.getByTestId('burden-row');
    await expect(burden).toHaveCount(7);
    await expect(burden.first().locator('input[data-field="name"]')).toHaveValue('健康保険');
    await expect(burden.first().locator('input[data-field="rate_pct"]')).toHaveValue('4.925');

    await page.getByRole('button', { name: '計画とバックアップ', exact: true }).click();
    await page.getByTestId('new-plan-preset').selectOption({ label: 'デモ：60人規模の組織' });
    await page.getByTestId('new-plan').click();
    await expect(planner.planName).toHaveValue('デモ 2027年度計画');
    await page.getByRole('button', { name: 'チーム', exact: true }).click();
    await expect(page.locator('[data-testid="team-row"][data-team="プラットフォーム"]')).toHaveCount(1);
    await page.getByRole('button', { name: '人員', exact: true }).click();
    await expect(page.getByTestId('position-count')).toHaveText('60件');
    expect(planner.errors).toEqual([]);
  });

  test('a scenario with its hires slipped 3 months, compared in Japanese: 1,800,000 yen less, all on the team that hires', async ({ page }) => {
    const planner = new PlannerPage(page);
    await page.goto('/#headcount');
    const form = planner.addForm;
    await form.getByLabel('職種').fill('アナリスト');
    await form.getByLabel('チーム').fill('データ');
    await form.getByLabel('年間基本給').fill('7,200,000');
    await form.getByLabel('開始日').fill(`${await monthFromNow(page, 1)}-01`);
    await form.getByLabel('状態').selectOption('planned');
    await form.getByRole('button', { name: '追加', exact: true }).click();
    await expect(planner.annualTotal).not.toHaveText('¥0');

    await page.getByRole('button', { name: 'シナリオ', exact: true }).click();
    await page.getByTestId('scenario-row').nth(0).getByTestId('duplicate-scenario').click();
    await expect(page.getByTestId('scenario-picker')).toHaveValue('1');
    await enter(page.locator('input[data-field="hire_slip_months"]'), '3');

    await page.getByRole('button', { name: '比較', exact: true }).click();
    await page.getByTestId('compare-year').filter({ hasText: '計画期間全体' }).click();
    await expect(page.getByTestId('compare-difference')).toContainText('\u2212¥1,800,000');
    const bridge = page.getByTestId('bridge');
    await bridge.getByTestId('bridge-by-team').click();
    await expect(bridge.getByTestId('bridge-step')).toHaveCount(1);
    await expect(bridge.getByTestId('bridge-step').first()).toContainText('データ');
    expect(planner.errors).toEqual([]);
  });
});

test('a failed save says why in the language chosen after it failed', async ({ page }) => {
  const planner = new PlannerPage(page);
  await planner.open();
  await planner.addPosition({ title: 'Backend', team: 'Platform', salary: '6,000,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'saved');
  // Fill local storage to the last kilobyte: the next save fails.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64]) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, chunk);
      } catch {
        // Full at this size: go on with smaller pieces.
      }
    }
  });
  await planner.addPosition({ title: 'A much longer title for the second engineer', team: 'Platform', salary: '7,200,000' });
  await expect(planner.saveState).toHaveAttribute('data-state', 'failed');
  await expect(planner.saveState).toContainText('storage for Fleetplan is full');

  await page.getByLabel('Language').selectOption('ja');
  await expect(planner.saveState).toHaveAttribute('data-state', 'failed');
  await expect(planner.saveState).toContainText('いっぱい');
  expect(untranslated(await planner.saveState.innerText())).toEqual([]);
  const offer = page.getByTestId('save-failed');
  await expect(offer).toContainText('いっぱい');
  expect(untranslated(await offer.innerText())).toEqual([]);
});

import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
// The same plan with Japanese names, for the Japanese UI (texts of another length).
const exampleJa = readFileSync(resolve(__dirname, 'fixtures/plan-ja.json'), 'utf8');
const languages = [
  { lang: 'en', plan: example, suffix: '' },
  { lang: 'ja', plan: exampleJa, suffix: ' in Japanese' },
];
const views = ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'exports', 'plans'];

// A 1280-pixel laptop screen at 200 % zoom is a 640-pixel wide page: wide
// tables and charts scroll inside their cards, the page itself never does.
test.describe('at 200 % zoom on a 1280-pixel screen', () => {
  test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });

  for (const { lang, plan, suffix } of languages) for (const view of views) {
    test(`the ${view} view fits the window's width${suffix}`, async ({ page }) => {
      await page.goto('/');
      await page.evaluate(([text, code]) => {
        localStorage.clear();
        localStorage.setItem('fleetplan.plan', text);
        localStorage.setItem('fleetplan.language', code);
      }, [plan, lang]);
      await page.goto(`/#${view}`);
      await page.reload();
      await expect(page.locator(`nav [data-view="${view}"]`)).toHaveClass(/active/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('main')).not.toBeEmpty();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(640);
    });
  }
});

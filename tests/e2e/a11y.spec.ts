import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const exampleJa = readFileSync(resolve(__dirname, 'fixtures/plan-ja.json'), 'utf8');
const languages = [
  { lang: 'en', plan: example, suffix: '' },
  { lang: 'ja', plan: exampleJa, suffix: ', in Japanese' },
];
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const views = ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'exports', 'plans'];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

// axe-core is injected as a script, which the app's Content-Security-Policy
// forbids (no inline script): this context alone sets the policy aside.
test.use({ bypassCSP: true });

for (const { lang, plan, suffix } of languages) for (const view of views) {
  test(`the ${view} view has no serious or critical accessibility violation (axe-core)${suffix}`, async ({ page }) => {
    await page.goto('/');
    await page.evaluate(([text, code]) => {
      localStorage.clear();
      localStorage.setItem('fleetplan.plan', text);
      localStorage.setItem('fleetplan.language', code);
    }, [plan, lang]);
    await page.goto(`/#${view}`);
    await page.reload();
    await expect(page.locator(`nav [data-view="${view}"]`)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.addScriptTag({ content: axeSource });
    const violations: Violation[] = await page.evaluate(async () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return result.violations;
    });
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
    expect(serious).toEqual([]);
  });
}

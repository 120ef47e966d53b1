import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const example = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const views = ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'exports', 'plans'];

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

// axe-core is injected as a script, which the app's Content-Security-Policy
// forbids (no inline script): this context alone sets the policy aside.
test.use({ bypassCSP: true });

for (const view of views) {
  test(`the ${view} view has no serious or critical accessibility violation (axe-core)`, async ({ page }) => {
    await page.goto('/');
    await page.evaluate((text) => { localStorage.clear(); localStorage.setItem('fleetplan.plan', text); }, example);
    await page.goto(`/#${view}`);
    await page.reload();
    await expect(page.locator(`nav [data-view="${view}"]`)).toHaveAttribute('aria-current', 'page');
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

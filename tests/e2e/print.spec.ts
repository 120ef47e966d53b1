import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Prints the Overview, Compare and the Pivot to PDF as Chromium's "Save as
// PDF" does (style/print.css) and reads the pages back with poppler's
// pdftotext: every page names the plan, scenario, period and print date,
// every amount the page shows is printed whole, and page 1 is not left
// half empty. The PDFs stay in a temp folder to look at (pdftoppm -png).

const planText = readFileSync(resolve(__dirname, '../../docs/example-plan.json'), 'utf8');
const planName = JSON.parse(planText).plan.name as string;
const outDir = mkdtempSync(join(tmpdir(), 'fleetplan-print-'));

function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${tool} failed (${run.error?.message ?? run.stderr}): the print test reads PDFs with Debian's ` +
        'poppler-utils; scripts/setup installs it (apt-get install poppler-utils)',
    );
  }
  return run.stdout;
}

test.beforeAll(() => {
  // Nothing is skipped: without pdftotext the tests fail here, saying why.
  poppler('pdftotext', ['-v']);
});

type Lang = 'en' | 'ja';
interface Case {
  view: 'overview' | 'compare' | 'pivot';
  ready: string;
  /** A fiscal-year button to press before printing. */
  pick?: string;
  period: Record<Lang, string>;
  /** Compare names every scenario it sets side by side. */
  scenarios?: Record<Lang, string>;
}

const cases: Case[] = [
  {
    view: 'overview',
    ready: 'kpi-total',
    period: {
      en: 'FY2026 (Apr 2026 – Mar 2027); charts Apr 2026 – Mar 2028',
      ja: '2026年度（2026年4月～2027年3月）、グラフは2026年4月～2028年3月',
    },
  },
  {
    // Compare opens on the whole horizon, and now says so on paper.
    view: 'compare',
    ready: 'compare-total',
    period: { en: 'Whole horizon (Apr 2026 – Mar 2028)', ja: '計画期間全体（2026年4月～2028年3月）' },
    scenarios: { en: 'Scenarios: Base, Aggressive', ja: 'シナリオ：Base、Aggressive' },
  },
  {
    view: 'pivot',
    ready: 'pivot-table',
    pick: '[data-testid="pivot-years"] [data-fy="FY2027"]',
    period: { en: 'FY2027 (Apr 2027 – Mar 2028)', ja: '2027年度（2027年4月～2028年3月）' },
  },
];

const head = {
  en: { scenario: 'Scenario: Base', period: 'Period: ', printed: 'Printed: 7 Dec 2026' },
  ja: { scenario: 'シナリオ：Base', period: '対象期間：', printed: '印刷日：2026年12月7日' },
};

async function open(page: Page, lang: Lang, c: Case) {
  await page.clock.setFixedTime(new Date('2026-12-07T10:00:00'));
  await page.goto('/');
  await page.evaluate(
    ([text, code]) => {
      localStorage.clear();
      localStorage.setItem('fleetplan.plan', text);
      localStorage.setItem('fleetplan.language', code);
    },
    [planText, lang],
  );
  await page.goto(`/#${c.view}`);
  await page.reload();
  await expect(page.getByTestId(c.ready).first()).toBeVisible();
  if (c.pick) {
    await page.locator(c.pick).click();
    await expect(page.locator(c.pick)).toHaveAttribute('aria-pressed', 'true');
  }
}

/** What the printed page shows: amounts (¥1,234 and up) and, in Japanese, month counts ("12か月"). */
async function figuresShown(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll('main td, main th, main .kpi-value, main .kpi-note, main .figure, main .difference')]
      .filter((e) => e.checkVisibility())
      .map((e) => (e as HTMLElement).innerText),
  );
  const found = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/[-+−]?[¥$]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+か月/g)) found.add(m[0]);
  }
  return [...found];
}

/** Page 1's lowest line of text, as a share of the page's height. */
function firstPageFilled(file: string): number {
  const html = poppler('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-']);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
  const bottoms = [...html.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1]));
  return Math.max(...bottoms) / height;
}

for (const lang of ['en', 'ja'] as const) {
  for (const c of cases) {
    test(`${c.view} prints with its plan, scenario, period and date on every page, no figure split (${lang})`, async ({
      page,
    }) => {
      await open(page, lang, c);
      await page.emulateMedia({ media: 'print' });
      const shown = await figuresShown(page);
      expect(shown.length, 'figures on the page').toBeGreaterThan(10);

      const file = join(outDir, `${c.view}-${lang}.pdf`);
      await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
      console.log(`printed ${file}`);
      const text = poppler('pdftotext', ['-layout', file, '-']);
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(0);

      // The running head on every page, each part whole on its line.
      pages.forEach((p, i) => {
        const lines = p.split('\n').map((l) => l.replace(/\s+/g, ' '));
        const where = `page ${i + 1} of ${c.view} (${lang})`;
        const scenario = c.scenarios?.[lang] ?? head[lang].scenario;
        for (const part of [planName, scenario, head[lang].period + c.period[lang], head[lang].printed]) {
          expect(lines.some((l) => l.includes(part)), `${where} names "${part}"`).toBe(true);
        }
      });

      // No figure wraps inside itself: every one shown is printed whole,
      // and no line ends inside one ("¥1,940,679,42 / 2", "12か / 月").
      // pdftotext may set a gap where the font changes ("12 か月"), never a line break.
      const flat = text.replace(/[ \t]+/g, ' ');
      const whole = (f: string) => (f.endsWith('か月') ? new RegExp(`${f.slice(0, -2)} ?か月`).test(flat) : flat.includes(f));
      const missing = shown.filter((f) => !whole(f));
      expect(missing, `figures not printed whole in ${c.view} (${lang})`).toEqual([]);
      const broken = text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => /\d,\d{0,2}$|\d[,.]$|\dか$/.test(l));
      expect(broken, 'lines ending inside a figure').toEqual([]);

      // A4, and the pivot across landscape pages.
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(poppler('pdfinfo', [file]));
      const [w, h] = [Number(size?.[1]), Number(size?.[2])];
      expect([Math.round(Math.min(w, h)), Math.round(Math.max(w, h))]).toEqual([595, 842]);
      expect(w > h, 'landscape').toBe(c.view === 'pivot');

      // Page 1 is used before the next one starts.
      if (pages.length > 1) expect(firstPageFilled(file), 'page 1 filled').toBeGreaterThan(0.8);
    });
  }
}

#!/usr/bin/env node
// Puts the screenshots of each view in the three engines side by side, one
// PNG per view, to look at what differs:
//   node tests/browsers/run.mjs --journeys views --screenshots /tmp/shots
//   node tests/browsers/side-by-side.mjs /tmp/shots        # writes /tmp/shots/side-<view>.png
// Drawn by Debian's Chromium through Playwright (no downloaded browser).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { VIEWS } from './journeys.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: side-by-side.mjs SCREENSHOT_DIR');
  process.exit(2);
}
const engines = ['chromium', 'firefox', 'webkit'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1950, height: 800 } });
for (const view of VIEWS) {
  const cells = engines
    .map((engine) => {
      const path = join(dir, `${engine}-${view}.png`);
      const img = existsSync(path) ? `<img src="data:image/png;base64,${readFileSync(path).toString('base64')}">` : '<p>(none)</p>';
      return `<figure><figcaption>${engine} · ${view}</figcaption>${img}</figure>`;
    })
    .join('');
  await page.setContent(`<style>
      body { margin: 0; display: flex; gap: 6px; font: 14px sans-serif; background: #888; }
      figure { margin: 0; width: 646px; background: #fff; } img { width: 646px; display: block; }
      figcaption { padding: 4px; background: #222; color: #fff; }
    </style>${cells}`);
  await page.screenshot({ path: join(dir, `side-${view}.png`), fullPage: true });
}
await browser.close();
console.log(`side by side: ${dir}/side-<view>.png`);

import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const [url, planFile, mode] = process.argv.slice(2);
const plan = readFileSync(planFile, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.evaluate((t) => { localStorage.clear(); localStorage.setItem('fleetplan.plan', t); }, plan);
await page.goto(url + '#headcount'); await page.reload();
await page.waitForSelector('[data-testid="position-row"]');
await page.waitForTimeout(500);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
if (mode === 'edit') {
  await page.evaluate(async () => {
    for (let i = 0; i < 10; i++) {
      const input = document.querySelector('[data-testid="position-row"] input[data-field="salary"]');
      input.value = String(6000000 + (i + 1) * 1000);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 100));
    }
  });
} else {
  await page.evaluate(async () => {
    const box = document.querySelector('[data-testid="roster-scroll"]');
    for (let i = 0; i < 60; i++) { box.scrollTop += 37; await new Promise((r) => requestAnimationFrame(r)); }
  });
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
for (let i = 0; i < profile.samples.length; i++) { const n = byId.get(profile.samples[i]); const name = n.callFrame.functionName || '(' + n.callFrame.url.split('/').pop() + ')'; self.set(name, (self.get(name) || 0) + dt[i]); total += dt[i]; }
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
console.log('total ms', (total / 1000).toFixed(1));
for (const [k, v] of top) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 150));
await browser.close();

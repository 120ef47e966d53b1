// The core journeys, the same steps in every engine. Each one gets a new
// session (a clean profile) and the base URL of the release bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTER = '\uE007';

export const VIEWS = ['overview', 'headcount', 'teams', 'bands', 'cloud', 'assumptions', 'scenarios', 'compare', 'exports', 'plans'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails the journey when the crash banner is up (a panic, a trap or an uncaught error). */
async function noCrash(s, where) {
  const crashed = await s.run(() => {
    const banner = document.getElementById('crash-banner');
    return banner && !banner.hidden ? banner.textContent : null;
  });
  if (crashed) throw new Error(`the planner crashed (${where}): ${crashed.trim().slice(0, 300)}`);
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

async function open(s, base) {
  await s.goto(`${base}/`);
  await s.element('[data-testid="plan-name"]', 30_000);
}

async function goTo(s, view) {
  await s.click(`nav [data-view="${view}"]`);
  await s.waitFor((v) => document.querySelector(`nav [data-view="${v}"]`)?.getAttribute('aria-current') === 'page', [view], `${view} is the current view`);
  await noCrash(s, view);
}

async function saved(s) {
  await s.waitFor(() => document.querySelector('[data-testid="save-state"]')?.dataset.state === 'saved', [], 'the plan is saved');
}

/** Creates the demo plan from the empty Overview's start buttons. */
async function demo(s, base) {
  await open(s, base);
  await goTo(s, 'overview');
  await s.click('[data-start="demo"]');
  await s.waitFor(() => document.querySelector('[data-testid="kpi-total"]') !== null, [], 'the demo plan shows its totals');
  await saved(s);
}

/** Records every download the page starts (file name and bytes), and lets
 * the browser go on with it. Installed again after each load. */
async function recordDownloads(s) {
  await s.run(() => {
    if (window.__downloads) return;
    window.__downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = create.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = blobs.get(this.href);
      if (blob && this.download) window.__downloads.push({ name: this.download, blob });
      return click.call(this);
    };
  });
}

/** The downloads recorded since the last call: [{ name, bytes }]. */
async function takeDownloads(s) {
  const list = await s.runAsync(async () => {
    const out = [];
    for (const { name, blob } of window.__downloads.splice(0)) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      out.push({ name, base64: btoa(binary) });
    }
    return out;
  });
  return list.map(({ name, base64 }) => ({ name, bytes: Buffer.from(base64, 'base64') }));
}

/** Clicks `css` and returns the one file it downloads. */
async function download(s, css) {
  await s.click(css);
  await s.waitFor(() => window.__downloads.length > 0, [], `${css} downloads a file`);
  const [file] = await takeDownloads(s);
  return file;
}

/** The native CLI, as the Playwright tests run it (built by the native tests). */
function cli(args) {
  const binary = join(ROOT, 'target/debug/fleetplan-cli');
  if (!existsSync(binary)) execFileSync('cargo', ['build', '--quiet', '--bin', 'fleetplan-cli'], { cwd: ROOT, stdio: 'inherit' });
  return execFileSync(binary, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
}

/** Waits until the browser has written `name` into the session's download
 * folder with these bytes, when it does (a second file of the same name may
 * be saved as "name (1).ext" or "name(1).ext"). */
async function landed(s, name, bytes) {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  const same = (file) => file === name || (file.startsWith(stem) && file.endsWith(ext) && /^ ?\(\d+\)$/.test(file.slice(stem.length, -ext.length)));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const file of readdirSync(s.downloads).filter(same)) {
      if (readFileSync(join(s.downloads, file)).equals(bytes)) return;
    }
    await sleep(100);
  }
  throw new Error(`${name} never reached the download folder intact (found: ${readdirSync(s.downloads).join(', ') || 'nothing'})`);
}

// Chromium and Firefox are told where to save downloads; WebKitGTK's
// MiniBrowser under automation is not, so there only the bytes handed to
// the browser are checked.
const SAVES_DOWNLOADS = new Set(['chromium', 'firefox']);

export const JOURNEYS = {
  /** Open, create the demo plan, visit every view. */
  async views(s, { base, screenshots }) {
    await demo(s, base);
    for (const view of VIEWS) {
      await goTo(s, view);
      // Each view shows something of its own under the navigation.
      await s.waitFor(() => (document.querySelector('main')?.textContent ?? '').trim().length > 40, [], `${view} has content`);
      if (screenshots) {
        await sleep(300);
        writeFileSync(join(screenshots, `${s.engine}-${view}.png`), await s.screenshot());
      }
    }
    const name = await s.run(() => document.querySelector('[data-testid="plan-name"]').value);
    check(/^Demo FY\d{4} plan$/.test(name), `the demo plan is named "${name}"`);
  },

  /** Edit a salary, see the totals change, reload and find the edit. */
  async salary(s, { base }) {
    await demo(s, base);
    await goTo(s, 'headcount');
    const before = await s.waitText('[data-testid="annual-total"]', (t) => /\d/.test(t));
    const salary = '[data-testid="position-row"] input[data-field="salary"]';
    const old = await s.run((c) => document.querySelector(c).value, salary);
    await s.type(salary, `25,000,000${ENTER}`);
    await s.waitFor((c) => document.querySelector(c).value.replace(/\D/g, '') === '25000000', [salary], 'the salary field holds the new salary');
    const after = await s.waitText('[data-testid="annual-total"]', (t) => t !== before && /\d/.test(t));
    check(old.replace(/\D/g, '') !== '25000000', `the first salary was already ${old}`);
    await saved(s);
    await s.reload();
    await goTo(s, 'headcount');
    await s.waitFor((c) => document.querySelector(c)?.value.replace(/\D/g, '') === '25000000', [salary], 'the edit is there after a reload');
    await s.waitText('[data-testid="annual-total"]', after);
  },

  /** Import a roster CSV, then download every export: the same bytes as the CLI's. */
  async exports(s, { base }) {
    await demo(s, base);
    await recordDownloads(s);
    await goTo(s, 'plans');
    const plan = JSON.parse((await download(s, '[data-testid="backup-download"]')).bytes.toString('utf8'));
    const month = plan.plan.horizon.start;
    const csv =
      '\ufefftitle,team,level,salary,start,status\r\n' +
      `SRE hire,SRE,Mid,"6,000,000",${month}-01,planned\r\n` +
      `Analyst,Data,Senior,8400000,${month}-01,open\r\n`;
    const dir = mkdtempSync(join(tmpdir(), 'fleetplan-journey-'));
    const roster = join(dir, 'hires.csv');
    writeFileSync(roster, csv);
    await goTo(s, 'exports');
    await s.upload('[data-testid="import-file"]', roster);
    await s.waitText('[data-testid="import-preview"]', (t) => t.includes('2 to add, 0 to change'));
    await s.click('[data-testid="import-confirm"]');
    await s.waitText('[data-testid="import-done"]', (t) => t.includes('2 added'));
    await saved(s);

    // The plan as the browser now holds it, then each export against the CLI's.
    await goTo(s, 'plans');
    const backup = await download(s, '[data-testid="backup-download"]');
    if (SAVES_DOWNLOADS.has(s.engine)) await landed(s, backup.name, backup.bytes);
    const planPath = join(dir, 'plan.json');
    writeFileSync(planPath, backup.bytes);
    const imported = JSON.parse(backup.bytes.toString('utf8')).plan.scenarios[0].positions;
    check(imported.length === plan.plan.scenarios[0].positions.length + 2, `the plan file has ${imported.length} positions after the import`);
    await goTo(s, 'exports');
    const baseName = plan.plan.scenarios[0].name;
    for (const kind of ['ledger', 'summary', 'roster', 'comparison']) {
      const file = await download(s, `[data-testid="export-${kind}"]`);
      check(file.name.endsWith(`_${kind}_${file.name.match(/(\d{4}-\d{2}-\d{2})\.csv$/)?.[1]}.csv`), `${kind}: file name ${file.name}`);
      const args = kind === 'comparison' ? ['--base', baseName] : [];
      const expected = cli(['export', planPath, '--kind', kind, ...args]);
      check(file.bytes.equals(expected), `${kind}: the browser's ${file.bytes.length} bytes differ from the CLI's ${expected.length}`);
      if (SAVES_DOWNLOADS.has(s.engine)) await landed(s, file.name, file.bytes);
    }
    await noCrash(s, 'exports');
  },

  /** Switch the language: the page is in Japanese, and still after a reload. */
  async language(s, { base }) {
    await demo(s, base);
    await goTo(s, 'headcount');
    await s.click('#language option[value="ja"]');
    await s.waitFor(() => document.documentElement.lang === 'ja', [], '<html lang="ja">');
    await s.waitText('nav [data-view="headcount"]', (t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t));
    await s.waitText('[data-testid="annual-total"]', (t) => t.startsWith('¥'));
    await s.reload();
    await s.waitFor(() => document.documentElement.lang === 'ja', [], 'Japanese after a reload');
    await s.waitText('nav [data-view="overview"]', (t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t));
    for (const view of VIEWS) await goTo(s, view);
    // And back.
    await s.click('#language option[value="en"]');
    await s.waitText('nav [data-view="overview"]', 'Overview');
  },

  /** Copy link, open the link: the plan is offered, and imported as a new plan. */
  async link(s, { base }) {
    await demo(s, base);
    await goTo(s, 'plans');
    await s.click('[data-testid="share-link-copy"]');
    // Copied, or refused by the browser under automation: the link shows either way.
    const link = await s.waitFor(() => document.querySelector('[data-testid="share-link-url"]')?.value, [], 'the link is shown');
    check(/#plan=1\.[A-Za-z0-9_-]+$/.test(link) && link.length < 8000, `the link: ${link.length} characters`);
    await s.goto('about:blank');
    await s.goto(link);
    await s.waitText('[data-testid="shared-plan"]', (t) => t.includes('60 positions'));
    await s.click('[data-testid="shared-plan-import"]');
    await s.waitFor(() => /^Demo FY\d{4} plan \(2\)$/.test(document.querySelector('[data-testid="plan-name"]')?.value), [], 'the shared plan is open as a new plan');
    check(!(await s.run(() => location.hash)).includes('plan='), 'the address no longer carries the plan');
    await goTo(s, 'plans');
    await s.waitFor(() => document.querySelectorAll('[data-testid="plan-row"]').length === 3, [], 'three plans on the device');
  },

  /** After a first load, the planner reloads and edits with its server gone. */
  async offline(s, { serve }) {
    const server = await serve();
    try {
      await demo(s, server.base);
      await s.waitFor(() => navigator.serviceWorker?.controller != null, [], 'the service worker controls the page', 20_000);
      await goTo(s, 'headcount');
      const salary = '[data-testid="position-row"] input[data-field="salary"]';
      await s.type(salary, `21000000${ENTER}`);
      const total = await s.waitText('[data-testid="annual-total"]', (t) => /\d/.test(t));
      await saved(s);
      server.stop();
      await sleep(200);
      await s.reload();
      await goTo(s, 'headcount');
      await s.waitFor((c) => document.querySelector(c)?.value.replace(/\D/g, '') === '21000000', [salary], 'the edit, offline');
      await s.waitText('[data-testid="annual-total"]', total);
      await s.type(salary, `22000000${ENTER}`);
      await s.waitText('[data-testid="annual-total"]', (t) => t !== total);
      await saved(s);
      for (const view of VIEWS) await goTo(s, view);
    } finally {
      server.stop();
    }
  },
};

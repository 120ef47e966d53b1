// The release bundle's sizes (raw, gzip -9, brotli 11) as scripts/build left
// it: the first load (what index.html and the main script pull in before the
// Overview is interactive), then each view's chunks, then everything.
// Usage: node scripts/bundle-size.mjs [DIST]   (default: dist)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const sizes = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const add = (files) =>
  files.reduce(
    (sum, f) => {
      const s = sizes(f);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli, files: sum.files + 1 };
    },
    { raw: 0, gzip: 0, brotli: 0, files: 0 },
  );

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const named = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]).filter((f) => !f.endsWith('.svg'));
const loaderFile = readdirSync(dist).find((f) => /^wasm_split-[0-9a-f]{16}\.js$/.test(f));
const firstLoad = [...named, loaderFile];
const loader = readFileSync(join(dist, loaderFile), 'utf8');

// `const __chunk_N = makeLoad(() => { ... new URL("./FILE" ... }, [DEPS])`
// and `export const __wasm_split_load_VIEW = wrapAsyncCb(makeLoad(...))`.
const modules = new Map();
for (const m of loader.matchAll(/(?:const (__chunk_\w+)|export const __wasm_split_load_(\w+)) = [\s\S]*?new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)/g)) {
  const name = m[1] ?? `view:${m[2]}`;
  modules.set(name, { file: m[3], deps: m[4].split(',').map((d) => d.trim()).filter(Boolean) });
}
const filesOf = (name, seen = new Set()) => {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const d of modules.get(name).deps) filesOf(d, seen);
  return seen;
};

const row = (label, s) =>
  `| ${label} | ${s.files} | ${s.raw.toLocaleString('en')} | ${s.gzip.toLocaleString('en')} | ${s.brotli.toLocaleString('en')} |`;
console.log('| Part | Files | Raw (bytes) | gzip -9 | brotli 11 |');
console.log('|---|---:|---:|---:|---:|');
console.log(row('First load: Overview interactive (wasm + js + css)', add(firstLoad)));
const views = [...modules.keys()].filter((k) => k.startsWith('view:')).sort();
for (const view of views) {
  const files = [...filesOf(view)].map((n) => modules.get(n).file);
  console.log(row(`+ ${view.slice(5)} view (its chunks)`, add(files)));
}
const all = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
console.log(row('Every file of the app', add(all)));
const wasm = all.filter((f) => f.endsWith('.wasm'));
console.log(row('Every wasm module', add(wasm)));

// The release bundle's last steps (scripts/build runs cargo, wasm-split-cli
// and wasm-bindgen first): wasm-opt -Oz on every module, content-hashed names for
// every file (chunks included), index.html with its tags and integrity
// hashes, and a .br and a .gz beside every file for scripts/serve.
//
// Usage: node scripts/bundle.mjs WORK DIST
//   WORK/split    wasm-split-cli's output (chunks and __wasm_split.js)
//   WORK/bindgen  wasm-bindgen's output for the main module (fleetplan.js, fleetplan_bg.wasm)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
// npm's binaryen (scripts/setup): wasm-opt 132 as a library.
import binaryen from 'binaryen';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [work, dist] = process.argv.slice(2);
if (!work || !dist) throw new Error('usage: node scripts/bundle.mjs WORK DIST');
const root = new URL('..', import.meta.url).pathname;
// The features rustc's wasm32 output uses; wasm-split drops the section
// that would tell wasm-opt so.
const FEATURES =
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SignExt |
  binaryen.Features.MutableGlobals |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue;

const hashOf = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const opt = join(work, 'opt');
rmSync(opt, { recursive: true, force: true });
mkdirSync(opt, { recursive: true });

const split = join(work, 'split');
const bindgen = join(work, 'bindgen');
let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');

// 1. The small shared chunks merged into one module (wasm-split-prototype#65:
// the splitter makes a chunk of every combination of views sharing code,
// 166 of them today, most a few KB; a view needing 90 of them waited for 90
// requests and instantiations). A view's split module and the large
// chunks stay as they are.
const merged = mergeSmallChunks();

// 2. wasm-opt -Oz on the main module and every chunk, in this process
// (binaryen's API): one wasm-opt process per module would start Node 200 times.
const modules = [[join(bindgen, 'fleetplan_bg.wasm'), join(opt, 'fleetplan_bg.wasm')]];
for (const f of readdirSync(split)) {
  if (f.endsWith('.wasm') && f !== 'fleetplan.wasm' && !merged.has(f)) modules.push([join(split, f), join(opt, f)]);
}
if (merged.size > 0) modules.push([join(work, 'chunk_small.wasm'), join(opt, 'chunk_small.wasm')]);
// The module without its "name" section: the bundle ships no names, and
// binaryen warns about every subsection of it that it does not know.
function withoutNames(bytes) {
  const kept = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      size |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    const end = at + size;
    let custom = '';
    if (id === 0) {
      const length = bytes[at]; // names up to 127 bytes: one LEB byte
      custom = Buffer.from(bytes.subarray(at + 1, at + 1 + length)).toString();
    }
    if (custom !== 'name') kept.push(bytes.subarray(start, end));
    at = end;
  }
  return Buffer.concat(kept);
}

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
for (const [input, output] of modules) {
  const module = binaryen.readBinary(withoutNames(readFileSync(input)));
  module.setFeatures(FEATURES);
  module.optimize();
  writeFileSync(output, module.emitBinary());
  module.dispose();
}

// 3. Chunks under hashed names; the loader fetches them by those names.
const chunks = [];
for (const f of readdirSync(opt)) {
  if (f === 'fleetplan_bg.wasm') continue;
  const bytes = readFileSync(join(opt, f));
  const name = `${basename(f, '.wasm')}-${hashOf(bytes)}.wasm`;
  writeFileSync(join(dist, name), bytes);
  const reference = `new URL("./${f}", import.meta.url)`;
  if (!loader.includes(reference)) throw new Error(`__wasm_split.js does not load ${f}`);
  loader = loader.replaceAll(reference, `new URL("./${name}", import.meta.url)`);
  chunks.push({ file: f, name, bytes: bytes.length });
}

// The landing view's modules are compiled while the main module loads
// (boot.js, below, puts them in `__fleetplanEarly` by path): a module
// found there is instantiated from it, else fetched as the splitter does.
// A failed early compile falls back to a fresh fetch.
const fetchBlock = /    const src = fetch\((new URL\("\.\/[^"]+", import\.meta\.url\))\);\n    src\.catch\(\(\) => \{\}\);\n    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n/g;
const blocks = loader.match(fetchBlock)?.length ?? 0;
if (blocks !== chunks.length) throw new Error(`the split loader fetches ${blocks} modules in a form scripts/bundle.mjs knows, not ${chunks.length}`);
loader = loader.replace(fetchBlock, (_, url) => `    return fetchModule(${url});\n`);
loader += `
function fetchModule(url) {
    const early = globalThis.__fleetplanEarly;
    const compiled = early?.get(url.pathname);
    early?.delete(url.pathname);
    const src = compiled ? undefined : fetch(url);
    src?.catch(() => {});
    return async (imports) => {
        if (compiled) {
            const module = await compiled.catch(() => undefined);
            if (module) return { module, instance: await WebAssembly.instantiate(module, imports) };
            return WebAssembly.instantiateStreaming(fetch(url), imports);
        }
        return WebAssembly.instantiateStreaming(src, imports);
    };
}
`;

// 4. The main module and the two scripts that import each other: one hash
// over all three, as each names the other.
const mainWasm = readFileSync(join(opt, 'fleetplan_bg.wasm'));
let glue = readFileSync(join(bindgen, 'fleetplan.js'), 'utf8');
const appHash = hashOf(mainWasm, glue, loader);
const glueName = `fleetplan-${appHash}.js`;
const wasmName = `fleetplan-${appHash}_bg.wasm`;
const loaderName = `wasm_split-${appHash}.js`;
// Only the JS imports change: the wasm module still names its import module
// "./__wasm_split.js", the key of the imports object.
if (!glue.includes('from "./__wasm_split.js"')) throw new Error('fleetplan.js does not import __wasm_split.js');
glue = glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
if (!loader.includes('from "./fleetplan.js"')) throw new Error('__wasm_split.js does not import fleetplan.js');
loader = loader.replaceAll('from "./fleetplan.js"', `from "./${glueName}"`);
writeFileSync(join(dist, wasmName), mainWasm);
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, loaderName), loader);

// What index.html names gets a hash too; `hashed` copies SOURCE into dist.
const hashed = (source) => {
  const bytes = readFileSync(join(root, source));
  const ext = extname(source);
  const name = `${basename(source, ext)}-${hashOf(bytes)}${ext}`;
  writeFileSync(join(dist, name), bytes);
  return { href: `/${name}`, integrity: integrity(bytes) };
};

// Each view's chunks, its own and those it shares, from the loader:
// `const __chunk_N = makeLoad(() => { ... new URL("./FILE" ... }, [DEPS])`
// and `export const __wasm_split_load_VIEW = wrapAsyncCb(makeLoad(...))`.
const loads = new Map();
for (const m of loader.matchAll(/(?:const (__chunk_\w+)|export const __wasm_split_load_(\w+)) = [\s\S]*?new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)/g)) {
  loads.set(m[1] ?? `view:${m[2]}`, { file: m[3], deps: m[4].split(',').map((d) => d.trim()).filter(Boolean) });
}
const filesOf = (name, seen = new Set()) => {
  if (!seen.has(name)) {
    seen.add(name);
    for (const d of loads.get(name).deps) filesOf(d, seen);
  }
  return seen;
};
const viewChunks = {};
for (const name of loads.keys()) {
  if (name.startsWith('view:')) viewChunks[name.slice(5)] = [...filesOf(name)].map((n) => loads.get(n).file).sort();
}
if (Object.keys(viewChunks).length === 0) throw new Error('no view found in the split loader');

// The page starts the app from a file of its own: the CSP allows no inline
// script. A view named in the address is the landing view: its modules are
// fetched and compiled while the main module loads (the loader then
// instantiates them from `__fleetplanEarly`), not after.
const boot = `const chunks = ${JSON.stringify(viewChunks)};
const early = new Map();
for (const file of chunks[location.hash.slice(1)] ?? []) {
  const compiled = WebAssembly.compileStreaming(fetch('/' + file));
  compiled.catch(() => {});
  early.set('/' + file, compiled);
}
window.__fleetplanEarly = early;
import init, * as bindings from '/${glueName}';
const wasm = await init({ module_or_path: '/${wasmName}' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
`;
const bootName = `boot-${hashOf(boot)}.js`;
writeFileSync(join(dist, bootName), boot);

// 5. index.html: the data-trunk tags become plain tags with hashed names.
let html = readFileSync(join(root, 'index.html'), 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
html = html.replace(/<(script|link) data-trunk\b[^>]*>(?:<\/script>)?/g, (tag, element) => {
  if (element === 'script') {
    const { href, integrity: sri } = hashed(attr(tag, 'src'));
    return `<script src="${href}" integrity="${sri}"></script>`;
  }
  const rel = attr(tag, 'rel');
  if (rel === 'rust') {
    return [
      `<script type="module" src="/${bootName}"></script>`,
      `<link rel="modulepreload" href="/${glueName}" crossorigin="anonymous" integrity="${integrity(glue)}">`,
      `<link rel="preload" href="/${wasmName}" crossorigin="anonymous" integrity="${integrity(mainWasm)}" as="fetch" type="application/wasm">`,
    ].join('\n    ');
  }
  if (rel === 'css') {
    const { href, integrity: sri } = hashed(attr(tag, 'href'));
    return `<link rel="stylesheet" href="${href}" integrity="${sri}"/>`;
  }
  if (rel === 'icon') {
    const { href, integrity: sri } = hashed(attr(tag, 'href'));
    return `<link rel="icon" type="${attr(tag, 'type')}" href="${href}" integrity="${sri}"/>`;
  }
  if (rel === 'copy-file') {
    const source = attr(tag, 'href');
    copyFileSync(join(root, source), join(dist, basename(source)));
    return '';
  }
  throw new Error(`scripts/bundle.mjs does not know ${tag}`);
});
writeFileSync(join(dist, 'index.html'), html);

// 6. A .br and a .gz beside every file.
for (const f of readdirSync(dist)) {
  const bytes = readFileSync(join(dist, f));
  writeFileSync(
    join(dist, `${f}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  );
  writeFileSync(join(dist, `${f}.gz`), gzipSync(bytes, { level: 9 }));
}

// 7. A manifest of what was built (scripts/bundle-size reads it).
writeFileSync(
  join(work, 'chunks.json'),
  JSON.stringify({ main: { glue: glueName, wasm: wasmName, loader: loaderName, boot: bootName }, chunks }, null, 2),
);
console.log(`bundle: ${dist}: main module ${mainWasm.length} bytes, ${chunks.length} chunks`);

/**
 * Merges the chunks smaller than SMALL_CHUNK bytes into
 * WORK/chunk_small.wasm (WORK/split stays as the splitter wrote it) and
 * points the loader's dependencies at it; returns the names of the files
 * merged.
 *
 * A chunk imports only the main module's exports (memory, table, stack
 * pointer, functions), all from "__wasm_split", and places its code and
 * data at fixed table slots and addresses: chunks never overlap, so their
 * union is a valid module that installs all of them at once. wasm-merge
 * joins modules by resolving one's imports with another's exports, so a
 * hub module named "__wasm_split" re-exports every import the chunks use;
 * its own imports come from "__main" and are renamed back afterwards.
 * Each chunk is still loaded once: one loader for the merged module.
 */
function mergeSmallChunks() {
  const SMALL_CHUNK = Number(process.env.FLEETPLAN_SMALL_CHUNK ?? 24 * 1024);
  // `const __chunk_N = makeLoad(() => { ... new URL("./FILE", ...) ... }\n, []);`
  const declared = [...loader.matchAll(/const (__chunk_\d+) = makeLoad\([\s\S]*?new URL\("\.\/([^"]+)", import\.meta\.url\)[\s\S]*?\n, \[\]\);\n/g)];
  if (declared.length === 0) throw new Error('no chunk found in the split loader');
  const small = declared.filter((m) => readFileSync(join(split, m[2])).length < SMALL_CHUNK);
  if (small.length < 2) return new Set();

  // The hub: every distinct import of the small chunks, imported from
  // "__main" and exported under its own name.
  const hub = new binaryen.Module();
  hub.setFeatures(FEATURES);
  const seen = new Set();
  let n = 0;
  for (const m of small) {
    const chunk = binaryen.readBinary(withoutNames(readFileSync(join(split, m[2]))));
    chunk.setFeatures(FEATURES);
    const fresh = (base) => !seen.has(base) && seen.add(base);
    for (let i = 0; i < chunk.getNumFunctions(); i++) {
      const f = binaryen.getFunctionInfo(chunk.getFunctionByIndex(i));
      if (!f.module) continue;
      if (f.module !== '__wasm_split') throw new Error(`${m[2]} imports ${f.module}.${f.base}`);
      if (!fresh(f.base)) continue;
      hub.addFunctionImport(`f${n}`, '__main', f.base, f.params, f.results);
      hub.addFunctionExport(`f${n++}`, f.base);
    }
    for (let i = 0; i < chunk.getNumGlobals(); i++) {
      const g = binaryen.getGlobalInfo(chunk.getGlobalByIndex(i));
      if (!g.module || !fresh(g.base)) continue;
      hub.addGlobalImport(`g${n}`, '__main', g.base, g.type, g.mutable);
      hub.addGlobalExport(`g${n++}`, g.base);
    }
    for (let i = 0; i < chunk.getNumTables(); i++) {
      const t = binaryen.getTableInfo(chunk.getTableByIndex(i));
      if (!t.module || !fresh(t.base)) continue;
      hub.addTable(`t${n}`, t.initial, t.max ?? -1);
      hub.addTableImport(`t${n}`, '__main', t.base);
      hub.addTableExport(`t${n++}`, t.base);
    }
    if (chunk.hasMemory()) {
      const memory = chunk.getMemoryInfo();
      if (memory.module && fresh(memory.base)) {
        hub.setMemory(memory.initial, memory.max ?? -1, null, [], memory.shared, false, 'memory');
        hub.addMemoryImport('memory', '__main', memory.base, memory.shared);
        hub.addMemoryExport('memory', memory.base);
      }
    }
    chunk.dispose();
  }
  const hubFile = join(work, 'hub.wasm');
  writeFileSync(hubFile, hub.emitBinary());
  hub.dispose();

  // wasm-merge reads the chunks without their name sections, as wasm-opt
  // does below (binaryen warns about every subsection it does not know).
  const inputs = join(work, 'merge-inputs');
  rmSync(inputs, { recursive: true, force: true });
  mkdirSync(inputs, { recursive: true });
  for (const m of small) writeFileSync(join(inputs, m[2]), withoutNames(readFileSync(join(split, m[2]))));
  const joined = join(work, 'chunk_small.joined.wasm');
  const wasmMerge = join(root, 'node_modules', '.bin', 'wasm-merge');
  execFileSync(
    wasmMerge,
    [
      hubFile, '__wasm_split',
      ...small.flatMap((m, i) => [join(inputs, m[2]), `chunk${i}`]),
      '--rename-export-conflicts',
      '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
      '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
      '-o', joined,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // The merged module exports nothing (the hub's re-exports go) and
  // imports from "__wasm_split" as every chunk does.
  const module = binaryen.readBinary(readFileSync(joined));
  module.setFeatures(FEATURES);
  for (let i = module.getNumExports() - 1; i >= 0; i--) {
    module.removeExport(binaryen.getExportInfo(module.getExportByIndex(i)).name);
  }
  const text = module.emitText().replaceAll('(import "__main" ', '(import "__wasm_split" ');
  module.dispose();
  const renamed = binaryen.parseText(text);
  renamed.setFeatures(FEATURES);
  if (!renamed.validate()) throw new Error('the merged chunk does not validate');
  writeFileSync(join(work, 'chunk_small.wasm'), renamed.emitBinary());
  renamed.dispose();

  // The loader: one loader for the merged module in place of the small
  // chunks' own, and each view's dependencies named once.
  const mergedNames = new Set(small.map((m) => m[1]));
  // Declared as the splitter declares a chunk, where the first small one was.
  const declaration = small[0][0]
    .replace(`const ${small[0][1]} =`, 'const __chunk_small =')
    .replace(`new URL("./${small[0][2]}"`, 'new URL("./chunk_small.wasm"');
  for (const [i, m] of small.entries()) loader = loader.replace(m[0], i === 0 ? declaration : '');
  loader = loader.replace(/, \[([^\]]*)\]\)\)/g, (all, deps) => {
    const named = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => (mergedNames.has(d) ? '__chunk_small' : d));
    return `, [${[...new Set(named)].join(', ')}]))`;
  });
  console.log(`bundle: ${small.length} chunks under ${SMALL_CHUNK} bytes merged into chunk_small.wasm, ${declared.length - small.length} kept`);
  return new Set(small.map((m) => m[2]));
}

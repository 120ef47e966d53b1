// What the first-load module is made of, in brotli bytes: the function bodies
// of the split main module (before wasm-opt, while it still has its name
// section), grouped by the symbol they come from, and the module's sections.
// It answers "how small could the first load get without part X?": brotli
// shares are not additive, so each part is measured as "the code without it".
//
// Usage (after scripts/build):
//   node scripts/main-module-parts.mjs [target/split/bundle/split/fleetplan.wasm] [dist]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const input = process.argv[2] ?? 'target/split/bundle/split/fleetplan.wasm';
const dist = process.argv[3] ?? 'dist';
const bytes = readFileSync(input);
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// An unsigned LEB128 number of `buf` at `at`: [value, the offset after it].
function lebOf(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
// A module's sections: id, and where its contents start and end.
function sectionsOf(buf) {
  const sections = [];
  for (let at = 8; at < buf.length; ) {
    const id = buf[at++];
    const [size, start] = lebOf(buf, at);
    sections.push({ id, start, end: start + size, raw: buf.subarray(start, start + size) });
    at = start + size;
  }
  return sections;
}
const leb = (at) => lebOf(bytes, at);
const skipName = (at) => {
  const [length, next] = leb(at);
  return next + length;
};

// Sections, function bodies and the name section's function names.
let importedFunctions = 0;
const bodies = [];
const names = new Map();
for (const { id, start, end } of sectionsOf(bytes)) {
  if (id === 2) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      p = skipName(skipName(p));
      const kind = bytes[p++];
      if (kind === 0) {
        [, p] = leb(p);
        importedFunctions++;
      } else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const [flags, q] = leb(p);
        [, p] = leb(q);
        if (flags & 1) [, p] = leb(p);
      } else if (kind === 3) p += 2;
    }
  } else if (id === 10) {
    let [count, p] = leb(start);
    for (let i = 0; i < count; i++) {
      const [length, q] = leb(p);
      bodies.push(bytes.subarray(q, q + length));
      p = q + length;
    }
  } else if (id === 0) {
    const [length, q] = leb(start);
    if (bytes.subarray(q, q + length).toString() === 'name') {
      for (let p = q + length; p < end; ) {
        const sub = bytes[p++];
        const [subSize, r] = leb(p);
        if (sub === 1) {
          let [count, s] = leb(r);
          for (let i = 0; i < count; i++) {
            const [index, t] = leb(s);
            const [nameLength, u] = leb(t);
            names.set(index, bytes.subarray(u, u + nameLength).toString());
            s = u + nameLength;
          }
        }
        p = r + subSize;
      }
    }
  }
}
if (names.size === 0) throw new Error(`${input} has no name section: measure the module before wasm-opt`);

// wasm-bindgen removes its describe functions, so they are not counted.
const functions = bodies
  .map((body, i) => ({ name: names.get(importedFunctions + i) ?? '', body }))
  .filter((f) => !/__wbindgen_describe|WasmDescribe/.test(f.name));
const parts = [
  ['the stored plan: serde, serde_json, the record codec, the plan file, validation, storage',
    /serde|Serializ|Deserializ|Visitor|MapAccess|SeqAccess|format[.:0-9]+record|plan_json|validate|storage/],
  ['Leptos: reactive_graph, tachys, leptos', /reactive_graph|tachys|leptos/],
  ['the texts (i18n code)', /i18n/],
  ['the forecast engine and the rest of model', /fleetplan[.:0-9]+model/],
  ['the frame, the Overview and the shared widgets', /fleetplan[.:0-9]+ui/],
  ['Rust\'s core and alloc (formatting, sorting, maps, the allocator)', /(^|[^a-z])(core|alloc|hashbrown|dlmalloc)[.:0-9]/],
];
const all = brotli(Buffer.concat(functions.map((f) => f.body)));
const rows = [['all function bodies', functions.length, functions.reduce((n, f) => n + f.body.length, 0), all, '']];
for (const [label, pattern] of parts) {
  const inPart = functions.filter((f) => pattern.test(f.name));
  const rest = functions.filter((f) => !pattern.test(f.name));
  rows.push([
    label,
    inPart.length,
    inPart.reduce((n, f) => n + f.body.length, 0),
    brotli(Buffer.concat(inPart.map((f) => f.body))),
    brotli(Buffer.concat(rest.map((f) => f.body))),
  ]);
}
const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en') : n);
console.log(`${input}\n`);
console.log('| code | functions | raw | brotli 11 alone | brotli 11 of the code without it |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.map(fmt).join(' | ')} |`);

// The data section and the rest, as the served module has them (after
// wasm-bindgen and wasm-opt; the split module still exports every function
// the chunks import by its linker name).
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const named = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]);
const served = readFileSync(join(dist, named.find((f) => f.endsWith('_bg.wasm'))));
const servedSections = sectionsOf(served);
const section = (ids) => Buffer.concat(servedSections.filter((s) => ids.includes(s.id)).map((s) => s.raw));
const data = section([11]);
const japanese = (data.toString('utf8').match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;
console.log(`\nthe served main module: ${fmt(served.length)} bytes, brotli ${fmt(brotli(served))}; its code section brotli ${fmt(brotli(section([10])))}`);
console.log(`its data section: ${fmt(data.length)} bytes, brotli ${fmt(brotli(data))}; Japanese characters in it: ${fmt(japanese)} (${fmt(japanese * 3)} bytes of UTF-8)`);
console.log(`its other sections (types, imports, functions, tables, globals, exports, elements): brotli ${fmt(brotli(section([1, 2, 3, 4, 5, 6, 7, 8, 9, 12])))}`);

// The first load's other files.
const loader = readdirSync(dist).find((f) => /^wasm_split-[0-9a-f]{16}\.js$/.test(f));
const sum = (files) => files.reduce((n, f) => n + brotli(readFileSync(join(dist, f))), 0);
console.log(`first load besides the main module: js ${fmt(sum([...named.filter((f) => f.endsWith('.js')), loader]))}, css ${fmt(sum(named.filter((f) => f.endsWith('.css'))))} bytes brotli`);

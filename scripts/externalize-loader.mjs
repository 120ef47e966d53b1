// Trunk post_build hook: moves Trunk's inline module loader out of index.html
// into boot-<hash>.js, so the page runs under `script-src 'self'` without
// 'unsafe-inline'. Fails the build if it cannot find exactly one loader.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';

const indexPath = join(staging, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module"([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  (m) => !/\ssrc=/.test(m[1]),
);
if (inline.length !== 1) {
  throw new Error(`expected one inline module loader in index.html, found ${inline.length}`);
}
const [tag, , code] = inline[0];
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const file = `boot-${hash}.js`;
writeFileSync(join(staging, file), code.trim() + '\n');
writeFileSync(indexPath, html.replace(tag, `<script type="module" src="${publicUrl}${file}"></script>`));
console.log(`externalize-loader: moved the loader to ${file}`);

#!/usr/bin/env node
// Bundle sizes, gzip -9: each public entry built alone into one minified file, with lit external and bundled.
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const LIT = [/^lit($|\/)/, /^@lit\//];
const DEPS = [...LIT, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/];
// The shared core every widget reuses: api, store, contexts, base element and controllers, themes.
const CORE = /\/src\/(api|data|context|base|themes)\/|^\.\.?\/.*src\/(api|data|context|base|themes)\//;

async function measure(entry, external) {
  const out = mkdtempSync(join(tmpdir(), 'amw-size-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      outDir: out,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external, output: { minify: true, codeSplitting: false } },
    },
  });
  const file = readdirSync(out).find((f) => f.endsWith('.js'));
  const bytes = readFileSync(join(out, file));
  rmSync(out, { recursive: true, force: true });
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
export async function sizes() {
  const rows = [];
  const add = async (label, entry, external, budget) => {
    try {
      rows.push({ label, ...(await measure(entry, external)), budget });
    } catch (e) {
      rows.push({ label, raw: NaN, gzip: NaN, budget, error: String(e.message ?? e).split('\n')[0] });
    }
  };
  await add('core (api, store, contexts, base, themes), all deps external', 'src/index.ts', DEPS);
  await add('core with lit bundled', 'src/index.ts', [/^zod($|\/)/, /^dompurify$/, /^@lit-labs\//]);
  await add('Kazoo adapter, zod external', 'src/kazoo/index.ts', [/^zod($|\/)/]);
  await add('Kazoo adapter with zod/mini', 'src/kazoo/index.ts', []);
  for (const tag of readdirSync('components')) {
    const def = `components/${tag}/${tag}.define.ts`;
    if (!existsSync(def)) continue;
    await add(
      `<${tag}>: own code (lit and the shared core external)`,
      def,
      [...DEPS, CORE],
      tag === 'account-provider' ? undefined : 10 * 1024,
    );
    await add(`<${tag}> with the core it uses (lit external)`, def, DEPS);
  }
  if (existsSync('components/account-tree/account-tree.define.ts')) {
    await add(
      '<account-tree> with lit and virtualizer, adapter excluded',
      'components/account-tree/account-tree.define.ts',
      [/^dompurify$/],
      20 * 1024,
    );
  }
  const cdn = 'dist/cdn/account-manager-widgets.js';
  if (existsSync(cdn)) {
    const bytes = readFileSync(cdn);
    rows.push({
      label: 'CDN file (lit, adapter, zod/mini, every element)',
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      budget: 60 * 1024,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await sizes();
  console.log('| bundle | raw | gzip -9 | budget |\n| --- | --- | --- | --- |');
  for (const r of rows) {
    const verdict = r.error
      ? `not built: ${r.error}`
      : r.budget
        ? `${r.gzip <= r.budget ? '✓' : '✗'} ≤ ${kb(r.budget)}`
        : '';
    console.log(`| ${r.label} | ${kb(r.raw)} | ${kb(r.gzip)} | ${verdict} |`);
  }
}

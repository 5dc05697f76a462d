#!/usr/bin/env node
// Bundle sizes, gzip -9: each public entry built alone into one minified file, with lit external and bundled,
// and a React app that renders one wrapper from the built dist/.
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const LIT = [/^lit($|\/)/, /^@lit\//];
const DEPS = [...LIT, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/];
// The shared core every widget reuses: api, store, contexts, base element and controllers, themes.
const CORE = /\/src\/(api|data|context|base|themes)\/|^\.\.?\/.*src\/(api|data|context|base|themes)\//;

async function measure(entry, external, plugins = []) {
  const out = mkdtempSync(join(tmpdir(), 'amw-size-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins,
    // What an app's production build does: react-dom then drops its development build.
    define: { 'process.env.NODE_ENV': '"production"' },
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
  const add = async (label, entry, external, budget, plugins) => {
    try {
      rows.push({ label, ...(await measure(entry, external, plugins)), budget });
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
  // An integrator's React app that renders one wrapper, built from dist/ as the package ships it.
  const REACT = [/^react($|\/)/, /^react-dom($|\/)/];
  const reactHost = (from) => {
    const id = join(process.cwd(), `react-host-${from.replace(/\W/g, '-')}.virtual.js`);
    const code = `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountTree } from '${join(process.cwd(), from)}';
createRoot(document.body).render(createElement(AccountTree, { rootId: 'root', onAccountSelect: (e) => console.log(e.detail.account.id) }));
`;
    return [
      id,
      [{ name: 'react-host', resolveId: (s) => (s === id ? id : null), load: (s) => (s === id ? code : null) }],
    ];
  };
  if (existsSync('dist/lib/react/account-tree.js')) {
    const [one, onePlugins] = reactHost('dist/lib/react/account-tree.js');
    const [all, allPlugins] = reactHost('dist/lib/react/index.js');
    await add(
      'React app rendering AccountTree from react/account-tree.js (lit, element, core bundled), react + react-dom external',
      one,
      REACT,
      undefined,
      onePlugins,
    );
    await add(
      'The same React app with react + react-dom bundled too (production build)',
      one,
      [],
      undefined,
      onePlugins,
    );
    await add(
      'The same React app importing AccountTree from the react index, react + react-dom external',
      all,
      REACT,
      undefined,
      allPlugins,
    );
  } else {
    rows.push({
      label: 'React app rendering AccountTree',
      raw: NaN,
      gzip: NaN,
      error: 'run npm run build first',
    });
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

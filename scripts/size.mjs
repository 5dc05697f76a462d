#!/usr/bin/env node
// Bundle sizes, gzip -9. Each public entry built alone (code splitting on, minified) and counted as a page loads it:
// the initial size is the entry chunk and every chunk it imports statically, transitively; the chunks it imports
// dynamically (other languages' strings, dialogs, the manager's tabs) are counted apart, as lazy. Then a React app
// that renders one wrapper from the built dist/, and the CDN folder: the loader, a page with <account-provider> and
// <account-tree> measured in headless Chromium (scripts/cdn-page-size.mjs), each element's chunk, the one-file build.
// The CDN rows read dist/cdn as built (`npm run build` first); `--no-browser` leaves out the Chromium page.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ALL, LOADER, cdnGraph, elementChunk, measureCdnPage, staticClosure, sum } from './cdn-page-size.mjs';

const LIT = [/^lit($|\/)/, /^@lit\//];
const DEPS = [...LIT, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/];
// The shared core every widget reuses: api, store, contexts, base element and controllers, themes.
const CORE = /[\\/]src[\\/](api|data|context|base|themes)[\\/]/;
const KB = 1000;

/** External test on the resolved path too: relative imports (`../../src/base/…`) are matched by where they lead. */
function externals(patterns, paths = []) {
  return (id, importer) => {
    if (patterns.some((re) => re.test(id))) return true;
    const path = id.startsWith('.') && importer ? resolve(dirname(importer), id) : id;
    return paths.some((re) => re.test(path));
  };
}

/** What `<tag>` alone is made of: lit, the dependencies, the shared core and the other elements are external. */
const ownCode = (tag) =>
  externals(DEPS, [CORE, new RegExp(`[\\\\/]components[\\\\/](?!${tag}[\\\\/])[^\\\\/]+[\\\\/]`)]);

async function measure(entry, external, plugins = []) {
  const res = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    plugins,
    // What an app's production build does: react-dom then drops its development build.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      // An app's entry exports nothing to keep: what it shares with its lazy chunks may join it (one file, not
      // several small ones).
      rolldownOptions: { external, preserveEntrySignatures: 'allow-extension', output: { minify: true } },
    },
  });
  const chunks = (Array.isArray(res) ? res : [res]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (c) => {
    if (!c || initial.has(c.fileName)) return;
    initial.add(c.fileName);
    for (const i of c.imports) visit(byName.get(i));
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  const out = { raw: 0, gzip: 0, files: 0, lazy: { raw: 0, gzip: 0, files: 0 } };
  for (const c of chunks) {
    const bucket = initial.has(c.fileName) ? out : out.lazy;
    bucket.raw += Buffer.byteLength(c.code);
    bucket.gzip += gzipSync(c.code, { level: 9 }).length;
    bucket.files++;
  }
  return out;
}

export async function sizes({ browser = true } = {}) {
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
  await add('Kazoo adapter (what every page loads; the rest on first use)', 'src/kazoo/index.ts', []);
  const tags = readdirSync('components').filter((tag) => existsSync(`components/${tag}/${tag}.define.ts`));
  for (const tag of tags) {
    const def = `components/${tag}/${tag}.define.ts`;
    await add(
      `<${tag}>: own code (lit, deps, the shared core and other elements external)`,
      def,
      ownCode(tag),
      tag === 'account-provider' ? undefined : 10 * KB,
    );
    await add(`<${tag}> with the core and elements it uses (lit external)`, def, DEPS);
  }
  if (existsSync('components/account-tree/account-tree.define.ts')) {
    await add(
      '<account-tree> with lit, adapter excluded',
      'components/account-tree/account-tree.define.ts',
      [/^dompurify$/],
      20 * KB,
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
    rows.push({ label: 'React app rendering AccountTree', raw: NaN, gzip: NaN, error: 'run npm run build first' });
  }
  rows.push(...(await cdnRows({ browser })));
  return rows;
}

/** The CDN folder as built (dist/cdn): loader, the provider + tree page in Chromium, each element, `.all.js`. */
async function cdnRows({ browser }) {
  if (!existsSync(`dist/cdn/${LOADER}`)) {
    return [{ label: 'CDN loader', raw: NaN, gzip: NaN, error: 'run npm run build first' }];
  }
  const rows = [];
  const graph = cdnGraph();
  // What a set of files loads at once (initial) and what they can fetch later (lazy), as in measure().
  const figures = (entries, minus = new Set()) => {
    const initial = [...staticClosure(graph, entries)].filter((f) => !minus.has(f));
    const reach = new Set(initial);
    const lazy = new Set();
    const visit = (f) => {
      for (const d of graph.get(f)?.dynamicImports ?? []) {
        for (const g of staticClosure(graph, [d])) {
          if (reach.has(g) || minus.has(g) || lazy.has(g)) continue;
          lazy.add(g);
          visit(g);
        }
      }
    };
    initial.forEach(visit);
    return { ...sum(graph, initial), files: initial.length, lazy: { ...sum(graph, lazy), files: lazy.size } };
  };
  const loader = staticClosure(graph, [LOADER]);
  rows.push({
    label: `CDN loader: ${LOADER} and what it imports (lit, the Kazoo adapter's first path); the elements are its lazy chunks`,
    ...figures([LOADER]),
  });
  if (browser) {
    const page = await measureCdnPage();
    rows.push(
      page.ok
        ? {
            label:
              `CDN page <account-provider> + <account-tree>, in Chromium: every JS file loaded before the first rows ` +
              `(${page.files.map((f) => f.file.replace(/-[\w-]{8}\.js$/, '')).join(', ')})`,
            raw: page.raw,
            gzip: page.gzip,
            files: page.files.length,
            budget: 40 * KB,
            note: [
              page.later.length ? `then ${page.later.length} more file(s)` : '',
              page.exportsMissing.length ? `loader lacks ${page.exportsMissing.join(', ')}` : '',
              page.pageErrors.length ? `page errors: ${page.pageErrors.join(' | ')}` : '',
            ]
              .filter(Boolean)
              .join('; '),
          }
        : {
            label: 'CDN page <account-provider> + <account-tree>',
            raw: NaN,
            gzip: NaN,
            budget: 40 * KB,
            error: page.error,
          },
    );
  }
  for (const tag of readdirSync('components').filter((t) => existsSync(`components/${t}/${t}.define.ts`))) {
    const chunk = elementChunk(graph, tag);
    rows.push(
      chunk
        ? { label: `CDN <${tag}>: its chunk and what it adds to the loader's`, ...figures([chunk], loader) }
        : { label: `CDN <${tag}>`, raw: NaN, gzip: NaN, error: 'no chunk in dist/cdn: npm run build' },
    );
  }
  rows.push(
    graph.has(ALL)
      ? { label: `CDN ${ALL} (every element registered on load, one request; informational)`, ...figures([ALL]) }
      : { label: `CDN ${ALL}`, raw: NaN, gzip: NaN, error: 'run npm run build first' },
  );
  return rows;
}

const kb = (n) => `${(n / KB).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await sizes({ browser: !process.argv.includes('--no-browser') });
  console.log('| bundle | initial raw | initial gzip -9 | lazy (gzip -9) | budget |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const verdict = r.error
      ? `not measured: ${r.error}`
      : r.budget
        ? `${r.gzip <= r.budget ? '✓' : '✗'} ≤ ${kb(r.budget)}`
        : '';
    const lazy = r.lazy?.files
      ? `+ ${kb(r.lazy.gzip)} lazy in ${r.lazy.files} chunk${r.lazy.files > 1 ? 's' : ''}`
      : '';
    const files = r.files > 1 ? ` (${r.files} files)` : '';
    console.log(
      `| ${r.label}${r.note ? ` (${r.note})` : ''} | ${r.error ? '–' : kb(r.raw)} | ${r.error ? '–' : kb(r.gzip) + files} | ${lazy} | ${verdict} |`,
    );
  }
}

#!/usr/bin/env node
// The CDN build as a portal page gets it: dist/cdn served by a static server, a page with
// <account-provider><account-tree> importing the loader (as README's snippet), the Crossbar emulator over HTTP,
// headless Chromium. Counts every JS file the page loaded (statically or dynamically) before the tree's first rows,
// gzip -9 of each response body. Also reads the chunk graph of dist/cdn (static and dynamic imports of each file).
//
//   node scripts/cdn-page-size.mjs            the provider + tree page (npm run build first)
//   node scripts/cdn-page-size.mjs --json     the same as JSON
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { serveStatic } from '../bench/lib/static-server.mjs';
import { publicValueExports } from './public-exports.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CDN_DIR = join(root, 'dist', 'cdn');
export const LOADER = 'account-manager-widgets.js';
export const ALL = 'account-manager-widgets.all.js';
export const API = 'account-manager-widgets.api.js';

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * Every .js file of a built CDN folder with its sizes and imports (relative file names, static and dynamic),
 * read from the files themselves.
 * @returns {Map<string, {raw: number, gzip: number, imports: string[], dynamicImports: string[]}>}
 */
export function cdnGraph(dir = CDN_DIR) {
  const graph = new Map();
  const walk = (d, prefix) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.js')) graph.set(`${prefix}${entry.name}`, read(join(d, entry.name), prefix));
    }
  };
  walk(dir, '');
  return graph;
}

function read(file, prefix) {
  const code = readFileSync(file);
  const ast = parseAst(code.toString('utf8'));
  const rel = (spec) =>
    typeof spec === 'string' && spec.startsWith('./')
      ? `${prefix}${spec.slice(2)}`
      : typeof spec === 'string' && spec.startsWith('../')
        ? spec.slice(3)
        : null;
  const imports = new Set();
  const dynamicImports = new Set();
  for (const node of ast.body) {
    if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type) && node.source) {
      const r = rel(node.source.value);
      if (r) imports.add(r);
    }
  }
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (node.type === 'ImportExpression') {
      const s = node.source;
      const spec =
        s.type === 'Literal'
          ? s.value
          : s.type === 'TemplateLiteral' && !s.expressions.length
            ? s.quasis[0].value.cooked
            : null;
      const r = rel(spec);
      if (r) dynamicImports.add(r);
    }
    for (const k in node) if (k !== 'type' && k !== 'start' && k !== 'end') visit(node[k]);
  };
  visit(ast.body);
  return { raw: code.length, gzip: gzip(code), imports: [...imports], dynamicImports: [...dynamicImports] };
}

/** `files` and everything they import statically, transitively. */
export function staticClosure(graph, files) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f) || !graph.has(f)) return;
    seen.add(f);
    for (const i of graph.get(f).imports) visit(i);
  };
  for (const f of files) visit(f);
  return seen;
}

/** The chunk that defines `<tag>`: the loader's dynamic import named after the tag. */
export function elementChunk(graph, tag) {
  return graph.get(LOADER)?.dynamicImports.find((f) => new RegExp(`^${tag}-[\\w-]{8}\\.js$`).test(f));
}

export const sum = (graph, files) =>
  [...files].reduce((a, f) => ({ raw: a.raw + graph.get(f).raw, gzip: a.gzip + graph.get(f).gzip }), {
    raw: 0,
    gzip: 0,
  });

const page = ({ tags, baseUrl, credentials }) => {
  const open = tags.map((t) => `<${t}>`).join('');
  const close = [...tags]
    .reverse()
    .map((t) => `</${t}>`)
    .join('');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>CDN page</title></head>
  <body>
    ${open}${close}
    <script type="module">
      import { createKazooAdapter } from '/cdn/${LOADER}';
      window.__loader = await import('/cdn/${LOADER}');
      document.querySelector('account-provider').api = createKazooAdapter(${JSON.stringify({ baseUrl, credentials })});
    </script>
  </body>
</html>
`;
};

/**
 * Loads a page with `tags` (nested, the first outermost; `account-provider` first) from the built CDN folder in
 * headless Chromium, on a fresh emulator, and waits for the tree's first rows.
 * @returns {Promise<{ok: boolean, error?: string, files?: {file: string, raw: number, gzip: number}[], raw?: number,
 *   gzip?: number, later?: string[], rows?: number, firstRow?: string, ms?: number, exportsMissing?: string[],
 *   classesUnset?: string[], pageErrors?: string[]}>}
 */
export async function measureCdnPage({ tags = ['account-provider', 'account-tree'], dir = CDN_DIR } = {}) {
  if (!existsSync(join(dir, LOADER))) return { ok: false, error: `${dir}/${LOADER} missing: npm run build first` };
  const executablePath = findChromium();
  if (!executablePath) return { ok: false, error: 'no Chromium (CHROMIUM_PATH)' };
  const { chromium } = await import('playwright-core');
  const { tsImport } = await import('tsx/esm/api');
  const { createCrossbarEmulator } = await tsImport(join(root, 'src/mock/index.ts'), import.meta.url);
  const { serveEmulator } = await tsImport(join(root, 'src/mock/node.ts'), import.meta.url);

  const stops = [];
  const pageDir = mkdtempSync(join(tmpdir(), 'amw-cdn-page-'));
  stops.push(() => rmSync(pageDir, { recursive: true, force: true }));
  try {
    const emulator = createCrossbarEmulator({ seed: { seed: 1 } });
    const emu = await serveEmulator(emulator, { port: 0 });
    stops.push(() => emu.close());
    const { username, password, accountName } = emulator.login;
    writeFileSync(
      join(pageDir, 'index.html'),
      page({ tags, baseUrl: emu.url, credentials: { username, password, accountName } }),
    );
    writeFileSync(
      join(pageDir, 'exports.html'),
      `<!doctype html><link rel="icon" href="data:," /><script type="module">
        const [a, api, b] = await Promise.all([
          import('/cdn/${LOADER}'),
          import('/cdn/${API}'),
          import('/cdn/${ALL}'),
        ]);
        window.__exports = { loader: [...Object.keys(a), ...Object.keys(api)], all: Object.keys(b) };
      </script>`,
    );
    const server = await serveStatic({ cdn: dir, page: pageDir });
    stops.push(() => server.close());
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    stops.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text().slice(0, 300));
    });
    const scripts = [];
    tab.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/cdn/') && u.pathname.endsWith('.js')) {
        scripts.push({ file: u.pathname.slice(5), body: r.body().catch(() => Buffer.alloc(0)) });
      }
    });
    const t0 = Date.now();
    await tab.goto(`${server.url}/page/index.html`, { waitUntil: 'load' });
    const first = await tab
      .waitForFunction(
        () => {
          const rows = document.querySelector('account-tree')?.shadowRoot?.querySelectorAll('[role="treeitem"]');
          const ready = [...(rows ?? [])].filter(
            (r) => r.getAttribute('aria-busy') !== 'true' && r.textContent?.trim(),
          );
          return ready.length ? { rows: ready.length, text: ready[0].textContent.trim().replace(/\s+/g, ' ') } : null;
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      )
      .then((h) => h.jsonValue());
    const ms = Date.now() - t0;
    const before = scripts.length;
    await new Promise((r) => setTimeout(r, 1000));
    const later = scripts.slice(before).map((s) => s.file);
    const files = [];
    for (const s of scripts.slice(0, before)) {
      const buf = await s.body;
      files.push({ file: s.file, raw: buf.length, gzip: gzip(buf) });
    }
    const bindings = await tab.evaluate(
      (t) =>
        t.map((tag) => [
          tag,
          window.__loader?.[tag.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())] === customElements.get(tag),
        ]),
      tags,
    );
    // The loader and the api file together export what the one-file build exports (the element classes as bindings set once defined).
    let exportsMissing = [];
    if (existsSync(join(dir, ALL))) {
      await tab.goto(`${server.url}/page/exports.html`, { waitUntil: 'load' });
      const ex = await tab
        .waitForFunction(() => window.__exports, null, { timeout: 30_000 })
        .then((h) => h.jsonValue());
      // Bundling adds exports of its own to the one-file build (minified names its lazy chunks import): compare
      // the names its source module exports.
      const names = publicValueExports(join(root, 'exports', 'cdn-all.ts'));
      exportsMissing = names.filter((k) => !ex.loader.includes(k));
    }
    return {
      ok: true,
      files,
      raw: files.reduce((a, f) => a + f.raw, 0),
      gzip: files.reduce((a, f) => a + f.gzip, 0),
      later,
      rows: first.rows,
      firstRow: first.text.slice(0, 60),
      ms,
      exportsMissing,
      classesUnset: bindings.filter(([, ok]) => !ok).map(([tag]) => tag),
      pageErrors: errors.slice(0, 5),
    };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e).split('\n')[0] };
  } finally {
    for (const stop of stops.reverse())
      await Promise.resolve()
        .then(stop)
        .catch(() => undefined);
  }
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureCdnPage();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else if (!r.ok) {
    console.log(`CDN page: not measured: ${r.error}`);
    process.exitCode = 1;
  } else {
    console.log(
      `CDN page <account-provider><account-tree>: ${kb(r.gzip)} gzip (${kb(r.raw)} raw) of JS in ${r.files.length} files ` +
        `before the first rows (${r.rows} rows, "${r.firstRow}", ${r.ms} ms)`,
    );
    for (const f of r.files) console.log(`  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(9)}`);
    if (r.later.length) console.log(`  later: ${r.later.join(', ')}`);
    if (r.exportsMissing.length) console.log(`  the loader lacks exports of ${ALL}: ${r.exportsMissing.join(', ')}`);
    if (r.classesUnset.length) console.log(`  element class exports not set: ${r.classesUnset.join(', ')}`);
    if (r.pageErrors.length) console.log(`  page errors: ${r.pageErrors.join(' | ')}`);
  }
}

// Vite production builds: the bench pages (one build per contestant) and single-entry bundles for sizes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

// BENCH_TREE_MODULE=/path/to/file: bench another <account-tree> implementation in place of components/account-tree.
const treeAlias = process.env.BENCH_TREE_MODULE
  ? [
      {
        find: /^.*components\/account-tree\/account-tree\.define\.ts$/,
        replacement: resolve(process.env.BENCH_TREE_MODULE),
      },
    ]
  : [];

/**
 * package.json's `sideEffects` names the built files (dist/lib/components/*.js, the define entries); from source,
 * the same role falls to `components/<tag>/<tag>.define.ts`. Without this, `import '…define.ts'` would be dropped.
 */
const SIDE_EFFECTS =
  /([\\/]components[\\/][^\\/]+[\\/][^\\/]+\.define\.ts|[\\/]exports[\\/]define\.ts|[\\/]bench[\\/](pages|bundles)[\\/][^\\/]+\.js)$/;
function defineSideEffects() {
  const extra = process.env.BENCH_TREE_MODULE ? resolve(process.env.BENCH_TREE_MODULE) : null;
  return {
    name: 'bench-define-side-effects',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (r && !r.external && (SIDE_EFFECTS.test(r.id) || r.id === extra)) return { ...r, moduleSideEffects: true };
      return null;
    },
  };
}

const quiet = {
  configFile: false,
  logLevel: 'silent',
  publicDir: false,
  clearScreen: false,
  resolve: { alias: treeAlias },
};

/** Builds bench/pages/<name>.html into <outRoot>/pages/<name>. Never throws. */
export async function buildPage(name, { benchDir, outRoot }) {
  const root = join(benchDir, 'pages');
  const outDir = join(outRoot, 'pages', name);
  const t0 = performance.now();
  try {
    await build({
      ...quiet,
      root,
      base: './',
      plugins: [defineSideEffects()],
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 100_000,
        rolldownOptions: { input: join(root, `${name}.html`) },
      },
    });
    return { ok: true, dir: outDir, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    return { ok: false, error: firstLine(e) };
  }
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const firstLine = (e) =>
  String(e?.message ?? e)
    .replace(ANSI, '')
    .split('\n')
    .slice(0, 3)
    .join(' ')
    .slice(0, 400);

/** Makes matching imports (after resolution) external: used to leave the Kazoo adapter out of ours. */
function excludeResolved(re, label) {
  return {
    name: `bench-exclude-${label}`,
    async resolveId(source, importer, options) {
      if (re.test(source)) return { id: source, external: true };
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (r && !r.external && re.test(r.id)) return { id: source, external: true };
      return null;
    },
  };
}

/**
 * Makes the shared core (src/api|data|context|base|themes) and every other element's folder external, after
 * resolution: with the lib build's externals, what is left is one element's own code (as `npm run size` counts it).
 */
function ownCodeOnly(tag) {
  const re = String.raw`[\\/](src[\\/](api|data|context|base|themes)|components[\\/](?!${tag}[\\/])[^\\/]+)[\\/]`;
  // Before Vite's resolver, which otherwise resolves the relative imports first.
  return { ...excludeResolved(new RegExp(re), 'core'), enforce: 'pre' };
}

/** Module group for the size breakdown: an npm package, or a project folder. */
function groupOf(id, projectDir) {
  const clean = id.replace(/^\0/, '').split('?')[0];
  const nm = clean.lastIndexOf(`node_modules${sep}`);
  if (nm >= 0) {
    const parts = clean.slice(nm + 13).split(sep);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (!clean.startsWith(projectDir)) return clean.slice(0, 40);
  const rel = relative(projectDir, clean).split(sep);
  return rel.length > 2 ? `${rel[0]}/${rel[1]}` : rel.join('/');
}

/**
 * One-entry library build (Vite's lib mode, minified, one file unless the code itself splits), then gzip -9: the
 * code a package brings, without the runtime a host's own bundler adds once for all its imports (Vite's preload
 * helper in an app build). `npm run size` measures the same way.
 * @returns {Promise<{ok: boolean, raw?: number, gzip?: number, files?: number, groups?: Record<string, number>, error?: string}>}
 */
export async function buildBundle(
  id,
  entry,
  { outRoot, projectDir, external = [], excludeAdapter = false, ownCode = null },
) {
  const outDir = join(outRoot, 'bundles', id);
  try {
    const res = await build({
      ...quiet,
      root: projectDir,
      plugins: [
        defineSideEffects(),
        ...(excludeAdapter ? [excludeResolved(/[\\/]src[\\/]kazoo[\\/]/, 'adapter')] : []),
        ...(ownCode ? [ownCodeOnly(ownCode)] : []),
      ],
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 100_000,
        modulePreload: false,
        lib: { entry, formats: ['es'], fileName: 'entry' },
        rolldownOptions: { external, preserveEntrySignatures: 'allow-extension', output: { minify: true } },
      },
    });
    const chunks = (Array.isArray(res) ? res : [res]).flatMap((r) => r.output ?? []).filter((o) => o.type === 'chunk');
    // Initial load = the entry chunk and its static imports; dynamic imports (e.g. other locales) are counted apart.
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const initial = new Set();
    const visit = (c) => {
      if (!c || initial.has(c.fileName)) return;
      initial.add(c.fileName);
      for (const i of c.imports ?? []) visit(byName.get(i));
    };
    for (const c of chunks) if (c.isEntry) visit(c);
    let raw = 0;
    let gzip = 0;
    let files = 0;
    let lazyRaw = 0;
    let lazyGzip = 0;
    let lazyFiles = 0;
    const groups = {};
    for (const o of chunks) {
      const buf = Buffer.from(o.code);
      const gz = gzipSync(buf, { level: 9 }).length;
      if (!initial.has(o.fileName)) {
        lazyRaw += buf.length;
        lazyGzip += gz;
        lazyFiles++;
        continue;
      }
      raw += buf.length;
      gzip += gz;
      files++;
      for (const [mid, info] of Object.entries(o.modules ?? {})) {
        const g = groupOf(mid, projectDir);
        groups[g] = (groups[g] ?? 0) + (info.renderedLength ?? 0);
      }
    }
    return {
      ok: true,
      raw,
      gzip,
      files,
      lazy: { raw: lazyRaw, gzip: lazyGzip, files: lazyFiles },
      groups: sortDesc(groups),
    };
  } catch (e) {
    return { ok: false, error: firstLine(e) };
  }
}

/**
 * (f) The CDN build as a portal page loads it: <account-provider> and <account-tree> from dist/cdn (the loader and
 * the chunks it fetches) in headless Chromium, every JS file before the tree's first rows (scripts/cdn-page-size.mjs).
 */
export async function cdnPage(projectDir) {
  const { measureCdnPage } = await import(pathToFileURL(join(projectDir, 'scripts', 'cdn-page-size.mjs')).href);
  const r = await measureCdnPage();
  if (!r.ok) return { ok: false, error: r.error };
  return { ok: true, raw: r.raw, gzip: r.gzip, files: r.files.length, list: r.files, later: r.later };
}

/**
 * Each element's chunk in the CDN build (dist/cdn as built): the file the loader imports when the element's tag
 * first appears, gzip -9 on its own; what it adds to the loader's files (the chunk and the shared chunks it imports
 * that the loader does not); and what it can fetch later (its dynamic imports: other languages, lazy parts).
 * Read from the files (scripts/cdn-page-size.mjs `cdnGraph`, `elementChunk`).
 */
export async function cdnElements(projectDir) {
  const { CDN_DIR, LOADER, cdnGraph, elementChunk, staticClosure, sum } = await import(
    pathToFileURL(join(projectDir, 'scripts', 'cdn-page-size.mjs')).href
  );
  if (!existsSync(join(CDN_DIR, LOADER))) return { ok: false, error: 'dist/cdn is not built: npm run build first' };
  const graph = cdnGraph();
  const loader = staticClosure(graph, [LOADER]);
  const tags = readdirSync(join(projectDir, 'components')).filter((t) =>
    existsSync(join(projectDir, 'components', t, `${t}.define.ts`)),
  );
  const elements = {};
  for (const tag of tags) {
    const chunk = elementChunk(graph, tag);
    if (!chunk) {
      elements[tag] = { ok: false, error: 'no chunk of its own in dist/cdn' };
      continue;
    }
    const adds = [...staticClosure(graph, [chunk])].filter((f) => !loader.has(f));
    const reach = new Set([...loader, ...adds]);
    const lazy = new Set();
    const visit = (f) => {
      for (const d of graph.get(f)?.dynamicImports ?? []) {
        for (const g of staticClosure(graph, [d])) {
          if (reach.has(g) || lazy.has(g)) continue;
          lazy.add(g);
          visit(g);
        }
      }
    };
    adds.forEach(visit);
    const own = graph.get(chunk);
    elements[tag] = {
      ok: true,
      chunk,
      raw: own.raw,
      gzip: own.gzip,
      adds: { ...sum(graph, adds), files: adds.length, list: adds },
      lazy: { ...sum(graph, lazy), files: lazy.size },
    };
  }
  return { ok: true, loader: { ...sum(graph, loader), files: loader.size }, elements };
}

/** gzip -9 of an existing file. */
export function gzipFile(file) {
  if (!existsSync(file)) return { ok: false, error: 'missing' };
  const buf = readFileSync(file);
  return { ok: true, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, files: 1 };
}

function sortDesc(o) {
  return Object.fromEntries(Object.entries(o).sort((a, b) => b[1] - a[1]));
}

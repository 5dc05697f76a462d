// Library build: one entry per define module, lit and the other dependencies external.
// `AMW_BUILD=cdn` builds the CDN loader instead (dist/cdn/account-manager-widgets.js: lit, the adapter, each element
// a chunk beside it, loaded when its tag appears; account-manager-widgets.api.js the rest of the package's exports);
// `AMW_BUILD=cdn-all` then adds the one-file build
// (dist/cdn/account-manager-widgets.all.js, every element and every language included: it fetches nothing more).
import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';

const mode = process.env.AMW_BUILD;

function componentEntries(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of readdirSync('components')) {
    const file = `components/${tag}/${tag}.define.ts`;
    if (existsSync(file)) out[`components/${tag}`] = file;
  }
  return out;
}

const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/, /^msw($|\/)/, /^node:/];

const lib: BuildEnvironmentOptions = {
  target: 'es2022',
  outDir: 'dist/lib',
  emptyOutDir: true,
  sourcemap: true,
  minify: true,
  lib: {
    entry: {
      index: 'exports/index.ts',
      define: 'exports/define.ts',
      kazoo: 'src/kazoo/index.ts',
      mock: 'src/mock/index.ts',
      'mock-node': 'src/mock/node.ts',
      'mock-msw': 'src/mock/msw.ts',
      testing: 'src/testing/index.ts',
      ...componentEntries(),
    },
    formats: ['es'],
  },
  rolldownOptions: { external, output: { minify: true } },
};

// The CDN loader's chunks. The loader's own module stays alone in account-manager-widgets.js. The `core` chunk holds
// what a first page needs: what the loader imports (lit's base, the Kazoo adapter's first path) and the shared modules
// `<account-provider>` and `<account-tree>` import, so a page with those two loads the loader, `core` and their two
// chunks. The shared modules other elements add (draft, fields, dialogs) form one `shared` chunk, the rest of lit one
// `lit` chunk; element chunks never import the loader itself (a loader URL with a query string cannot run it twice).
const LOADER = /[\\/]exports[\\/]cdn\.ts$/;
const FIRST_PAGE = /[\\/]components[\\/](account-provider|account-tree)[\\/]\1\.define\.ts$/;
// An element's modules: its folder, but the other languages' strings (`locales/<lang>.ts`, loaded on use; English,
// the fallback, is imported statically).
const ELEMENT = /[\\/]components[\\/]([^\\/]+)[\\/](?!locales[\\/](?!en-US\.ts$))/;
// lit's packages (lit, lit-html, lit-element, @lit/*).
const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/;
// Any other npm package (dompurify, zod's parts not on the first path): one chunk each.
const PACKAGE = /[\\/]node_modules[\\/](?:@([^\\/]+)[\\/])?([^\\/]+)[\\/]/;
const SOURCE = /[\\/]src[\\/]/;
const packageChunk = (id: string) => {
  const m = PACKAGE.exec(id);
  return m ? [m[1], m[2]].filter(Boolean).join('-') : null;
};

// What the loader, `<account-provider>` and `<account-tree>` import statically, transitively, but the elements' own
// modules (they keep their chunks): the `core` chunk.
const initial = new Set<string>();
// What runs as soon as an entry or an element is loaded: the static imports of the entries and of each element's
// define module. Anything else is reached through a dynamic import only (other languages' strings, parts of an
// element loaded after its first paint, code loaded on first use) and keeps chunks of its own.
const eager = new Set<string>();
const ELEMENT_DEFINE = /[\\/]components[\\/]([^\\/]+)[\\/]\1\.define\.ts$/;
const loaderImports: Plugin = {
  name: 'amw-cdn-loader-imports',
  buildEnd() {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (!ELEMENT.test(id)) initial.add(id);
      for (const i of this.getModuleInfo(id)?.importedIds ?? []) visit(i);
    };
    const reach = (id: string) => {
      if (eager.has(id)) return;
      eager.add(id);
      for (const i of this.getModuleInfo(id)?.importedIds ?? []) reach(i);
    };
    for (const id of this.getModuleIds()) {
      if (this.getModuleInfo(id)?.isEntry || ELEMENT_DEFINE.test(id)) reach(id);
      if (LOADER.test(id)) this.getModuleInfo(id)?.importedIds.forEach(visit);
      else if (FIRST_PAGE.test(id)) visit(id);
    }
  },
};

const cdnLoader: BuildEnvironmentOptions = {
  target: 'es2022',
  outDir: 'dist/cdn',
  minify: true,
  emptyOutDir: true,
  sourcemap: true,
  lib: {
    entry: { 'account-manager-widgets': 'exports/cdn.ts', 'account-manager-widgets.api': 'exports/cdn-api.ts' },
    formats: ['es'],
  },
  rolldownOptions: {
    preserveEntrySignatures: 'allow-extension',
    output: {
      // Lib mode keeps whitespace in ES output; a CDN file is read by browsers only.
      minify: true,
      codeSplitting: {
        groups: [
          { name: 'core', test: (id) => initial.has(id), priority: 4 },
          // Each group takes only the modules it names (no dependencies): what two elements share stays shared.
          {
            name: (id) => ELEMENT.exec(id)?.[1] ?? null,
            debugName: 'elements',
            test: (id) => ELEMENT.test(id) && eager.has(id),
            priority: 3,
            includeDependenciesRecursively: false,
          },
          { name: 'lit', test: LIT, priority: 2, includeDependenciesRecursively: false },
          {
            name: 'shared',
            test: (id) => SOURCE.test(id) && eager.has(id),
            priority: 2,
            includeDependenciesRecursively: false,
          },
          {
            name: packageChunk,
            debugName: 'packages',
            test: PACKAGE,
            priority: 1,
            includeDependenciesRecursively: false,
          },
        ],
      },
    },
  },
};

const cdnAll: BuildEnvironmentOptions = {
  target: 'es2022',
  outDir: 'dist/cdn',
  minify: true,
  emptyOutDir: false,
  sourcemap: true,
  lib: { entry: { 'account-manager-widgets.all': 'exports/cdn-all.ts' }, formats: ['es'] },
  // One file that works copied alone: every dynamic import (other languages' strings, the wizard's later steps,
  // DOMPurify, the tree's keyboard…) is inlined, so it fetches nothing at run time. Every element is in it, so the
  // manager's lazy imports of its tabs are expected to be ineffective here.
  rolldownOptions: {
    checks: { ineffectiveDynamicImport: false },
    output: { minify: true, codeSplitting: false },
  },
};

/**
 * package.json's `sideEffects` names the built define modules (dist/lib/components/*.js, dist/lib/define.js); from
 * source, that role falls to `components/<tag>/<tag>.define.ts` and `exports/define.ts`. Without this, a bundle
 * from source drops their `define()` calls, and registers nothing.
 */
const DEFINES = /[\\/](components[\\/]([^\\/]+)[\\/]\2\.define|exports[\\/]define)\.ts$/;
export const defineSideEffects: Plugin = {
  name: 'amw-define-side-effects',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer) return null;
    const r = await this.resolve(source, importer, { ...options, skipSelf: true });
    return r && !r.external && DEFINES.test(r.id) ? { ...r, moduleSideEffects: true } : null;
  },
};

export default defineConfig({
  publicDir: false,
  plugins: mode === 'cdn' ? [defineSideEffects, loaderImports] : mode === 'cdn-all' ? [defineSideEffects] : [],
  build: mode === 'cdn' ? cdnLoader : mode === 'cdn-all' ? cdnAll : lib,
});

// The host-portal demo: served by `npm start`, running on the built-in Crossbar emulator (MSW). Seven pages: the
// dashboard (index.html), single widgets from the CDN build (cdn.html), React 19 through the package's wrappers
// (react.html), the elements in Vue 3, Angular 21 and jQuery 4 hosts (vue.html, angular.html, jquery.html) and two
// brands side by side (brands.html).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { defineSideEffects } from './vite.config.js';

const ROOT = dirname(fileURLToPath(import.meta.url));
const REACT_DIR = join(ROOT, 'dist', 'lib', 'react');
const PAGES = ['index', 'cdn', 'react', 'vue', 'angular', 'jquery', 'brands'];
/** The pages `vite build` writes: all, or those `AMW_DEMO_PAGES` names (`index,brands`). */
const BUILT = PAGES.filter((p) => process.env.AMW_DEMO_PAGES?.split(',').includes(p) ?? true);

/** Runs a build in the project; rejects with what it printed when it fails. */
function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((done, fail) => {
    // A production build, whatever this server runs as (Vite's dev server sets NODE_ENV=development: Lit's dev build).
    const childEnv = { ...process.env, NODE_ENV: 'production', ...env };
    const child = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (out += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${cmd} ${args.join(' ')} failed:\n${out}`))));
  });
}

/** The CDN build (`AMW_BUILD=cdn`, about a second) into `outDir`. */
const buildCdn = (outDir: string) =>
  run('npx', ['--no-install', 'vite', 'build', '--outDir', outDir, '--logLevel', 'error'], { AMW_BUILD: 'cdn' });

/**
 * What the pages take from the package as a host gets it:
 * - `./cdn/*` is the CDN build, made when first asked for (again after a source changes), in a folder of this
 *   server's own; `vite build` puts it in `dist/demo/cdn/`;
 * - `account-manager-widgets/react/<tag>.js` are the built React wrappers (`dist/lib/react/`, made by `npm run build`,
 *   run once here when missing); their elements and `account-manager-widgets/kazoo` are the sources, as on the
 *   other pages, so the demo always shows the code of the work tree.
 */
function packageForPages(): Plugin {
  let cdnDir: string | undefined;
  let react: Promise<void> | undefined;
  let outDir = '';
  const ensureWrappers = () => {
    if (react) return react;
    if (existsSync(join(REACT_DIR, 'index.js'))) return (react = Promise.resolve());
    console.log('Building the package once for the React page (npm run build)…');
    react = run('npm', ['run', 'build', '--silent']);
    react.catch(() => (react = undefined)); // tried again on the next request
    return react;
  };
  return {
    name: 'amw-demo-package',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      const dir = mkdtempSync(join(tmpdir(), 'amw-demo-cdn-'));
      cdnDir = dir;
      server.httpServer?.once('close', () => rmSync(dir, { recursive: true, force: true }));
      // The last build (running or done); a new one starts after it once a source changed.
      let cdn: Promise<void> = Promise.resolve();
      let stale = true;
      const freshCdn = () => {
        if (stale) {
          stale = false;
          cdn = cdn.catch(() => undefined).then(() => buildCdn(dir));
          cdn.catch(() => (stale = true));
        }
        return cdn;
      };
      const sources = ['src', 'components', 'exports'].map((d) => join(ROOT, d));
      server.watcher.add(sources);
      server.watcher.on('change', (file) => {
        if (sources.some((d) => file.startsWith(d + sep))) stale = true;
      });
      server.middlewares.use('/cdn', (req, res, next) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = resolve(dir, `.${path}`);
        if (!file.startsWith(dir + sep)) return next();
        freshCdn().then(
          () => {
            if (!existsSync(file) || !statSync(file).isFile()) return next();
            res.setHeader('Content-Type', file.endsWith('.map') ? 'application/json' : 'text/javascript');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(readFileSync(file));
          },
          (e: Error) => {
            server.config.logger.error(e.message);
            res.statusCode = 500;
            res.end(e.message);
          },
        );
      });
    },
    async resolveId(source, importer, options) {
      const wrapper = /^account-manager-widgets\/react(?:\/(.+))?$/.exec(source);
      if (wrapper) {
        // Dependency scanning (not typed in Vite's hook options) must not wait for a build: React is listed below.
        if ((options as { scan?: boolean }).scan) return { id: source, external: true };
        await ensureWrappers();
        return join(REACT_DIR, wrapper[1] ?? 'index.js');
      }
      if (source === 'account-manager-widgets/kazoo') return join(ROOT, 'src', 'kazoo', 'index.ts');
      const element = /^\.\.\/components\/([a-z-]+)\.js$/.exec(source);
      if (element && importer?.startsWith(REACT_DIR + sep))
        return join(ROOT, 'components', element[1]!, `${element[1]}.define.ts`);
      return null;
    },
    async closeBundle() {
      if (cdnDir === undefined && outDir && BUILT.includes('cdn')) await buildCdn(join(outDir, 'cdn'));
    },
  };
}

export default defineConfig({
  root: 'demo',
  publicDir: '../public',
  // The pages import the elements' sources, whose `define()` calls a bundle keeps only so (package.json's
  // `sideEffects` names the built define modules).
  plugins: [packageForPages(), { ...defineSideEffects, apply: 'build' }],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // The Vue page's template is compiled in the browser: Vue's full build (with its compiler), its feature flags set.
  resolve: { alias: [{ find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' }] },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  // Loaded on first use (the rich text's sanitizer; React, Vue, Angular and jQuery on their pages): bundled at start,
  // not found later with a reload.
  optimizeDeps: {
    include: [
      'dompurify',
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'vue/dist/vue.esm-bundler.js',
      '@angular/compiler',
      '@angular/core',
      '@angular/platform-browser',
      'jquery',
    ],
  },
  server: { port: Number(process.env.PORT ?? 5173), host: process.env.HOST ?? 'localhost', open: false },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    outDir: '../dist/demo',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(BUILT.map((p) => [p, resolve(ROOT, 'demo', `${p}.html`)])),
    },
  },
});

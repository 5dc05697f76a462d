// `npm run demo:strict-csp [-- --port P]`: the demo's dashboard built (vite.demo.config.ts, into
// dist/demo-strict-csp/) and served by `vite preview` with a strict Content-Security-Policy header on every response:
// scripts and styles of the page's origin only (no inline `<script>`, `<style>` or `style="…"`, no eval), and Trusted
// Types required. Every element runs there: http://127.0.0.1:4174/.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { defineSideEffects } from '../vite.config.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

/**
 * The policy: what the elements need (styles in constructed style sheets and the CSSOM; app icons as `blob:` images;
 * Lit's `lit-html` and DOMPurify's `dompurify` Trusted Types policies), and what the demo page adds: its `default`
 * policy, for its own worker scripts (the emulator's shared worker, MSW's service worker), and its icon, a `data:`
 * image. Its backend is the emulator, on the page's origin.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html dompurify default',
].join('; ');

export interface StrictDemo {
  url: string;
  close(): Promise<void>;
}

/** Builds the demo's pages (all of them, or only `pages`, say `['index']`: no CDN build then) into `outDir`. */
export async function buildDemo(outDir: string, pages?: string[]): Promise<void> {
  const before = process.env.AMW_DEMO_PAGES;
  if (pages) process.env.AMW_DEMO_PAGES = pages.join(',');
  try {
    await build({
      configFile: join(ROOT, 'vite.demo.config.ts'),
      root: join(ROOT, 'demo'),
      logLevel: 'error',
      build: { outDir, emptyOutDir: true },
      // The pages import the elements' sources, whose `define()` calls a bundle keeps only so.
      plugins: [defineSideEffects],
    });
  } finally {
    if (before === undefined) delete process.env.AMW_DEMO_PAGES;
    else process.env.AMW_DEMO_PAGES = before;
  }
}

/** Serves a built demo (`dir`) with the strict policy on every response. */
export async function serveStrict(dir: string, port = 4174): Promise<StrictDemo> {
  const server = await preview({
    configFile: join(ROOT, 'vite.demo.config.ts'),
    root: join(ROOT, 'demo'),
    logLevel: 'error',
    build: { outDir: dir },
    preview: { port, strictPort: port !== 0, host: '127.0.0.1', headers: { 'Content-Security-Policy': STRICT_CSP } },
  });
  return {
    url: server.resolvedUrls!.local[0]!,
    close: () => server.close(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const dir = join(ROOT, 'dist', 'demo-strict-csp');
  console.log('Building the dashboard into dist/demo-strict-csp/…');
  await buildDemo(dir, ['index']);
  const demo = await serveStrict(dir, Number(values.port ?? process.env.PORT ?? 4174));
  console.log(`The demo under a strict Content-Security-Policy: ${demo.url}\n  ${STRICT_CSP}`);
}

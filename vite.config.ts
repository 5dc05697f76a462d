// Library build: one entry per define module, lit and the other dependencies external.
// `AMW_BUILD=cdn` builds the one-file CDN bundle instead (lit, adapter and zod included).
import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'vite';

const cdn = process.env.AMW_BUILD === 'cdn';

function componentEntries(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of readdirSync('components')) {
    const file = `components/${tag}/${tag}.define.ts`;
    if (existsSync(file)) out[`components/${tag}`] = file;
  }
  return out;
}

const external = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^dompurify$/, /^msw($|\/)/, /^node:/];

export default defineConfig({
  publicDir: false,
  build: cdn
    ? {
        target: 'es2022',
        outDir: 'dist/cdn',
        minify: true,
        emptyOutDir: true,
        sourcemap: true,
        lib: { entry: { 'account-manager-widgets': 'exports/cdn.ts' }, formats: ['es'] },
        // Lib mode keeps whitespace in ES output; a CDN file is read by browsers only.
        rolldownOptions: { output: { minify: true } },
      }
    : {
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
            testing: 'src/testing/index.ts',
            ...componentEntries(),
          },
          formats: ['es'],
        },
        rolldownOptions: { external, output: { minify: true } },
      },
});

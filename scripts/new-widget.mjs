#!/usr/bin/env node
// `npm run new-widget -- <tag>`: writes a new draft element from the pattern (CONVENTIONS.md): its class,
// styles, define module, English and other locales, a test that runs the shared widget suite, and stories.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tag = process.argv[2];
if (!tag || !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(tag)) {
  console.error(
    'Usage: npm run new-widget -- <tag>   (a custom element name: lower case with a dash, e.g. account-notes)',
  );
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'components', tag);
if (existsSync(dir)) {
  console.error(`components/${tag} exists already: nothing written.`);
  process.exit(1);
}

const Class = tag.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const templates = join(root, 'scripts', 'templates');
const fill = (text) => text.replaceAll('__TAG__', tag).replaceAll('__CLASS__', Class);
const files = {
  [`components/${tag}/${tag}.ts`]: 'widget.ts.txt',
  [`components/${tag}/${tag}.styles.ts`]: 'widget.styles.ts.txt',
  [`components/${tag}/${tag}.define.ts`]: 'widget.define.ts.txt',
  [`components/${tag}/${tag}.test.ts`]: 'widget.test.ts.txt',
  [`components/${tag}/locales/en-US.ts`]: 'locale.en-US.ts.txt',
  [`stories/${tag}.stories.ts`]: 'widget.stories.ts.txt',
};
for (const locale of ['fr-FR', 'de-DE', 'es-ES', 'ru-RU']) {
  files[`components/${tag}/locales/${locale}.ts`] = 'locale.other.ts.txt';
}
for (const [file, template] of Object.entries(files)) {
  const out = join(root, file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, fill(readFileSync(join(templates, template), 'utf8')));
  console.log(`wrote ${file}`);
}
console.log(`\nNext: translate components/${tag}/locales/*.ts, list ${Class} in exports/define.ts and exports/elements.ts,
and run the tests: WTR_FILES=components/${tag}/${tag}.test.ts npx wtr`);

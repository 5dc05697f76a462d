#!/usr/bin/env node
// The package as an integrator gets it: pack the tarball, check what it ships, lint it (publint, attw),
// then install it into small React, Vue and Svelte hosts and run each one's type checker in strict mode.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tmp', 'package');
const failures = [];
let passed = 0;

function step(name, fn) {
  const started = Date.now();
  try {
    fn();
    passed++;
    console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failures.push(name);
    console.log(
      `✗ ${name}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}${e.stdout || e.stderr ? '' : e.message}`,
    );
  }
}

const sh = (cmd, args, cwd = root) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
const npx = (args, cwd) => sh('npx', ['--no-install', ...args], cwd);

if (!existsSync(join(root, 'dist/lib/react/index.js'))) {
  console.log('dist/ is missing or old: building first');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const [pack] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', out]));
const tarball = join(out, pack.filename);
const files = new Set(pack.files.map((f) => f.path));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
console.log(`${pack.filename}: ${pack.entryCount} files, ${pack.size} B packed, ${pack.unpackedSize} B unpacked`);

const glob = (pattern) =>
  new RegExp(
    `^${pattern
      .replace(/^\.\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '(?:.*/)?')
      .replace(/\*/g, '[^/]*')}$`,
  );
const matches = (pattern) => [...files].filter((f) => glob(pattern).test(f));
const problems = (list) => {
  if (list.length) throw new Error(list.join('\n'));
};

step('ships no source maps, test code or test helpers', () =>
  problems(
    [...files].filter(
      (f) =>
        /\.map$|\.test\.|\.testing\.|test-helpers|\.stories\./.test(f) || /\.tsx?$/.test(f.replace(/\.d\.ts$/, '')),
    ),
  ),
);

step('no shipped file points at a source map or a source outside the package', () =>
  problems(
    [...files]
      .filter((f) => /\.(js|ts)$/.test(f) && readFileSync(join(root, f), 'utf8').includes('sourceMappingURL'))
      .map((f) => `${f}: sourceMappingURL`),
  ),
);

step('LICENSE and README are in the tarball', () => problems(['LICENSE', 'README.md'].filter((f) => !files.has(f))));

step('every sideEffects entry names shipped files', () =>
  problems(pkg.sideEffects.filter((p) => !matches(p).length).map((p) => `sideEffects: ${p} matches nothing`)),
);

step('every exports target is in the tarball', () => {
  const missing = [];
  const targets = (v) => (typeof v === 'string' ? [v] : Object.values(v).flatMap(targets));
  for (const [key, value] of Object.entries(pkg.exports)) {
    for (const t of targets(value)) if (!matches(t).length) missing.push(`${key} → ${t}`);
  }
  problems(missing);
});

step('custom-elements.json: every module path and reference exists in the tarball', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const missing = [];
  const tags = [];
  const visit = (node, at) => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}[${i}]`));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'path' || k === 'module') && typeof v === 'string' && !files.has(v.replace(/^\.\//, ''))) {
        missing.push(`${at}.${k}: ${v}`);
      }
      visit(v, `${at}.${k}`);
    }
  };
  visit(manifest, 'manifest');
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (d.customElement) tags.push(d.tagName);
      if (d.customElement && (!d.tagName || d.tagName.startsWith('am-'))) missing.push(`internal element ${d.name}`);
      for (const e of d.events ?? []) if (!e.type?.text) missing.push(`${d.tagName}: event ${e.name} has no type`);
      for (const m of d.members ?? []) {
        if (m.privacy === 'private' || m.privacy === 'protected' || /Callback$/.test(m.name)) {
          missing.push(`${d.tagName}: internal member ${m.name}`);
        }
      }
    }
  }
  if (!tags.length) missing.push('no element');
  problems(missing);
});

step('each React wrapper loads only its own element', () => {
  const wrong = [];
  for (const f of [...files].filter((f) => /^dist\/lib\/react\/[^/]+\.js$/.test(f))) {
    const tag = /([^/]+)\.js$/.exec(f)[1];
    const imports = [...readFileSync(join(root, f), 'utf8').matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]);
    for (const spec of imports) {
      const ok =
        tag === 'index' || spec === 'react' || spec === './create-component.js' || spec === `../components/${tag}.js`;
      if (!ok) wrong.push(`${f} imports ${spec}`);
    }
  }
  problems(wrong);
});

// attw skips wildcard exports: name every element's entries.
const tags = [...files]
  .map((f) => /^dist\/lib\/components\/(.+)\.js$/.exec(f)?.[1])
  .filter(Boolean)
  .sort();
const entrypoints = [
  ...Object.keys(pkg.exports).filter((k) => !k.includes('*') && !/\.(json|css)$/.test(k)),
  ...tags.flatMap((tag) => [`./components/${tag}.js`, `./react/${tag}.js`]),
];

step('publint --strict', () => npx(['publint', 'run', '--strict', tarball]));

step(`attw --profile esm-only (${entrypoints.length} entry points)`, () =>
  npx([
    'attw',
    tarball,
    '--profile',
    'esm-only',
    '--no-definitely-typed',
    '--format',
    'ascii',
    '--entrypoints',
    ...entrypoints,
  ]),
);

// `/mock` needs no peer: a host without msw imports it, reads accounts through the Kazoo adapter with the emulator's
// in-memory fetch, and type-checks against its declarations (skipLibCheck off).
step('/mock without msw: import, read accounts through the adapter, type-check', () => {
  const dir = join(out, 'no-msw');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'amw-host-no-msw', private: true, type: 'module' }));
  sh(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', relative(dir, tarball)],
    dir,
  );
  if (existsSync(join(dir, 'node_modules', 'msw')))
    throw new Error('msw was installed: the check needs a host without it');
  writeFileSync(
    join(dir, 'read.mjs'),
    `import { createCrossbarEmulator, emulatorFetch } from 'account-manager-widgets/mock';
import { createKazooAdapter } from 'account-manager-widgets/kazoo';
const emulator = createCrossbarEmulator({ seed: { accounts: 12, depth: 1 } });
const api = createKazooAdapter({
  baseUrl: 'http://kazoo.test',
  credentials: { ...emulator.login },
  fetch: emulatorFetch(emulator),
});
const session = await api.getSession();
const page = await api.listChildren(session.accountId, { pageSize: 50 });
if (page.items.length !== 12) throw new Error(\`\${page.items.length} accounts listed, 12 expected\`);
console.log(page.items.map((a) => a.name).join('\\n'));
`,
  );
  const listed = sh('node', ['read.mjs'], dir);
  if (listed.trim().split('\n').length !== 12) throw new Error(`read.mjs printed:\n${listed}`);
  writeFileSync(
    join(dir, 'check.ts'),
    `import { createCrossbarEmulator, emulatorFetch, type CrossbarEmulator } from 'account-manager-widgets/mock';

const emulator: CrossbarEmulator = createCrossbarEmulator({ seed: { accounts: 3 } });
const answer: Promise<Response> = emulatorFetch(emulator)(\`http://kazoo.test/v2/accounts/\${emulator.rootAccountId}\`);
export { answer };
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['ES2023', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['check.ts'],
    }),
  );
  sh(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
});

const hosts = join(root, 'hosts', 'types');
for (const host of readdirSync(hosts).sort()) {
  const dir = join(hosts, host);
  if (!existsSync(join(dir, 'package.json'))) continue;
  step(`${host} host: install the tarball and type-check`, () => {
    sh(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        relative(dir, tarball),
      ],
      dir,
    );
    sh('npm', ['run', '--silent', 'check'], dir);
  });
}

console.log(`package: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);

// The CDN build as a plain HTML page uses it: the loader from a static server, README's snippet, the emulator over
// HTTP, headless Chromium. The build goes to a folder of its own, so this test never reads an old dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Locator } from 'playwright-core';
// @ts-expect-error plain ES module script without declarations
import { ALL, measureCdnPage } from '../scripts/cdn-page-size.mjs';
// @ts-expect-error plain ES module script without declarations
import { serveStatic } from '../bench/lib/static-server.mjs';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator } from '../src/mock/node.js';

interface PageResult {
  ok: boolean;
  error?: string;
  files: { file: string }[];
  later: string[];
  rows: number;
  firstRow: string;
  exportsMissing: string[];
  classesUnset: string[];
  pageErrors: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'amw-cdn-'));
const build = (mode: string) =>
  execFileSync('npx', ['--no-install', 'vite', 'build', '--outDir', dir, '--logLevel', 'error'], {
    env: { ...process.env, AMW_BUILD: mode },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('CDN build', () => {
  before(() => {
    build('cdn');
    build('cdn-all');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the tree from the loader alone, loading the core and the two elements shown, nothing else', async () => {
    const r = (await measureCdnPage({ dir })) as PageResult;
    assert.ok(r.ok, r.error);
    assert.deepEqual(r.pageErrors, []);
    assert.ok(r.rows > 0);
    assert.match(r.firstRow, /\w/);
    const names = r.files.map((f) => f.file.replace(/-[\w-]{8}\.js$/, ''));
    for (const name of ['account-manager-widgets.js', 'core', 'account-provider', 'account-tree']) {
      assert.ok(names.includes(name), `${name} loaded (${names.join(', ')})`);
    }
    for (const other of ['shared', 'account-overview', 'account-create', 'dompurify']) {
      assert.ok(!names.includes(other), `${other} not loaded before the first rows (${names.join(', ')})`);
    }
    assert.deepEqual(r.classesUnset, [], 'AccountProvider and AccountTree exported once defined');
    assert.deepEqual(r.exportsMissing, [], 'the loader and the api file export what the one-file build exports');
  });

  it('loads a further element when its tag is on the page, with its chunk', async () => {
    const r = (await measureCdnPage({
      dir,
      tags: ['account-provider', 'account-tree', 'account-overview'],
    })) as PageResult;
    assert.ok(r.ok, r.error);
    assert.deepEqual(r.pageErrors, []);
    const loaded = [...r.files.map((f) => f.file), ...r.later];
    assert.ok(
      loaded.some((f) => f.startsWith('account-overview-')),
      `account-overview's chunk loaded (${loaded.join(', ')})`,
    );
    assert.deepEqual(r.classesUnset, []);
  });

  it('runs from the one-file build copied alone: other languages and later parts need no other file', async () => {
    // Only the one file, as a host copies it to its own server.
    const alone = mkdtempSync(join(tmpdir(), 'amw-cdn-alone-'));
    const emulator = createCrossbarEmulator({ seed: { seed: 1 } });
    const emu = await serveEmulator(emulator, { port: 0 });
    const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
    try {
      copyFileSync(join(dir, ALL), join(alone, ALL));
      writeFileSync(
        join(alone, 'index.html'),
        `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /></head><body>
          <account-provider><account-tree></account-tree><account-overview></account-overview></account-provider>
          <script type="module">
            import { createKazooAdapter } from './${ALL}';
            document.querySelector('account-provider').api = createKazooAdapter(${JSON.stringify({
              baseUrl: emu.url,
              credentials: emulator.login,
            })});
          </script></body></html>`,
      );
      assert.deepEqual(readdirSync(alone).sort(), [ALL, 'index.html'].sort());
      const server = (await serveStatic({ site: alone })) as { url: string; close(): Promise<void> };
      try {
        const page = await browser.newPage();
        page.setDefaultTimeout(20_000);
        const problems: string[] = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
        page.on('response', (r) => {
          if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
        });
        const scripts: string[] = [];
        page.on('request', (r) => {
          if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
        });
        // What the page reported is part of any failure: a missing file names itself there.
        const see = (what: Locator) =>
          what.waitFor().catch((e: Error) => assert.fail(`${e.message.split('\n')[0]}\n${problems.join('\n')}`));
        await page.goto(`${server.url}/site/index.html`);
        const tree = page.locator('account-tree');
        const overview = page.locator('account-overview');
        await see(tree.getByRole('button', { name: 'Add account' }));
        await see(overview.getByRole('button', { name: 'Save' }));

        for (const [lang, add, save] of [
          ['fr-FR', 'Ajouter un compte', 'Enregistrer'],
          ['de-DE', 'Konto hinzufügen', 'Speichern'],
        ] as const) {
          await page.evaluate((l) => {
            for (const el of document.querySelectorAll('account-tree, account-overview')) el.setAttribute('lang', l);
          }, lang);
          await see(tree.getByRole('button', { name: add }));
          await see(overview.getByRole('button', { name: save }));
        }
        // The tree's keyboard is a part loaded on first use: it works from the one file too.
        const first = tree.getByRole('treeitem').first();
        const name = (await first.textContent())!.trim();
        await first.focus();
        await page.keyboard.press('ArrowDown');
        await see(tree.locator('[role="treeitem"]:focus').filter({ hasNotText: name }));

        assert.deepEqual(scripts, [`/site/${ALL}`], 'the one file is the only script fetched');
        assert.deepEqual(problems, []);
      } finally {
        await server.close();
      }
    } finally {
      await browser.close();
      await emu.close();
      rmSync(alone, { recursive: true, force: true });
    }
  });
});

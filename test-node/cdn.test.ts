// The CDN build as a plain HTML page uses it: the loader from a static server, README's snippet, the emulator over
// HTTP, headless Chromium. The build goes to a folder of its own, so this test never reads an old dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error plain ES module script without declarations
import { measureCdnPage } from '../scripts/cdn-page-size.mjs';

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
});

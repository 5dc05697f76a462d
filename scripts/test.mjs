#!/usr/bin/env node
// The test command: browser tests in headless Chromium (web-test-runner), then Node tests over real HTTP.
// Ends with one line "N passed, N failed" for both together.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';

function ensureChromium() {
  if (findChromium()) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
    const r = spawnSync(
      'sh',
      ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      {
        stdio: 'inherit',
      },
    );
    if (r.status === 0 && findChromium()) return true;
  }
  console.error(
    'No Chromium found for the browser tests. Install one and run again:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  return false;
}

if (!existsSync('node_modules/.bin/wtr')) {
  console.log('Installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!ensureChromium()) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'amw-test-'));
const totals = { passed: 0, failed: 0 };
const add = (file) => {
  try {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    return true;
  } catch {
    return false;
  }
};

const browserSummary = join(dir, 'browser.json');
const browser = spawnSync('npx', ['wtr'], {
  stdio: 'inherit',
  env: { ...process.env, WTR_SUMMARY_FILE: browserSummary },
});
if (!add(browserSummary)) totals.failed += 1; // the runner itself failed to start

const nodeSummary = join(dir, 'node.json');
const node = spawnSync(
  'npx',
  [
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    `--test-reporter-destination=${nodeSummary}`,
    ...listNodeTests(),
  ],
  { stdio: 'inherit' },
);
if (!add(nodeSummary)) totals.failed += 1;

const ok = browser.status === 0 && node.status === 0 && totals.failed === 0;
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);

function listNodeTests() {
  const r = spawnSync('sh', ['-c', 'ls test-node/*.test.ts 2>/dev/null'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

// The Node this project declares runs everything it installs: every package in the lockfile that states an
// engine accepts the lowest Node version of package.json's `engines` (so `npm ci` prints no engine warning).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import semver from 'semver';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines?: { node?: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean }>;
};

describe('engines', () => {
  it('declares the Node it supports, and every locked package accepts its lowest version', () => {
    const range = pkg.engines?.node;
    assert.ok(range, 'package.json names engines.node');
    const lowest = semver.minVersion(range)!.version;
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path && !Array.isArray(p.engines) && p.engines?.node)
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node, { includePrerelease: true }))
      .map(
        ([path, p]) =>
          `${path.replace(/^.*node_modules\//, '')}@${p.version} wants node ${(p.engines as { node: string }).node}`,
      );
    assert.deepEqual(refused, [], `packages that refuse Node ${lowest}`);
  });
});

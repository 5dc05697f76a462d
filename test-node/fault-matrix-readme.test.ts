// The README's "Faults" section is the one printed from the fault matrix's tables (the words its tests assert), so
// the table of results cannot drift from what the tests check.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { faultsSection } from '../scripts/fault-matrix-readme.js';

it('the README holds the "Faults" section printed from the fault matrix tables', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(faultsSection()), 'print it again with: npx tsx scripts/fault-matrix-readme.ts');
});

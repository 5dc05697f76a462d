// The emulator's copies of Kazoo's schemas: unchanged JSON beside their license, embedded verbatim in bundle.ts.
// `UPDATE_SCHEMAS=1 npx tsx --test test-node/emulator-schemas.test.ts` regenerates bundle.ts from the JSON files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { schemas } from '../src/mock/schemas/bundle.js';
import { erlangRegex, Validator } from '../src/mock/validate.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../src/mock/schemas');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();

function bundleSource(): string {
  const lines = [
    '// This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was',
    '// not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/ (also ./licenses/MPL-2.0.txt).',
    '// The Kazoo Crossbar schemas beside this file, embedded verbatim because browsers cannot import JSON here.',
    '// Generated: UPDATE_SCHEMAS=1 npx tsx --test test-node/emulator-schemas.test.ts (which also checks it); do not edit.',
    "import type { JsonSchema } from '../json-schema.js';",
    '',
    'export const schemas: Record<string, JsonSchema> = {',
  ];
  for (const n of names)
    lines.push(`  ${JSON.stringify(n)}: ${readFileSync(join(dir, `${n}.json`), 'utf8').replace(/\n+$/, '')},`);
  lines.push('};');
  return lines.join('\n') + '\n';
}

if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(join(dir, 'bundle.ts'), bundleSource());

describe('emulator schemas', () => {
  it('embeds exactly the JSON files beside it', () => {
    assert.deepEqual(Object.keys(schemas).sort(), names);
    for (const n of names) assert.deepEqual(schemas[n], JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')), n);
    assert.equal(readFileSync(join(dir, 'bundle.ts'), 'utf8'), bundleSource());
  });

  it('ships the license the copies fall under', () => {
    assert.ok(existsSync(join(dir, 'licenses/MPL-2.0.txt')));
    assert.match(readFileSync(join(dir, 'licenses/MPL-2.0.txt'), 'utf8'), /Mozilla Public License Version 2\.0/);
  });

  it('resolves every $ref inside the folder', () => {
    const refs = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          if (k === '$ref') refs.add(String(v));
          walk(v);
        }
      }
    };
    walk(schemas);
    for (const r of refs) assert.ok(schemas[r], `missing $ref ${r}`);
    for (const n of ['accounts', 'users', 'limits', 'ledgers', 'user_auth', 'api_auth']) assert.ok(schemas[n], n);
  });

  it('accepts the doc examples and rejects broken documents', () => {
    const v = new Validator();
    assert.deepEqual(v.validate('accounts', { name: 'child account' }), {});
    assert.deepEqual(v.validate('users', { first_name: 'User', last_name: 'Three' }), {});
    assert.deepEqual(
      v.validate('limits', {
        twoway_trunks: 0,
        inbound_trunks: 11,
        id: 'limits',
        allow_prepay: true,
        outbound_trunks: 5,
      }),
      {},
    );
    assert.deepEqual(
      v.validate('ledgers', {
        amount: 100,
        description: 'blablabla',
        source: { service: 'tower/support/...', id: 'mac/mdn/...' },
        usage: { type: 'data', quantity: 5, unit: 'MB' },
        period: { start: 10938710938, end: 214109238023899 },
      }),
      {},
    );
    const errs = v.validate('users', { first_name: '', priv_level: 'root', username: 'a b', hotdesk: { pin: '12' } });
    assert.deepEqual(Object.keys(errs).sort(), ['first_name', 'hotdesk.pin', 'last_name', 'priv_level', 'username']);
    assert.deepEqual(errs.last_name, { required: { message: 'Field is required but missing' } });
    assert.equal(errs.priv_level?.enum?.value, 'root');
    assert.equal(errs['hotdesk.pin']?.minLength?.target, 4);
    const media = v.validate('users', { first_name: 'a', last_name: 'b', media: { bypass_media: 'sometimes' } });
    assert.ok(media['media.bypass_media']?.oneOf);
    assert.deepEqual(
      v.validate('api_auth', { api_key: 'a'.repeat(64), extra: 1 }).extra?.additionalProperties?.value,
      1,
    );
  });

  it('translates Erlang POSIX classes (formatters.json)', () => {
    const re = erlangRegex('^[[:alnum:]_]+$');
    assert.ok(re.test('caller_id_name9'));
    assert.ok(!re.test('caller-id'));
    const v = new Validator();
    assert.deepEqual(v.validate('accounts', { name: 'x', formatters: { from: { regex: '^\\+?1(\\d{10})$' } } }), {});
    assert.ok(v.validate('accounts', { name: 'x', formatters: { from: 42 } })['formatters.from']);
  });
});

import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import * as c from './check.js';

/** The same shape twice: written with the checker and with zod/mini, whose answers it must give. */
const pairs = {
  doc: [
    c.object({
      id: c.string,
      name: c.string,
      n: c.nullish(c.number),
      flag: c.nullish(c.boolean),
      rev: c.optional(c.union(c.string, c.number)),
      tags: c.nullish(c.array(c.string)),
      map: c.nullish(c.record(c.object({ action: c.optional(c.string) }))),
      inner: c.nullish(c.object({ a: c.nullish(c.string) })),
      any: c.unknown,
    }),
    z.looseObject({
      id: z.string(),
      name: z.string(),
      n: z.optional(z.nullable(z.number())),
      flag: z.optional(z.nullable(z.boolean())),
      rev: z.optional(z.union([z.string(), z.number()])),
      tags: z.optional(z.nullable(z.array(z.string()))),
      map: z.optional(z.nullable(z.record(z.string(), z.looseObject({ action: z.optional(z.string()) })))),
      inner: z.optional(z.nullable(z.looseObject({ a: z.optional(z.nullable(z.string())) }))),
      any: z.unknown(),
    }),
  ],
  list: [c.array(c.object({ id: c.string })), z.array(z.looseObject({ id: z.string() }))],
  either: [
    c.union(c.record(c.object({ name: c.nullish(c.string) })), c.array(c.object({ name: c.nullish(c.string) }))),
    z.union([
      z.record(z.string(), z.looseObject({ name: z.optional(z.nullable(z.string())) })),
      z.array(z.looseObject({ name: z.optional(z.nullable(z.string())) })),
    ]),
  ],
  envelope: [
    c.object({ status: c.optional(c.string), data: c.unknown, metadata: c.nullish(c.record(c.unknown)) }),
    z.looseObject({
      status: z.optional(z.string()),
      data: z.unknown(),
      metadata: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
    }),
  ],
} as const;

const values: unknown[] = [
  { id: 'a', name: 'A' },
  { id: 'a', name: 'A', extra: { deep: [1] }, n: null, flag: false, rev: 3, tags: [], map: {}, inner: null },
  { id: 'a', name: 42 },
  { id: 'a' },
  { name: 'A', n: '1', flag: 'yes', rev: true, tags: ['x', 2], map: { x: { action: 1 }, y: 3 }, inner: { a: 5 } },
  { id: 'a', name: 'A', n: Number.NaN, map: [] },
  null,
  [],
  'text',
  [{ id: 'a' }, { id: 1 }, null],
  {},
  { x: { name: 1 } },
  [{ name: 'n' }],
  { status: 'success', data: [] },
  { status: 'success', data: null, metadata: [] },
  { status: 1 },
];

const summary = (r: {
  success: boolean;
  error?: { issues: readonly { code: string; path: PropertyKey[]; message: string }[] };
}) => (r.success ? 'ok' : r.error!.issues.map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`));

describe('reply shapes (check.ts)', () => {
  for (const [name, [mine, zods]] of Object.entries(pairs)) {
    it(`${name}: answers as zod/mini does, issue by issue (code, path, message)`, () => {
      for (const v of values) {
        expect(summary(mine.safeParse(v)), JSON.stringify(v)).to.deep.equal(summary(zods.safeParse(v)));
      }
    });
  }
  it('gives back the value itself, with the keys it does not name', () => {
    const v = { id: 'a', name: 'A', any: null, more: 1 };
    const r = pairs.doc[0].safeParse(v);
    expect(r.success && r.data).to.equal(v);
  });
});

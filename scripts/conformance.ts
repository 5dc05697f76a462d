/**
 * `npm run test:conformance`: the adapter against Kazoo's own reference data.
 * 1. Runs the AccountApi contract suite through the adapter against the emulator over real HTTP, recording every
 *    request body, and validates each against Kazoo's draft-04 schemas (PATCH: stored document + patch).
 * 2. Parses every response example from Kazoo's docs for an endpoint the adapter reads through the adapter.
 * Reference folder: KAZOO_REFERENCE or ../shared/kazoo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { AccountApiError, type AccountApi } from '../src/api/index.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator } from '../src/mock/node.js';
import { runAccountApiContract } from '../src/testing/index.js';
import { runSuite } from './mini-runner.js';

const REF = resolve(process.env.KAZOO_REFERENCE ?? '../shared/kazoo');
if (!existsSync(join(REF, 'schemas')) || !existsSync(join(REF, 'examples'))) {
  console.error(
    `Conformance needs Kazoo's reference data, and ${REF} has no schemas/ and examples/ folders.\n` +
      'Put the shared/kazoo folder beside the project (../shared/kazoo) or set KAZOO_REFERENCE to its path.',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------- schemas ----------
const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false });
const schemaDir = join(REF, 'schemas');
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
  // Kazoo writes Erlang regexes: translate POSIX classes so a JavaScript validator can compile them.
  const text = readFileSync(join(schemaDir, file), 'utf8')
    .replaceAll('[:alnum:]', 'A-Za-z0-9')
    .replaceAll('[:alpha:]', 'A-Za-z')
    .replaceAll('[:digit:]', '0-9')
    .replaceAll('[:space:]', '\\\\s');
  const schema = JSON.parse(text) as Record<string, unknown>;
  delete schema.$schema;
  ajv.addSchema(schema, file.replace(/\.json$/, ''));
}

interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
}
const recorded: Recorded[] = [];
const docs = new Map<string, Record<string, unknown>>(); // last known stored document per resource path

function recordingFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^.*?\/v2/, '');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    if (body) recorded.push({ method, path, body });
    const res = await base(input, init);
    if (res.ok) {
      const copy = await res
        .clone()
        .json()
        .catch(() => undefined);
      const data = copy?.data;
      if (data && typeof data === 'object' && !Array.isArray(data) && typeof data.id === 'string') {
        const key = /\/(accounts|users)\/[^/]+$/.test(path) ? path : method === 'PUT' ? `${path}/${data.id}` : path;
        docs.set(key, data);
      }
    }
    return res;
  };
}

const SCHEMA_FOR: [RegExp, string, string][] = [
  [/^PUT \/accounts\/[^/]+$/, 'accounts', 'create account'],
  [/^PUT \/accounts$/, 'accounts', 'create account'],
  [/^(POST|PATCH) \/accounts\/[^/]+$/, 'accounts', 'update account'],
  [/^PUT \/accounts\/[^/]+\/users$/, 'users', 'create user'],
  [/^(POST|PATCH) \/accounts\/[^/]+\/users\/[^/]+$/, 'users', 'update user'],
  [/^POST \/accounts\/[^/]+\/limits$/, 'limits', 'limits'],
  [/^PUT \/accounts\/[^/]+\/ledgers\/(credit|debit)$/, 'ledgers', 'ledger adjustment'],
  [/^PUT \/user_auth$/, 'user_auth', 'login'],
  [/^PUT \/api_auth$/, 'api_auth', 'api key login'],
];

const SERVER_KEYS = [
  'id',
  'billing_mode',
  'created',
  'is_reseller',
  'reseller_id',
  'superduper_admin',
  'wnm_allow_additions',
];
function mergePatch(doc: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...doc };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      out[k] &&
      typeof out[k] === 'object' &&
      !Array.isArray(out[k])
    ) {
      out[k] = mergePatch(out[k] as Record<string, unknown>, v as Record<string, unknown>);
    } else out[k] = v;
  }
  return out;
}

// ---------- 1. contract suite over HTTP, bodies validated ----------
const emulator = createCrossbarEmulator({ seed: { accounts: 40, depth: 2, seed: 7 } });
const server = await serveEmulator(emulator, { port: 0 });
const makeApi = () =>
  createKazooAdapter({
    baseUrl: server.url,
    credentials: { ...emulator.login },
    fetch: recordingFetch(fetch),
    onChargesRequired: () => true,
  });
const contract = await runSuite((framework) =>
  runAccountApiContract(
    () => ({
      api: makeApi(),
      foreignAccountId: emulator.foreignAccountId,
      expiredApi: createKazooAdapter({ baseUrl: server.url, token: 'expired-token' }),
    }),
    { framework },
  ),
);
await server.close();

let bodiesChecked = 0;
const bodyFailures: string[] = [];
const unschemed = new Map<string, number>();
for (const r of recorded) {
  const sig = `${r.method} ${r.path}`;
  const hit = SCHEMA_FOR.find(([re]) => re.test(sig));
  if (!hit) {
    const shape = sig.replace(/[0-9a-f]{32}/g, '{id}');
    unschemed.set(shape, (unschemed.get(shape) ?? 0) + 1);
    continue;
  }
  const [, schema, label] = hit;
  let doc = (r.body?.data ?? {}) as Record<string, unknown>;
  if (r.method === 'PATCH') {
    const stored = docs.get(r.path);
    if (!stored) {
      bodyFailures.push(`${sig}: no stored document seen before the PATCH`);
      continue;
    }
    const base = { ...stored };
    for (const k of SERVER_KEYS) delete base[k];
    doc = mergePatch(base, doc);
  }
  bodiesChecked++;
  const validate = ajv.getSchema(schema)!;
  if (!validate(doc)) {
    bodyFailures.push(
      `${label} (${sig}): ${ajv.errorsText(validate.errors)}\n    body: ${JSON.stringify(r.body).slice(0, 400)}`,
    );
  }
}

// ---------- 2. doc examples through the adapter ----------
const exDir = join(REF, 'examples');
const example = (name: string) => JSON.parse(readFileSync(join(exDir, name), 'utf8')) as unknown;
const exampleFiles = readdirSync(exDir).filter((f) => f.endsWith('.json'));
const find = (prefix: string) => exampleFiles.find((f) => f.startsWith(prefix));

type Route = [method: string, pathRe: RegExp, file: string, status?: number];
function fakeApi(routes: Route[], opts: Partial<Parameters<typeof createKazooAdapter>[0]> = {}): AccountApi {
  return createKazooAdapter({
    baseUrl: 'http://kazoo.test:8000',
    token: 'token',
    ...opts,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const path = url.pathname.replace(/^\/v2/, '');
      const method = init?.method ?? 'GET';
      const route = routes.find(([m, re]) => m === method && re.test(path));
      if (!route)
        return new Response(JSON.stringify({ status: 'error', error: '404', message: 'bad identifier', data: {} }), {
          status: 404,
        });
      return new Response(JSON.stringify(example(route[2])), {
        status: route[3] ?? 200,
        headers: { 'Content-Type': 'application/json' },
      });
    },
  });
}

interface ExampleCase {
  prefix: string;
  what: string;
  run: (file: string) => Promise<unknown>;
}
const acct = /^\/accounts\/[^/]+$/;
const cases: ExampleCase[] = [
  { prefix: 'accounts-04-', what: 'getAccount', run: (f) => fakeApi([['GET', acct, f]]).getAccount('a') },
  {
    prefix: 'accounts-02-',
    what: 'createAccount',
    run: (f) => fakeApi([['PUT', acct, f]]).createAccount('p', { name: 'x' }),
  },
  {
    prefix: 'accounts-06-',
    what: 'updateAccount (PATCH reply)',
    run: (f) => fakeApi([['PATCH', acct, f]]).updateAccount('a', { name: 'x' }),
  },
  {
    prefix: 'accounts-12-',
    what: 'getAncestors (cut at the token’s account, read from /token_auth)',
    run: (f) =>
      fakeApi([
        ['GET', /\/tree$/, f],
        ['GET', /^\/token_auth$/, find('token_auth-06-')!],
      ]).getAncestors('a'),
  },
  { prefix: 'accounts-17-', what: 'listChildren', run: (f) => fakeApi([['GET', /\/children$/, f]]).listChildren('a') },
  {
    prefix: 'user_authentication-02-',
    what: 'login with credentials + getSession',
    run: (f) =>
      fakeApi(
        [
          ['PUT', /^\/user_auth$/, f],
          ['GET', acct, find('accounts-04-')!],
        ],
        {
          token: undefined,
          credentials: { username: 'u', password: 'p', accountName: 'a' },
        },
      ).getSession(),
  },
  {
    prefix: 'token_auth-06-',
    what: 'getSession with a host token',
    run: (f) =>
      fakeApi([
        ['GET', /^\/token_auth$/, f],
        ['GET', acct, find('accounts-04-')!],
      ]).getSession(),
  },
  {
    prefix: 'users-03-',
    what: 'createUser',
    run: (f) => fakeApi([['PUT', /\/users$/, f]]).createUser('a', { firstName: 'a', lastName: 'b', privLevel: 'user' }),
  },
  {
    prefix: 'users-07-',
    what: 'updateUser',
    run: (f) => fakeApi([['PATCH', /\/users\/[^/]+$/, f]]).updateUser('a', 'u', { firstName: 'x' }),
  },
  {
    prefix: 'users-04-',
    what: 'deleteUser',
    run: (f) => fakeApi([['DELETE', /\/users\/[^/]+$/, f]]).deleteUser('a', 'u'),
  },
  {
    prefix: 'phone_numbers-37-',
    what: 'listCallClasses (object shape)',
    run: (f) => fakeApi([['GET', /\/classifiers$/, f]]).listCallClasses('a'),
  },
  {
    prefix: 'apps_store-11-',
    what: 'listApps (blacklist reply)',
    run: (f) =>
      fakeApi([
        ['GET', /\/tree$/, find('accounts-12-')!],
        ['GET', /\/apps_store\/blacklist$/, f],
        ['GET', /\/apps_store$/, find('accounts-17-')!],
      ]).listApps('a'),
  },
  {
    prefix: 'ledgers-05-',
    what: 'adjustBalance (debit reply)',
    run: async (f) => {
      const total = { status: 'success', data: { amount: 12.5 } };
      const api = createKazooAdapter({
        baseUrl: 'http://kazoo.test',
        token: 't',
        fetch: async (input, init) =>
          new Response(JSON.stringify(init?.method === 'PUT' ? example(f) : total), { status: 200 }),
      });
      return api.adjustBalance('a', { amount: '1', direction: 'debit' });
    },
  },
  {
    prefix: 'legacy_service_plans-11-',
    what: 'listServicePlans',
    run: (f) => fakeApi([['GET', /\/services\/available$/, f]]).listServicePlans('r'),
  },
  {
    prefix: '402-01-',
    what: 'a 402 reply becomes charges-required with its items',
    run: async (f) => {
      const err = await fakeApi([
        ['POST', /\/limits$/, f, 402],
        ['GET', /\/limits$/, find('limits-02-')!],
      ])
        .updateLimits('a', { twowayTrunks: 1 })
        .catch((e: unknown) => e);
      if (!AccountApiError.is(err, 'charges-required') || !(err.details as { items: unknown[] }).items.length)
        throw new Error(`got ${String(err)}`);
      return err;
    },
  },
  {
    prefix: 'how_to_authenticate-01-',
    what: 'a 401 reply becomes kind auth',
    run: async (f) => {
      const err = await fakeApi([['GET', acct, f, 401]])
        .getAccount('a')
        .catch((e: unknown) => e);
      if (!AccountApiError.is(err, 'auth')) throw new Error(`got ${String(err)}`);
      return err;
    },
  },
  {
    prefix: 'phone_numbers-06-',
    what: 'a 404 reply becomes kind not-found',
    run: async (f) => {
      const err = await fakeApi([['GET', acct, f, 404]])
        .getAccount('a')
        .catch((e: unknown) => e);
      if (!AccountApiError.is(err, 'not-found')) throw new Error(`got ${String(err)}`);
      return err;
    },
  },
];

let examplesParsed = 0;
const exampleFailures: string[] = [];
for (const c of cases) {
  const file = find(c.prefix);
  if (!file) {
    exampleFailures.push(`${c.prefix}*: example file missing`);
    continue;
  }
  try {
    await c.run(file);
    examplesParsed++;
  } catch (e) {
    exampleFailures.push(`${file} via ${c.what}: ${(e as Error).message}`);
  }
}

// ---------- report ----------
console.log('\nContract suite through the Kazoo adapter, emulator over HTTP:');
console.log(`  ${contract.passed} passed, ${contract.failed} failed`);
for (const f of contract.failures) console.log(`  ✗ ${f}`);
console.log(`\nRequest bodies validated against Kazoo's schemas: ${bodiesChecked} (${bodyFailures.length} invalid)`);
for (const f of bodyFailures) console.log(`  ✗ ${f}`);
console.log('  Bodies with no Kazoo schema (action bodies, callflows, services, blacklist):');
for (const [shape, n] of unschemed) console.log(`    ${shape} ×${n}`);
console.log(`\nDoc response examples parsed through the adapter: ${examplesParsed} of ${cases.length}`);
for (const f of exampleFailures) console.log(`  ✗ ${f}`);

const passed = contract.passed + (bodiesChecked - bodyFailures.length) + examplesParsed;
const failed = contract.failed + bodyFailures.length + exampleFailures.length;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

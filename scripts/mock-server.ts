// `npm run mock-server [-- --accounts N --depth D --seed S --latency MS --port P --host H --allow-origin O]`:
// an in-memory Kazoo Crossbar on http://127.0.0.1:8000 for demos and manual testing.
// Browser pages on localhost / 127.0.0.1 / [::1] may call it; `--allow-origin` (repeatable) adds an origin,
// `--allow-origin '*'` allows any.
// Environment: PORT, HOST, MOCK_ACCOUNTS, MOCK_DEPTH, MOCK_SEED, MOCK_LATENCY_MS, MOCK_ALLOW_ORIGIN (comma-separated).
import { parseArgs } from 'node:util';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator } from '../src/mock/node.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string' },
    depth: { type: 'string' },
    seed: { type: 'string' },
    latency: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
  },
});

function num(flag: string | undefined, env: string | undefined, fallback?: number): number | undefined {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`mock-server: not a number: ${raw}`);
    process.exit(2);
  }
  return n;
}

const seed = {
  accounts: num(values.accounts, process.env.MOCK_ACCOUNTS),
  depth: num(values.depth, process.env.MOCK_DEPTH),
  seed: num(values.seed, process.env.MOCK_SEED),
};
const latency = num(values.latency, process.env.MOCK_LATENCY_MS);
const started = performance.now();
const emulator = createCrossbarEmulator({
  seed: Object.fromEntries(Object.entries(seed).filter(([, v]) => v !== undefined)),
  latencyMs: latency,
});
const seededMs = performance.now() - started;
const origins = [...(values['allow-origin'] ?? []), ...(process.env.MOCK_ALLOW_ORIGIN ?? '').split(',')]
  .map((o) => o.trim())
  .filter((o) => o !== '');
const allowedOrigins = origins.includes('*') ? '*' : origins;
const server = await serveEmulator(emulator, {
  port: num(values.port, process.env.PORT, 8000),
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  allowedOrigins,
});

const { login, superduperLogin } = emulator;
console.log(
  `Crossbar emulator listening on ${server.url}  (API base ${server.url}/v2, seeded in ${seededMs.toFixed(0)} ms)`,
);
console.log(
  `  reseller admin   ${login.username} / ${login.password}  account "${login.accountName}" (${emulator.rootAccountId})`,
);
console.log(
  `  superduper admin ${superduperLogin.username} / ${superduperLogin.password}  account "${superduperLogin.accountName}" (${emulator.masterAccountId})`,
);
console.log(`  api key          ${emulator.apiKey}`);
console.log(
  `  browser origins  localhost, 127.0.0.1, [::1]${allowedOrigins === '*' ? ', any other (*)' : origins.map((o) => `, ${o}`).join('')}`,
);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

// The contract suite through the Kazoo adapter against the emulator over real HTTP (node:http), in Node 20.
import { after, before, describe, it } from 'node:test';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator } from '../src/mock/node.js';
import { runAccountApiContract } from '../src/testing/index.js';

const emulator = createCrossbarEmulator({ seed: { accounts: 30, depth: 2, seed: 5 } });
let server: Awaited<ReturnType<typeof serveEmulator>>;

describe('over HTTP', () => {
  before(async () => {
    server = await serveEmulator(emulator, { port: 0 });
  });
  after(async () => {
    await server?.close();
  });
  runAccountApiContract(
    () => ({
      api: createKazooAdapter({
        baseUrl: server.url,
        credentials: { ...emulator.login },
        onChargesRequired: () => true,
      }),
      foreignAccountId: emulator.foreignAccountId,
      expiredApi: createKazooAdapter({ baseUrl: server.url, token: 'not-a-valid-token' }),
    }),
    {
      name: 'AccountApi contract: Kazoo adapter + emulator (node:http, Node 20)',
      framework: { describe, it, before, after },
    },
  );
});

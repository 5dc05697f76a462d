// The contract suite through the Kazoo adapter against the emulator over real HTTP (node:http), in Node 20:
// once with the opaque paging keys Crossbar 4.2+ sends, once with the raw view keys of older servers.
import { after, before, describe, it } from 'node:test';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { createCrossbarEmulator } from '../src/mock/index.js';
import { serveEmulator } from '../src/mock/node.js';
import { runAccountApiContract } from '../src/testing/index.js';

for (const startKeys of ['opaque', 'raw'] as const) {
  const emulator = createCrossbarEmulator({ seed: { accounts: 30, depth: 2, seed: 5 }, startKeys });
  let server: Awaited<ReturnType<typeof serveEmulator>>;

  describe(`over HTTP, ${startKeys} paging keys`, () => {
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
        name: `AccountApi contract: Kazoo adapter + emulator (node:http, Node 20, ${startKeys} paging keys)`,
        framework: { describe, it, before, after },
      },
    );
  });
}

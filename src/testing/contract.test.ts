// The contract suite through the Kazoo adapter against the emulator, served by MSW in Chromium.
import { setupWorker } from 'msw/browser';
import { createKazooAdapter } from '../kazoo/index.js';
import { createCrossbarEmulator } from '../mock/index.js';
import { mswHandlers } from '../mock/msw.js';
import { runAccountApiContract } from './index.js';

const BASE = 'http://crossbar.contract.test:8000';
const emulator = createCrossbarEmulator({ seed: { accounts: 30, depth: 2, seed: 3 } });
const worker = setupWorker(...mswHandlers(emulator, { baseUrl: BASE }));

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

runAccountApiContract(
  () => ({
    api: createKazooAdapter({ baseUrl: BASE, credentials: { ...emulator.login }, onChargesRequired: () => true }),
    foreignAccountId: emulator.foreignAccountId,
    expiredApi: createKazooAdapter({ baseUrl: BASE, token: 'not-a-valid-token' }),
  }),
  { name: 'AccountApi contract: Kazoo adapter + emulator (MSW, Chromium)' },
);

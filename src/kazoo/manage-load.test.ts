import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { AccountApiError } from '../api/index.js';
import { createCrossbarEmulator } from '../mock/index.js';
import { mswHandlers } from '../mock/msw.js';
import { createKazooAdapter } from './index.js';

// Its own page: the module that fails to load here is loaded by no other test first.
const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());

describe('createKazooAdapter: the management code fails to load', () => {
  it('rejects with a network AccountApiError that says so, while reads still work', async () => {
    const emulator = createCrossbarEmulator({ seed: { accounts: 5, depth: 1, seed: 3 } });
    const baseUrl = 'http://kazoo.load.test:8000';
    let asked = 0;
    worker.use(
      http.get(/\/src\/kazoo\/manage\.(?:js|ts)(?:\?|$)/, () => {
        asked++;
        return HttpResponse.error();
      }),
      ...mswHandlers(emulator, { baseUrl }),
    );
    const api = createKazooAdapter({ baseUrl, credentials: { ...emulator.login } });

    let error: unknown;
    try {
      await api.getLimits(emulator.rootAccountId);
    } catch (e) {
      error = e;
    }
    expect(asked, 'the module request was intercepted').to.be.greaterThan(0);
    expect(AccountApiError.is(error), `rejected with ${String(error)}`).to.equal(true);
    const e = error as AccountApiError;
    expect([e.kind, e.retryable]).to.deep.equal(['network', true]);
    expect(e.message).to.contain('could not be loaded');

    const again = await api.createAccount(emulator.rootAccountId, { name: 'Not Sent' }).catch((x: unknown) => x);
    expect(AccountApiError.is(again, 'network'), `rejected with ${String(again)}`).to.equal(true);
    expect(emulator.requests.some((r) => r.method === 'PUT' && r.path.startsWith('/v2/accounts/'))).to.equal(false);

    expect((await api.getAccount(emulator.rootAccountId)).id).to.equal(emulator.rootAccountId);
    expect((await api.listChildren(emulator.rootAccountId)).items.length).to.be.greaterThan(0);
  });
});

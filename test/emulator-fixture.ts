/**
 * Test wiring shared by widget tests: the Crossbar emulator behind MSW in Chromium, the real Kazoo adapter,
 * and a provider around the element under test. Each emulator answers on its own host, so tests never share data.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { setupWorker } from 'msw/browser';
import type { AccountApi } from '../src/api/index.js';
import { createKazooAdapter, type KazooAdapterOptions } from '../src/kazoo/index.js';
import {
  createCrossbarEmulator,
  emulatorFetch,
  type CrossbarEmulator,
  type EmulatorOptions,
  type RecordedRequest,
} from '../src/mock/index.js';
import { mswHandlers } from '../src/mock/msw.js';
import '../components/account-provider/account-provider.define.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';

let worker: ReturnType<typeof setupWorker> | undefined;
let started: Promise<unknown> | undefined;
let hosts = 0;

async function ensureWorker() {
  worker ??= setupWorker();
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  return worker;
}

/** An account as `emulator.accounts()` lists it, in domain words (depth, enabled, isReseller, childCount…). */
export type DirectoryAccount = ReturnType<CrossbarEmulator['accounts']>[number];

const SEED: EmulatorOptions = { seed: { accounts: 40, depth: 3, seed: 1 } };

export interface EmulatorFixture {
  emulator: CrossbarEmulator;
  baseUrl: string;
  /** A Kazoo adapter logged in as the emulator's reseller admin (charges accepted unless overridden). */
  makeApi(options?: Partial<KazooAdapterOptions>): AccountApi;
  api: AccountApi;
  /** The enabled customers (not resellers) directly under the root reseller, in the directory's order. */
  customers(): DirectoryAccount[];
  /** The first of its customers, or the first that also passes `also` (say, one without sub-accounts). */
  customer(also?: (a: DirectoryAccount) => boolean): DirectoryAccount;
  /** The requests it answered with `method` on a path that `path` matches. */
  requestsTo(method: string, path: RegExp): RecordedRequest[];
  /** The requests that changed an account's data (signing in is not one). */
  writes(): RecordedRequest[];
}

/** What a test may use while it prepares an emulator's state (see `preparedEmulator`). */
export type PreparingFixture = Pick<EmulatorFixture, 'emulator' | 'api' | 'customers' | 'customer'>;

function picking(emulator: CrossbarEmulator): Pick<EmulatorFixture, 'customers' | 'customer'> {
  const customers = () => emulator.accounts().filter((a) => a.depth === 1 && a.enabled && !a.isReseller);
  return {
    customers,
    customer(also = () => true) {
      const found = customers().find(also);
      if (!found) throw new Error('The emulator has no such customer.');
      return found;
    },
  };
}

/** Options for `startEmulator` from the state `prepare` leaves, made through a direct adapter no test sees. */
export async function preparedEmulator(
  prepare: (fx: PreparingFixture) => Promise<unknown>,
  options: EmulatorOptions = {},
): Promise<EmulatorOptions> {
  const emulator = createCrossbarEmulator({ ...SEED, ...options });
  const api = createKazooAdapter({
    baseUrl: 'http://prepare.widgets.test',
    credentials: { ...emulator.login },
    onChargesRequired: () => true,
    fetch: emulatorFetch(emulator),
  });
  await prepare({ emulator, api, ...picking(emulator) });
  return { ...options, state: emulator.snapshot() };
}

/** A fresh emulator (default: 40 accounts, 3 levels) served through MSW, with an adapter for it. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const w = await ensureWorker();
  const emulator = createCrossbarEmulator({ ...SEED, ...options });
  const baseUrl = `http://crossbar-${++hosts}.widgets.test:8000`;
  w.use(...mswHandlers(emulator, { baseUrl }));
  const makeApi = (o: Partial<KazooAdapterOptions> = {}) =>
    createKazooAdapter({ baseUrl, credentials: { ...emulator.login }, onChargesRequired: () => true, ...o });
  return {
    emulator,
    baseUrl,
    makeApi,
    api: makeApi(),
    ...picking(emulator),
    requestsTo: (method, path) => emulator.requests.filter((r) => r.method === method && path.test(r.path)),
    writes: () => emulator.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v2/accounts')),
  };
}

/** Renders `template` inside `<account-provider .api=${api}>` and waits for the session. */
export async function mountInProvider<T extends Element>(
  api: AccountApi,
  template: TemplateResult,
  selector?: string,
): Promise<{ provider: AccountProvider; el: T }> {
  const provider = await fixture<AccountProvider>(html`<account-provider .api=${api}>${template}</account-provider>`);
  await waitUntil(() => provider.session !== undefined, 'the session did not load', { timeout: 5000 });
  const el = (selector ? provider.querySelector(selector) : provider.firstElementChild) as T;
  return { provider, el };
}

/** Waits until `predicate` holds, with a readable failure. */
export function until(predicate: () => unknown, message: string, timeout = 5000): Promise<void> {
  return waitUntil(predicate, message, { timeout, interval: 20 });
}

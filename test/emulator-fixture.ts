/**
 * Test wiring shared by widget tests: the Crossbar emulator behind MSW in Chromium, the real Kazoo adapter,
 * and a provider around the element under test. Each emulator answers on its own host, so tests never share data.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { setupWorker } from 'msw/browser';
import type { AccountApi } from '../src/api/index.js';
import { createKazooAdapter, type KazooAdapterOptions } from '../src/kazoo/index.js';
import { createCrossbarEmulator, mswHandlers, type CrossbarEmulator, type EmulatorOptions } from '../src/mock/index.js';
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

export interface EmulatorFixture {
  emulator: CrossbarEmulator;
  baseUrl: string;
  /** A Kazoo adapter logged in as the emulator's reseller admin (charges accepted unless overridden). */
  makeApi(options?: Partial<KazooAdapterOptions>): AccountApi;
  api: AccountApi;
}

/** A fresh emulator (default: 40 accounts, 3 levels) served through MSW, with an adapter for it. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const w = await ensureWorker();
  const emulator = createCrossbarEmulator({ seed: { accounts: 40, depth: 3, seed: 1 }, ...options });
  const baseUrl = `http://crossbar-${++hosts}.widgets.test:8000`;
  w.use(...mswHandlers(emulator, { baseUrl }));
  const makeApi = (o: Partial<KazooAdapterOptions> = {}) =>
    createKazooAdapter({ baseUrl, credentials: { ...emulator.login }, onChargesRequired: () => true, ...o });
  return { emulator, baseUrl, makeApi, api: makeApi() };
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

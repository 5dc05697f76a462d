/**
 * The demo's stand-in for Kazoo: the Crossbar emulator answers this page's requests to `/demo-crossbar` through
 * MSW's service worker. One emulator serves every tab and every demo page (its data kept in IndexedDB), so a change
 * made on one page is seen on the others.
 */
import { http, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Login } from '../src/mock/index.js';
import { connectEmulator, type EmulatorLink } from './emulator-link.js';
import { allowOwnWorkers } from './trusted-types.js';
import type { DemoReseller } from './persist.js';

/** The Crossbar URL the demo pages give `createKazooAdapter`. */
export const CROSSBAR_URL = `${location.origin}/demo-crossbar`;

export interface DemoCrossbar {
  /** Crossbar's base URL, as a host passes it to `createKazooAdapter`. */
  baseUrl: string;
  /** A reseller's login (user name, password, account name). */
  login(who?: DemoReseller): Promise<Login>;
  /** Starts the demo data over, on every page. */
  reset(): Promise<void>;
  link: EmulatorLink;
}

/** Every provider of the page, as elements (their code may come from the sources or from the CDN build). */
function providers(): (HTMLElement & { refresh?: () => void })[] {
  return [...document.querySelectorAll<HTMLElement & { refresh?: () => void }>('account-provider')];
}

/** Starts the emulator for this page; resolves once it answers. */
export async function startCrossbar(): Promise<DemoCrossbar> {
  allowOwnWorkers();
  const link = connectEmulator();
  // Another tab or page changed the data: every widget reloads what it shows.
  link.onChanged = () => providers().forEach((p) => p.refresh?.());
  link.onReset = () => location.reload();
  const handler: RequestHandler = http.all(`${CROSSBAR_URL}/v2/*`, ({ request }) => link.handle(request));
  await Promise.all([link.login(), setupWorker(handler).start({ quiet: true, onUnhandledRequest: 'bypass' })]);
  return { baseUrl: CROSSBAR_URL, login: (who) => link.login(who), reset: () => link.reset(), link };
}

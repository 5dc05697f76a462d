/**
 * The demo's part of the plain-HTML page: its header and the Crossbar emulator. The page's own script (in
 * cdn.html) uses the CDN build only; it waits for `window.demoCrossbar` for the URL and login to sign in with.
 */
import type { Login } from '../src/mock/index.js';
import { startCrossbar } from './backend.js';
import { mountChrome } from './chrome.js';

declare global {
  interface Window {
    /** The demo emulator's Crossbar URL and the reseller's login, once it answers. */
    demoCrossbar: Promise<{ baseUrl: string; login: Login }>;
  }
}

window.demoCrossbar = startCrossbar().then(async (c) => ({ baseUrl: c.baseUrl, login: await c.login() }));
mountChrome(document.getElementById('demo-header')!, 'cdn', ({ locale }) => {
  for (const p of document.querySelectorAll('account-provider')) p.setAttribute('locale', locale);
});

/**
 * Two resellers side by side, each signed in with its own provider. The code is the same for both: what differs is
 * the login (`data-reseller`) and the brand's token set (its class, brands.css).
 */
import '../exports/define.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';
import { createKazooAdapter } from '../src/kazoo/index.js';
import { startCrossbar } from './backend.js';
import { mountChrome } from './chrome.js';
import type { DemoReseller } from './persist.js';

const crossbar = await startCrossbar();
mountChrome(document.getElementById('demo-header')!, 'brands', ({ locale }) => {
  for (const p of document.querySelectorAll('account-provider')) p.locale = locale;
});
for (const brand of document.querySelectorAll<HTMLElement>('.brand')) {
  const provider = brand.querySelector<AccountProvider>('account-provider')!;
  const login = await crossbar.login(brand.dataset.reseller as DemoReseller);
  provider.api = createKazooAdapter({ baseUrl: crossbar.baseUrl, credentials: login });
}

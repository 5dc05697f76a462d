// Sessions and tenants: a new signed-in identity never sees the last one's data, and logout forgets everything.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createKazooAdapter } from '../../src/kazoo/index.js';
import { startEmulator, until } from '../../test/emulator-fixture.js';
import { textOf } from '../../test/queries.js';
import type { AccountProvider } from './account-provider.js';
import './account-provider.define.js';
import '../account-tree/account-tree.define.js';
import '../account-overview/account-overview.define.js';
import type { AccountTree } from '../account-tree/account-tree.js';

const rowNames = (tree: AccountTree) =>
  [...tree.shadowRoot!.querySelectorAll('[role=treeitem] .name')].map((n) => n.textContent!.trim());

describe('<account-provider>: sessions and tenants', () => {
  it('shows only the second reseller after getToken() switches to its token, within one refresh', async () => {
    const fx = await startEmulator();
    const acme = fx.emulator.issueToken(fx.emulator.rootAccountId);
    const globex = fx.emulator.issueToken(fx.emulator.foreignAccountId);
    let current = acme;
    const api = createKazooAdapter({ baseUrl: fx.baseUrl, getToken: () => current });
    const acmeNames = new Set(
      fx.emulator
        .accounts()
        .filter((a) => a.parentId === fx.emulator.rootAccountId)
        .map((a) => a.name),
    );
    const globexNames = new Set(
      fx.emulator
        .accounts()
        .filter((a) => a.parentId === fx.emulator.foreignAccountId)
        .map((a) => a.name),
    );
    const provider = await fixture<AccountProvider>(
      html`<account-provider .api=${api}><account-tree style="height: 300px"></account-tree></account-provider>`,
    );
    const tree = provider.querySelector('account-tree')!;
    await until(() => rowNames(tree).some((n) => acmeNames.has(n)), "Acme's customers");
    const changed = oneEvent(provider, 'session-change');
    fx.emulator.clearRequests();
    current = globex;
    provider.refresh();
    await changed;
    expect(provider.session!.accountId).to.equal(fx.emulator.foreignAccountId);
    await until(() => rowNames(tree).some((n) => globexNames.has(n)), "Globex's customers");
    expect(rowNames(tree).filter((n) => acmeNames.has(n))).to.deep.equal([]);
    expect(fx.emulator.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/v2/accounts'))).to.deep.equal(
      [],
    );
  });

  it('keeps what it shows when the host only rotates the same user’s token', async () => {
    const fx = await startEmulator();
    let current = fx.emulator.issueToken(fx.emulator.rootAccountId);
    const api = createKazooAdapter({ baseUrl: fx.baseUrl, getToken: () => current });
    const provider = await fixture<AccountProvider>(
      html`<account-provider .api=${api}><account-tree style="height: 300px"></account-tree></account-provider>`,
    );
    const tree = provider.querySelector('account-tree')!;
    await until(() => rowNames(tree).length > 3, 'rows');
    let changes = 0;
    provider.addEventListener('session-change', () => changes++);
    current = fx.emulator.issueToken(fx.emulator.rootAccountId);
    provider.refresh();
    await until(() => rowNames(tree).length > 3, 'rows still');
    await new Promise((r) => setTimeout(r, 200));
    expect(changes).to.equal(0);
    expect(provider.session!.accountId).to.equal(fx.emulator.rootAccountId);
  });

  it('logs out: revokes the token, forgets it, and no element shows customer data', async () => {
    const fx = await startEmulator();
    const customer = fx.emulator.accounts().find((a) => a.depth === 1 && a.enabled)!;
    const api = fx.makeApi();
    const provider = await fixture<AccountProvider>(
      html`<account-provider .api=${api}>
        <account-tree style="height: 300px"></account-tree>
        <account-overview account-id=${customer.id}></account-overview>
      </account-provider>`,
    );
    const tree = provider.querySelector('account-tree')!;
    const overview = provider.querySelector('account-overview')!;
    await until(() => rowNames(tree).length > 3, 'rows');
    await until(() => textOf(overview).includes(customer.name), 'the overview');
    const token = fx.emulator.snapshot().tokens.at(-1)!.token;
    const ended = oneEvent(provider, 'session-end');
    fx.emulator.clearRequests();
    await provider.logout();
    await ended;
    expect(fx.emulator.requests.map((r) => `${r.method} ${r.path}`)).to.include('DELETE /v2/token_auth');
    await until(() => rowNames(tree).length === 0, 'the tree is empty');
    await until(() => !textOf(overview).includes(customer.name), 'the overview shows nothing of the customer');
    expect(textOf(tree)).to.not.contain(customer.name);
    // The adapter holds no credential any more: a call fails without reaching the server with the old token.
    fx.emulator.clearRequests();
    let kind = '';
    await api.getAccount(customer.id).catch((e: { kind: string }) => (kind = e.kind));
    expect(kind).to.equal('auth');
    expect(fx.emulator.snapshot().tokens.some((t) => t.token === token)).to.equal(false);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AccountApiError } from '../api/errors.js';
import type { AccountApi } from '../api/api.js';
import { createFakeApi } from '../data/fake-api.testing.js';
import './test-element.testing.js';
import type { TestAccountView } from './test-element.testing.js';

const shown = (v: TestAccountView) => v.shadowRoot!.querySelector('h2')?.textContent ?? '';
const part = (v: TestAccountView, name: string) => v.shadowRoot!.querySelector(`[part=${name}]`);

async function view(api: AccountApi, accountId = 'a'): Promise<TestAccountView> {
  return fixture<TestAccountView>(html`<test-account-view .api=${api} account-id=${accountId}></test-account-view>`);
}

describe('ResourceController (through a widget given .api directly)', () => {
  it('loads the account, and widgets given one api share one request', async () => {
    const fake = createFakeApi();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <test-account-view .api=${fake.api} account-id="a"></test-account-view>
        <test-account-view .api=${fake.api} account-id="a"></test-account-view>
      </div>`,
    );
    const views = [...host.querySelectorAll('test-account-view')];
    await waitUntil(() => views.every((v) => shown(v) === 'Acme'));
    expect(views[0]!.account.state).to.equal('loaded');
    expect(fake.count('getAccount')).to.equal(1);
    await expect(views[0]).to.be.accessible();
  });

  it('defaults to the session account when no account-id is given', async () => {
    const fake = createFakeApi();
    const v = await fixture<TestAccountView>(html`<test-account-view .api=${fake.api}></test-account-view>`);
    await waitUntil(() => shown(v) === 'Root Reseller');
  });

  it('shows a skeleton only once a load is slow', async () => {
    const fake = createFakeApi();
    fake.hold();
    const v = await view(fake.api);
    expect(v.account.state).to.equal('loading');
    expect(part(v, 'skeleton'), 'no flash for fast loads').to.equal(null);
    expect(v.matches(':state(loading)')).to.equal(true);
    await waitUntil(() => part(v, 'skeleton'), 'skeleton after the delay');
    await expect(v).to.be.accessible();
    fake.release();
    await waitUntil(() => shown(v) === 'Acme');
    expect(part(v, 'skeleton')).to.equal(null);
    expect(v.matches(':state(loading)')).to.equal(false);
  });

  it('keeps the data on screen when a refresh fails, but drops it when the user may no longer see it', async () => {
    const fake = createFakeApi();
    const v = await view(fake.api);
    await waitUntil(() => shown(v) === 'Acme');
    fake.failNext('getAccount', new AccountApiError({ kind: 'timeout', message: 'slow' }));
    v.account.retry();
    await waitUntil(() => v.account.error?.kind === 'timeout');
    expect(shown(v), 'a slow refresh keeps what is shown').to.equal('Acme');
    for (const kind of ['forbidden', 'auth'] as const) {
      fake.failNext('getAccount', new AccountApiError({ kind, message: kind }));
      v.account.retry();
      await waitUntil(() => v.account.value === undefined, `${kind} drops the value`);
      expect(shown(v)).to.equal('');
      v.account.retry();
      await waitUntil(() => shown(v) === 'Acme');
    }
  });

  it('shows what failed in words and loads again on Retry', async () => {
    const fake = createFakeApi();
    fake.failNext('getAccount', new AccountApiError({ kind: 'timeout', message: 'slow' }));
    const v = await view(fake.api);
    await waitUntil(() => part(v, 'error'));
    expect(part(v, 'error')!.textContent).to.contain('The server took too long to answer.');
    await expect(v).to.be.accessible();
    part(v, 'error')!.querySelector('button')!.click();
    await waitUntil(() => shown(v) === 'Acme');
  });

  it('tells a forbidden resource apart, without Retry', async () => {
    const fake = createFakeApi();
    fake.failNext('getAccount', new AccountApiError({ kind: 'forbidden', message: 'no', status: 403 }));
    const v = await view(fake.api);
    await waitUntil(() => v.account.state === 'forbidden');
    await v.updateComplete;
    expect(part(v, 'forbidden')!.textContent).to.contain("You don't have permission");
    await expect(v).to.be.accessible();
  });

  it('reloads when account-id changes and drops the older answer', async () => {
    const fake = createFakeApi();
    let letGo: () => void = () => undefined;
    const api: AccountApi = {
      ...fake.api,
      getAccount: async (id, o) => {
        const a = await fake.api.getAccount(id, o);
        if (id === 'a') await new Promise<void>((r) => (letGo = r));
        return a;
      },
    };
    const v = await view(api, 'a');
    v.accountId = 'b';
    await waitUntil(() => shown(v) === 'Beta');
    letGo();
    await new Promise((r) => setTimeout(r, 20));
    await v.updateComplete;
    expect(shown(v)).to.equal('Beta');
  });

  it('aborts its load when the element leaves the page', async () => {
    const fake = createFakeApi();
    fake.hold();
    const v = await view(fake.api);
    v.remove();
    await waitUntil(() => fake.aborted.includes('getAccount:a'));
    fake.release();
  });

  it('shows a save made anywhere on the page without asking again', async () => {
    const fake = createFakeApi();
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <test-account-view .api=${fake.api} account-id="a"></test-account-view>
        <test-account-view .api=${fake.api} account-id="a"></test-account-view>
      </div>`,
    );
    const views = [...host.querySelectorAll('test-account-view')];
    await waitUntil(() => views.every((v) => shown(v) === 'Acme'));
    await views[0]!.am.store!.updateAccount('a', { name: 'Acme Renamed' });
    await waitUntil(() => views.every((v) => shown(v) === 'Acme Renamed'));
    expect(fake.count('getAccount')).to.equal(1);
  });

  it('shows "not found" once the account is deleted', async () => {
    const fake = createFakeApi();
    const v = await view(fake.api, 'a');
    await waitUntil(() => shown(v) === 'Acme');
    await v.am.store!.deleteAccount('a');
    await waitUntil(() => part(v, 'error'));
    expect(part(v, 'error')!.textContent).to.contain('This no longer exists');
  });
});

import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { AccountProvider } from '../../components/account-provider/account-provider.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { dialogContent, getByLabel, getByRole, openDialog, queryByRole, textOf } from '../../test/queries.js';
import { tokens } from '../themes/tokens.js';
import { storeFor } from './context-controller.js';
import { unloadGuarded } from './draft-controller.js';
import { AmDraftElement, type WriteContext } from './draft-element.js';
import { draftStyles } from './draft.styles.js';
import { textField } from './fields.js';

interface NameDraft {
  name: string;
  revision?: string;
}

/** The smallest draft element: the account's name. */
class TestDraftName extends AmDraftElement<NameDraft> {
  static override styles = [tokens, draftStyles];
  protected override select(): NameDraft | undefined {
    const a = this.account.value;
    return a && { name: a.name, revision: a.revision };
  }
  protected override async write(_d: NameDraft, { changes, base, store, accountId, options }: WriteContext<NameDraft>) {
    await store.updateAccount(accountId, { name: changes.name }, { ...options, expectedRevision: base.revision });
  }
  protected override renderForm() {
    return textField(this, 'name', 'Name');
  }
  protected override onSaved(): void {}
}
TestDraftName.define('test-draft-name');

declare global {
  interface HTMLElementTagNameMap {
    'test-draft-name': TestDraftName;
  }
}

type El = TestDraftName;

const customers = (fx: EmulatorFixture) =>
  fx.emulator.accounts().filter((a) => a.depth === 1 && a.enabled && !a.isReseller);

async function type(el: El, value: string): Promise<void> {
  const input = getByLabel<HTMLInputElement>(el, 'Name');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const nameField = (el: El) => getByLabel<HTMLInputElement>(el, 'Name');
const loaded = (el: El, name: string) =>
  until(() => queryByRole(el, 'button', 'Save') && nameField(el).value === name, `${name} shows`);
// A synthetic `beforeunload` would tell the mock service worker that the page is closing.
const beforeUnloadAsks = () => unloadGuarded();

describe('AmDraftElement: unsaved edits are never dropped silently', () => {
  let fx: EmulatorFixture;
  let x: { id: string; name: string };
  let y: { id: string; name: string };

  beforeEach(async () => {
    fx = await startEmulator();
    [x, y] = customers(fx) as unknown as [typeof x, typeof y];
  });

  // Signing out forgets every edit, here and set aside: the next test starts with nothing guarding the page.
  afterEach(() => storeFor(fx.api).clear());

  async function mountOn(id: string): Promise<{ el: El; provider: AccountProvider }> {
    const { el, provider } = await mountInProvider<El>(
      fx.api,
      html`<test-draft-name account-id=${id}></test-draft-name>`,
    );
    await loaded(el, id === x.id ? x.name : y.name);
    return { el, provider };
  }

  it('asks before dropping edits when account-id changes; Keep editing goes back with the edits', async () => {
    const { el } = await mountOn(x.id);
    await type(el, 'Typed name');
    const requests: CustomEvent[] = [];
    const kept: CustomEvent[] = [];
    el.addEventListener('draft-discard-request', (e) => requests.push(e));
    el.addEventListener('draft-keep', (e) => kept.push(e));
    el.setAttribute('account-id', y.id);
    await until(() => openDialog(el), 'the question shows');
    expect(requests.length).to.equal(1);
    expect(requests[0]!.detail).to.deep.equal({ accountId: x.id, name: x.name, changes: ['name'] });
    expect(requests[0]!.bubbles && requests[0]!.composed && requests[0]!.cancelable).to.equal(true);
    const dialog = dialogContent(el)!;
    getByRole(el, 'dialog', `Discard changes to ${x.name}?`);
    expect(beforeUnloadAsks(), 'leaving the page still asks').to.equal(true);
    await expect(el).to.be.accessible();
    getByRole(dialog, 'button', 'Keep editing').click();
    await until(() => !openDialog(el), 'the question closes');
    await until(() => el.accountId === x.id && nameField(el).value === 'Typed name', 'back on X with the edit');
    expect(el.getAttribute('account-id')).to.equal(x.id);
    expect(el.dirty).to.equal(true);
    expect(kept.map((e) => e.detail)).to.deep.equal([
      { accountId: x.id, name: x.name, changes: ['name'], restored: true },
    ]);
  });

  it('Discard changes drops the edits and shows the new account', async () => {
    const { el } = await mountOn(x.id);
    await type(el, 'Typed name');
    el.accountId = y.id;
    await until(() => openDialog(el), 'the question shows');
    getByRole(dialogContent(el)!, 'button', 'Discard changes').click();
    await loaded(el, y.name);
    expect(openDialog(el)).to.equal(undefined);
    expect(el.dirty).to.equal(false);
    expect(beforeUnloadAsks(), 'nothing left to lose').to.equal(false);
    el.accountId = x.id;
    await loaded(el, x.name);
    expect(el.dirty, 'the edits are gone').to.equal(false);
  });

  it('a host that cancels the request decides: the edits stay set aside and come back on return', async () => {
    const { el, provider } = await mountOn(x.id);
    await type(el, 'Typed name');
    provider.addEventListener('draft-discard-request', (e) => e.preventDefault());
    el.accountId = y.id;
    await loaded(el, y.name);
    await el.updateComplete;
    expect(openDialog(el), 'no question').to.equal(undefined);
    expect(el.dirty).to.equal(false);
    expect(beforeUnloadAsks(), 'the edits set aside still guard the page').to.equal(true);
    el.accountId = x.id;
    await until(() => nameField(el).value === 'Typed name', 'the edits are back');
    expect(el.dirty).to.equal(true);
    expect(el.matches(':state(dirty)')).to.equal(true);
    expect(openDialog(el)).to.equal(undefined);
  });

  it('keeps the edits of an element removed from the page, for itself and for a new one on the same account', async () => {
    const { el, provider } = await mountOn(x.id);
    await type(el, 'Typed name');
    el.remove();
    expect(beforeUnloadAsks(), 'the removed edits still guard the page').to.equal(true);
    provider.append(el);
    await until(() => nameField(el).value === 'Typed name', 're-attached with its edits');
    expect(el.dirty).to.equal(true);
    el.remove();
    // A host's tab draws a new element on the same account.
    const again = document.createElement('test-draft-name');
    again.setAttribute('account-id', x.id);
    provider.append(again);
    await until(() => queryByRole(again, 'button', 'Save') && nameField(again).value === 'Typed name', 'taken back');
    expect(again.dirty).to.equal(true);
    again.reset();
    await again.updateComplete;
    expect(beforeUnloadAsks()).to.equal(false);
  });

  it('on the acting account, Keep editing keeps the edits set aside and tells the host', async () => {
    const { el: shown, provider } = await mountInProvider<El>(fx.api, html`<test-draft-name></test-draft-name>`);
    const root = fx.emulator.accounts().find((a) => a.depth === 0)!;
    await loaded(shown, root.name);
    await type(shown, 'Typed name');
    const kept: CustomEvent[] = [];
    shown.addEventListener('draft-keep', (e) => kept.push(e));
    expect(await provider.masquerade(x.id)).to.equal(true);
    await until(() => openDialog(shown), 'the question shows');
    getByRole(shown, 'dialog', `Discard changes to ${root.name}?`);
    getByRole(dialogContent(shown)!, 'button', 'Keep editing').click();
    await until(() => kept.length === 1, 'draft-keep fires');
    expect(kept[0]!.detail).to.deep.include({ accountId: root.id, restored: false });
    await loaded(shown, x.name);
    provider.restore({ all: true });
    await until(() => nameField(shown).value === 'Typed name', 'the edits are back on the signed-in account');
    expect(shown.dirty).to.equal(true);
    expect(textOf(shown)).to.contain('Unsaved changes');
  });
});

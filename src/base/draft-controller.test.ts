import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { property } from 'lit/decorators.js';
import type { AccountApi } from '../api/api.js';
import { AccountApiError } from '../api/errors.js';
import type { Account, AccountChanges } from '../api/model.js';
import { storeKey } from '../data/keys.js';
import { createFakeApi } from '../data/fake-api.testing.js';
import { AmElement } from './am-element.js';
import { AmContextController } from './context-controller.js';
import { DraftController } from './draft-controller.js';
import { LocalizeController } from './localize-controller.js';
import { ResourceController } from './resource-controller.js';
import { controlStyles } from './controls.styles.js';
import { errorPanelStyles } from './error-panel.styles.js';
import { renderConflicts, renderDraftActions } from './primitives.js';

class TestAccountForm extends AmElement {
  static override styles = [controlStyles, errorPanelStyles];
  @property({ attribute: 'account-id' }) accountId?: string;
  @property({ attribute: false }) api?: AccountApi;
  readonly am = new AmContextController(this);
  readonly l = new LocalizeController(this);
  readonly account = new ResourceController<Account>(this, this.am, {
    key: () => (this.am.accountId ? storeKey.account(this.am.accountId) : undefined),
    load: (store, o) => store.getAccount(this.am.accountId!, o),
  });
  readonly form = new DraftController<Account>(this, {
    saved: () => this.account.value,
    save: (draft, { changes, base }) =>
      this.am.store!.updateAccount(draft.id, changes as AccountChanges, { expectedRevision: base.revision }),
  });

  get dirty() {
    return this.form.dirty;
  }
  save() {
    return this.form.save();
  }
  reset() {
    this.form.reset();
  }

  protected override render() {
    const error = this.form.fieldError('name');
    return html`<label class="am-field"
        ><span class="am-label">Name</span>
        <input
          class="am-input"
          aria-invalid=${error ? 'true' : 'false'}
          .value=${String(this.form.get('name') ?? '')}
          @input=${(e: Event) => this.form.set('name', (e.target as HTMLInputElement).value)}
      /></label>
      ${error ? html`<p class="am-field-error" id="name-error">${error}</p>` : ''}
      <p class="state">${this.form.saveState}${this.form.dirty ? ' dirty' : ''}</p>
      ${renderConflicts(this.form, this.l, { label: (f) => (f === 'name' ? 'Name' : f) })}
      ${renderDraftActions(this.form, this.l, { onSave: () => void this.save() })}`;
  }
}
TestAccountForm.define('test-account-form');

async function form(api: AccountApi): Promise<TestAccountForm> {
  const el = await fixture<TestAccountForm>(html`<test-account-form .api=${api} account-id="a"></test-account-form>`);
  await waitUntil(() => el.form.draft);
  await el.updateComplete;
  return el;
}

async function type(el: TestAccountForm, text: string) {
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector('input')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

const unloadBlocked = () => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

describe('DraftController', () => {
  it('marks edits dirty, guards page unload while dirty, and resets', async () => {
    const el = await form(createFakeApi().api);
    expect(el.dirty).to.equal(false);
    expect(unloadBlocked()).to.equal(false);
    await type(el, 'Acme West');
    expect(el.dirty).to.equal(true);
    expect(unloadBlocked()).to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input')!.value).to.equal('Acme');
    expect(el.dirty).to.equal(false);
    expect(unloadBlocked()).to.equal(false);
  });

  it('runs one save at a time', async () => {
    const fake = createFakeApi();
    const el = await form(fake.api);
    await type(el, 'Acme West');
    fake.hold();
    const saveButton = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=actions] [data-variant=primary]')!;
    saveButton.click();
    saveButton.click();
    const first = el.save();
    const second = el.save();
    expect(second).to.equal(first);
    await el.updateComplete;
    expect(saveButton.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('.state')!.textContent).to.contain('saving');
    fake.release();
    expect(await first).to.equal(true);
    expect(fake.count('updateAccount')).to.equal(1);
    expect(fake.accounts.get('a')!.name).to.equal('Acme West');
    expect(el.dirty).to.equal(false);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.state')!.textContent).to.equal('saved');
  });

  it('keeps the draft on failure and shows server field errors on the field', async () => {
    const fake = createFakeApi();
    const el = await form(fake.api);
    await type(el, 'x');
    await sendKeys({ press: 'Backspace' });
    expect(await el.save()).to.equal(false);
    await el.updateComplete;
    expect(el.form.fieldError('name')).to.equal('Required');
    expect(el.shadowRoot!.querySelector('#name-error')!.textContent).to.equal('Required');
    expect(el.shadowRoot!.querySelector('input')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.dirty).to.equal(true);

    await type(el, 'Acme North');
    expect(el.form.fieldError('name'), 'editing the field clears its error').to.equal(undefined);
    fake.failNext('updateAccount', new AccountApiError({ kind: 'network', message: 'down' }));
    expect(await el.save()).to.equal(false);
    expect(el.form.error?.kind).to.equal('network');
    expect(el.form.get('name')).to.equal('Acme North');
    expect(el.form.saveState).to.equal('error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=actions] [role=alert]')!.textContent).to.contain(
      'You are offline or the server cannot be reached.',
    );
    await expect(el).to.be.accessible();
  });

  it('merges a change saved elsewhere to another field, and saves again on the new revision', async () => {
    const fake = createFakeApi();
    const el = await form(fake.api);
    fake.touch('a', { realm: 'acme.voip.example' });
    await type(el, 'Acme Mine');
    expect(await el.save()).to.equal(true);
    expect(el.form.merged).to.equal(true);
    expect(fake.count('updateAccount')).to.equal(2);
    const saved = fake.accounts.get('a')!;
    expect([saved.name, saved.realm]).to.deep.equal(['Acme Mine', 'acme.voip.example']);
    expect(el.form.draft!.realm).to.equal('acme.voip.example');
  });

  it('shows both values when the same field changed on both sides, and lets the user choose', async () => {
    const fake = createFakeApi();
    const el = await form(fake.api);
    fake.touch('a', { name: 'Acme Theirs' });
    await type(el, 'Acme Mine');
    expect(await el.save()).to.equal(false);
    expect(el.form.conflicts).to.deep.equal([{ field: 'name', mine: 'Acme Mine', theirs: 'Acme Theirs' }]);
    expect(el.form.saveState).to.equal('conflict');
    expect(el.form.get('name'), 'my value is kept until I choose').to.equal('Acme Mine');
    expect(await el.save(), 'no save while a conflict waits').to.equal(false);
    await el.updateComplete;
    const conflicts = el.shadowRoot!.querySelector('[part=conflicts]')!;
    expect(conflicts.textContent).to.contain('Your value: Acme Mine');
    expect(conflicts.textContent).to.contain('Their value: Acme Theirs');
    await expect(el).to.be.accessible();
    conflicts.querySelector<HTMLButtonElement>('[aria-label="Use theirs: Name"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=conflicts]')).to.equal(null);
    expect(el.form.get('name')).to.equal('Acme Theirs');
    expect(el.dirty).to.equal(false);

    await type(el, 'Acme Mine Again');
    fake.touch('a', { name: 'Acme Theirs Again' });
    await el.save();
    el.form.resolve('name', 'mine');
    expect(await el.save()).to.equal(true);
    expect(fake.accounts.get('a')!.name).to.equal('Acme Mine Again');
  });

  it('keeps an edit when another widget on the page saves a different field', async () => {
    const fake = createFakeApi();
    const el = await form(fake.api);
    await type(el, 'Acme Edited');
    await el.am.store!.updateAccount('a', { realm: 'other.example' });
    await waitUntil(() => el.form.draft!.realm === 'other.example');
    expect(el.form.get('name')).to.equal('Acme Edited');
    expect(el.form.conflicts).to.deep.equal([]);
    expect(await el.save()).to.equal(true);
    expect(fake.count('updateAccount')).to.equal(2);
  });
});

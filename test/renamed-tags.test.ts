// A page that defines every element under names of its own (`acme-*`): the elements still find one another, through
// the registry they were defined in, never by their default tags.
import { expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  AccountAdmins,
  AccountAnnouncement,
  AccountCreate,
  AccountLimits,
  AccountManager,
  AccountNotes,
  AccountOverview,
  AccountProvider,
  AccountRestrictions,
  AccountTree,
  AppExchangeToggle,
  CarrierPicker,
  NumberFeatures,
  ServicePlanPicker,
} from '../exports/elements.js';
import type { AmElement } from '../src/base/am-element.js';
import { tagNames } from '../exports/tags.js';
import { startEmulator, until, type EmulatorFixture } from './emulator-fixture.js';
import { deepQueryAll, getByLabel, getByRole, openDialog, queryByRole, textOf, typeInto } from './queries.js';

// The fixture registers the library's provider as <account-provider>: the page's provider is a class of its own.
class AcmeProvider extends AccountProvider {}
// A manager of the page's own, whose tree is another subclass of the page's.
class OtherTree extends AccountTree {}
class OtherManager extends AccountManager {
  static override dependencies = { ...AccountManager.dependencies, 'account-tree': OtherTree };
}

const NAMES: [typeof AmElement, string][] = [
  [AcmeProvider, 'acme-provider'],
  [AccountTree, 'acme-tree'],
  [AccountCreate, 'acme-create'],
  [AccountOverview, 'acme-overview'],
  [AccountAdmins, 'acme-admins'],
  [ServicePlanPicker, 'acme-plans'],
  [NumberFeatures, 'acme-numbers'],
  [AccountRestrictions, 'acme-restrictions'],
  [AccountLimits, 'acme-limits'],
  [CarrierPicker, 'acme-carrier'],
  [AppExchangeToggle, 'acme-apps'],
  [AccountNotes, 'acme-notes'],
  [AccountAnnouncement, 'acme-announcement'],
  [OtherTree, 'other-tree'],
];
// The parts first, then the elements that render them.
for (const [cls, tag] of NAMES) cls.define(tag);
AccountManager.define('acme-manager');
OtherManager.define('other-manager');

/** The library's own tags, but the provider's (the fixture's). */
const DEFAULT_TAGS = tagNames.filter((t) => t !== 'account-provider');

async function mount(fx: EmulatorFixture, tag = 'acme-manager') {
  const provider = await fixture<AccountProvider>(
    staticHtml`<acme-provider .api=${fx.api}><${unsafeStatic(tag)}></${unsafeStatic(tag)}></acme-provider>`,
  );
  const el = provider.firstElementChild as AccountManager;
  await until(() => queryByRole(el, 'treeitem'), 'the tree shows the accounts');
  return { provider, el };
}

const defaultTagsIn = (el: Element) => deepQueryAll(el, DEFAULT_TAGS.join(','));

describe('elements defined under names of the page', () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await startEmulator();
  });

  it('the renamed manager composes its renamed tree, overview, tabs and announcement, under the renamed provider', async () => {
    const { el } = await mount(fx);
    const shadow = el.shadowRoot!;
    expect(shadow.querySelector('acme-tree'), 'the tree').to.exist;
    expect(shadow.querySelector('acme-announcement'), 'the announcement').to.exist;
    // The provider's context reaches them: the tree lists the signed-in reseller's accounts, the overview names it.
    const root = fx.emulator.account(fx.emulator.rootAccountId)!;
    await until(() => shadow.querySelector('acme-overview') && queryByRole(el, 'button', 'Save'), 'the overview');
    expect(textOf(shadow.querySelector('[part~=title]')!)).to.equal(root.name);
    getByRole(el, 'tab', 'Admins').click();
    await until(() => queryByRole(el, 'button', 'Add administrator'), 'the Admins tab');
    expect(shadow.querySelector('acme-admins'), 'the Admins tab').to.exist;
    getByRole(el, 'tab', 'Limits').click();
    await until(() => shadow.querySelector('acme-limits'), 'the Limits tab');
    expect(defaultTagsIn(el)).to.deep.equal([]);
    for (const tag of DEFAULT_TAGS) expect(customElements.get(tag), `<${tag}> defined`).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('"Add account" in the renamed tree opens the renamed wizard, whose steps show the renamed elements', async function () {
    // Loads the wizard's code on first use and walks it: slow on a busy machine, not a timing claim.
    this.timeout(40000);
    const { el } = await mount(fx);
    getByRole(el, 'button', 'Add account').click();
    await until(() => openDialog(el) && queryByRole(el, 'textbox', 'Account name'), 'the wizard opens', 15000);
    // The dialog open is the page's wizard's.
    const wizard = el.shadowRoot!.querySelector('acme-create')!;
    expect(wizard).to.exist;
    expect(openDialog(wizard)).to.equal(openDialog(el));
    expect(textOf(wizard)).to.contain(`Under ${fx.emulator.login.accountName}`);
    await typeInto(getByLabel(wizard, 'Account name'), 'Renamed Tags Dental');
    // Onwards to the limits step, shown by the page's <acme-limits> and <acme-carrier>.
    for (let i = 0; i < 6 && !wizard.shadowRoot!.querySelector('acme-limits'); i++) {
      const before = textOf(getByRole(wizard, 'heading', /^Step \d+/));
      // No admin: the step needs nothing typed then.
      queryByRole(wizard, 'button', 'Remove admin 1')?.click();
      getByRole(wizard, 'button', 'Next').click();
      await until(() => textOf(getByRole(wizard, 'heading', /^Step \d+/)) !== before, 'the next step', 10000);
    }
    expect(wizard.shadowRoot!.querySelector('acme-limits'), 'the limits step').to.exist;
    expect(wizard.shadowRoot!.querySelector('acme-carrier'), 'the carriers').to.exist;
    expect(defaultTagsIn(el)).to.deep.equal([]);
    for (const tag of DEFAULT_TAGS) expect(customElements.get(tag), `<${tag}> defined`).to.equal(undefined);
  });

  it('a manager of the page renders the tree its dependencies name', async () => {
    const { el } = await mount(fx, 'other-manager');
    expect(el.shadowRoot!.querySelector('other-tree')).to.exist;
    expect(el.shadowRoot!.querySelector('acme-tree')).to.equal(null);
    expect(defaultTagsIn(el)).to.deep.equal([]);
  });

  it('define() without a tag name says what is defined already and how to use another name, and defines nothing', () => {
    expect(() => AccountTree.define()).to.throw(
      TypeError,
      "AccountTree.define() was called without a tag name, and AccountTree is already defined as <acme-tree>: nothing was defined. To use it under another name, pass one: AccountTree.define('my-acme-tree')",
    );
    class Unnamed extends AccountNotes {}
    expect(() => Unnamed.define()).to.throw(
      TypeError,
      "Unnamed.define() needs a tag name, e.g. Unnamed.define('my-unnamed'): nothing was defined.",
    );
    expect(customElements.getName(Unnamed)).to.equal(null);
    expect(customElements.get('account-tree')).to.equal(undefined);
  });
});

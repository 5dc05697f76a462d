import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import { getByLabel, textOf } from '../../test/queries.js';
import type { NumberFeatures } from './number-features.js';
import './number-features.define.js';

const customer = (fx: EmulatorFixture) => fx.customer().id;

runDraftWidgetTests({
  tag: 'number-features',
  account: customer,
  ready: /E911 emergency addresses/,
  async edit(el) {
    getByLabel<HTMLButtonElement>(el, 'Caller name (CNAM)').click();
    return { field: 'Caller name (CNAM)', paths: ['cnam'] };
  },
  async verify(api, id) {
    expect((await api.getAccount(id)).numberFeatures.cnam).to.equal(false);
  },
  write: { method: 'PATCH', path: /^\/v2\/accounts\/[^/]+$/ },
  read: (id) => `/accounts/${id}`,
  savedEvent: 'number-features-saved',
  async changeElsewhere(api, id) {
    const a = await api.getAccount(id);
    await api.updateAccount(id, { numberFeatures: { e911: !a.numberFeatures.e911 } });
    return 'merge';
  },
});

describe('<number-features>', () => {
  it('says what each switch changes for the customer, and E911 goes off from the keyboard alone', async () => {
    const fx = await startEmulator();
    const id = customer(fx);
    const { el } = await mountInProvider<NumberFeatures>(
      fx.api,
      html`<number-features account-id=${id}></number-features>`,
    );
    await until(() => /E911/.test(textOf(el)), 'loads');
    const e911 = getByLabel<HTMLButtonElement>(el, 'E911 emergency addresses');
    expect(e911.getAttribute('role')).to.equal('switch');
    expect(e911.getAttribute('aria-checked')).to.equal('true');
    const description = (e911.getRootNode() as ShadowRoot).getElementById(e911.getAttribute('aria-describedby')!)!;
    expect(textOf(description)).to.match(/emergency services/);
    e911.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(e911.getAttribute('aria-checked')).to.equal('false');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    // The focus is on Save now (CNAM, Reset, Save); Enter saves.
    await sendKeys({ press: 'Enter' });
    await until(() => el.matches(':state(saved)'), 'saved');
    expect((await fx.makeApi().getAccount(id)).numberFeatures).to.deep.equal({ e911: false, cnam: true });
    expect(textOf(el)).to.match(/Number features of .+ saved\./);
  });
});

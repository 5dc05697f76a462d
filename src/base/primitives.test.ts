import { AmDialog } from './elements/am-dialog.js';
import { deepActiveElement } from './focus.js';
import { accessibleName, dialogContent, getByLabel, getByRole, openDialog } from '../../test/queries.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { AccountApiErrorKind } from '../api/errors.js';
import { ConfirmController } from './confirm-dialog.js';
import { LocalizeController } from './localize-controller.js';
import { renderErrorPanel } from './primitives.js';
import { StatusController } from './status.js';
import { richText, sanitizeHtml } from './sanitize.js';
import { controlStyles } from './controls.styles.js';
import { confirmDialogStyles } from './confirm-dialog.styles.js';
import { errorPanelStyles } from './error-panel.styles.js';
import { statusStyles } from './status.styles.js';

class PrimitivesHost extends LitElement {
  static override styles = [controlStyles, errorPanelStyles, statusStyles, confirmDialogStyles];
  @property() kind?: AccountApiErrorKind;
  @property() notes?: string;
  retries = 0;
  readonly l = new LocalizeController(this);
  readonly dialog = new ConfirmController(this);
  readonly status = new StatusController(this);
  protected override render() {
    return html`<button id="delete">Delete</button>
      ${this.kind ? renderErrorPanel({ kind: this.kind }, this.l, { onRetry: () => this.retries++ }) : ''}
      <div class="notes">${richText(this.notes)}</div>
      ${this.status.render(this.l)} ${this.dialog.render(this.l)}`;
  }
}
customElements.define('test-primitives', PrimitivesHost);
AmDialog.define();

const q = <T extends Element = HTMLElement>(el: PrimitivesHost, sel: string) => el.shadowRoot!.querySelector<T>(sel);

describe('error panel', () => {
  it('says what failed in words for each kind, with Retry where it can help', async () => {
    const el = await fixture<PrimitivesHost>(html`<test-primitives kind="network"></test-primitives>`);
    const panel = q(el, '[part=error]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('You are offline or the server cannot be reached.');
    panel.querySelector('button')!.click();
    expect(el.retries).to.equal(1);
    await expect(el).to.be.accessible();
    el.kind = 'auth';
    await el.updateComplete;
    expect(q(el, '[part=error]')!.textContent).to.contain('Your session has expired.');
    el.kind = 'forbidden';
    await el.updateComplete;
    expect(q(el, '[part=error] button')).to.equal(null);
  });
});

describe('confirm dialog', () => {
  it('asks for the typed name before a destructive action', async () => {
    const el = await fixture<PrimitivesHost>(html`<test-primitives></test-primitives>`);
    q(el, '#delete')!.focus();
    const answer = el.dialog.confirm({
      title: 'Delete Acme?',
      message: 'This cannot be undone.',
      danger: true,
      typedConfirmation: 'Acme',
    });
    await el.updateComplete;
    await waitUntil(() => openDialog(el));
    const d = dialogContent(el)!;
    expect(accessibleName(openDialog(el)!)).to.equal('Delete Acme?');
    const confirm = getByRole<HTMLButtonElement>(d, 'button', 'Confirm');
    expect(confirm.disabled).to.equal(true);
    expect(getByLabel(d, 'Type Acme to confirm')).to.equal(deepActiveElement());
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Acm' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(openDialog(el), 'Enter does nothing until the text matches').to.not.equal(undefined);
    await sendKeys({ type: 'e' });
    await el.updateComplete;
    expect(confirm.disabled).to.equal(false);
    await sendKeys({ press: 'Enter' });
    expect(await answer).to.equal(true);
    await el.updateComplete;
    expect(openDialog(el)).to.equal(undefined);
    expect(el.shadowRoot!.activeElement?.id, 'focus returns').to.equal('delete');
  });

  it('resolves false on Escape', async () => {
    const el = await fixture<PrimitivesHost>(html`<test-primitives></test-primitives>`);
    const answer = el.dialog.confirm({ title: 'Remove user?' });
    await waitUntil(() => openDialog(el));
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
  });
});

describe('status region', () => {
  it('speaks a message through a polite live region', async () => {
    const el = await fixture<PrimitivesHost>(html`<test-primitives></test-primitives>`);
    const region = q(el, '[part=status]')!;
    expect(region.getAttribute('role')).to.equal('status');
    await el.status.announce('Saved', { tone: 'success' });
    await el.updateComplete;
    expect(region.textContent).to.contain('Saved');
    await expect(el).to.be.accessible();
    q(el, '[part=status] button')!.click();
    await el.updateComplete;
    expect(region.textContent!.trim()).to.equal('');
  });
});

describe('sanitizeHtml', () => {
  it('keeps formatting and drops scripts, handlers, styles and javascript: links', async () => {
    const clean = await sanitizeHtml(
      '<b>Hi</b><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><a href="https://example.com" onclick="x()">ok</a><p style="color:red">p</p>',
    );
    expect(clean).to.contain('<b>Hi</b>');
    expect(clean).not.to.match(/script|onerror|onclick|javascript:|style=|<img/);
    expect(clean).to.contain('href="https://example.com"');
    expect(clean).to.contain('rel="noopener noreferrer"');
  });

  it('renders rich notes sanitized', async () => {
    const notes = '<em>Welcome</em><script>window.hacked = 1</script>';
    const el = await fixture<PrimitivesHost>(html`<test-primitives .notes=${notes}></test-primitives>`);
    await waitUntil(() => q(el, '.notes em'));
    expect(q(el, '.notes')!.innerHTML).not.to.contain('script');
    expect((window as { hacked?: number }).hacked).to.equal(undefined);
  });
});

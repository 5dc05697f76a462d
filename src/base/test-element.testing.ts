// A minimal widget for the tests of the controllers and the provider. Not shipped.
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import type { AccountApi } from '../api/api.js';
import type { Account } from '../api/model.js';
import { storeKey } from '../data/keys.js';
import { AmElement } from './am-element.js';
import { AmContextController } from './context-controller.js';
import { LocalizeController } from './localize-controller.js';
import { ResourceController } from './resource-controller.js';
import { renderResource } from './primitives.js';
import { controlStyles } from './controls.styles.js';
import { errorPanelStyles } from './error-panel.styles.js';
import { skeletonStyles } from './skeleton.styles.js';

export class TestAccountView extends AmElement {
  static override styles = [controlStyles, errorPanelStyles, skeletonStyles];
  @property({ attribute: 'account-id' }) accountId?: string;
  @property({ attribute: false }) api?: AccountApi;
  @property({ attribute: false }) i18n?: Partial<Record<string, string>>;
  readonly am = new AmContextController(this);
  readonly l = new LocalizeController(this, { locale: () => this.am.locale });
  readonly account = new ResourceController<Account>(this, this.am, {
    key: () => (this.am.accountId ? storeKey.account(this.am.accountId) : undefined),
    load: (store, options) => store.getAccount(this.am.accountId!, options),
  });
  renders = 0;

  protected override render(): unknown {
    this.renders++;
    return html`<button type="button" class="am-button">${this.l.t('save')}</button>
      ${renderResource(this.account, this.l, { loaded: (a) => html`<h2>${a.name}</h2>` })}`;
  }
}
TestAccountView.define('test-account-view');

declare global {
  interface HTMLElementTagNameMap {
    'test-account-view': TestAccountView;
  }
}

import { html } from 'lit';
import type { NumberFeatureFlags as Features } from '../../src/api/model.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { sectionStyles } from '../../src/base/layout.styles.js';
import { AmSwitch } from '../../src/base/elements/am-switch.js';
import { switchField } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { tokens } from '../../src/themes/tokens.js';
import en from './locales/en-US.js';
import { styles } from './number-features.styles.js';

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /** The user saved E911 / CNAM; `changes` lists `e911`, `cnam`. */
    'number-features-saved': { accountId: string; features: Features; changes: string[] };
  }
}

defineTranslations('number-features', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

interface Draft extends Features {
  revision?: string;
}

/**
 * Whether a customer's users may manage E911 emergency addresses and caller names (CNAM) on their numbers,
 * each switch with a line saying what it changes for them. Kazoo keeps these as flags that number management
 * reads; both are on when never set.
 *
 * @tagname number-features
 * @summary E911 and CNAM on or off for a customer.
 *
 * @csspart base - The notes, the form and its actions.
 * @csspart form - The two switches with Save and Reset.
 * @csspart field - One switch with its description.
 * @csspart actions - The dirty marker, Reset and Save.
 * @csspart conflicts - Values changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-number-features-max-width - Widest the element grows (default 40rem).
 *
 * @event number-features-saved - The user saved. `detail: { accountId, features, changes }`.
 *
 * @cssstate loading - The account is loading.
 * @cssstate dirty - A switch was changed and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - A switch changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change these.
 * @cssstate disabled-account - The account is disabled.
 */
export class NumberFeatures extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'number-features';
  static override styles = [tokens, draftStyles, sectionStyles, styles];
  static override dependencies = { ...AmDraftElement.dependencies, 'am-switch': AmSwitch };

  protected override select(): Draft | undefined {
    const a = this.account.value;
    return a && { ...a.numberFeatures, revision: a.revision };
  }

  protected override async write(d: Draft, { changes, base, store, accountId, options }: WriteContext<Draft>) {
    const { revision: _r, ...numberFeatures } = changes;
    await store.updateAccount(accountId, { numberFeatures }, { ...options, expectedRevision: base.revision });
  }

  protected override onSaved(changes: string[]): void {
    const d = this.draft.base!;
    this.emit('number-features-saved', {
      accountId: this.am.accountId!,
      features: { e911: d.e911, cnam: d.cnam },
      changes,
    });
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  protected override renderForm() {
    const t = this.l.t.bind(this.l);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      ${switchField(this, 'e911', t('e911'), { description: t('e911Description') })}
      ${switchField(this, 'cnam', t('cnam'), { description: t('cnamDescription') })}`;
  }
}

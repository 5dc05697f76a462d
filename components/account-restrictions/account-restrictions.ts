import { html } from 'lit';
import { RESTRICTION_PATHS, type RestrictionPath, type UiRestrictions } from '../../src/api/model.js';
import { restrictionsAllow } from '../../src/api/restrictions.js';
import { AmDraftElement, type WriteContext } from '../../src/base/draft-element.js';
import { draftStyles } from '../../src/base/draft.styles.js';
import { sectionStyles } from '../../src/base/layout.styles.js';
import { AmSwitch } from '../../src/base/elements/am-switch.js';
import { switchField } from '../../src/base/fields.js';
import { defineTranslations } from '../../src/base/localize.js';
import { phrase } from '../../src/base/phrase.js';
import { tokens } from '../../src/themes/tokens.js';
import { styles } from './account-restrictions.styles.js';
import en from './locales/en-US.js';

/** Every restriction path, each shown (`true`) or hidden (`false`). */
export type RestrictionSet = Record<RestrictionPath, boolean>;

declare module '../../src/base/am-element.js' {
  interface AmEventMap {
    /**
     * The user saved what the customer's users may see: `restrictions` holds every path as saved, `changes`
     * the paths this save changed (`billing.transactions`, `trunking.inbound`…).
     */
    'restrictions-saved': { accountId: string; restrictions: RestrictionSet; changes: RestrictionPath[] };
  }
}

defineTranslations('account-restrictions', en, {
  'fr-FR': () => import('./locales/fr-FR.js'),
  'de-DE': () => import('./locales/de-DE.js'),
  'es-ES': () => import('./locales/es-ES.js'),
  'ru-RU': () => import('./locales/ru-RU.js'),
});

/** `billing.balance.credit` → `billing/balance/credit`. */
type Slashed<S extends string> = S extends `${infer A}.${infer B}` ? `${A}/${Slashed<B>}` : S;

/**
 * The draft: one flat key per path. A dotted path would not do, since `billing.balance` is both a value and
 * the parent of `billing.balance.credit`, and the draft nests by dots.
 */
type Draft = { [P in RestrictionPath as Slashed<P>]: boolean } & { revision?: string };

const keyOf = <P extends RestrictionPath>(p: P) => p.replaceAll('.', '/') as Slashed<P>;
const pathOf = (key: string) => key.replaceAll('/', '.') as RestrictionPath;

/** The sections, each with a switch of its own that is not stored. */
const GROUPS = ['settings', 'billing', 'trunking', 'misc'] as const;
type Group = (typeof GROUPS)[number];

/** Every path a group's switch sets (Per minute's two included). */
const under = (g: Group) => RESTRICTION_PATHS.filter((p) => p.startsWith(`${g}.`));
/** The paths a group lists directly; Per minute lists its own two. */
const childrenOf = (g: Group) => under(g).filter((p) => p.split('.').length === 2);
const PER_MINUTE = 'billing.balance' satisfies RestrictionPath;
const PER_MINUTE_CHILDREN = RESTRICTION_PATHS.filter((p) => p.startsWith(`${PER_MINUTE}.`));

/** The draft as restrictions, every path present. */
function restrictionsOf(d: Draft): RestrictionSet {
  return Object.fromEntries(RESTRICTION_PATHS.map((p) => [p, d[keyOf(p)] !== false])) as RestrictionSet;
}

type GroupState = 'on' | 'off' | 'mixed';

/**
 * What a customer's users may see in their own portal (Monster UI's Control Center tabs), as a tree of
 * switches: Settings (User, Account), Billing (Credit card, Per minute with Credit info and Minutes info,
 * Service plan, Transactions), Trunking (Inbound, Outbound, Two-way) and Misc (UI errors log). Each section's
 * switch is on when everything under it is shown, off when everything is hidden, `mixed` otherwise, and sets
 * everything under it; a hidden Per minute hides its two. Each switch says what its page shows.
 *
 * Kazoo stores these choices and enforces none of them: the portal a host shows its customers must apply
 * them, with `restrictionsAllow` (exported with the domain model), which reads a missing path as shown and a
 * hidden Per minute as hiding its two:
 *
 * ```ts
 * import { restrictionsAllow } from 'account-manager-widgets';
 *
 * const account = await store.getAccount(customerId);
 * if (restrictionsAllow(account.uiRestrictions, 'billing.transactions')) showTransactionsTab();
 * ```
 *
 * Opening writes nothing (an older flat `ui_restrictions` document is read as it is); a save sends only the
 * changed paths, and the backend rewrites the whole setting in the current `myaccount` layout.
 *
 * @tagname account-restrictions
 * @summary What a customer's users may see in their portal, shown or hidden by page.
 *
 * @csspart base - The notes, the form and its actions.
 * @csspart form - The sections with Save and Reset.
 * @csspart section - One section (Settings, Billing, Trunking, Misc): a group named after it.
 * @csspart group-field - A section's own switch, which sets everything in it.
 * @csspart children - The switches under a section, or under Per minute.
 * @csspart field - One switch with its description.
 * @csspart actions - The dirty marker, Reset and Save.
 * @csspart conflicts - Values changed here and elsewhere, with "Keep mine" / "Use theirs".
 * @csspart status - The live region that announces results.
 * @csspart error - What failed while loading, with Retry.
 * @csspart skeleton - Shown while a slow load runs.
 *
 * @cssproperty --am-account-restrictions-max-width - Widest the element grows (default 48rem).
 * @cssproperty --am-account-restrictions-gap - Space between sections (default `--am-space-4`).
 * @cssproperty --am-account-restrictions-indent - How far the switches under a section are indented
 *   (default `--am-space-6`).
 *
 * @event restrictions-saved - The user saved. `detail: { accountId, restrictions, changes }`.
 *
 * @cssstate loading - The account is loading.
 * @cssstate error - The account failed to load.
 * @cssstate forbidden - The user may not see the account.
 * @cssstate dirty - A switch was changed and not saved.
 * @cssstate saving - A save is on its way.
 * @cssstate saved - The last save succeeded.
 * @cssstate conflict - A switch changed here and elsewhere waits for a choice.
 * @cssstate read-only - The user may not change these.
 * @cssstate disabled-account - The account is disabled.
 */
export class AccountRestrictions extends AmDraftElement<Draft, keyof typeof en> {
  static override namespace = 'account-restrictions';
  static override styles = [tokens, draftStyles, sectionStyles, styles];
  static override dependencies = { ...AmDraftElement.dependencies, 'am-switch': AmSwitch };

  protected override select(): Draft | undefined {
    const a = this.account.value;
    if (!a) return undefined;
    const shown = Object.fromEntries(RESTRICTION_PATHS.map((p) => [keyOf(p), a.uiRestrictions[p] !== false]));
    return { ...(shown as Omit<Draft, 'revision'>), revision: a.revision };
  }

  protected override async write(_d: Draft, { changes, base, store, accountId, options }: WriteContext<Draft>) {
    const uiRestrictions: UiRestrictions = {};
    for (const p of RESTRICTION_PATHS) {
      const v = changes[keyOf(p)];
      if (typeof v === 'boolean') uiRestrictions[p] = v;
    }
    await store.updateAccount(accountId, { uiRestrictions }, { ...options, expectedRevision: base.revision });
  }

  protected override onSaved(changes: string[]): void {
    this.emit('restrictions-saved', {
      accountId: this.am.accountId!,
      restrictions: restrictionsOf(this.draft.base!),
      changes: changes.map(pathOf),
    });
  }

  protected override savedMessage(): unknown {
    return phrase(this.l, 'savedDone', { name: this.account.value?.name ?? '' });
  }

  /** On when everything under the group is shown (a hidden Per minute hides its two), off when nothing is. */
  private groupState(d: Draft, g: Group): GroupState {
    const r = restrictionsOf(d);
    const shown = under(g).map((p) => restrictionsAllow(r, p));
    return shown.every(Boolean) ? 'on' : shown.some(Boolean) ? 'mixed' : 'off';
  }

  private setGroup(g: Group, on: boolean): void {
    for (const p of under(g)) this.setField(keyOf(p), on);
  }

  protected override renderForm(d: Draft) {
    const t = this.l.t.bind(this.l);
    return html`<h2>${t('heading')}</h2>
      <p>${t('intro')}</p>
      <p>${t('enforcement')}</p>
      <div class="sections">${GROUPS.map((g) => this.renderGroup(d, g))}</div>`;
  }

  private renderGroup(d: Draft, g: Group) {
    const t = this.l.t.bind(this.l);
    const state = this.groupState(d, g);
    return html`<div class="section" part="section" role="group" aria-label=${t(g)} data-group=${g}>
      <div class="am-field am-field--switch" part="group-field">
        <am-switch
          .checked=${state === 'on'}
          .mixed=${state === 'mixed'}
          ?disabled=${this.readOnly}
          description=${t(`${g}.about`)}
          @change=${(e: Event) => this.setGroup(g, (e.target as AmSwitch).checked)}
          >${t(g)}</am-switch
        >
      </div>
      <div class="children" part="children">
        ${childrenOf(g).map((p) => (p === PER_MINUTE ? this.renderPerMinute(d) : this.leaf(p)))}
      </div>
    </div>`;
  }

  /** Per minute with its two, which it hides when off: they stay set but cannot be changed then, and say why. */
  private renderPerMinute(d: Draft) {
    const hidden = d[keyOf(PER_MINUTE)] === false;
    return html`<div class="branch" role="group" aria-label=${this.l.t(PER_MINUTE)}>
      ${this.leaf(PER_MINUTE)}
      <div class="children" part="children" ?data-hidden=${hidden}>
        ${PER_MINUTE_CHILDREN.map((p) => this.leaf(p, hidden))}
      </div>
    </div>`;
  }

  private leaf(p: RestrictionPath, hiddenByParent = false) {
    const t = this.l.t.bind(this.l);
    const about = t(`${p}.about`);
    return switchField(this, keyOf(p), t(p), {
      description: hiddenByParent ? `${about} ${t('hiddenWithBalance')}` : about,
      disabled: hiddenByParent,
    });
  }
}

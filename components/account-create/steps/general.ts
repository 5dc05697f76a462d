import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { rules } from '../../../src/api/rules.js';
import type { AccountStore } from '../../../src/data/store.js';
import { languageField, textField, timezoneField } from '../../../src/base/fields.js';
import { generateRealm } from '../../../src/base/random.js';
import { withBdi, type StepContext } from './context.js';

export type RealmState = 'checking' | 'free' | 'taken' | 'failed';

const normal = (realm: string) => realm.trim().toLowerCase();

/**
 * Whether a realm is free: a search of the server for an account with exactly that realm, a moment after the
 * user stops typing (and again before leaving the step). `onTaken` hears of a taken realm still on screen.
 */
export class RealmCheck implements ReactiveController {
  private status?: { realm: string; state: RealmState };
  private pending?: Promise<RealmState | undefined>;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly host: ReactiveControllerHost;
  private readonly store: () => AccountStore | undefined;
  private readonly onTaken: (realm: string) => void;

  constructor(host: ReactiveControllerHost, store: () => AccountStore | undefined, onTaken: (realm: string) => void) {
    this.host = host;
    this.store = store;
    this.onTaken = onTaken;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  reset(): void {
    clearTimeout(this.timer);
    this.status = this.pending = undefined;
  }

  /** What is known of `realm` (as typed). */
  stateOf(realm: string): RealmState | undefined {
    return this.status?.realm === normal(realm) ? this.status.state : undefined;
  }

  /** The server refused `realm` as taken. */
  taken(realm: string): void {
    this.status = { realm: normal(realm), state: 'taken' };
  }

  /** Checks the realm `read()` gives once the user pauses typing. */
  schedule(read: () => string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(read()), 400);
  }

  /** Searches the server for `value` (at most once per realm); nothing for an empty or malformed one. */
  check(value: string): Promise<RealmState | undefined> {
    const realm = normal(value);
    const store = this.store();
    if (!store || !realm || rules.realm(realm)) return Promise.resolve(undefined);
    const known = this.status;
    if (known?.realm === realm && known.state !== 'checking') return Promise.resolve(known.state);
    if (known?.realm === realm && this.pending) return this.pending;
    this.status = { realm, state: 'checking' };
    this.host.requestUpdate();
    const check = (this.pending = store
      .searchAccounts(realm, { pageSize: 20 })
      .then(
        (page): RealmState => (page.items.some((a) => a.realm?.toLowerCase() === realm) ? 'taken' : 'free'),
        (): RealmState => 'failed',
      )
      .then((state) => {
        if (this.status?.realm !== realm) return undefined;
        this.status = { realm, state };
        if (this.pending === check) this.pending = undefined;
        if (state === 'taken') this.onTaken(realm);
        this.host.requestUpdate();
        return state;
      }));
    return check;
  }
}

/** Step 1: the name, the realm (generated under the reseller's suffix, or typed), time zone and language. */
export function renderGeneral({ host, l }: StepContext, o: { suffix?: string; realm?: RealmState }): TemplateResult {
  const t = l.t.bind(l);
  const suffix = o.suffix;
  const said =
    o.realm === 'checking'
      ? t('realmChecking')
      : o.realm === 'free'
        ? t('realmFree')
        : o.realm === 'failed'
          ? t('realmCheckFailed')
          : '';
  return html`<div class="grid">
    <div class="wide">
      ${textField(host, 'name', t('name'), { required: true, autocomplete: 'organization', rule: 'accountName' })}
    </div>
    <div class="wide with-button">
      ${textField(host, 'realm', t('realm'), {
        required: !!suffix,
        rule: 'realm',
        hint: html`${suffix ? withBdi(l, 'realmHintGenerated', 'suffix', suffix) : t('realmHintOptional')}
          <span role="status" class="realm-status">${said}</span>`,
      })}
      ${
        suffix
          ? html`<button
              type="button"
              class="am-button"
              ?disabled=${host.readOnly}
              @click=${() => host.setField('realm', generateRealm(suffix))}
            >
              ${t('regenerate')}
            </button>`
          : nothing
      }
    </div>
    ${timezoneField(host, 'timezone', t('timezone'), { required: true })}
    ${languageField(host, 'language', t('language'))}
  </div>`;
}

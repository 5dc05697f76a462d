import { createContext, ContextRoot } from '@lit/context';
import type { AccountApi } from '../api/api.js';
import type { Session } from '../api/model.js';
import type { AccountStore } from '../data/store.js';

/**
 * What `<account-provider>` hands down. Design: one key per value, no combined object, so a host
 * framework can provide any one alone (a React app may provide only `apiContext`), and a widget
 * re-renders only for what it reads. Widgets do not consume these directly: `AmContextController`
 * (src/base) gathers them and adds the fallbacks (own `.api`, `account-id`, `<html lang>`).
 * Keys are `Symbol.for(...)` so two bundled copies of the library on one page still meet.
 */

/** The backend adapter. */
export const apiContext = createContext<AccountApi | undefined>(Symbol.for('account-manager-widgets/api'));

/** The one store shared by every widget under a provider. */
export const storeContext = createContext<AccountStore | undefined>(Symbol.for('account-manager-widgets/store'));

/** Who is logged in; `undefined` until the session has loaded. */
export const sessionContext = createContext<Session | undefined>(Symbol.for('account-manager-widgets/session'));

/** The account widgets act on, and the "Use account" (masquerade) stack with its two actions. */
export interface ActingAccount {
  /** The account widgets show by default: the top of `stack`; `undefined` until the session is known. */
  accountId: string | undefined;
  /** Masquerade stack, original (logged-in) account first; one entry when not masquerading. */
  stack: string[];
  /**
   * Act as a descendant of the logged-in account. Fires the provider's cancelable `masquerade-request`;
   * resolves `true` when the acting account changed (or already was `accountId`).
   */
  masquerade(accountId: string): Promise<boolean>;
  /** Return one level (or, with `{ all: true }`, to the logged-in account). */
  restore(options?: { all?: boolean }): void;
}

export const actingAccountContext = createContext<ActingAccount | undefined>(
  Symbol.for('account-manager-widgets/acting-account'),
);

/** BCP 47 locale chosen by the provider (`locale` attribute, else the session's language). */
export const localeContext = createContext<string | undefined>(Symbol.for('account-manager-widgets/locale'));

const ROOT = Symbol.for('account-manager-widgets/context-root');

/**
 * Attaches one `ContextRoot` to the document (once per page, whatever the number of bundled copies),
 * so a widget upgraded before its provider still receives the context when the provider connects.
 */
export function ensureContextRoot(): void {
  const g = globalThis as { [ROOT]?: ContextRoot };
  if (g[ROOT] || typeof document === 'undefined') return;
  g[ROOT] = new ContextRoot();
  g[ROOT].attach(document as unknown as HTMLElement);
}

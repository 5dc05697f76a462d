import type { RestrictionKey, UiRestrictions } from './model.js';

/** A dotted path such as `billing.transactions`, `trunking.inbound` or `billing.balance.credit`. */
export type RestrictionPath =
  | 'settings.user'
  | 'settings.account'
  | 'billing.creditCard'
  | 'billing.balance'
  | 'billing.balance.credit'
  | 'billing.balance.minutes'
  | 'billing.servicePlan'
  | 'billing.transactions'
  | 'trunking.inbound'
  | 'trunking.outbound'
  | 'trunking.twoway'
  | 'misc.errorLog';

const PATH_KEY: Record<RestrictionPath, RestrictionKey> = {
  'settings.user': 'user',
  'settings.account': 'account',
  'billing.creditCard': 'billing',
  'billing.balance': 'balance',
  'billing.balance.credit': 'balance',
  'billing.balance.minutes': 'balance',
  'billing.servicePlan': 'service_plan',
  'billing.transactions': 'transactions',
  'trunking.inbound': 'inbound',
  'trunking.outbound': 'outbound',
  'trunking.twoway': 'twoway',
  'misc.errorLog': 'errorTracker',
};

/** Whether the restrictions let the customer see `path`. A missing entry means shown. */
export function restrictionsAllow(restrictions: UiRestrictions | undefined, path: RestrictionPath): boolean {
  const entry = restrictions?.[PATH_KEY[path]];
  if (!entry) return true;
  if (entry.showTab === false) return false;
  if (path === 'billing.balance.credit') return entry.showCredit !== false;
  if (path === 'billing.balance.minutes') return entry.showMinutes !== false;
  return true;
}

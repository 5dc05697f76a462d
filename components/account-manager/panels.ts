import type { AmElement } from '../../src/base/am-element.js';

/** The manager's tabs, in order. */
export const TABS = [
  'overview',
  'admins',
  'limits',
  'numbers',
  'restrictions',
  'carrier',
  'apps',
  'notes',
  'plans',
] as const;

export type AccountManagerTab = (typeof TABS)[number];

export const isTab = (value: unknown): value is AccountManagerTab => TABS.includes(value as AccountManagerTab);

/** The element each tab shows, by its default tag. */
export const PANEL_TAGS: Record<AccountManagerTab, string> = {
  overview: 'account-overview',
  admins: 'account-admins',
  limits: 'account-limits',
  numbers: 'number-features',
  restrictions: 'account-restrictions',
  carrier: 'carrier-picker',
  apps: 'app-exchange-toggle',
  notes: 'account-notes',
  plans: 'service-plan-picker',
};

type Loader = () => Promise<typeof AmElement>;

/**
 * Elements the manager loads on first use (a tab opened, "Add account"), by default tag: none of their code is
 * fetched for the first paint.
 */
export const LAZY: Record<string, Loader> = {
  'account-admins': () => import('../account-admins/account-admins.js').then((m) => m.AccountAdmins),
  'account-limits': () => import('../account-limits/account-limits.js').then((m) => m.AccountLimits),
  'number-features': () => import('../number-features/number-features.js').then((m) => m.NumberFeatures),
  'account-restrictions': () =>
    import('../account-restrictions/account-restrictions.js').then((m) => m.AccountRestrictions),
  'carrier-picker': () => import('../carrier-picker/carrier-picker.js').then((m) => m.CarrierPicker),
  'app-exchange-toggle': () => import('../app-exchange-toggle/app-exchange-toggle.js').then((m) => m.AppExchangeToggle),
  'account-notes': () => import('../account-notes/account-notes.js').then((m) => m.AccountNotes),
  'service-plan-picker': () => import('../service-plan-picker/service-plan-picker.js').then((m) => m.ServicePlanPicker),
  'account-create': () => import('../account-create/account-create.js').then((m) => m.AccountCreate),
};

/** The wizard's values: their shape, where they start, reading and writing them by path, the first step's checks. */
import type { Account, App, CallClass, CarrierStrategy, Limits, ServicePlan } from '../../src/api/model.js';
import { checkFields, rules as check, type FieldProblem } from '../../src/api/rules.js';
import { getPath, setPath } from '../../src/base/merge.js';
import { normalizeLanguage } from '../../src/base/elements/am-language-select.js';
import type { LimitsValue } from '../account-limits/account-limits.js';

export const STEPS = ['general', 'contacts', 'admins', 'plans', 'limits', 'credit', 'apps', 'review'] as const;
export type StepId = (typeof STEPS)[number];

export interface AdminDraft {
  /** Stable row id (never reused in one wizard). */
  key: number;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  sendEmail: boolean;
}

export interface ContactDraft {
  name: string;
  email: string;
  number: string;
}

export interface BillingDraft extends ContactDraft {
  streetAddress: string;
  streetAddressExtra: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

/** The apps step's value: every app of the parent, or only the ones switched on. */
export interface AppsDraft {
  mode: 'all' | 'only';
  /** The ids of the apps switched on (used when `mode` is `only`): `<app-exchange-toggle form>`'s value. */
  enabled: string[];
}

export interface WizardValues {
  name: string;
  realm: string;
  timezone: string;
  language: string;
  technical: ContactDraft;
  billing: BillingDraft;
  admins: AdminDraft[];
  plans: string[];
  /** `<account-limits form>`'s value: trunks (`null` is no limit), per-minute calls, call class → allowed. */
  limits: LimitsValue;
  /** `<carrier-picker form>`'s value, written as the new account's `no_match` callflow. */
  carrier: CarrierStrategy;
  credit: string;
  apps: AppsDraft;
}

/** What the parent hands down, loaded before the wizard shows. `undefined` lists could not be read. */
export interface WizardDefaults {
  parent: Account;
  resellerId?: string;
  limits?: Limits;
  callClasses?: CallClass[];
  /** `undefined`: forbidden or failed to list. */
  plans?: ServicePlan[];
  apps?: App[];
}

/** Facts validation needs besides the values. */
export interface WizardRules {
  realmRequired: boolean;
  canSetLimits: boolean;
  canCredit: boolean;
  /** The user's locale, for amounts. */
  locale?: string;
}

/** A problem only the wizard can find (a message key of its own). */
export type WizardProblemKey = 'emailDuplicate';
/** Field path → what is wrong with it. */
export type Problems = Record<string, FieldProblem | WizardProblemKey>;

const emptyContact = (): ContactDraft => ({ name: '', email: '', number: '' });

export function newAdmin(key: number, password: string): AdminDraft {
  return { key, firstName: '', lastName: '', email: '', password, sendEmail: false };
}

/**
 * The starting values: the parent's time zone, language, country, limits and call restrictions, the system-wide
 * carriers (Monster's default) and all of the parent's apps.
 */
export function initialValues(d: WizardDefaults, realm: string, timezone: string, admin: AdminDraft): WizardValues {
  const parent = d.parent;
  const callRestrictions: LimitsValue['callRestrictions'] = {};
  for (const c of d.callClasses ?? []) {
    callRestrictions[c.name] = parent.callRestrictions[c.name] === 'deny' ? 'deny' : 'inherit';
  }
  return {
    name: '',
    realm,
    timezone,
    language: normalizeLanguage(parent.language),
    technical: emptyContact(),
    billing: {
      ...emptyContact(),
      streetAddress: '',
      streetAddressExtra: '',
      locality: '',
      region: '',
      postalCode: '',
      country: parent.contacts.billing?.country ?? '',
    },
    admins: [admin],
    plans: [],
    // In the order <account-limits> writes its value, so an unchanged choice reads as nothing entered.
    limits: {
      twowayTrunks: d.limits?.twowayTrunks ?? null,
      inboundTrunks: d.limits?.inboundTrunks ?? null,
      outboundTrunks: d.limits?.outboundTrunks ?? null,
      allowPerMinute: d.limits?.allowPerMinute ?? true,
      callRestrictions,
    },
    carrier: 'system',
    credit: '',
    apps: { mode: 'all', enabled: (d.apps ?? []).filter((a) => a.enabled).map((a) => a.id) },
  };
}

const ADMIN_PATH = /^admins\.(\d+)\.(\w+)$/;

/** The value at a dotted path; `admins.<key>.<field>` names an admin by its stable key. */
export function valueAt(v: WizardValues, path: string): unknown {
  const m = ADMIN_PATH.exec(path);
  if (!m) return getPath(v, path);
  return v.admins.find((a) => a.key === Number(m[1]))?.[m[2] as keyof AdminDraft];
}

/** A copy of the values with `path` set (see `valueAt`). */
export function withValue(v: WizardValues, path: string, value: unknown): WizardValues {
  const m = ADMIN_PATH.exec(path);
  if (!m) return setPath(v, path, value);
  const key = Number(m[1]);
  return { ...v, admins: v.admins.map((a) => (a.key === key ? { ...a, [m[2]!]: value } : a)) };
}

/** The admin paths of a row, for clearing its problems when it goes. */
export const adminPrefix = (key: number) => `admins.${key}.`;

/** Problems of the first step: the name, the realm (required under a reseller's suffix), the time zone. */
export function checkGeneral(v: WizardValues, r: WizardRules): Problems {
  return checkFields({
    name: ['accountName', v.name],
    realm: r.realmRequired && check.required(v.realm) ? ['required', v.realm] : ['realm', v.realm],
    timezone: v.timezone.trim() ? ['timezone', v.timezone] : ['required', ''],
  });
}

/** The step a field path belongs to (`undefined` for a field the wizard does not show). */
export function stepOf(path: string): StepId | undefined {
  const head = path.split('.')[0]!;
  if (['name', 'realm', 'timezone', 'language'].includes(head)) return 'general';
  if (head === 'technical' || head === 'billing') return 'contacts';
  if (head === 'carrier') return 'limits';
  if (head === 'admins' || head === 'plans' || head === 'limits' || head === 'credit' || head === 'apps') return head;
  return undefined;
}

/** The wizard's form: values, per-step validation, and what is sent. Pure: no DOM, no store. */
import { AccountApiError } from '../../src/api/errors.js';
import {
  RESTRICTION_PATHS,
  type Account,
  type AccountInput,
  type App,
  type CallClass,
  type CarrierStrategy,
  type Limits,
  type LimitsChanges,
  type Money,
  type ServicePlan,
  type UiRestrictions,
  type UserInput,
} from '../../src/api/model.js';
import { moneyToDecimal, parseMoney } from '../../src/api/money.js';
import { checkFields, rules as check, type FieldProblem, type RuleName } from '../../src/api/rules.js';
import { getPath, setPath } from '../../src/base/merge.js';
import { normalizeLanguage } from '../../src/base/elements/am-language-select.js';
import type { LimitsValue } from '../account-limits/account-limits.js';

export const STEPS = ['general', 'contacts', 'admins', 'plans', 'limits', 'credit', 'apps', 'review'] as const;
export type StepId = (typeof STEPS)[number];

const TRUNKS = ['twowayTrunks', 'inboundTrunks', 'outboundTrunks'] as const;

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

/**
 * An amount typed in the user's locale ("1,234.5", "1 234,5", "25.50" in German) as Money; `undefined` when empty,
 * `null` when not a number. With one kind of separator, a group separator followed by 3 digits groups; else it is
 * the decimal point.
 */
export function parseCredit(text: string, locale = 'en-US', currency?: string): Money | null | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return undefined;
  let group = ',';
  try {
    const g = new Intl.NumberFormat(locale).formatToParts(1234.5).find((p) => p.type === 'group')?.value;
    // Space-grouping locales (fr, ru): spaces are already gone, so a comma can only be the decimal point.
    if (g !== undefined) group = /^[\s\u00a0\u202f]$/.test(g) ? ' ' : g;
  } catch {
    // An unknown locale reads amounts the en-US way.
  }
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (last >= 0) {
    const sep = s[last]!;
    const mixed = s.includes('.') && s.includes(',');
    const grouping = !mixed && sep === group && /^\d{3}$/.test(s.slice(last + 1)) && s.indexOf(sep) > 0;
    s = grouping ? s.split(sep).join('') : s.slice(0, last).replace(/[.,]/g, '') + '.' + s.slice(last + 1);
  }
  return parseMoney(s, currency);
}

/** Problems of one step (the review step checks every other one). */
export function validateStep(step: StepId, v: WizardValues, r: WizardRules): Problems {
  const e: Problems = {};
  const fields: Record<string, [RuleName, string]> = {};
  switch (step) {
    case 'general':
      Object.assign(fields, {
        name: ['accountName', v.name],
        realm: ['realm', v.realm],
        timezone: ['timezone', v.timezone],
      });
      if (r.realmRequired) fields.realm = check.required(v.realm) ? ['required', v.realm] : ['realm', v.realm];
      if (!v.timezone.trim()) fields.timezone = ['required', ''];
      break;
    case 'contacts':
      for (const c of ['technical', 'billing'] as const) {
        fields[`${c}.email`] = ['email', v[c].email];
        fields[`${c}.number`] = ['phone', v[c].number];
      }
      break;
    case 'admins': {
      const seen = new Set<string>();
      for (const a of v.admins) {
        const p = `admins.${a.key}`;
        fields[`${p}.firstName`] = ['personName', a.firstName];
        fields[`${p}.lastName`] = ['personName', a.lastName];
        fields[`${p}.email`] = check.required(a.email) ? ['required', ''] : ['email', a.email];
        fields[`${p}.password`] = ['password', a.password];
        const email = a.email.trim().toLowerCase();
        if (email && !check.email(email) && seen.has(email)) e[`${p}.email`] = 'emailDuplicate';
        seen.add(email);
      }
      break;
    }
    case 'limits':
      if (r.canSetLimits) {
        // <account-limits>' own rule, for when it is not on screen to ask: empty is "no limit", the rest is checked.
        for (const f of TRUNKS) {
          const text = trunkText(v.limits[f]);
          if (text.trim()) fields[`limits.${f}`] = ['trunks', text];
        }
      }
      break;
    case 'credit':
      if (r.canCredit) {
        const m = parseCredit(v.credit, r.locale);
        // The amount as the user's locale reads it, in the plain form the ledger rule checks.
        fields.credit = ['optionalAmount', m ? moneyToDecimal(m) : v.credit];
      }
      break;
    case 'review':
      for (const s of STEPS) if (s !== 'review') Object.assign(e, validateStep(s, v, r));
      return e;
  }
  return { ...checkFields(fields), ...e };
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

const trimmed = <T extends object>(o: T): Partial<T> | undefined => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return Object.keys(out).length ? (out as Partial<T>) : undefined;
};

/** Every tab of the customer's Control Center shown (Monster UI's wizard default). */
export function defaultUiRestrictions(): UiRestrictions {
  const out: UiRestrictions = {};
  for (const path of RESTRICTION_PATHS) out[path] = true;
  return out;
}

/** The account document sent first. */
export function accountInput(v: WizardValues): AccountInput {
  const input: AccountInput = { name: v.name.trim(), timezone: v.timezone.trim() };
  const realm = v.realm.trim().toLowerCase();
  if (realm) input.realm = realm;
  if (v.language) input.language = v.language;
  const technical = trimmed(v.technical);
  const billing = trimmed(v.billing);
  if (technical || billing) input.contacts = { ...(technical && { technical }), ...(billing && { billing }) };
  const classes = Object.entries(v.limits.callRestrictions);
  if (classes.length) input.callRestrictions = Object.fromEntries(classes);
  input.uiRestrictions = defaultUiRestrictions();
  return input;
}

export function adminInput(a: AdminDraft): UserInput {
  return {
    firstName: a.firstName.trim(),
    lastName: a.lastName.trim(),
    email: a.email.trim(),
    password: a.password,
    privLevel: 'admin',
    sendEmailOnCreation: a.sendEmail,
  };
}

type Trunks = LimitsValue['twowayTrunks'];

/** A trunk count of the limits value as text: the number, the text as typed, or '' when not set. */
export const trunkText = (n: Trunks): string => (n === null || n === undefined ? '' : String(n));

/** A trunk count as a number ("+12" or "12.0" as typed count too); not set is no limit. */
function trunkValue(n: Trunks): number | null {
  const t = trunkText(n).trim();
  return t ? Number(t.replace(',', '.')) : null;
}

/** The limits chosen, as changes against `current` (the new account's own); `undefined` when equal. */
export function limitsChanges(v: LimitsValue, current: Limits | undefined): LimitsChanges | undefined {
  const want: LimitsChanges = {
    twowayTrunks: trunkValue(v.twowayTrunks),
    inboundTrunks: trunkValue(v.inboundTrunks),
    outboundTrunks: trunkValue(v.outboundTrunks),
    allowPerMinute: v.allowPerMinute,
  };
  const changes: LimitsChanges = {};
  for (const k of Object.keys(want) as (keyof LimitsChanges)[]) {
    if (!current || want[k] !== current[k]) (changes as Record<string, unknown>)[k] = want[k];
  }
  return Object.keys(changes).length ? changes : undefined;
}

/**
 * The server's field codes as problems on the wizard's fields: the account's domain fields (`contacts.billing.email`
 * shows on `billing.email`), or a user's under `prefix` (`admins.3`).
 */
export function serverProblems(error: AccountApiError, prefix = ''): Problems {
  const out: Problems = {};
  for (const [field, code] of Object.entries(error.fieldCodes ?? {})) {
    const path = prefix ? `${prefix}.${field}` : field.replace(/^contacts\./, '');
    const limit = error.fieldLimits?.[field];
    out[path] = limit === undefined ? { code } : { code, limit };
  }
  return out;
}

/** Whether a rejection says the admin's e-mail (their user name) is already used. */
export function isEmailTaken(error: AccountApiError | undefined): boolean {
  return AccountApiError.is(error, 'validation') && error.fieldCodes?.email === 'taken';
}

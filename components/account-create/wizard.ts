/** The wizard's form: values, per-step validation, and what is sent. Pure: no DOM, no store. */
import { AccountApiError } from '../../src/api/errors.js';
import {
  RESTRICTION_PATHS,
  type Account,
  type AccountInput,
  type App,
  type CallClass,
  type Limits,
  type LimitsChanges,
  type Money,
  type ServicePlan,
  type UiRestrictions,
  type UserInput,
} from '../../src/api/model.js';
import { parseMoney } from '../../src/api/money.js';
import { MIN_PASSWORD_LENGTH } from '../../src/base/random.js';

export const STEPS = ['general', 'contacts', 'admins', 'plans', 'limits', 'credit', 'apps', 'review'] as const;
export type StepId = (typeof STEPS)[number];

/** Languages offered; `''` is the platform's default (no `language` sent). */
export const LANGUAGES = ['', 'en-US', 'fr-FR', 'de-DE', 'es-ES', 'ru-RU'] as const;

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

export interface WizardValues {
  name: string;
  realm: string;
  timezone: string;
  language: string;
  technical: ContactDraft;
  billing: BillingDraft;
  admins: AdminDraft[];
  plans: string[];
  twowayTrunks: string;
  inboundTrunks: string;
  outboundTrunks: string;
  allowPerMinute: boolean;
  /** Call class → allowed (`inherit`) or not (`deny`). */
  callClasses: Record<string, boolean>;
  credit: string;
  appsMode: 'all' | 'only';
  apps: string[];
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
  timezones: ReadonlySet<string>;
  canSetLimits: boolean;
  canCredit: boolean;
  /** The user's locale, for amounts. */
  locale?: string;
}

/** Field path → message key (translated when shown). */
export type FieldErrors = Record<string, string>;

export const REALM_PATTERN = /^[.\w-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const PHONE = /^\+?[\d\s().-]*\d[\d\s().-]*$/;
const TRUNKS = /^\d+$/;

const emptyContact = (): ContactDraft => ({ name: '', email: '', number: '' });

/** The language of an account as one of `LANGUAGES` (Kazoo often stores `en-us`). */
export function normalizeLanguage(value: string | undefined): string {
  if (!value) return '';
  return LANGUAGES.find((l) => l.toLowerCase() === value.toLowerCase()) ?? '';
}

export function newAdmin(key: number, password: string): AdminDraft {
  return { key, firstName: '', lastName: '', email: '', password, sendEmail: false };
}

const trunks = (n: number | null | undefined) => (typeof n === 'number' ? String(n) : '');

/** The starting values: the parent's time zone, language, country, limits and call restrictions. */
export function initialValues(d: WizardDefaults, realm: string, timezone: string, admin: AdminDraft): WizardValues {
  const parent = d.parent;
  const callClasses: Record<string, boolean> = {};
  for (const c of d.callClasses ?? []) callClasses[c.name] = parent.callRestrictions[c.name] !== 'deny';
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
    twowayTrunks: trunks(d.limits?.twowayTrunks),
    inboundTrunks: trunks(d.limits?.inboundTrunks),
    outboundTrunks: trunks(d.limits?.outboundTrunks),
    allowPerMinute: d.limits?.allowPerMinute ?? true,
    callClasses,
    credit: '',
    appsMode: 'all',
    apps: (d.apps ?? []).filter((a) => a.enabled).map((a) => a.id),
  };
}

/** Realm format per Kazoo's accounts schema (`^[.\w-]+$`, 4-253 characters); `''` when fine. */
export function realmProblem(realm: string, required: boolean): string {
  const r = realm.trim();
  if (!r) return required ? 'err.required' : '';
  if (r.length < 4 || r.length > 253) return 'err.realmLength';
  if (!REALM_PATTERN.test(r)) return 'err.realmFormat';
  return '';
}

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

/** Errors of one step (the review step checks every other one). */
export function validateStep(step: StepId, v: WizardValues, rules: WizardRules): FieldErrors {
  const e: FieldErrors = {};
  const contact = (prefix: string, c: ContactDraft) => {
    if (c.email.trim() && !EMAIL.test(c.email.trim())) e[`${prefix}.email`] = 'err.email';
    if (c.number.trim() && !PHONE.test(c.number.trim())) e[`${prefix}.number`] = 'err.phone';
  };
  switch (step) {
    case 'general': {
      if (!v.name.trim()) e.name = 'err.required';
      else if (v.name.trim().length > 128) e.name = 'err.nameLength';
      const realm = realmProblem(v.realm, rules.realmRequired);
      if (realm) e.realm = realm;
      if (!rules.timezones.has(v.timezone)) e.timezone = 'err.timezone';
      if (!(LANGUAGES as readonly string[]).includes(v.language)) e.language = 'err.required';
      break;
    }
    case 'contacts':
      contact('technical', v.technical);
      contact('billing', v.billing);
      break;
    case 'admins': {
      const seen = new Map<string, number>();
      for (const a of v.admins) {
        const p = `admins.${a.key}`;
        if (!a.firstName.trim()) e[`${p}.firstName`] = 'err.required';
        if (!a.lastName.trim()) e[`${p}.lastName`] = 'err.required';
        const email = a.email.trim().toLowerCase();
        if (!email) e[`${p}.email`] = 'err.required';
        else if (!EMAIL.test(email)) e[`${p}.email`] = 'err.email';
        else if (seen.has(email)) e[`${p}.email`] = 'err.emailDuplicate';
        else seen.set(email, a.key);
        if (a.password.length < MIN_PASSWORD_LENGTH) e[`${p}.password`] = 'err.passwordLength';
      }
      break;
    }
    case 'limits':
      if (rules.canSetLimits) {
        for (const f of ['twowayTrunks', 'inboundTrunks', 'outboundTrunks'] as const) {
          const t = v[f].trim();
          if (t && (!TRUNKS.test(t) || !Number.isSafeInteger(Number(t)))) e[f] = 'err.trunks';
        }
      }
      break;
    case 'credit':
      if (rules.canCredit) {
        const m = parseCredit(v.credit, rules.locale);
        if (m === null || (m && m.units < 0)) e.credit = 'err.credit';
      }
      break;
    case 'review':
      for (const s of STEPS) if (s !== 'review') Object.assign(e, validateStep(s, v, rules));
      break;
  }
  return e;
}

/** The step a field path belongs to. */
export function stepOf(path: string): StepId {
  const head = path.split('.')[0]!;
  if (['name', 'realm', 'timezone', 'language'].includes(head)) return 'general';
  if (head === 'technical' || head === 'billing') return 'contacts';
  if (head === 'admins') return 'admins';
  if (head === 'plans') return 'plans';
  if (head === 'credit') return 'credit';
  if (head === 'apps' || head === 'appsMode') return 'apps';
  return 'limits';
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
  const input: AccountInput = { name: v.name.trim(), timezone: v.timezone };
  const realm = v.realm.trim().toLowerCase();
  if (realm) input.realm = realm;
  if (v.language) input.language = v.language;
  const technical = trimmed(v.technical);
  const billing = trimmed(v.billing);
  if (technical || billing) input.contacts = { ...(technical && { technical }), ...(billing && { billing }) };
  const classes = Object.entries(v.callClasses);
  if (classes.length)
    input.callRestrictions = Object.fromEntries(classes.map(([k, ok]) => [k, ok ? 'inherit' : 'deny']));
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

const trunkValue = (t: string): number | null => (t.trim() ? Number(t.trim()) : null);

/** The limits chosen, as changes against `current` (the new account's own); `undefined` when equal. */
export function limitsChanges(v: WizardValues, current: Limits | undefined): LimitsChanges | undefined {
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

/** Where a server's field error goes in the form, and which message it shows. */
export function serverFieldErrors(error: AccountApiError, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  const rules = ((error.details as { rules?: Record<string, string[]> } | undefined)?.rules ?? {}) as Record<
    string,
    string[]
  >;
  for (const field of Object.keys(error.fieldErrors ?? {})) {
    let path = field.replace(/^contacts\./, '');
    if (path === 'username') path = 'email';
    const unique = rules[field]?.includes('unique');
    const key = prefix ? `${prefix}.${path}` : path;
    out[key] = unique
      ? path === 'realm'
        ? 'err.realmTaken'
        : path === 'email'
          ? 'err.emailTaken'
          : 'err.taken'
      : 'err.refused';
  }
  return out;
}

/** Whether a rejection says the admin's e-mail (username) is already used. */
export function isEmailTaken(error: AccountApiError | undefined): boolean {
  if (!AccountApiError.is(error, 'validation')) return false;
  const rules = (error.details as { rules?: Record<string, string[]> } | undefined)?.rules ?? {};
  return !!(rules.username?.includes('unique') || rules.email?.includes('unique'));
}

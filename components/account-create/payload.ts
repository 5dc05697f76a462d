/** What the wizard sends (the account, its admins, the limits that differ) and what the server refused. */
import { AccountApiError } from '../../src/api/errors.js';
import {
  RESTRICTION_PATHS,
  type AccountInput,
  type Limits,
  type LimitsChanges,
  type UiRestrictions,
  type UserInput,
} from '../../src/api/model.js';
import type { LimitsValue } from '../account-limits/account-limits.js';
import type { AdminDraft, Problems, WizardValues } from './values.js';
import { trunkText } from './wizard.js';

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

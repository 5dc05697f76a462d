/**
 * The validation rules every form shares, written from Kazoo's own schemas (accounts, users, limits, ledgers)
 * so a widget refuses locally what the backend would refuse, with the same words everywhere.
 *
 * A rule takes the text the user typed (or a value) and returns `undefined` when it is acceptable, or a
 * `FieldProblem`: a code (the same codes `AccountApiError.fieldCodes` carries for server replies) and the
 * limit it broke. Widgets turn a problem into words with the localize layer (`fieldMessage`).
 */

/** Why a field was refused, locally or by the server. */
export type FieldErrorCode =
  /** Nothing was given where something is needed. */
  | 'required'
  /** Already used elsewhere (a realm, a user name). */
  | 'taken'
  /** Not in the expected form. */
  | 'invalid'
  /** Longer than `limit` characters. */
  | 'too-long'
  /** Shorter than `limit` characters. */
  | 'too-short'
  /** Less than `limit`. */
  | 'too-small'
  /** More than `limit`. */
  | 'too-large'
  /** Not a whole number. */
  | 'not-integer';

export interface FieldProblem {
  code: FieldErrorCode;
  /** The length or amount that was crossed, for `too-*` codes. */
  limit?: number;
}

type Rule = (value: string) => FieldProblem | undefined;

const problem = (code: FieldErrorCode, limit?: number): FieldProblem =>
  limit === undefined ? { code } : { code, limit };

/**
 * Characters as Kazoo's schemas count them (JSON Schema lengths are in code points): an emoji is one, not the
 * two UTF-16 units `string.length` counts.
 */
const characters = (v: string): number => [...v].length;

function length(min: number, max: number): Rule {
  return (v) => {
    if (!v) return problem('required');
    const n = characters(v);
    if (n < min) return problem('too-short', min);
    if (n > max) return problem('too-long', max);
    return undefined;
  };
}

/** Kazoo's limits: an account name 1-128 characters (accounts.json). */
export const ACCOUNT_NAME_MAX = 128;
/** Realm: 4-253 characters of `[.\w-]` (accounts.json). */
export const REALM_MIN = 4;
export const REALM_MAX = 253;
export const REALM_PATTERN = /^[.\w-]+$/;
/** Time zone: 5-32 characters (accounts.json), and one the platform's clock knows. */
export const TIMEZONE_MIN = 5;
export const TIMEZONE_MAX = 32;
/** A person's first or last name: 1-128 characters (users.json). */
export const PERSON_NAME_MAX = 128;
/** E-mail: 3-254 characters (users.json, `format: email`). */
export const EMAIL_MAX = 254;
/** One `@`, something before it, a dotted domain after it, no spaces. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
/** Digits with the separators people type; `+` only in front. */
export const PHONE_PATTERN = /^\+?[\d\s().-]*\d[\d\s().-]*$/;
/** Passwords typed by a person: at least this long (generated ones are longer). */
export const MIN_PASSWORD_LENGTH = 12;
/** Smallest credit or debit a ledger accepts, in currency units (ledgers.json `amount.minimum`). */
export const LEDGER_AMOUNT_MIN = 1;

const trimmed =
  (rule: Rule): Rule =>
  (v) =>
    rule(v.trim());
const optional =
  (rule: Rule): Rule =>
  (v) =>
    v.trim() === '' ? undefined : rule(v);

/** Whether the engine's time-zone database knows `zone` (IANA name, or `UTC`). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decimal text as a number of currency units times 10,000 (integer arithmetic, no floating point);
 * `undefined` when it is not a plain decimal.
 */
function decimalUnits(text: string): number | undefined {
  const m = /^(\d*)(?:[.,](\d{0,4}))?$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const units = Number(m[1] || '0') * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return Number.isSafeInteger(units) ? units : undefined;
}

/**
 * Every rule, by what it checks. Each takes the text as typed; optional fields pass when empty
 * (wrap with `rules.required` where the form needs them).
 */
export const rules = {
  /** Anything at all. */
  required: ((v) => (v.trim() ? undefined : problem('required'))) as Rule,
  /** An account name. */
  accountName: trimmed(length(1, ACCOUNT_NAME_MAX)),
  /** A SIP realm (optional: the backend generates one when none is given). */
  realm: optional(
    trimmed((v) => {
      if (v.length < REALM_MIN) return problem('too-short', REALM_MIN);
      if (v.length > REALM_MAX) return problem('too-long', REALM_MAX);
      return REALM_PATTERN.test(v) ? undefined : problem('invalid');
    }),
  ),
  /** An IANA time zone that the backend accepts (optional). */
  timezone: optional(
    trimmed((v) => {
      if (v.length < TIMEZONE_MIN || v.length > TIMEZONE_MAX || !isKnownTimeZone(v)) return problem('invalid');
      return undefined;
    }),
  ),
  /** A first or last name (required). */
  personName: trimmed(length(1, PERSON_NAME_MAX)),
  /** An e-mail address (optional). */
  email: optional(
    trimmed((v) => {
      if (characters(v) > EMAIL_MAX) return problem('too-long', EMAIL_MAX);
      return EMAIL_PATTERN.test(v) ? undefined : problem('invalid');
    }),
  ),
  /** A phone number (optional). */
  phone: optional(trimmed((v) => (PHONE_PATTERN.test(v) ? undefined : problem('invalid')))),
  /** A password a person typed. */
  password: ((v) => {
    if (!v) return problem('required');
    return v.length < MIN_PASSWORD_LENGTH ? problem('too-short', MIN_PASSWORD_LENGTH) : undefined;
  }) as Rule,
  /** A trunk count: a whole number, 0 or more (limits.json `minimum: 0`, integer), required. */
  trunks: trimmed((v) => {
    if (!v) return problem('required');
    if (!/^[+-]?\d+([.,]\d*)?$/.test(v) && !/^[+-]?[.,]\d+$/.test(v)) return problem('invalid');
    const n = Number(v.replace(',', '.'));
    if (n < 0) return problem('too-small', 0);
    if (!Number.isInteger(n)) return problem('not-integer');
    if (!Number.isSafeInteger(n)) return problem('too-large', Number.MAX_SAFE_INTEGER);
    return undefined;
  }),
  /** A credit or debit amount: decimal, at most 4 places, at least `LEDGER_AMOUNT_MIN` (required). */
  amount: trimmed((v) => {
    if (!v) return problem('required');
    const units = decimalUnits(v);
    if (units === undefined) return problem('invalid');
    if (units < LEDGER_AMOUNT_MIN * 10_000) return problem('too-small', LEDGER_AMOUNT_MIN);
    return undefined;
  }),
  /** An optional credit amount (the wizard's initial credit): empty or zero is none. */
  optionalAmount: optional((v) => {
    const units = decimalUnits(v);
    if (units === undefined) return problem('invalid');
    if (units !== 0 && units < LEDGER_AMOUNT_MIN * 10_000) return problem('too-small', LEDGER_AMOUNT_MIN);
    return undefined;
  }),
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

/** Checks several fields at once: `{ path: [rule, text] }` → the problems found, by path. */
export function checkFields(
  fields: Record<string, [RuleName, string | undefined | null]>,
): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const [path, [rule, value]] of Object.entries(fields)) {
    const p = rules[rule](value ?? '');
    if (p) out[path] = p;
  }
  return out;
}

/** The checks of every step, and amounts and trunk counts as typed. Pure: no DOM, no store. */
import type { Money } from '../../src/api/model.js';
import { moneyToDecimal, parseMoney } from '../../src/api/money.js';
import { checkFields, rules as check, type RuleName } from '../../src/api/rules.js';
import type { LimitsValue } from '../account-limits/account-limits.js';
import { STEPS, checkGeneral, type Problems, type StepId, type WizardRules, type WizardValues } from './values.js';

const TRUNKS = ['twowayTrunks', 'inboundTrunks', 'outboundTrunks'] as const;

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
      return checkGeneral(v, r);
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

type Trunks = LimitsValue['twowayTrunks'];

/** A trunk count of the limits value as text: the number, the text as typed, or '' when not set. */
export const trunkText = (n: Trunks): string => (n === null || n === undefined ? '' : String(n));

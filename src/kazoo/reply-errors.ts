/**
 * Crossbar's refusals → domain: a 400's field errors and a 402's charges. Loaded by the transport the first time
 * a request is refused so (the reads of a first page need neither).
 */
import type { Charges, ChargeItem, FieldErrorCode } from '../api/index.js';
import { clean } from './map.js';

/** Kazoo field path → domain field path, for validation errors. */
const FIELD_MAP: Record<string, string> = {
  contact: 'contacts',
  call_restriction: 'callRestrictions',
  ui_restrictions: 'uiRestrictions',
  numbers_features: 'numberFeatures',
  e911_enabled: 'e911',
  cnam_enabled: 'cnam',
  announcement: 'notes.announcement',
  custom_notes: 'notes.customNotes',
  allow_prepay: 'allowPerMinute',
  priv_level: 'privLevel',
};
const camel = (part: string) => part.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export function domainField(kazooPath: string): string {
  return kazooPath
    .split('.')
    .map((part) => FIELD_MAP[part] ?? camel(part))
    .join('.');
}

/** Kazoo schema rule → the domain's field code. */
const RULE_CODES: Record<string, FieldErrorCode> = {
  required: 'required',
  unique: 'taken',
  maxLength: 'too-long',
  minLength: 'too-short',
  maxItems: 'too-long',
  minItems: 'too-short',
  minimum: 'too-small',
  exclusiveMinimum: 'too-small',
  maximum: 'too-large',
  exclusiveMaximum: 'too-large',
};

/**
 * Kazoo's 400 `data` (`{field: {rule: {message, target}}}`) → per-field messages, field codes (the first rule
 * of each field decides), the limit a `min*`/`max*` rule names, and Kazoo's rule names.
 */
export function fieldErrorsFrom(data: unknown): {
  fieldErrors: Record<string, string[]>;
  fieldCodes: Record<string, FieldErrorCode>;
  fieldLimits: Record<string, number>;
  rules: Record<string, string[]>;
} {
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, FieldErrorCode> = {};
  const fieldLimits: Record<string, number> = {};
  const rules: Record<string, string[]> = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { fieldErrors, fieldCodes, fieldLimits, rules };
  for (const [field, byRule] of Object.entries(data as Record<string, unknown>)) {
    if (!byRule || typeof byRule !== 'object' || Array.isArray(byRule)) continue;
    const key = domainField(field);
    for (const [rule, detail] of Object.entries(byRule as Record<string, unknown>)) {
      const d = detail && typeof detail === 'object' ? (detail as { message?: unknown; target?: unknown }) : {};
      const msg = typeof d.message === 'string' ? d.message : typeof detail === 'string' ? detail : rule;
      (fieldErrors[key] ??= []).push(msg);
      (rules[key] ??= []).push(rule);
      fieldCodes[key] ??= RULE_CODES[rule] ?? 'invalid';
      if (typeof d.target === 'number' && fieldLimits[key] === undefined && rule in RULE_CODES) {
        fieldLimits[key] = d.target;
      }
    }
  }
  return { fieldErrors, fieldCodes, fieldLimits, rules };
}

/** A 402 reply's `data` → Charges. */
export function chargesFrom(data: unknown): Charges {
  const items: ChargeItem[] = [];
  let activationCharges: number | undefined;
  let recurring = 0;
  if (data && typeof data === 'object') {
    for (const [category, value] of Object.entries(data as Record<string, unknown>)) {
      if (category === 'activation_charges' && typeof value === 'number') {
        activationCharges = value;
        continue;
      }
      if (!value || typeof value !== 'object') continue;
      for (const [item, raw] of Object.entries(value as Record<string, unknown>)) {
        if (!raw || typeof raw !== 'object') continue;
        const r = raw as Record<string, unknown>;
        const num = (k: string) => (typeof r[k] === 'number' ? (r[k] as number) : undefined);
        const entry = clean({
          category: typeof r.category === 'string' ? r.category : category,
          item: typeof r.item === 'string' ? r.item : item,
          quantity: num('quantity'),
          rate: num('rate'),
          activationCharges: num('activation_charges'),
        }) as ChargeItem;
        items.push(entry);
        if (entry.rate !== undefined) recurring += entry.rate * (entry.quantity ?? 1);
      }
    }
  }
  return clean({
    items,
    activationCharges,
    recurring: items.some((i) => i.rate !== undefined) ? Math.round(recurring * 100) / 100 : undefined,
  }) as Charges;
}

/** Domain ⇄ Crossbar documents for managing an account: the documents written, users, limits, plans and apps. */
import type {
  AccountChanges,
  AccountInput,
  App,
  BillingContactChanges,
  ContactChanges,
  Limits,
  ServicePlan,
  UiRestrictions,
  User,
  UserChanges,
  UserInput,
} from '../api/index.js';
import type { Infer } from './check.js';
import type { AppList, LimitsDoc, PlanList, ServicesDoc, UserDoc } from './manage-wire.js';
import { BALANCE_FLAGS, RESTRICTION_KEY_PATHS, clean, s } from './map.js';

/** Domain paths → the `myaccount` layout. Only the keys of the given paths are written. */
function restrictionsTo(r: UiRestrictions): Record<string, unknown> {
  const myaccount: Record<string, Record<string, boolean>> = {};
  for (const [key, path] of Object.entries(RESTRICTION_KEY_PATHS)) {
    const v = r[path];
    if (v !== undefined) (myaccount[key] ??= {}).show_tab = v;
  }
  for (const [flag, path] of Object.entries(BALANCE_FLAGS)) {
    const v = r[path];
    if (v !== undefined) (myaccount.balance ??= {})[flag] = v;
  }
  return myaccount;
}

/** Drops unset fields; keeps an explicit `null`, which a PATCH turns into "remove this field". */
const keepNulls = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

function contactTo(c: ContactChanges | null | undefined): Record<string, unknown> | null | undefined {
  if (c === null) return null;
  if (!c) return undefined;
  return keepNulls({ name: c.name, email: c.email, number: c.number });
}

function billingTo(b: BillingContactChanges | null | undefined): Record<string, unknown> | null | undefined {
  if (b === null) return null;
  if (!b) return undefined;
  return keepNulls({
    name: b.name,
    email: b.email,
    number: b.number,
    street_address: b.streetAddress,
    street_address_extra: b.streetAddressExtra,
    locality: b.locality,
    region: b.region,
    postal_code: b.postalCode,
    country: b.country,
  });
}

/** A new account document (PUT). */
export function accountInputTo(input: AccountInput): Record<string, unknown> {
  const doc: Record<string, unknown> = { name: input.name };
  if (input.realm) doc.realm = input.realm;
  if (input.timezone) doc.timezone = input.timezone;
  if (input.language) doc.language = input.language;
  const contact = clean({
    technical: contactTo(input.contacts?.technical),
    billing: billingTo(input.contacts?.billing),
  });
  if (Object.keys(contact).length) doc.contact = contact;
  if (input.callRestrictions) doc.call_restriction = callRestrictionTo(input.callRestrictions);
  if (input.uiRestrictions) doc.ui_restrictions = { myaccount: restrictionsTo(input.uiRestrictions) };
  if (input.numberFeatures) doc.numbers_features = numberFeaturesTo(input.numberFeatures);
  if (input.notes?.announcement) doc.announcement = input.notes.announcement;
  if (input.notes?.customNotes) doc.custom_notes = input.notes.customNotes;
  return doc;
}

function callRestrictionTo(r: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, action]) => [k, { action }]));
}

function numberFeaturesTo(f: { e911?: boolean; cnam?: boolean }): Record<string, unknown> {
  return clean({ e911_enabled: f.e911, cnam_enabled: f.cnam });
}

/** A PATCH body: only what changed; `null` deletes a key (Crossbar PATCH semantics). */
export function accountChangesTo(changes: AccountChanges): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const set = (key: string, v: unknown) => {
    if (v !== undefined) doc[key] = v;
  };
  set('name', changes.name);
  set('realm', changes.realm);
  set('timezone', changes.timezone);
  set('language', changes.language);
  set('enabled', changes.enabled);
  if (changes.contacts) {
    const contact: Record<string, unknown> = {};
    if (changes.contacts.technical !== undefined) contact.technical = contactTo(changes.contacts.technical);
    if (changes.contacts.billing !== undefined) contact.billing = billingTo(changes.contacts.billing);
    doc.contact = contact;
  }
  if (changes.callRestrictions) doc.call_restriction = callRestrictionTo(changes.callRestrictions);
  if (changes.uiRestrictions) {
    // Write the myaccount layout and drop the older flat keys so the two can never disagree. The caller
    // passes the whole effective set (the adapter merges a partial change with what is stored).
    const flat = Object.fromEntries(Object.keys(RESTRICTION_KEY_PATHS).map((k) => [k, null]));
    doc.ui_restrictions = { ...flat, myaccount: restrictionsTo(changes.uiRestrictions) };
  }
  if (changes.numberFeatures) doc.numbers_features = numberFeaturesTo(changes.numberFeatures);
  if (changes.notes) {
    set('announcement', changes.notes.announcement);
    set('custom_notes', changes.notes.customNotes);
  }
  return doc;
}

export function userFrom(doc: Infer<typeof UserDoc>): User {
  return clean({
    id: doc.id,
    firstName: doc.first_name ?? '',
    lastName: doc.last_name ?? '',
    username: s(doc.username),
    email: s(doc.email),
    privLevel: doc.priv_level === 'admin' ? 'admin' : 'user',
    enabled: doc.enabled ?? undefined,
    timezone: s(doc.timezone),
  }) as User;
}

export function userInputTo(input: UserInput | UserChanges): Record<string, unknown> {
  const out: Record<string, unknown> = {
    first_name: input.firstName,
    last_name: input.lastName,
    username: input.username ?? (input.email !== undefined ? input.email.toLowerCase() : undefined),
    email: input.email,
    password: input.password,
    priv_level: input.privLevel,
    send_email_on_creation: input.sendEmailOnCreation,
  };
  if ('enabled' in input) out.enabled = input.enabled;
  return clean(out);
}

export function planFrom(p: Infer<typeof PlanList>[number]): ServicePlan {
  const plan: ServicePlan = { id: p.id, name: p.name ?? p.id };
  if (p.category) plan.category = p.category;
  if (p.description) plan.description = p.description;
  return plan;
}

export function plansOf(doc: Infer<typeof ServicesDoc>): ServicePlan[] {
  return Object.entries(doc.plans ?? {}).map(([id, v]) => {
    const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    const plan: ServicePlan = { id, name: typeof o.name === 'string' ? o.name : id };
    if (typeof o.category === 'string') plan.category = o.category;
    return plan;
  });
}

export function limitsFrom(d: Infer<typeof LimitsDoc>, revision?: string): Limits {
  const n = (v: number | null | undefined) => (typeof v === 'number' ? v : null);
  const limits: Limits = {
    twowayTrunks: n(d.twoway_trunks),
    inboundTrunks: n(d.inbound_trunks),
    outboundTrunks: n(d.outbound_trunks),
    allowPerMinute: d.allow_prepay !== false,
    postpay: { allowed: d.allow_postpay === true },
  };
  if (typeof d.max_postpay_amount === 'number') limits.postpay.maxAmount = d.max_postpay_amount;
  if (revision) limits.revision = revision;
  return limits;
}

/** An app as the store lists it, its label and description in `language` (else en-US, else the first). */
export function appFrom(a: Infer<typeof AppList>[number], enabled: boolean, language: string): App {
  const i18n = a.i18n ?? {};
  const text = i18n[language] ?? i18n['en-US'] ?? Object.values(i18n)[0];
  const app: App = { id: a.id, name: a.name ?? a.id, enabled };
  if (text?.label) app.label = text.label;
  if (text?.description) app.description = text.description;
  if (a.icon) app.icon = a.icon;
  return app;
}

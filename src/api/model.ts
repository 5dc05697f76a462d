/**
 * The domain model: backend-neutral, camelCase. Schemas are written with `zod/mini` so the model costs a few
 * kilobytes in the bundle; types are inferred from them.
 */
import * as z from 'zod/mini';

/** Ids are opaque strings. */
export const Id = z.string().check(z.minLength(1));

/** One row of a hierarchy listing. `enabled` / `isReseller` are known only where the backend lists them. */
export const AccountSummary = z.object({
  id: Id,
  name: z.string(),
  realm: z.optional(z.string()),
  /** All accounts below this one (every level). */
  descendantsCount: z.optional(z.number()),
  enabled: z.optional(z.boolean()),
  isReseller: z.optional(z.boolean()),
  /** Ancestor ids, root first, when the backend lists them (search results). */
  tree: z.optional(z.array(z.string())),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

/** A page of a listing. `nextCursor` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  /** Total number of items, where the backend tells it. */
  total?: number;
}

export const Contact = z.object({
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  number: z.optional(z.string()),
});
export type Contact = z.infer<typeof Contact>;

export const BillingContact = z.object({
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  number: z.optional(z.string()),
  streetAddress: z.optional(z.string()),
  streetAddressExtra: z.optional(z.string()),
  locality: z.optional(z.string()),
  region: z.optional(z.string()),
  postalCode: z.optional(z.string()),
  country: z.optional(z.string()),
});
export type BillingContact = z.infer<typeof BillingContact>;

export const CallRestrictionAction = z.enum(['inherit', 'deny']);
export type CallRestrictionAction = z.infer<typeof CallRestrictionAction>;

/**
 * What a customer's users may see in their own portal, by domain path (Monster UI's Control Center tabs):
 * Settings (User, Account), Billing (Credit card, Per minute with its Credit and Minutes info, Service plan,
 * Transactions), Trunking (Inbound, Outbound, Two-way), Misc (UI errors log).
 */
export const RESTRICTION_PATHS = [
  'settings.user',
  'settings.account',
  'billing.creditCard',
  'billing.balance',
  'billing.balance.credit',
  'billing.balance.minutes',
  'billing.servicePlan',
  'billing.transactions',
  'trunking.inbound',
  'trunking.outbound',
  'trunking.twoway',
  'misc.errorLog',
] as const;
export type RestrictionPath = (typeof RESTRICTION_PATHS)[number];

export const RestrictionPathSchema = z.enum(RESTRICTION_PATHS);
/** Path → shown (`true`) or hidden (`false`); a path that is absent is shown. */
export const UiRestrictions = z.partialRecord(RestrictionPathSchema, z.boolean());
export type UiRestrictions = z.infer<typeof UiRestrictions>;

export const NumberFeatureFlags = z.object({ e911: z.boolean(), cnam: z.boolean() });
export type NumberFeatureFlags = z.infer<typeof NumberFeatureFlags>;

export const Notes = z.object({
  announcement: z.optional(z.string()),
  customNotes: z.optional(z.string()),
});
export type Notes = z.infer<typeof Notes>;

export const Account = z.object({
  id: Id,
  name: z.string(),
  realm: z.optional(z.string()),
  timezone: z.optional(z.string()),
  language: z.optional(z.string()),
  enabled: z.boolean(),
  isReseller: z.boolean(),
  /** The account's reseller (absent for the top of the platform). */
  resellerId: z.optional(z.string()),
  isSuperduper: z.boolean(),
  /** Creation time, ISO 8601. */
  created: z.optional(z.string()),
  /** All accounts below this one (every level), where the backend keeps the count. */
  descendantsCount: z.optional(z.number()),
  contacts: z.object({ technical: z.optional(Contact), billing: z.optional(BillingContact) }),
  callRestrictions: z.record(z.string(), CallRestrictionAction),
  uiRestrictions: UiRestrictions,
  numberFeatures: NumberFeatureFlags,
  notes: Notes,
  /** Opaque revision of the stored document; changes on every write. */
  revision: z.optional(z.string()),
});
export type Account = z.infer<typeof Account>;

export const Session = z.object({
  accountId: Id,
  accountName: z.optional(z.string()),
  userId: z.optional(z.string()),
  resellerId: z.optional(z.string()),
  isReseller: z.boolean(),
  isSuperduper: z.boolean(),
  language: z.optional(z.string()),
  /** The logged-in account, when the backend read it to answer (saves reading it again). */
  account: z.optional(Account),
});
export type Session = z.infer<typeof Session>;

/** What a new account is made of: only `name` is required. */
export interface AccountInput {
  name: string;
  realm?: string;
  timezone?: string;
  language?: string;
  contacts?: { technical?: Contact; billing?: BillingContact };
  callRestrictions?: Record<string, CallRestrictionAction>;
  uiRestrictions?: UiRestrictions;
  numberFeatures?: Partial<NumberFeatureFlags>;
  notes?: Partial<Notes>;
}

/** Contact fields to change; `null` removes one. */
export type ContactChanges = { [K in keyof Contact]?: string | null };
export type BillingContactChanges = { [K in keyof BillingContact]?: string | null };

/**
 * A partial update. A `null` clears an optional field (e.g. `language: null` = platform default,
 * `notes: { announcement: null }` = no announcement).
 */
export interface AccountChanges {
  name?: string;
  realm?: string;
  timezone?: string | null;
  language?: string | null;
  enabled?: boolean;
  contacts?: { technical?: ContactChanges | null; billing?: BillingContactChanges | null };
  callRestrictions?: Record<string, CallRestrictionAction>;
  uiRestrictions?: UiRestrictions;
  numberFeatures?: Partial<NumberFeatureFlags>;
  notes?: { announcement?: string | null; customNotes?: string | null };
}

export const PrivLevel = z.enum(['admin', 'user']);
export type PrivLevel = z.infer<typeof PrivLevel>;

export const User = z.object({
  id: Id,
  firstName: z.string(),
  lastName: z.string(),
  username: z.optional(z.string()),
  email: z.optional(z.string()),
  privLevel: PrivLevel,
  enabled: z.optional(z.boolean()),
  timezone: z.optional(z.string()),
});
export type User = z.infer<typeof User>;

export interface UserInput {
  firstName: string;
  lastName: string;
  username?: string;
  email?: string;
  password?: string;
  privLevel: PrivLevel;
  /** Ask the backend to e-mail the new user their credentials. */
  sendEmailOnCreation?: boolean;
}
export type UserChanges = Partial<UserInput> & { enabled?: boolean };

export const Limits = z.object({
  /** `null`: not set (the platform's default applies). */
  twowayTrunks: z.nullable(z.number()),
  inboundTrunks: z.nullable(z.number()),
  outboundTrunks: z.nullable(z.number()),
  /** Per-minute calls allowed beyond the trunks (Kazoo `allow_prepay`). */
  allowPerMinute: z.boolean(),
  /** Read-only facts set by the platform. */
  postpay: z.object({ allowed: z.boolean(), maxAmount: z.optional(z.number()) }),
  revision: z.optional(z.string()),
});
export type Limits = z.infer<typeof Limits>;
export type LimitsChanges = Partial<
  Pick<Limits, 'twowayTrunks' | 'inboundTrunks' | 'outboundTrunks' | 'allowPerMinute'>
>;

export const CallClass = z.object({
  name: z.string(),
  friendlyName: z.string(),
  regex: z.optional(z.string()),
});
export type CallClass = z.infer<typeof CallClass>;

/**
 * Money without floating point: `units` is an integer count of 1/10,000 of the currency
 * (Kazoo's own precision). `formatMoney` and `parseMoney` convert to and from decimal text.
 */
export const Money = z.object({ units: z.number().check(z.int()), currency: z.string() });
export type Money = z.infer<typeof Money>;

export const Balance = z.object({ amount: Money });
export type Balance = z.infer<typeof Balance>;

export interface BalanceAdjustment {
  /** Decimal text ("25.50") or a Money value. Must be positive. */
  amount: string | Money;
  direction: 'credit' | 'debit';
  reason?: string;
}

export const ServicePlan = z.object({
  id: Id,
  name: z.string(),
  category: z.optional(z.string()),
  description: z.optional(z.string()),
});
export type ServicePlan = z.infer<typeof ServicePlan>;

export const CarrierStrategy = z.enum(['system', 'reseller', 'account']);
export type CarrierStrategy = z.infer<typeof CarrierStrategy>;

export const CarrierSetting = z.object({
  /** The strategy in force (`system` when none was ever saved). */
  strategy: CarrierStrategy,
  /**
   * `saved`: read from the backend; `default`: nothing saved yet (reading never writes one);
   * `unsupported`: the backend holds a setup this library does not manage (shown, never changed silently).
   */
  source: z.enum(['saved', 'default', 'unsupported']),
  huntAccountId: z.optional(z.string()),
  /** How many carriers the account has of its own (absent where the backend does not say). */
  ownCarriers: z.optional(z.number()),
});
export type CarrierSetting = z.infer<typeof CarrierSetting>;

export const App = z.object({
  id: Id,
  name: z.string(),
  label: z.optional(z.string()),
  description: z.optional(z.string()),
  icon: z.optional(z.string()),
  enabled: z.boolean(),
});
export type App = z.infer<typeof App>;

/** One billable item a write would add (a 402 "accept charges" reply). */
export interface ChargeItem {
  category: string;
  item: string;
  quantity?: number;
  rate?: number;
  activationCharges?: number;
}

/** What a write would cost; handed to `onChargesRequired` and kept in a `charges-required` error's `details`. */
export interface Charges {
  items: ChargeItem[];
  /** One-off charges, in currency units. */
  activationCharges?: number;
  /** Recurring charge per period implied by the items (sum of rate x quantity), when rates are known. */
  recurring?: number;
  /** The host's `onChargesRequired` asked and was refused: nothing was written. */
  declined?: boolean;
}

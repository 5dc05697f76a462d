/**
 * Crossbar v2 reply shapes every page reads (envelopes, login, accounts and their listings), checked at the
 * boundary. Loose objects: Kazoo adds keys over versions, and a key we do not read must never turn a good reply
 * into an error.
 */
import * as c from './check.js';

const str = c.string;
const optStr = c.nullish(c.string);
const optBool = c.nullish(c.boolean);
const optNum = c.nullish(c.number);

/** `start_key` / `next_start_key` are opaque: string, number or a JSON array (a view key). */
export const StartKey = c.nullish(c.union(c.string, c.number, c.array(c.unknown)));

export const Envelope = c.object({
  status: c.optional(c.string),
  data: c.unknown,
  revision: c.optional(c.union(c.string, c.number)),
  auth_token: c.optional(c.string),
  metadata: c.nullish(c.record(c.unknown)),
  page_size: optNum,
  next_start_key: StartKey,
  start_key: StartKey,
});
export type Envelope = c.Infer<typeof Envelope>;

export const ErrorEnvelope = c.object({
  status: c.optional(c.string),
  error: c.optional(c.union(c.string, c.number)),
  message: c.optional(c.string),
  data: c.optional(c.unknown),
});

export const AuthData = c.object({
  account_id: str,
  owner_id: optStr,
  reseller_id: optStr,
  is_reseller: optBool,
  language: optStr,
  account_name: optStr,
});

const Contact = c.object({ name: optStr, email: optStr, number: optStr });
const BillingContact = c.object({
  name: optStr,
  email: optStr,
  number: optStr,
  street_address: optStr,
  street_address_extra: optStr,
  locality: optStr,
  region: optStr,
  postal_code: c.nullish(c.union(c.string, c.number)),
  country: optStr,
});

export const RestrictionEntry = c.object({ show_tab: optBool, show_credit: optBool, show_minutes: optBool });

export const AccountDoc = c.object({
  id: str,
  name: str,
  realm: optStr,
  timezone: optStr,
  language: optStr,
  enabled: optBool,
  is_reseller: optBool,
  reseller_id: optStr,
  superduper_admin: optBool,
  created: optNum,
  descendants_count: optNum,
  contact: c.nullish(c.object({ technical: c.nullish(Contact), billing: c.nullish(BillingContact) })),
  call_restriction: c.nullish(c.record(c.object({ action: c.optional(c.string) }))),
  ui_restrictions: c.nullish(c.record(c.unknown)),
  numbers_features: c.nullish(c.object({ e911_enabled: optBool, cnam_enabled: optBool })),
  announcement: optStr,
  custom_notes: optStr,
});
export type AccountDoc = c.Infer<typeof AccountDoc>;

export const AccountListItem = c.object({
  id: str,
  name: optStr,
  realm: optStr,
  descendants_count: optNum,
  tree: c.nullish(c.array(c.string)),
});
export const AccountList = c.array(AccountListItem);

export const AncestorList = c.array(c.object({ id: str, name: optStr }));

/**
 * Crossbar v2 reply shapes, checked at the boundary. Loose objects: Kazoo adds keys over versions, and a
 * key we do not read must never turn a good reply into an error.
 */
import * as z from 'zod/mini';

const str = z.string();
const optStr = z.optional(z.nullable(z.string()));
const optBool = z.optional(z.nullable(z.boolean()));
const optNum = z.optional(z.nullable(z.number()));

/** `start_key` / `next_start_key` are opaque: string, number or a JSON array (a view key). */
export const StartKey = z.optional(z.nullable(z.union([z.string(), z.number(), z.array(z.unknown())])));

export const Envelope = z.looseObject({
  status: z.optional(z.string()),
  data: z.unknown(),
  revision: z.optional(z.union([z.string(), z.number()])),
  auth_token: z.optional(z.string()),
  metadata: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  page_size: optNum,
  next_start_key: StartKey,
  start_key: StartKey,
});
export type Envelope = z.infer<typeof Envelope>;

export const ErrorEnvelope = z.looseObject({
  status: z.optional(z.string()),
  error: z.optional(z.union([z.string(), z.number()])),
  message: z.optional(z.string()),
  data: z.optional(z.unknown()),
});

export const AuthData = z.looseObject({
  account_id: str,
  owner_id: optStr,
  reseller_id: optStr,
  is_reseller: optBool,
  language: optStr,
  account_name: optStr,
});

const Contact = z.looseObject({ name: optStr, email: optStr, number: optStr });
const BillingContact = z.looseObject({
  name: optStr,
  email: optStr,
  number: optStr,
  street_address: optStr,
  street_address_extra: optStr,
  locality: optStr,
  region: optStr,
  postal_code: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  country: optStr,
});

const RestrictionEntry = z.looseObject({ show_tab: optBool, show_credit: optBool, show_minutes: optBool });

export const AccountDoc = z.looseObject({
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
  contact: z.optional(
    z.nullable(
      z.looseObject({ technical: z.optional(z.nullable(Contact)), billing: z.optional(z.nullable(BillingContact)) }),
    ),
  ),
  call_restriction: z.optional(z.nullable(z.record(z.string(), z.looseObject({ action: z.optional(z.string()) })))),
  ui_restrictions: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  numbers_features: z.optional(z.nullable(z.looseObject({ e911_enabled: optBool, cnam_enabled: optBool }))),
  announcement: optStr,
  custom_notes: optStr,
});
export type AccountDoc = z.infer<typeof AccountDoc>;
export { RestrictionEntry };

export const AccountListItem = z.looseObject({
  id: str,
  name: z.optional(z.nullable(z.string())),
  realm: optStr,
  descendants_count: optNum,
  tree: z.optional(z.nullable(z.array(z.string()))),
});
export const AccountList = z.array(AccountListItem);

export const AncestorList = z.array(z.looseObject({ id: str, name: z.optional(z.nullable(z.string())) }));

export const SearchMulti = z.looseObject({
  name: z.optional(AccountList),
  realm: z.optional(AccountList),
  id: z.optional(AccountList),
});

export const UserDoc = z.looseObject({
  id: str,
  first_name: optStr,
  last_name: optStr,
  username: optStr,
  email: optStr,
  priv_level: optStr,
  enabled: optBool,
  timezone: optStr,
});
export const UserList = z.array(UserDoc);

export const LimitsDoc = z.looseObject({
  twoway_trunks: optNum,
  inbound_trunks: optNum,
  outbound_trunks: optNum,
  allow_prepay: optBool,
  allow_postpay: optBool,
  max_postpay_amount: optNum,
});

const Classifier = z.looseObject({ friendly_name: optStr, regex: optStr, name: optStr });
export const Classifiers = z.union([z.record(z.string(), Classifier), z.array(Classifier)]);

export const LedgerTotal = z.looseObject({ amount: z.number() });

export const PlanList = z.array(z.looseObject({ id: str, name: optStr, category: optStr, description: optStr }));

export const ServicesDoc = z.looseObject({
  plans: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});

export const CallflowList = z.array(z.looseObject({ id: str, numbers: z.optional(z.nullable(z.array(z.string()))) }));
export const CallflowDoc = z.looseObject({
  id: str,
  numbers: z.optional(z.nullable(z.array(z.string()))),
  flow: z.optional(
    z.nullable(
      z.looseObject({
        module: optStr,
        data: z.optional(z.nullable(z.looseObject({ hunt_account_id: optStr }))),
      }),
    ),
  ),
});
export type CallflowDoc = z.infer<typeof CallflowDoc>;

/** `GET /accounts/{id}/resources`: the account's own carriers (Crossbar's `crossbar_listing` view). */
export const ResourceList = z.array(
  z.looseObject({ id: str, name: optStr, enabled: z.optional(z.nullable(z.boolean())) }),
);

export const AppList = z.array(
  z.looseObject({
    id: str,
    name: optStr,
    icon: optStr,
    i18n: z.optional(z.nullable(z.record(z.string(), z.looseObject({ label: optStr, description: optStr })))),
  }),
);

export const Blacklist = z.looseObject({ blacklist: z.optional(z.nullable(z.array(z.string()))) });

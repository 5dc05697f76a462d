/**
 * Crossbar v2 reply shapes read only when managing an account (users, limits, billing, plans, carriers, apps).
 * Loose objects, as in `wire.ts`.
 */
import * as c from './check.js';

const str = c.string;
const optStr = c.nullish(c.string);
const optBool = c.nullish(c.boolean);
const optNum = c.nullish(c.number);

export const UserDoc = c.object({
  id: str,
  first_name: optStr,
  last_name: optStr,
  username: optStr,
  email: optStr,
  priv_level: optStr,
  enabled: optBool,
  timezone: optStr,
});
export const UserList = c.array(UserDoc);

export const LimitsDoc = c.object({
  twoway_trunks: optNum,
  inbound_trunks: optNum,
  outbound_trunks: optNum,
  allow_prepay: optBool,
  allow_postpay: optBool,
  max_postpay_amount: optNum,
});

const Classifier = c.object({ friendly_name: optStr, regex: optStr, name: optStr });
export const Classifiers = c.union(c.record(Classifier), c.array(Classifier));

export const LedgerTotal = c.object({ amount: c.number });

export const PlanList = c.array(c.object({ id: str, name: optStr, category: optStr, description: optStr }));

export const ServicesDoc = c.object({ plans: c.nullish(c.record(c.unknown)) });

const Numbers = c.nullish(c.array(c.string));
export const CallflowList = c.array(c.object({ id: str, numbers: Numbers }));
export const CallflowDoc = c.object({
  id: str,
  numbers: Numbers,
  flow: c.nullish(c.object({ module: optStr, data: c.nullish(c.object({ hunt_account_id: optStr })) })),
});
export type CallflowDoc = c.Infer<typeof CallflowDoc>;

/** `GET /accounts/{id}/resources`: the account's own carriers (Crossbar's `crossbar_listing` view). */
export const ResourceList = c.array(c.object({ id: str, name: optStr, enabled: optBool }));

export const AppList = c.array(
  c.object({
    id: str,
    name: optStr,
    icon: optStr,
    i18n: c.nullish(c.record(c.object({ label: optStr, description: optStr }))),
  }),
);

export const Blacklist = c.object({ blacklist: c.nullish(c.array(c.string)) });

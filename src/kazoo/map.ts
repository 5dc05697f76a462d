/**
 * Crossbar documents → domain for what every page reads (accounts, listings). With `manage-map.ts` and
 * `reply-errors.ts`, the only places besides the adapter that know Crossbar field names.
 */
import type { Account, AccountSummary, RestrictionPath, UiRestrictions } from '../api/index.js';
import type { Infer } from './check.js';
import type { AccountDoc, AccountListItem, RestrictionEntry as WireRestriction } from './wire.js';

/** Account flags Kazoo 5 moves into the reply's `metadata` block; never sent back. */
const SERVER_KEYS = [
  'billing_mode',
  'created',
  'enabled',
  'is_reseller',
  'reseller_id',
  'superduper_admin',
  'wnm_allow_additions',
] as const;

/** Gregorian seconds (Kazoo time) → ISO 8601. */
const GREGORIAN_OFFSET = 62167219200;
function gregorianToIso(seconds: number): string {
  return new Date((seconds - GREGORIAN_OFFSET) * 1000).toISOString();
}

/** Merge the Kazoo 5 `metadata` flags into the document (data wins where both have a key). */
export function mergeMetadata(data: unknown, metadata: Record<string, unknown> | null | undefined): unknown {
  if (!metadata || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const picked: Record<string, unknown> = {};
  for (const k of SERVER_KEYS) if (k in metadata) picked[k] = metadata[k];
  return { ...picked, ...(data as Record<string, unknown>) };
}

/** Drops the unset and `null` fields. */
export const clean = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined || o[k] === null) delete o[k];
  return o;
};
export const s = (v: string | null | undefined): string | undefined => (v == null ? undefined : v);

function contactFrom(c: AccountDoc['contact']): Account['contacts'] {
  const out: Account['contacts'] = {};
  if (c?.technical)
    out.technical = clean({ name: s(c.technical.name), email: s(c.technical.email), number: s(c.technical.number) });
  if (c?.billing) {
    const b = c.billing;
    out.billing = clean({
      name: s(b.name),
      email: s(b.email),
      number: s(b.number),
      streetAddress: s(b.street_address),
      streetAddressExtra: s(b.street_address_extra),
      locality: s(b.locality),
      region: s(b.region),
      postalCode: b.postal_code == null ? undefined : String(b.postal_code),
      country: s(b.country),
    });
  }
  return out;
}

/**
 * Monster UI's Control Center keys (`ui_restrictions.myaccount.<key>.show_tab`) ⇄ domain paths. The
 * `balance` key carries two more flags, `show_credit` and `show_minutes`.
 */
export const RESTRICTION_KEY_PATHS: Record<string, RestrictionPath> = {
  user: 'settings.user',
  account: 'settings.account',
  billing: 'billing.creditCard',
  balance: 'billing.balance',
  service_plan: 'billing.servicePlan',
  transactions: 'billing.transactions',
  inbound: 'trunking.inbound',
  outbound: 'trunking.outbound',
  twoway: 'trunking.twoway',
  errorTracker: 'misc.errorLog',
};
export const BALANCE_FLAGS = {
  show_credit: 'billing.balance.credit',
  show_minutes: 'billing.balance.minutes',
} as const;

/**
 * Reads `ui_restrictions.myaccount.*` and the older flat `ui_restrictions.*` layout (myaccount wins, key by
 * key). Absent keys stay absent (= shown); any value but `false` reads as shown, as Monster UI does.
 */
export function uiRestrictionsFrom(raw: Record<string, unknown> | null | undefined): UiRestrictions {
  const out: UiRestrictions = {};
  if (!raw || typeof raw !== 'object') return out;
  const nested = raw.myaccount && typeof raw.myaccount === 'object' ? (raw.myaccount as Record<string, unknown>) : {};
  for (const [key, path] of Object.entries(RESTRICTION_KEY_PATHS)) {
    const v = key in nested ? nested[key] : raw[key];
    if (typeof v === 'boolean') out[path] = v;
    else if (v && typeof v === 'object') {
      const e = v as Infer<typeof WireRestriction>;
      out[path] = e.show_tab !== false;
      if (key === 'balance') {
        for (const [flag, p] of Object.entries(BALANCE_FLAGS)) {
          const f = e[flag as keyof typeof BALANCE_FLAGS];
          if (f != null) out[p] = f !== false;
        }
      }
    }
  }
  return out;
}

export function accountFrom(doc: AccountDoc, revision?: string): Account {
  const callRestrictions: Account['callRestrictions'] = {};
  for (const [k, v] of Object.entries(doc.call_restriction ?? {})) {
    callRestrictions[k] = v.action === 'deny' ? 'deny' : 'inherit';
  }
  const reseller = doc.reseller_id && doc.reseller_id !== 'undefined' ? doc.reseller_id : undefined;
  const account: Account = {
    id: doc.id,
    name: doc.name,
    realm: s(doc.realm),
    timezone: s(doc.timezone),
    language: s(doc.language),
    enabled: doc.enabled !== false,
    isReseller: doc.is_reseller === true,
    resellerId: reseller,
    isSuperduper: doc.superduper_admin === true,
    created: typeof doc.created === 'number' ? gregorianToIso(doc.created) : undefined,
    descendantsCount: typeof doc.descendants_count === 'number' ? doc.descendants_count : undefined,
    contacts: contactFrom(doc.contact),
    callRestrictions,
    uiRestrictions: uiRestrictionsFrom(doc.ui_restrictions),
    numberFeatures: {
      e911: doc.numbers_features?.e911_enabled !== false,
      cnam: doc.numbers_features?.cnam_enabled !== false,
    },
    notes: clean({ announcement: s(doc.announcement), customNotes: s(doc.custom_notes) }),
    revision,
  };
  return clean(account as unknown as Record<string, unknown>) as unknown as Account;
}

export function summaryFrom(item: Infer<typeof AccountListItem>): AccountSummary {
  return clean({
    id: item.id,
    name: item.name ?? item.id,
    realm: s(item.realm),
    descendantsCount: item.descendants_count ?? undefined,
    tree: item.tree ?? undefined,
  });
}

/**
 * The `start_key` that starts an account listing at a name: the view key `[ScopeId, Name]` of
 * `accounts/listing_by_children` (and `listing_by_descendants`), which emit `[parent, doc.name]` with the name as
 * stored (core/kazoo_apps/priv/couchdb/views/accounts.json), written the way Crossbar writes its own keys.
 * Crossbar reads `start_key` with api_util:decode_start_key, `binary_to_term(kz_base64url:decode(Value))`, and
 * takes a value that does not decode as a plain string, which sorts before every list key. So it is
 * `term_to_binary([<<ScopeId>>, <<Name>>])` (131, LIST_EXT 2, two BINARY_EXT of UTF-8, NIL_EXT) in base64url
 * without padding (kz_base64url:encode), the same shape as the `next_start_key` it sends.
 */
export function nameStartKey(scopeId: string, name: string): string {
  const bytes: number[] = [131, 108, 0, 0, 0, 2];
  for (const part of [scopeId, name]) {
    const b = new TextEncoder().encode(part);
    const n = b.length;
    bytes.push(109, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    for (const x of b) bytes.push(x);
  }
  bytes.push(106);
  let bin = '';
  for (const x of bytes) bin += String.fromCharCode(x);
  return btoa(bin).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

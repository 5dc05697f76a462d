// Public types of the Crossbar emulator.

/** A stored CouchDB-style document: public keys plus `_id`, `_rev` and `pvt_*` keys. */
export type StoredDoc = Record<string, unknown>;

/** Size and shape of the generated data. */
export interface SeedOptions {
  /** Sub-accounts under the root reseller (Acme Telecom). Default 60. */
  accounts?: number;
  /** Levels below the root; 1 puts every seeded account directly under it. Default 3. */
  depth?: number;
  /** PRNG seed: the same seed always gives the same data. Default 1. */
  seed?: number;
}

export interface EmulatorOptions {
  seed?: SeedOptions;
  /** Delay for every reply: a fixed number of ms or a uniform [min, max] range. */
  latencyMs?: number | [min: number, max: number];
  /** Fault rules active from the start (see `faults.add`). */
  faults?: FaultRule[];
  /** '5' (default) puts account flags in a top-level `metadata` block; '4' puts them in `data`. */
  kazooVersion?: '5' | '4';
  /** Shape of `/phone_numbers/classifiers`: keyed object (default) or array of `{name, ...}`. */
  classifierShape?: 'object' | 'array';
  /** crossbar.maximum_range: larger page sizes are capped; `paginate=false` beyond it answers 416. Default 1000. */
  maxPageSize?: number;
  /** Restore a `snapshot()` instead of seeding. */
  state?: EmulatorState;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Idle time after which a token answers 401. Default one hour. */
  tokenTtlMs?: number;
  /** Generated apps added to the app catalog after the seeded twelve (a reseller with dozens). Default 0. */
  extraApps?: number;
  /**
   * Paging keys: 'opaque' (default) sends `start_key` / `next_start_key` as Crossbar 4.2+ does, base64url of
   * the Erlang-encoded view key (api_util:encode_start_key); 'raw' sends the view key as JSON, like older
   * servers. Both are accepted back either way.
   */
  startKeys?: 'opaque' | 'raw';
  /**
   * crossbar.accounts `allow_move` (cb_accounts:validate_move). 'tree' (default here, so resellers can move
   * accounts at all): the caller must be strictly above both the account and its new parent.
   * 'superduper_admin' is Crossbar's stock setting: only superduper admins move accounts.
   */
  allowMove?: 'tree' | 'superduper_admin';
}

export interface FaultRule {
  /** String: the path after `/v2` with `*` for one segment and `**` for any; RegExp: tested against the full path. */
  path: string | RegExp;
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Answer with this status and `body` (default: a Kazoo error envelope for the status). */
  status?: number;
  /** JSON body to send, or a string sent as is. */
  body?: unknown;
  /** Answer 200 with a body that is not JSON. */
  malformed?: boolean;
  /** Never answer; rejects with an AbortError once the request's signal aborts. */
  timeout?: boolean;
  /** The connection fails: `handle()` rejects with a TypeError. */
  network?: boolean;
  /** Extra delay before this rule applies (alone: slows the request, which then runs normally). */
  latencyMs?: number;
  /** Apply this many times, then remove the rule. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  /** The URL path as received, including `/v2`. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  /** Status answered; 0 while pending or when the connection failed or timed out. */
  status: number;
}

export interface Login {
  username: string;
  password: string;
  accountName: string;
}

export interface TokenRecord {
  token: string;
  accountId: string;
  ownerId?: string;
  method: string;
  issuedAt: number;
  lastUsed: number;
}

export interface LedgerEntry {
  id: string;
  /** Amount in units of 1/10,000 dollar; negative for debits. */
  units: number;
  description: string;
  source: { service: string; id: string };
  usage: { type: string; quantity: number; unit: string };
  metadata?: Record<string, unknown>;
  created: number;
}

export interface ServicePlanItem {
  category: string;
  item: string;
  rate: number;
  activation_charge?: number;
}

export interface ServicePlan {
  id: string;
  name: string;
  category: string;
  description: string;
  items: ServicePlanItem[];
}

/** JSON-serializable whole state of an emulator (`snapshot()` / `options.state`). */
export interface EmulatorState {
  format: 'crossbar-emulator/1';
  seed: Required<SeedOptions>;
  ids: { master: string; root: string; foreign: string };
  accounts: StoredDoc[];
  users: Record<string, StoredDoc[]>;
  limits: Record<string, StoredDoc>;
  ledgers: Record<string, LedgerEntry[]>;
  services: Record<string, StoredDoc>;
  callflows: Record<string, StoredDoc[]>;
  /** Each account's own carriers (absent in snapshots taken before carriers were kept). */
  resources?: Record<string, StoredDoc[]>;
  blacklists: Record<string, string[]>;
  plans: Record<string, ServicePlan[]>;
  tokens: TokenRecord[];
}

/** An account as a test or a story picks it: domain words only, no stored keys. */
export interface DirectoryAccount {
  id: string;
  name: string;
  realm: string;
  /** Its parent (absent for the master account). */
  parentId?: string;
  /** Every account above it, the master first. */
  ancestors: string[];
  /** Levels below the root reseller: 1 for its direct customers, 0 for the root, -1 above it. */
  depth: number;
  enabled: boolean;
  isReseller: boolean;
  /** The nearest reseller above it (the master when none). */
  resellerId?: string;
  /** Direct sub-accounts. */
  childCount: number;
  /** Sub-accounts at every level below. */
  descendantCount: number;
  /** Carriers the account has of its own (`/accounts/{id}/resources`). */
  ownCarriers: number;
}

export interface CrossbarEmulator {
  /** The one core: answers a Crossbar v2 request. */
  handle(request: Request): Promise<Response>;
  /** The root reseller's admin (Acme Telecom). Every seeded user's password is the same `demo-password-1`. */
  readonly login: Login;
  /** The master account's superduper admin (Kazoo Platform). */
  readonly superduperLogin: Login;
  /** Acme Telecom: a reseller under the master; seeded accounts live below it. */
  readonly rootAccountId: string;
  /** Kazoo Platform: the superduper master account at the top. */
  readonly masterAccountId: string;
  /** Globex Communications: a second reseller outside the root's tree. */
  readonly foreignAccountId: string;
  /** Acme's API key for `PUT /v2/api_auth`. */
  readonly apiKey: string;
  /** Every account, in name order (domain words only): for tests and stories to pick examples from. */
  accounts(): DirectoryAccount[];
  /** One account of `accounts()`, by id. */
  account(id: string): DirectoryAccount | undefined;
  /** The sign-in of an administrator of `accountId` (the seeded password is the same for every user). */
  loginFor(accountId: string): Login;
  /** A valid token without logging in (default: the root account's first admin). */
  issueToken(accountId?: string, userId?: string): string;
  /** Every token issued so far answers 401 from now on. */
  expireTokens(): void;
  faults: { add(rule: FaultRule): () => void; clear(): void };
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  snapshot(): EmulatorState;
  /** Called after each successful write; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Back to the initial data (the seed, or the state it was created from). */
  reset(): void;
}

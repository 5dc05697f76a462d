import type {
  Account,
  AccountChanges,
  AccountInput,
  AccountSummary,
  App,
  Balance,
  BalanceAdjustment,
  CallClass,
  CarrierSetting,
  CarrierStrategy,
  Limits,
  LimitsChanges,
  Page,
  PrivLevel,
  ServicePlan,
  Session,
  User,
  UserChanges,
  UserInput,
} from './model.js';

/** Every method accepts a signal; an aborted call rejects with an `aborted` AccountApiError. */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * For writes: accept the charges the change adds (the user saw them, e.g. after a `charges-required`
   * error's `details`); the backend then does not ask again.
   */
  acceptCharges?: boolean;
}

/** The order a listing walks in: `ascending` is A to Z (the listing's own sort order), `descending` its reverse. */
export type ListDirection = 'ascending' | 'descending';

export interface PageOptions extends CallOptions {
  /**
   * `nextCursor` of the previous page. A cursor continues the listing it came from, in the direction that
   * listing was started in: with a cursor, `direction` and `startName` are not read.
   */
  cursor?: string;
  /** Items per page (the backend may cap it). */
  pageSize?: number;
  /**
   * `listChildren` only (other listings read neither this nor `startName`). Default `ascending`: the first page
   * holds the first children by name. `descending` walks the same order backwards: without `startName` the first
   * page holds the LAST children by name, last one first, and each `nextCursor` leads towards the first child.
   * The descending listing of a level is exactly the ascending one reversed, ties included.
   */
  direction?: ListDirection;
  /**
   * `listChildren` only. Start the listing at a name instead of at its end: the first page holds the children
   * whose name sorts at or after `startName` in the listing's `direction`, that is, ascending: the first child
   * whose name sorts equal to or after it, then onwards; descending: the last child whose name sorts equal to or
   * before it, then backwards. It need not be a name that exists (a prefix such as `"M"` starts at the first name
   * that sorts at or after `"M"`). A name beyond the last child in that direction gives an empty page without
   * `nextCursor`; the empty string sorts before every name. Names compare as the listing sorts them (see
   * `listChildren`).
   */
  startName?: string;
}

/**
 * The one seam between widgets and a backend. Every method rejects with `AccountApiError` only.
 * Listings are sorted by name across pages.
 */
export interface AccountApi {
  /** Who is logged in. */
  getSession(options?: CallOptions): Promise<Session>;

  /**
   * The direct children of `parentId`, a page at a time, sorted by name across pages: in the collation of the
   * backend's index, where letters compare without case or accents first and case and accents only break ties
   * (Kazoo: CouchDB's Unicode collation of the name as stored, the view key being `[parent id, name]`; names
   * equal under it come in a fixed order of their own). `direction` and `startName` reach any row of a large
   * level without reading the pages before it: descending from the end, or from a name in either direction.
   */
  listChildren(parentId: string, options?: PageOptions): Promise<Page<AccountSummary>>;
  /** Searches every descendant of `rootId` (default: the session's account) by name, realm or id. */
  searchAccounts(query: string, options?: PageOptions & { rootId?: string }): Promise<Page<AccountSummary>>;
  /** Ancestors of the account, root first, ending with the account's parent (the account itself excluded). */
  getAncestors(accountId: string, options?: CallOptions): Promise<AccountSummary[]>;

  getAccount(id: string, options?: CallOptions): Promise<Account>;
  createAccount(parentId: string, input: AccountInput, options?: CallOptions): Promise<Account>;
  /**
   * Partial update. With `expectedRevision`, a save based on an older revision rejects with a `conflict`
   * error whose `details` is `{ current: Account }`.
   */
  updateAccount(
    id: string,
    changes: AccountChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Account>;
  /** Rejects with `has-descendants` while the account has sub-accounts. */
  deleteAccount(id: string, options?: CallOptions): Promise<void>;
  moveAccount(id: string, toParentId: string, options?: CallOptions): Promise<Account>;
  setReseller(id: string, isReseller: boolean, options?: CallOptions): Promise<Account>;

  listUsers(accountId: string, options?: PageOptions & { privLevel?: PrivLevel }): Promise<Page<User>>;
  createUser(accountId: string, input: UserInput, options?: CallOptions): Promise<User>;
  updateUser(accountId: string, userId: string, changes: UserChanges, options?: CallOptions): Promise<User>;
  deleteUser(accountId: string, userId: string, options?: CallOptions): Promise<void>;

  getLimits(accountId: string, options?: CallOptions): Promise<Limits>;
  /**
   * With `expectedRevision`, a save based on an older revision rejects with a `conflict` error whose `details`
   * is `{ current: Limits }`.
   */
  updateLimits(
    accountId: string,
    changes: LimitsChanges,
    options?: CallOptions & { expectedRevision?: string },
  ): Promise<Limits>;
  listCallClasses(accountId: string, options?: CallOptions): Promise<CallClass[]>;

  getBalance(accountId: string, options?: CallOptions): Promise<Balance>;
  adjustBalance(accountId: string, adjustment: BalanceAdjustment, options?: CallOptions): Promise<Balance>;

  /** Plans a reseller offers to its customers. */
  listServicePlans(resellerId: string, options?: CallOptions): Promise<ServicePlan[]>;
  /** Plans on the account (name filled in where the backend knows it). */
  getAccountServicePlans(accountId: string, options?: CallOptions): Promise<ServicePlan[]>;
  setAccountServicePlans(accountId: string, planIds: string[], options?: CallOptions): Promise<ServicePlan[]>;

  /** Reading never writes: an account with nothing saved reports `source: 'default'`. */
  getCarrierStrategy(accountId: string, options?: CallOptions): Promise<CarrierSetting>;
  setCarrierStrategy(accountId: string, strategy: CarrierStrategy, options?: CallOptions): Promise<CarrierSetting>;

  /**
   * Signs out: revokes the credential on the backend and forgets every secret the adapter holds (token,
   * password, API key). Calls after it fail with `auth` until the host gives a new credential.
   */
  logout?(options?: CallOptions): Promise<void>;
  /**
   * Hears a change of credential (another token, a logout): the signed-in user may be someone else now.
   * Returns the unsubscribe function. The store re-reads the session and forgets everything when it changed.
   */
  onIdentityChange?(listener: () => void): () => void;

  /** Apps the account's parent can give, each with whether it is enabled on the account. */
  listApps(accountId: string, options?: CallOptions): Promise<App[]>;
  setEnabledApps(accountId: string, appIds: string[], options?: CallOptions): Promise<App[]>;
  /**
   * Optional: the icon of one of the apps `listApps(accountId)` lists, as data (the caller makes its own
   * object URL, so no token ever reaches a page's markup); `undefined` when the app has none.
   */
  getAppIcon?(accountId: string, appId: string, options?: CallOptions): Promise<Blob | undefined>;
}

/** Every page of a listing, in order. */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  limit = Infinity,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined && out.length < limit);
  return out;
}

export type AccountApiMethod = keyof AccountApi;

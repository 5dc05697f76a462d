/**
 * The fault matrix's two tables: every fault the emulator injects, and every element with the requests the faults
 * are put on and what its user reads; and `plan()`, what each cell asserts. `test/fault-matrix.test.ts` generates one
 * test per cell from them and asserts these very words; `scripts/fault-matrix-readme.ts` prints them as the README's
 * "Faults" section.
 */

export type FaultId =
  | '500'
  | '503'
  | 'timeout'
  | 'offline'
  | '401 cured'
  | '401 not cured'
  | '403'
  | '409'
  | '402'
  | 'not JSON'
  | 'bad schema';

export interface FaultRow {
  id: FaultId;
  /** What the emulator does, in words. */
  injected: string;
  /** The words of the failure (an element's error panel, or after the lead of a failed save). */
  words?: string;
  /** What an element shows instead when its read fails so (the forbidden note). */
  reads?: string;
  /** What a form on the draft base shows instead when its save fails so. */
  saveReads?: string;
  /** A fault of writes: an element that writes nothing meets it on its read. */
  writeOnly?: boolean;
}

/** Said first when a form's save fails (the fault's words follow). */
export const SAVE_FAILED = 'Could not save. Your changes are kept.';

export const FAULTS: FaultRow[] = [
  { id: '500', injected: 'HTTP 500 with a Kazoo error envelope', words: 'The server ran into a problem.' },
  { id: '503', injected: 'HTTP 503 with a Kazoo error envelope', words: 'The server ran into a problem.' },
  {
    id: 'timeout',
    injected: 'no answer; the adapter gives up after its `timeoutMs`',
    words: 'The server took too long to answer.',
  },
  {
    id: 'offline',
    injected: 'the connection fails (`fetch` rejects)',
    words: 'You are offline or the server cannot be reached.',
  },
  {
    id: '401 cured',
    injected: 'every token expired (`expireTokens()`); signing in again works',
  },
  {
    id: '401 not cured',
    injected: 'every token expired, and signing in again answers 401 too',
    words: 'Your session has expired. Sign in again.',
  },
  {
    id: '403',
    injected: 'HTTP 403',
    words: "You don't have permission to do this.",
    reads: "You don't have permission to see or change this.",
    saveReads: 'You can see this but not change it.',
  },
  {
    id: '409',
    injected: 'the save answers 409, another user having saved the same account meanwhile',
    words: 'Someone else changed this at the same time.',
    writeOnly: true,
  },
  {
    id: '402',
    injected: 'the save answers 402 with a charge (inbound trunks, 1 × 5.00 a month) until it is sent accepted',
    words: 'This change has charges that must be accepted first.',
    saveReads: 'Accept these charges? Saving this change adds these charges to the account:',
    writeOnly: true,
  },
  {
    id: 'not JSON',
    injected: 'HTTP 200 whose body is cut-off JSON',
    words: 'The server sent an answer that could not be read.',
  },
  {
    id: 'bad schema',
    injected: 'HTTP 200, a success envelope whose `data` is a string',
    words: 'The server sent an answer that could not be read.',
  },
];

/** What a 409 on the save leads to: both values with "Keep mine" / "Use theirs", or the other side merged and saved. */
export type ConflictOutcome = 'conflict' | 'merged';

/** Said after the charges of a 402 were declined (the draft base's words). */
export const CHARGES_DECLINED = 'The charges were not accepted, so nothing was saved. Your changes are kept.';

export interface ElementRow {
  tag: string;
  /** The read a load fault is put on. */
  read: string;
  /** The write a save fault is put on; none: the element writes nothing. */
  write?: string;
  /** What the user changes before saving. */
  edit?: string;
  /** A form on the draft base (its Save, notes, conflicts and charges question are the base's). */
  draft?: boolean;
  /** How a 409 on the save ends on a form; otherwise it is said in words and the next save goes through. */
  conflict?: ConflictOutcome;
  /** The element's heading above the words of a failed read. */
  title?: string;
  /** Said before the fault's words when a save fails (default `SAVE_FAILED`, the draft base's). */
  saveLead?: string;
  /** Words that differ from the fault's, by fault (on a read; a 402's: once the charges are declined). */
  reads?: Partial<Record<FaultId, string>>;
  /** Shows nothing of a failed read (a pop-up): the page's `refresh()` brings it once the backend answers. */
  quiet?: boolean;
  /** Shows nothing without a session: a session that ended is said by the provider around it, whose Retry brings it. */
  needsSession?: boolean;
  /** A list it may not read (403) is explained where it is used, and the element stays usable. */
  explainsForbidden?: boolean;
}

export const ELEMENTS: ElementRow[] = [
  {
    tag: 'account-provider',
    read: 'GET /accounts/{signed-in account} (the session)',
    title: 'Could not load your session',
    reads: { '403': "You don't have permission to do this." },
  },
  {
    tag: 'account-tree',
    read: 'GET /accounts/{root}/children',
    title: 'Could not load these accounts.',
    reads: { '403': "You don't have permission to do this." },
    needsSession: true,
  },
  {
    tag: 'account-create',
    read: 'GET /accounts/{reseller}/services/available',
    write: 'PUT /accounts/{parent}',
    edit: 'a new account and its admin, up to Review',
    title: "Could not load the parent account's settings",
    saveLead: 'The account was not created:',
    reads: {
      '403': "You don't have permission to see the service plans; the account is created without one.",
      '402': 'The account was not created: This change has charges that must be accepted first.',
    },
    needsSession: true,
    explainsForbidden: true,
  },
  {
    tag: 'account-overview',
    draft: true,
    read: 'GET /accounts/{id}',
    write: 'PATCH /accounts/{id}',
    edit: 'Name',
    conflict: 'conflict',
  },
  {
    tag: 'account-admins',
    read: 'GET /accounts/{id}/users',
    write: 'PUT /accounts/{id}/users',
    edit: 'a new administrator, in the Add dialog',
    saveLead: 'Could not complete this.',
  },
  {
    tag: 'service-plan-picker',
    draft: true,
    read: 'GET /accounts/{id}/services',
    write: 'POST /accounts/{id}/services',
    edit: 'a plan unchecked',
    conflict: 'conflict',
    reads: { '402': 'These plans have charges that were not accepted, so nothing changed. Your choice is kept.' },
  },
  {
    tag: 'account-limits',
    draft: true,
    read: 'GET /accounts/{id}/limits',
    write: 'POST /accounts/{id}/limits',
    edit: 'Inbound trunks',
    conflict: 'merged',
  },
  {
    tag: 'number-features',
    draft: true,
    read: 'GET /accounts/{id}',
    write: 'PATCH /accounts/{id}',
    edit: 'Caller name (CNAM)',
    conflict: 'merged',
  },
  {
    tag: 'account-restrictions',
    draft: true,
    read: 'GET /accounts/{id}',
    write: 'PATCH /accounts/{id}',
    edit: 'Transactions',
    conflict: 'merged',
  },
  {
    tag: 'carrier-picker',
    draft: true,
    read: 'GET /accounts/{id}/callflows',
    write: 'POST /accounts/{id}/callflows/{no_match}',
    edit: "This account's own carriers",
    conflict: 'conflict',
  },
  {
    tag: 'app-exchange-toggle',
    draft: true,
    read: 'GET /accounts/{parent}/apps_store (and its own)',
    write: 'POST /accounts/{id}/apps_store/blacklist',
    edit: 'an app switched off',
    conflict: 'merged',
  },
  {
    tag: 'account-notes',
    draft: true,
    read: 'GET /accounts/{id}',
    write: 'PATCH /accounts/{id}',
    edit: 'Customer notes',
    conflict: 'conflict',
  },
  {
    tag: 'account-announcement',
    read: 'GET /accounts/{id}',
    quiet: true,
    needsSession: true,
  },
  {
    tag: 'account-manager',
    draft: true,
    read: 'GET /accounts/{id} (its Overview tab)',
    write: 'PATCH /accounts/{id}',
    edit: 'Name, on the Overview tab',
    conflict: 'conflict',
  },
];

/** How a cell's read ends for the user. */
export type ReadOutcome =
  /** The failure in words, with Retry; Retry loads it. */
  | 'said'
  /** The no-permission note, no Retry (retrying cannot help). */
  | 'forbidden'
  /** Explained where the list is used; the element works. */
  | 'explained'
  /** Signed in again without a word; it loads. */
  | 'signed-in'
  /** Nothing shown; the page's `refresh()` brings it. */
  | 'quiet'
  /** The provider around it says it, with Retry; its Retry brings the element. */
  | 'provider';

/** How a cell's save ends for the user. */
export type SaveOutcome =
  /** The failure in words, the change kept; the next save stores it. */
  | 'said'
  /** "You can see this but not change it.", no Save, the change kept. */
  | 'read-only'
  /** Both values with "Keep mine" / "Use theirs", the change kept; the next save stores it. */
  | 'conflict'
  /** The other change merged in and saved with this one, said so. */
  | 'merged'
  /** The charges in words: declined, the change is kept; accepted, it is stored. */
  | 'charges'
  /** Signed in again without a word; it is stored. */
  | 'signed-in';

export interface CellPlan {
  /** None: a fault of writes, met by a form on its save only. */
  read?: ReadOutcome;
  /** None: the element writes nothing. */
  save?: SaveOutcome;
}

/** What a cell asserts: the test takes its branches from here, and the README prints it. */
export function plan(row: ElementRow, fault: FaultRow): CellPlan {
  const out: CellPlan = {};
  if (!(fault.writeOnly && row.write)) {
    if (fault.id === '401 cured') out.read = 'signed-in';
    else if (fault.id === '401 not cured' && row.needsSession) out.read = 'provider';
    else if (row.quiet) out.read = 'quiet';
    else if (fault.id === '403') out.read = row.explainsForbidden ? 'explained' : 'forbidden';
    else out.read = 'said';
  }
  if (row.write) {
    if (fault.id === '401 cured') out.save = 'signed-in';
    else if (fault.id === '403') out.save = row.draft ? 'read-only' : 'said';
    else if (fault.id === '409') out.save = row.conflict ?? 'said';
    else if (fault.id === '402') out.save = 'charges';
    else out.save = 'said';
  }
  return out;
}

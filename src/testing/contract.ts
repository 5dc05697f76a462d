/**
 * `runAccountApiContract`: the behaviour every AccountApi adapter must show, written against `src/api` only.
 * Registers its tests with the host framework's `describe`/`it` (mocha, node:test, vitest, jest).
 */
import {
  AccountApiError,
  parseMoney,
  type AccountApi,
  type AccountApiErrorKind,
  type AccountSummary,
  type Session,
  type User,
} from '../api/index.js';

export interface ContractFixture {
  /** The adapter under test, logged in as an administrator of a reseller account. */
  api: AccountApi;
  /** An account outside the session's tree, where the backend has one (expects `forbidden`). */
  foreignAccountId?: string;
  /** The same backend with credentials that are no longer valid (expects `auth`). */
  expiredApi?: AccountApi;
  teardown?: () => void | Promise<void>;
}

type Fn = () => void | Promise<void>;
export interface ContractFramework {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  before: (fn: Fn) => void;
  after: (fn: Fn) => void;
}

export interface ContractOptions {
  /** Test functions; default: the globals `describe`, `it`, `before`, `after`. */
  framework?: Partial<ContractFramework>;
  /** Suite title. */
  name?: string;
  /** Set to false when the backend cannot give `foreignAccountId` / `expiredApi`; those tests are then not registered. */
  foreignAccount?: boolean;
  expiredCredentials?: boolean;
}

class ContractFailure extends Error {
  override name = 'ContractFailure';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}
function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ContractFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
async function rejectsWith(
  promise: Promise<unknown>,
  kind: AccountApiErrorKind,
  what: string,
): Promise<AccountApiError> {
  try {
    await promise;
  } catch (err) {
    check(
      AccountApiError.is(err),
      `${what}: rejected with a ${(err as Error)?.name ?? typeof err}, not an AccountApiError`,
    );
    equal(err.kind, kind, `${what}: error kind`);
    return err;
  }
  throw new ContractFailure(`${what}: expected a "${kind}" error, but it succeeded`);
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
function assertSortedByName(items: AccountSummary[], what: string): void {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!.name.toLowerCase();
    const b = items[i]!.name.toLowerCase();
    check(
      a <= b || collator.compare(a, b) <= 0,
      `${what}: "${items[i - 1]!.name}" is listed before "${items[i]!.name}"`,
    );
  }
}

async function walk(fetchPage: (cursor?: string) => Promise<{ items: AccountSummary[]; nextCursor?: string }>) {
  const all: AccountSummary[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const p = await fetchPage(cursor);
    all.push(...p.items);
    cursor = p.nextCursor;
    pages++;
    check(pages < 1000, 'paging never ends');
  } while (cursor);
  return { all, pages };
}

/** The same rows in the same order, or which one differs first. */
function sameOrder(actual: AccountSummary[], expected: AccountSummary[], what: string): void {
  const at = actual.findIndex((a, i) => a.id !== expected[i]?.id);
  if (at < 0 && actual.length === expected.length) return;
  const i = at < 0 ? Math.min(actual.length, expected.length) : at;
  throw new ContractFailure(
    `${what}: ${actual.length} rows where ${expected.length} were expected; row ${i} is ` +
      `${JSON.stringify(actual[i]?.name ?? null)} where ${JSON.stringify(expected[i]?.name ?? null)} was expected`,
  );
}

/** Registers the contract suite. `makeFixture` is called once before the tests. */
export function runAccountApiContract(
  makeFixture: () => ContractFixture | Promise<ContractFixture>,
  options: ContractOptions = {},
): void {
  const g = globalThis as unknown as Partial<ContractFramework>;
  const fw = { ...g, ...options.framework } as ContractFramework;
  for (const k of ['describe', 'it', 'before', 'after'] as const) {
    if (typeof fw[k] !== 'function')
      throw new Error(`runAccountApiContract: no "${k}" function; pass options.framework`);
  }
  const { describe, it, before, after } = fw;
  const tag = Date.now().toString(36);

  describe(options.name ?? 'AccountApi contract', () => {
    let fx: ContractFixture;
    let api: AccountApi;
    let session: Session;
    let parentId: string; // a fresh account with many children, made by the suite
    const childNames: string[] = [];

    before(async () => {
      fx = await makeFixture();
      api = fx.api;
      session = await api.getSession();
      const parent = await api.createAccount(session.accountId, { name: `Contract Parent ${tag}` });
      parentId = parent.id;
      // Names deliberately out of order and of mixed case, so sorting is tested across pages.
      const stems = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'Foxtrot', 'golf', 'Hotel', 'india', 'Juliett'];
      for (let i = 0; i < 57; i++)
        childNames.push(`${stems[i % stems.length]} ${tag} ${String(57 - i).padStart(2, '0')}`);
      for (const name of childNames) await api.createAccount(parentId, { name });
    });
    after(async () => {
      await fx?.teardown?.();
    });

    describe('session', () => {
      it('getSession names the logged-in account', async () => {
        check(typeof session.accountId === 'string' && session.accountId.length > 0, 'session.accountId is set');
        check(typeof session.isReseller === 'boolean', 'session.isReseller is a boolean');
        check(typeof session.isSuperduper === 'boolean', 'session.isSuperduper is a boolean');
        const own = await api.getAccount(session.accountId);
        equal(own.id, session.accountId, 'own account id');
      });
      if (options.expiredCredentials !== false)
        it('rejects expired credentials with kind "auth"', async () => {
          check(fx.expiredApi, 'the fixture gives expiredApi');
          await rejectsWith(fx.expiredApi.getAccount(session.accountId), 'auth', 'expired credentials');
        });
      if (options.foreignAccount !== false)
        it('rejects an account outside the tree with kind "forbidden"', async () => {
          check(fx.foreignAccountId, 'the fixture gives foreignAccountId');
          await rejectsWith(api.getAccount(fx.foreignAccountId), 'forbidden', 'foreign account');
        });
      it('rejects an aborted call with kind "aborted"', async () => {
        const ctl = new AbortController();
        ctl.abort();
        await rejectsWith(api.getAccount(session.accountId, { signal: ctl.signal }), 'aborted', 'aborted call');
      });
    });

    describe('hierarchy', () => {
      it('listChildren pages through every child, sorted by name across pages', async () => {
        const { all, pages } = await walk((cursor) => api.listChildren(parentId, { cursor, pageSize: 20 }));
        equal(pages, 3, 'pages of 20 for 57 children');
        equal(all.length, 57, 'children listed');
        equal(new Set(all.map((c) => c.id)).size, 57, 'distinct children');
        assertSortedByName(all, 'children');
        check(
          all.every((c) => childNames.includes(c.name)),
          'every child has its name',
        );
      });
      describe('listChildren direction and startName', () => {
        /** The whole level, ascending: the order every other walk is checked against. */
        const level = async () => (await walk((cursor) => api.listChildren(parentId, { cursor, pageSize: 50 }))).all;
        /** Every page from the options given, then with nothing but each page's cursor. */
        const walkFrom = (options: { direction?: 'ascending' | 'descending'; startName?: string }, pageSize: number) =>
          walk((cursor) => api.listChildren(parentId, cursor ? { cursor, pageSize } : { ...options, pageSize }));

        it('descending gives the last names first, in reverse, and its cursors walk to the first, each child once', async () => {
          const up = await level();
          check(up.length >= 57, 'the level has its children');
          const first = await api.listChildren(parentId, { direction: 'descending', pageSize: 20 });
          sameOrder(first.items, [...up].reverse().slice(0, 20), 'first descending page');
          check(first.nextCursor, 'a cursor after the first descending page');
          const { all, pages } = await walkFrom({ direction: 'descending' }, 20);
          equal(pages, Math.ceil(up.length / 20), 'descending pages of 20');
          equal(new Set(all.map((c) => c.id)).size, up.length, 'distinct children, descending');
          sameOrder(all, [...up].reverse(), 'descending walk');
          const asc = await api.listChildren(parentId, { direction: 'ascending', pageSize: 20 });
          sameOrder(asc.items, up.slice(0, 20), 'direction "ascending" is the default order');
        });
        it('startName starts exactly at the first name at or after it (descending: at or before it)', async () => {
          const up = await level();
          // A name that is a child's own.
          const k = up.findIndex((c) => c.name.startsWith(`golf ${tag} `));
          check(k >= 5, 'a "golf" child past the first few');
          const named = up[k]!.name;
          sameOrder(
            (await api.listChildren(parentId, { startName: named, pageSize: 5 })).items,
            up.slice(k, k + 5),
            `ascending from "${named}"`,
          );
          sameOrder(
            (await api.listChildren(parentId, { startName: named, direction: 'descending', pageSize: 5 })).items,
            up.slice(k - 4, k + 1).reverse(),
            `descending from "${named}"`,
          );
          // A name that is no child's: a prefix, sorting just before the names that extend it.
          const prefix = `charlie ${tag}`;
          const c = up.findIndex((a) => a.name.startsWith(prefix));
          check(c >= 5 && !up[c - 1]!.name.startsWith(prefix), 'children before the "charlie" ones');
          sameOrder(
            (await api.listChildren(parentId, { startName: prefix, pageSize: 5 })).items,
            up.slice(c, c + 5),
            `ascending from "${prefix}"`,
          );
          sameOrder(
            (await api.listChildren(parentId, { startName: prefix, direction: 'descending', pageSize: 5 })).items,
            up.slice(c - 5, c).reverse(),
            `descending from "${prefix}"`,
          );
          // Its cursors go on from there, in its direction.
          const rest = await walkFrom({ startName: prefix }, 7);
          sameOrder(rest.all, up.slice(c), `every page from "${prefix}"`);
        });
        it('startName past the end gives an empty page without a cursor', async () => {
          for (const [direction, startName] of [
            ['ascending', '\uffef'],
            ['descending', ''],
          ] as const) {
            const p = await api.listChildren(parentId, { direction, startName, pageSize: 10 });
            equal(p.items.length, 0, `${direction} from past the end: children`);
            equal(p.nextCursor, undefined, `${direction} from past the end: cursor`);
          }
        });
        it('ascending and descending walks meeting at a name are exactly the whole level', async () => {
          const up = await level();
          // Between two children: each half once, nothing in both.
          const between = `echo ${tag}`;
          const down = await walkFrom({ startName: between, direction: 'descending' }, 6);
          const onwards = await walkFrom({ startName: between }, 6);
          check(down.all.length > 0 && onwards.all.length > 0, 'both halves have children');
          sameOrder([...down.all].reverse().concat(onwards.all), up, `the two halves at "${between}"`);
          // At a child's own name: that child starts both walks.
          const named = up[Math.floor(up.length / 2)]!;
          const before = await walkFrom({ startName: named.name, direction: 'descending' }, 8);
          const after = await walkFrom({ startName: named.name }, 8);
          equal(before.all[0]?.id, named.id, 'descending from a name starts at its child');
          equal(after.all[0]?.id, named.id, 'ascending from a name starts at its child');
          sameOrder([...before.all].reverse().concat(after.all.slice(1)), up, `the two halves at "${named.name}"`);
        });
      });
      it('listChildren of a leaf is one empty page', async () => {
        const first = (await api.listChildren(parentId, { pageSize: 1 })).items[0]!;
        const p = await api.listChildren(first.id);
        equal(p.items.length, 0, 'leaf children');
        equal(p.nextCursor, undefined, 'no next page');
      });
      it('searchAccounts finds descendants by name prefix, paged without duplicates', async () => {
        const { all } = await walk((cursor) =>
          api.searchAccounts(`Alpha ${tag}`, { rootId: session.accountId, cursor, pageSize: 2 }),
        );
        const expected = childNames.filter((n) => n.startsWith(`Alpha ${tag}`)).length;
        equal(all.length, expected, 'matches');
        equal(new Set(all.map((a) => a.id)).size, expected, 'distinct matches');
        assertSortedByName(all, 'search results');
        equal((await api.searchAccounts('   ')).items.length, 0, 'blank query');
      });
      it('searchAccounts with rootId = a sub-account lists only that subtree, paged', async () => {
        // Matches inside the sub-account (one a level deeper) and beside it; Kazoo searches the whole session tree.
        const scope = await api.createAccount(session.accountId, { name: `Contract Scope ${tag}` });
        const deeper = await api.createAccount(scope.id, { name: `Contract Scope Inner ${tag}` });
        const stem = `Wombat ${tag}`;
        const inside = [
          await api.createAccount(scope.id, { name: `${stem} 1` }),
          await api.createAccount(deeper.id, { name: `${stem} 3` }),
          await api.createAccount(scope.id, { name: `${stem} 5` }),
        ];
        for (const n of [2, 4]) await api.createAccount(session.accountId, { name: `${stem} ${n}` });
        const { all } = await walk((cursor) => api.searchAccounts(stem, { rootId: scope.id, cursor, pageSize: 1 }));
        equal(all.map((a) => a.name).join(', '), inside.map((a) => a.name).join(', '), 'matches below the root');
        const everywhere = await walk((cursor) =>
          api.searchAccounts(stem, { rootId: session.accountId, cursor, pageSize: 2 }),
        );
        equal(everywhere.all.length, 5, 'matches below the session account');
      });
      it('searchAccounts finds an account by the start of its realm when no name starts so, paged', async () => {
        // Realms need not hold a dot; their names share nothing with them.
        const stem = `zz-realm-${tag.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
        const made = [];
        for (const n of [1, 2, 3]) {
          made.push(await api.createAccount(session.accountId, { name: `Quokka ${tag} ${n}`, realm: `${stem}-${n}` }));
        }
        const { all } = await walk((cursor) =>
          api.searchAccounts(stem, { rootId: session.accountId, cursor, pageSize: 2 }),
        );
        equal(
          all
            .map((a) => a.id)
            .sort()
            .join(','),
          made
            .map((a) => a.id)
            .sort()
            .join(','),
          'the three accounts, each once',
        );
        const byName = await api.searchAccounts(`Quokka ${tag}`, { rootId: session.accountId });
        equal(byName.items.length, 3, 'a name that matches lists by name');
      });
      it('getAncestors lists the ancestors root first, ending with the parent', async () => {
        const child = (await api.listChildren(parentId, { pageSize: 1 })).items[0]!;
        const ancestors = await api.getAncestors(child.id);
        equal(ancestors[ancestors.length - 1]?.id, parentId, 'last ancestor');
        check(
          ancestors.some((a) => a.id === session.accountId),
          'the session account is an ancestor',
        );
        check(!ancestors.some((a) => a.id === child.id), 'the account itself is not listed');
      });
      it("getAncestors never lists an account above the session's: the path starts at the session's account", async () => {
        const child = (await api.listChildren(parentId, { pageSize: 1 })).items[0]!;
        const ancestors = await api.getAncestors(child.id);
        equal(ancestors[0]?.id, session.accountId, 'first ancestor (the root of what the session sees)');
        equal(ancestors.length, 2, 'ancestors of a grandchild of the session account');
        const own = await api.getAncestors(session.accountId);
        equal(JSON.stringify(own), '[]', "ancestors of the session's own account");
      });
      it('moveAccount re-parents an account', async () => {
        const target = await api.createAccount(session.accountId, { name: `Contract Target ${tag}` });
        const mover = await api.createAccount(parentId, { name: `Contract Mover ${tag}` });
        await api.moveAccount(mover.id, target.id);
        const ancestors = await api.getAncestors(mover.id);
        equal(ancestors[ancestors.length - 1]?.id, target.id, 'new parent');
        const { all } = await walk((cursor) => api.listChildren(target.id, { cursor }));
        check(
          all.some((c) => c.id === mover.id),
          'listed under the new parent',
        );
      });
      it('setReseller is for superduper admins only', async () => {
        const acct = await api.createAccount(parentId, { name: `Contract Tier ${tag}` });
        if (session.isSuperduper) {
          equal((await api.setReseller(acct.id, true)).isReseller, true, 'promoted');
          equal((await api.setReseller(acct.id, false)).isReseller, false, 'demoted');
        } else {
          await rejectsWith(api.setReseller(acct.id, true), 'forbidden', 'promote without superduper');
        }
      });
    });

    describe('accounts', () => {
      it('createAccount needs only a name and returns the stored account', async () => {
        const a = await api.createAccount(parentId, {
          name: `Contract Create ${tag}`,
          timezone: 'Europe/Paris',
          language: 'fr-FR',
        });
        equal(a.name, `Contract Create ${tag}`, 'name');
        equal(a.timezone, 'Europe/Paris', 'timezone');
        equal(a.enabled, true, 'enabled by default');
        check(typeof a.realm === 'string' && a.realm.length > 0, 'a realm was given');
        const read = await api.getAccount(a.id);
        equal(read.name, a.name, 'read back');
      });
      it('getAccount tells how many accounts are below it, as its parent’s listing does', async () => {
        const parent = await api.getAccount(parentId);
        check(
          typeof parent.descendantsCount === 'number' && parent.descendantsCount > 0,
          'the parent counts its sub-accounts',
        );
        const kid = (await api.listChildren(parentId, { pageSize: 50 })).items.find((s) => s.descendantsCount);
        if (kid) equal((await api.getAccount(kid.id)).descendantsCount, kid.descendantsCount, 'the same count');
      });
      it('createAccount without a name is a validation error on "name"', async () => {
        const e = await rejectsWith(api.createAccount(parentId, { name: '' }), 'validation', 'empty name');
        check(e.fieldErrors?.name?.length, 'fieldErrors.name');
        equal(e.fieldCodes?.name, 'required', 'fieldCodes.name');
      });
      it('field errors carry a code for each field: too long, taken', async () => {
        const long = await rejectsWith(
          api.createAccount(parentId, { name: 'x'.repeat(129) }),
          'validation',
          'a 129-character name',
        );
        equal(long.fieldCodes?.name, 'too-long', 'fieldCodes.name of a long name');
        const first = await api.createAccount(parentId, {
          name: `Contract Realm ${tag}`,
          realm: `realm-${tag}.example`,
        });
        const taken = await rejectsWith(
          api.createAccount(parentId, { name: `Contract Realm Again ${tag}`, realm: first.realm }),
          'validation',
          'a realm in use',
        );
        equal(taken.fieldCodes?.realm, 'taken', 'fieldCodes.realm of a realm in use');
        const user = {
          firstName: 'Uma',
          lastName: 'Unique',
          email: `uma.${tag}@example.com`,
          privLevel: 'admin' as const,
        };
        await api.createUser(first.id, { ...user, password: `Pw-${tag}-unique-1` });
        const again = await rejectsWith(
          api.createUser(first.id, { ...user, password: `Pw-${tag}-unique-2` }),
          'validation',
          'an e-mail in use',
        );
        equal(again.fieldCodes?.email, 'taken', 'fieldCodes.email: the sign-in name is the e-mail');
      });
      it('getAccount of an unknown id is "not-found"', async () => {
        await rejectsWith(api.getAccount('0123456789abcdef0123456789abcdef'), 'not-found', 'unknown id');
      });
      it('updateAccount changes only what it is given and a new revision results', async () => {
        const a = await api.createAccount(parentId, {
          name: `Contract Update ${tag}`,
          contacts: { technical: { name: 'Tess Tech', email: 'tess@example.com' } },
          notes: { announcement: '<p>Maintenance tonight</p>' },
        });
        const b = await api.updateAccount(a.id, {
          name: `Contract Renamed ${tag}`,
          notes: { announcement: null, customNotes: '<b>VIP</b>' },
          numberFeatures: { e911: false },
          callRestrictions: { international: 'deny' },
          uiRestrictions: { 'billing.transactions': false },
        });
        equal(b.name, `Contract Renamed ${tag}`, 'renamed');
        equal(b.notes.announcement, undefined, 'announcement cleared');
        equal(b.notes.customNotes, '<b>VIP</b>', 'custom notes');
        equal(b.numberFeatures.e911, false, 'e911 off');
        equal(b.numberFeatures.cnam, true, 'cnam untouched');
        equal(b.callRestrictions.international, 'deny', 'international denied');
        equal(b.uiRestrictions['billing.transactions'], false, 'transactions hidden');
        equal(b.contacts.technical?.email, 'tess@example.com', 'contact untouched');
        check(b.revision === undefined || b.revision !== a.revision, 'revision changed');
        const c = await api.updateAccount(a.id, { contacts: { technical: { email: null, number: '+14155550100' } } });
        equal(c.contacts.technical?.email, undefined, 'one contact field removed');
        equal(c.contacts.technical?.name, 'Tess Tech', 'the other contact fields kept');
        equal(c.contacts.technical?.number, '+14155550100', 'contact field added');
      });
      it('updateAccount based on an old revision is a "conflict" carrying the current account', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Conflict ${tag}` });
        const theirs = await api.updateAccount(a.id, { timezone: 'Asia/Tokyo' }, { expectedRevision: a.revision });
        const e = await rejectsWith(
          api.updateAccount(a.id, { name: `Contract Mine ${tag}` }, { expectedRevision: a.revision }),
          'conflict',
          'stale save',
        );
        const current = (e.details as { current?: { timezone?: string } } | undefined)?.current;
        equal(current?.timezone, theirs.timezone, 'details.current is the stored account');
        equal((await api.getAccount(a.id)).name, `Contract Conflict ${tag}`, 'nothing was overwritten');
      });
      it('disable and enable a sub-account', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Toggle ${tag}` });
        equal((await api.updateAccount(a.id, { enabled: false })).enabled, false, 'disabled');
        equal((await api.getAccount(a.id)).enabled, false, 'read back disabled');
        equal((await api.updateAccount(a.id, { enabled: true })).enabled, true, 'enabled');
      });
      it('deleteAccount refuses while sub-accounts exist, then deletes a leaf', async () => {
        const p = await api.createAccount(parentId, { name: `Contract Delete ${tag}` });
        const c = await api.createAccount(p.id, { name: `Contract Delete Child ${tag}` });
        await rejectsWith(api.deleteAccount(p.id), 'has-descendants', 'delete with children');
        await api.deleteAccount(c.id);
        await rejectsWith(api.getAccount(c.id), 'not-found', 'deleted account');
        await api.deleteAccount(p.id);
      });
    });

    describe('users', () => {
      it('creates, lists (filtered, every page), updates and deletes users', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Users ${tag}` });
        const created: User[] = [];
        for (let i = 0; i < 23; i++) {
          created.push(
            await api.createUser(a.id, {
              firstName: `User${i}`,
              lastName: 'Contract',
              email: `user${i}.${tag}@example.com`,
              password: `Pw-${tag}-${i}-long`,
              privLevel: i % 4 === 0 ? 'admin' : 'user',
            }),
          );
        }
        const seen = new Set<string>();
        let cursor: string | undefined;
        do {
          const p = await api.listUsers(a.id, { cursor, pageSize: 10 });
          p.items.forEach((u) => seen.add(u.id));
          cursor = p.nextCursor;
        } while (cursor);
        check(
          created.every((u) => seen.has(u.id)),
          'every user listed across pages',
        );
        const admins = await api.listUsers(a.id, { privLevel: 'admin', pageSize: 100 });
        check(admins.items.length >= 6 && admins.items.every((u) => u.privLevel === 'admin'), 'admin filter');
        const updated = await api.updateUser(a.id, created[1]!.id, { firstName: 'Renamed', privLevel: 'admin' });
        equal(updated.firstName, 'Renamed', 'first name');
        equal(updated.privLevel, 'admin', 'promoted');
        equal(updated.lastName, 'Contract', 'last name untouched');
        await api.deleteUser(a.id, created[2]!.id);
        const after = await api.listUsers(a.id, { pageSize: 100 });
        check(!after.items.some((u) => u.id === created[2]!.id), 'deleted user gone');
      });
      it('a user without a first name is a validation error on "firstName"', async () => {
        const e = await rejectsWith(
          api.createUser(parentId, { firstName: '', lastName: 'X', privLevel: 'user' }),
          'validation',
          'missing first name',
        );
        check(e.fieldErrors?.firstName?.length, 'fieldErrors.firstName');
      });
    });

    describe('limits, call classes and balance', () => {
      it('reads and updates trunk limits', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Limits ${tag}` });
        const before = await api.getLimits(a.id);
        check(typeof before.allowPerMinute === 'boolean', 'allowPerMinute');
        const after = await api.updateLimits(a.id, { twowayTrunks: 4, inboundTrunks: 2, allowPerMinute: false });
        equal(after.twowayTrunks, 4, 'two-way');
        equal(after.inboundTrunks, 2, 'inbound');
        equal(after.allowPerMinute, false, 'per-minute');
        equal((await api.getLimits(a.id)).twowayTrunks, 4, 'read back');
        const negative = await rejectsWith(
          api.updateLimits(a.id, { outboundTrunks: -1 }),
          'validation',
          'negative trunks',
        );
        equal(negative.fieldCodes?.outboundTrunks, 'too-small', 'fieldCodes.outboundTrunks');
      });
      it('lists call classes with names', async () => {
        const classes = await api.listCallClasses(parentId);
        check(classes.length > 0, 'some classes');
        check(
          classes.every((c) => c.name && c.friendlyName),
          'name and friendly name',
        );
      });
      it('credits and debits the balance exactly', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Balance ${tag}` });
        const start = (await api.getBalance(a.id)).amount.units;
        const credited = await api.adjustBalance(a.id, {
          amount: '10.25',
          direction: 'credit',
          reason: 'Contract test',
        });
        equal(credited.amount.units - start, parseMoney('10.25')!.units, 'credited');
        const debited = await api.adjustBalance(a.id, { amount: '3.10', direction: 'debit' });
        equal(debited.amount.units - start, parseMoney('7.15')!.units, 'debited');
        await rejectsWith(api.adjustBalance(a.id, { amount: '0', direction: 'credit' }), 'validation', 'zero amount');
        // Kazoo's ledgers schema: an amount is at least 1.
        const small = await rejectsWith(
          api.adjustBalance(a.id, { amount: '0.34', direction: 'debit' }),
          'validation',
          'an amount under 1',
        );
        equal(small.fieldCodes?.amount, 'too-small', 'fieldCodes.amount');
        const exact = await api.adjustBalance(a.id, { amount: '12.34', direction: 'credit' });
        const back = await api.adjustBalance(a.id, { amount: '1.34', direction: 'debit' });
        equal(back.amount.units - exact.amount.units, -parseMoney('1.34')!.units, 'debited 1.34');
        equal(back.amount.units - debited.amount.units, parseMoney('11.00')!.units, 'moved by exactly 11.00');
        await rejectsWith(
          api.adjustBalance(a.id, { amount: 'ten', direction: 'credit' }),
          'validation',
          'not a number',
        );
      });
    });

    describe('plans, carriers and apps', () => {
      it('assigns and removes service plans', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Plans ${tag}` });
        const offered = await api.listServicePlans(session.isReseller ? session.accountId : session.resellerId!);
        check(offered.length >= 2, 'the reseller offers plans');
        const two = offered.slice(0, 2).map((p) => p.id);
        const set = await api.setAccountServicePlans(a.id, two);
        equal(
          set
            .map((p) => p.id)
            .sort()
            .join(),
          [...two].sort().join(),
          'two plans',
        );
        const one = await api.setAccountServicePlans(a.id, [two[1]!]);
        equal(one.map((p) => p.id).join(), two[1], 'one removed');
        equal((await api.getAccountServicePlans(a.id)).map((p) => p.id).join(), two[1], 'read back');
      });
      it('reads the carrier strategy without writing, then saves each strategy', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Carrier ${tag}` });
        equal((await api.getCarrierStrategy(a.id)).source, 'default', 'nothing saved');
        const fresh = await api.getCarrierStrategy(a.id);
        equal(fresh.source, 'default', 'reading did not save one');
        // The count is optional; where a backend gives it, a new account has none of its own.
        check(fresh.ownCarriers === undefined || fresh.ownCarriers === 0, 'a new account has no carriers');
        for (const strategy of ['account', 'reseller', 'system'] as const) {
          const saved = await api.setCarrierStrategy(a.id, strategy);
          equal(saved.strategy, strategy, `saved ${strategy}`);
          equal(saved.ownCarriers, fresh.ownCarriers, `the count is kept after saving ${strategy}`);
          equal((await api.getCarrierStrategy(a.id)).strategy, strategy, `read back ${strategy}`);
        }
      });
      it('lists apps from the parent and enables a chosen few', async () => {
        const a = await api.createAccount(parentId, { name: `Contract Apps ${tag}` });
        const apps = await api.listApps(a.id);
        check(apps.length >= 2, 'apps offered');
        const keep = [apps[0]!.id];
        const after = await api.setEnabledApps(a.id, keep);
        equal(
          after
            .filter((x) => x.enabled)
            .map((x) => x.id)
            .join(),
          keep.join(),
          'returned',
        );
        const read = await api.listApps(a.id);
        equal(
          read
            .filter((x) => x.enabled)
            .map((x) => x.id)
            .join(),
          keep.join(),
          'read back',
        );
        equal(read.length, apps.length, 'disabled apps are still listed');
      });
      it('gives the icon of an app as data, a disabled one too (optional getAppIcon)', async () => {
        if (!api.getAppIcon) return;
        const a = await api.createAccount(parentId, { name: `Contract Icons ${tag}` });
        const apps = await api.listApps(a.id);
        check(apps.length >= 2, 'apps offered');
        await api.setEnabledApps(a.id, [apps[0]!.id]);
        await api.listApps(a.id);
        for (const app of apps.slice(0, 2)) {
          const icon = await api.getAppIcon(a.id, app.id);
          if (icon === undefined) continue;
          check(icon instanceof Blob, `${app.name}: a Blob`);
          check(icon.size > 0, `${app.name}: not empty`);
          check(/^image\//.test(icon.type), `${app.name}: an image type, got "${icon.type}"`);
        }
        equal(await api.getAppIcon(a.id, 'f'.repeat(32)), undefined, 'an unknown app has no icon');
      });
    });
  });
}

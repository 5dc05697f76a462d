// Deterministic seed data: the platform's top accounts, N customer accounts below the root reseller,
// and per-account users, limits, ledgers, services, callflows and blacklists derived on first access.
import { APP_CATALOG, PLANS_BY_ROLE } from './catalog.js';
import { Db, gregorian, type LazyGenerator } from './db.js';
import { md5 } from './md5.js';
import { Rng } from './random.js';
import {
  ANNOUNCEMENTS_HTML,
  BUSINESS_WORDS,
  CITIES,
  FEATURES,
  FIRST_NAMES,
  HOSTILE_HTML,
  LANGUAGES,
  NOTES_HTML,
  PLACE_WORDS,
  PROFESSIONS,
  SPECIAL_TENANTS,
  STREETS,
  SUFFIXES,
  SURNAMES,
  TIMEZONES,
} from './seed-data.js';
import type { LedgerEntry, SeedOptions, StoredDoc } from './types.js';

export const DEMO_PASSWORD = 'demo-password-1';
export const ROOT_ADMIN = 'admin@acme.example';
export const MASTER_ADMIN = 'sysadmin@kazoo.example';
export const FOREIGN_ADMIN = 'admin@globex.example';

const CARRIER_NAMES = ['Primary SIP trunk', 'Backup SIP trunk', 'International route'];

export const DEFAULT_SEED: Required<SeedOptions> = { accounts: 60, depth: 3, seed: 1 };

// Seeded accounts were created between 2015-01-01 and 2024-06-01 (Gregorian seconds).
const CREATED_FROM = gregorian(Date.UTC(2015, 0, 1));
const CREATED_TO = gregorian(Date.UTC(2024, 5, 1));

export function credentialsHash(username: string, password: string): string {
  return md5(`${username.toLowerCase()}:${password}`);
}

/** ASCII slug for realms and e-mail domains; empty for names with no Latin letters. */
export function slugify(name: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(name);
  return (ascii ? name : name.normalize('NFD'))
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

// "Dental Group Group" or "Pizza Co. LLC" read wrong: business words that already end in a form keep it.
function withSuffix(business: string, suffix: string): string {
  return /(Group|Co\.|& Associates)$/.test(business) ? business : business + suffix;
}

class NameMaker {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  take(name: string): string {
    this.used.add(name.toLowerCase());
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  private candidate(): string {
    const r = this.rng;
    const kind = r.int(10);
    if (kind < 6) return `${r.pick(PLACE_WORDS)} ${withSuffix(r.pick(BUSINESS_WORDS), r.pick(SUFFIXES))}`;
    if (kind < 8) return `${r.pick(SURNAMES)} ${withSuffix(r.pick(BUSINESS_WORDS), r.pick(SUFFIXES))}`;
    if (kind < 9) return `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)} ${r.pick(PROFESSIONS)}`;
    return `${r.pick(PLACE_WORDS)} ${r.pick(BUSINESS_WORDS)} of ${r.pick(CITIES)[0]}`;
  }

  next(): string {
    for (let i = 0; i < 6; i++) {
      const name = this.candidate();
      if (!this.has(name)) return this.take(name);
    }
    const base = `${this.rng.pick(PLACE_WORDS)} ${this.rng.pick(BUSINESS_WORDS)} of ${this.rng.pick(CITIES)[0]}`;
    for (let n = 2; ; n++) {
      const name = `${base} ${n}`;
      if (!this.has(name)) return this.take(name);
    }
  }
}

interface AccountSpec {
  id: string;
  name: string;
  realm: string;
  tree: string[];
  created: number;
  extra?: StoredDoc;
}

function accountDoc(rng: Rng, spec: AccountSpec): StoredDoc {
  return {
    _id: spec.id,
    _rev: `1-${rng.hex(16)}`,
    name: spec.name,
    realm: spec.realm,
    timezone: 'America/Los_Angeles',
    language: 'en-us',
    ...spec.extra,
    pvt_type: 'account',
    pvt_tree: spec.tree,
    pvt_created: spec.created,
    pvt_modified: spec.created,
    pvt_enabled: true,
    pvt_seeded: true,
  };
}

function uniqueRealm(db: Db, wanted: string, rng: Rng): string {
  let realm = wanted;
  for (let n = 2; db.realms.has(realm.toLowerCase()) || realm.length > 253; n++) {
    const dot = wanted.indexOf('.');
    realm = n < 6 ? `${wanted.slice(0, dot)}-${n}${wanted.slice(dot)}` : `${rng.hex(3)}${wanted.slice(dot)}`;
  }
  return realm;
}

function phone(rng: Rng): string {
  return `+1${rng.range(201, 989)}555${String(rng.int(10000)).padStart(4, '0')}`;
}

const MYACCOUNT_KEYS = [
  'user',
  'account',
  'billing',
  'balance',
  'service_plan',
  'transactions',
  'inbound',
  'outbound',
  'twoway',
  'errorTracker',
];

function uiRestrictions(rng: Rng): StoredDoc {
  if (rng.chance(0.25)) {
    // The older flat layout Monster UI still reads.
    const flat: StoredDoc = {};
    for (const k of MYACCOUNT_KEYS) if (rng.chance(0.6)) flat[k] = { show_tab: rng.chance(0.6) };
    return flat;
  }
  const my: StoredDoc = {};
  for (const k of MYACCOUNT_KEYS) {
    my[k] =
      k === 'balance'
        ? { show_tab: rng.chance(0.8), show_credit: rng.chance(0.7), show_minutes: rng.chance(0.7) }
        : { show_tab: rng.chance(0.75) };
  }
  return { myaccount: my };
}

function callRestriction(rng: Rng): StoredDoc {
  const out: StoredDoc = {};
  for (const cls of ['tollfree_us', 'toll_us', 'emergency', 'caribbean', 'did_us', 'international', 'unknown']) {
    const deny =
      cls === 'emergency' ? false : cls === 'international' || cls === 'toll_us' ? rng.chance(0.6) : rng.chance(0.1);
    out[cls] = { action: deny ? 'deny' : 'inherit' };
  }
  return out;
}

const SLUGS = new Map<string, string>();
function nameSlug(name: string): string {
  let slug = SLUGS.get(name);
  if (slug === undefined) SLUGS.set(name, (slug = slugify(name)));
  return slug;
}

function contact(rng: Rng, domain: string, country: string): StoredDoc {
  const person = () => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(SURNAMES);
    return { name: `${first} ${last}`, email: `${nameSlug(first)}.${nameSlug(last)}@${domain}`, number: phone(rng) };
  };
  const city = rng.pick(CITIES);
  const billing: StoredDoc = {
    ...person(),
    street_address: `${rng.range(10, 9999)} ${rng.pick(STREETS)}`,
    locality: city[0],
    region: city[1],
    postal_code: String(rng.range(10000, 99999)),
    country,
  };
  if (rng.chance(0.3)) billing.street_address_extra = `Suite ${rng.range(100, 900)}`;
  const out: StoredDoc = { billing };
  if (rng.chance(0.7)) out.technical = person();
  return out;
}

/** Time zone and language, set while seeding (they feed logins and listings). */
function customerCore(rng: Rng, special?: (typeof SPECIAL_TENANTS)[number]): StoredDoc {
  const city = rng.pick(CITIES);
  return {
    timezone: special?.timezone ?? (rng.chance(0.5) ? city[2] : rng.pick(TIMEZONES)),
    language: special?.language ?? rng.pick(LANGUAGES),
  };
}

/** Optional Monster UI keys of a customer account, derived from its id when the document is first read. */
function customerExtras(rng: Rng, name: string, domain: string, country: string): StoredDoc {
  const extra: StoredDoc = {};
  if (rng.chance(0.75)) extra.contact = contact(rng, domain, country);
  if (rng.chance(0.4)) extra.call_restriction = callRestriction(rng);
  if (rng.chance(0.2)) extra.ui_restrictions = uiRestrictions(rng);
  if (rng.chance(0.2)) extra.numbers_features = { e911_enabled: rng.chance(0.7), cnam_enabled: rng.chance(0.5) };
  if (rng.chance(0.1)) extra.announcement = rng.pick(ANNOUNCEMENTS_HTML);
  if (rng.chance(0.12)) extra.custom_notes = rng.pick(NOTES_HTML);
  if (rng.chance(0.1)) extra.org = name;
  return extra;
}

/** Seed a fresh Db with the top accounts and `opts.accounts` customers below the root reseller. */
export function seedDb(db: Db, opts: Required<SeedOptions>): void {
  const rng = new Rng(`accounts:${opts.seed}`);
  const names = new NameMaker(rng);
  const docs: StoredDoc[] = [];
  const add = (doc: StoredDoc) => {
    docs.push(doc);
    db.realms.set(String(doc.realm).toLowerCase(), doc._id as string);
    return doc;
  };
  const created = () => rng.range(CREATED_FROM, CREATED_TO);

  const master = add(
    accountDoc(rng, {
      id: rng.hex(16),
      name: names.take('Kazoo Platform'),
      realm: 'sip.kazoo.example',
      tree: [],
      created: CREATED_FROM - 86400 * 400,
      extra: { timezone: 'Etc/UTC' }, // accounts.json: a time zone is at least 5 characters
    }),
  );
  master.pvt_reseller = true;
  master.pvt_superduper_admin = true;
  master.pvt_api_key = rng.hex(32);
  const masterId = master._id as string;

  const root = add(
    accountDoc(rng, {
      id: rng.hex(16),
      name: names.take('Acme Telecom'),
      realm: 'sip.acme.example',
      tree: [masterId],
      created: CREATED_FROM - 86400 * 200,
      extra: {
        timezone: 'America/New_York',
        contact: {
          billing: {
            name: 'Dana Whitfield',
            email: 'billing@acme.example',
            number: '+12125550100',
            street_address: '1 Telecom Plaza',
            locality: 'New York',
            region: 'NY',
            postal_code: '10004',
            country: 'US',
          },
          technical: { name: 'Network Operations', email: 'noc@acme.example', number: '+12125550199' },
        },
      },
    }),
  );
  root.pvt_reseller = true;
  root.pvt_api_key = rng.hex(32);
  root.pvt_wnm_allow_additions = true;
  const rootId = root._id as string;

  const foreign = add(
    accountDoc(rng, {
      id: rng.hex(16),
      name: names.take('Globex Communications'),
      realm: 'sip.globex.example',
      tree: [masterId],
      created: CREATED_FROM - 86400 * 100,
      extra: { timezone: 'America/Chicago' },
    }),
  );
  foreign.pvt_reseller = true;
  foreign.pvt_api_key = rng.hex(32);
  const foreignId = foreign._id as string;
  db.ids = { master: masterId, root: rootId, foreign: foreignId };
  db.plans.set(masterId, PLANS_BY_ROLE.master);
  db.plans.set(rootId, PLANS_BY_ROLE.root);
  db.plans.set(foreignId, PLANS_BY_ROLE.foreign);

  for (const name of ['Initech Software', 'Vandelay Industries', 'Stark Freight Lines']) {
    const slug = slugify(name);
    add(
      accountDoc(rng, {
        id: rng.hex(16),
        name: names.take(name),
        realm: uniqueRealm(db, `${slug}.sip.globex.example`, rng),
        tree: [masterId, foreignId],
        created: created(),
        extra: { ...customerCore(rng), pvt_lazy: true },
      }),
    );
  }

  // Customers under the root, `depth` levels deep.
  const depth = Math.max(1, Math.floor(opts.depth));
  const byId = new Map<string, StoredDoc>([[rootId, root]]);
  const level = new Map<string, number>([[rootId, 0]]);
  const parents: string[] = [];
  const specialEvery = opts.accounts >= 40 ? Math.max(8, Math.floor(opts.accounts / SPECIAL_TENANTS.length / 2)) : 0;
  let firstReseller: string | undefined;
  for (let i = 0; i < opts.accounts; i++) {
    let parent = rootId;
    if (depth > 1 && i > 0) {
      if (firstReseller && i <= 2)
        parent = firstReseller; // the first sub-reseller gets customers of its own
      else if (parents.length && !rng.chance(0.35)) parent = parents[rng.int(parents.length)]!;
    }
    const parentDoc = byId.get(parent)!;
    const specialIdx = specialEvery && i % specialEvery === 3 ? Math.floor(i / specialEvery) : -1;
    const special = specialIdx >= 0 ? SPECIAL_TENANTS[specialIdx] : undefined;
    const name = special && !names.has(special.name) ? names.take(special.name) : names.next();
    const slug = slugify(name) || rng.hex(3);
    const id = rng.hex(16);
    const doc = add(
      accountDoc(rng, {
        id,
        name,
        realm: uniqueRealm(db, `${slug}.sip.acme.example`, rng),
        tree: [...(parentDoc.pvt_tree as string[]), parent],
        created: created(),
        extra: { ...customerCore(rng, special), pvt_lazy: true },
      }),
    );
    byId.set(id, doc);
    if ((i === 0 && opts.accounts >= 10) || (i > 0 && rng.chance(0.03))) doc.pvt_reseller = true;
    if (i === 0 && opts.accounts >= 10) firstReseller = id;
    if ((i === 3 && opts.accounts >= 10) || (i > 3 && rng.chance(0.05))) doc.pvt_enabled = false;
    if (i === 1) Object.assign(doc, HOSTILE_HTML);
    const lvl = (level.get(parent) ?? 0) + 1;
    level.set(id, lvl);
    if (lvl < depth) parents.push(id);
  }
  db.loadAccounts(docs);
}

// ---------- lazily derived per-account data ----------

function emailDomain(account: StoredDoc): string {
  const realm = String(account.realm ?? 'example.com');
  const slug = slugify(String(account.name ?? ''));
  if (realm === 'sip.acme.example') return 'acme.example';
  if (realm === 'sip.kazoo.example') return 'kazoo.example';
  if (realm === 'sip.globex.example') return 'globex.example';
  return slug ? `${slug}.com` : realm;
}

function userDoc(
  rng: Rng,
  account: StoredDoc,
  first: string,
  last: string,
  username: string,
  admin: boolean,
): StoredDoc {
  const created = rng.range(Number(account.pvt_created ?? CREATED_FROM), CREATED_TO + 86400 * 30);
  const features = FEATURES.filter(() => rng.chance(0.35));
  return {
    _id: rng.hex(16),
    _rev: `1-${rng.hex(16)}`,
    first_name: first,
    last_name: last,
    username,
    email: username,
    priv_level: admin ? 'admin' : 'user',
    timezone: account.timezone,
    features,
    enabled: true,
    vm_to_email_enabled: true,
    require_password_update: false,
    verified: rng.chance(0.8),
    pvt_type: 'user',
    pvt_account_id: account._id,
    pvt_created: created,
    pvt_modified: created,
    pvt_md5_auth: credentialsHash(username, DEMO_PASSWORD),
  };
}

function planFor(db: Db, account: StoredDoc, rng: Rng): StoredDoc {
  const id = account._id as string;
  const plans: StoredDoc = {};
  const vendor = db.resellerOf(account);
  const offered = db.plans.get(vendor) ?? [];
  if (account.pvt_seeded === true && offered.length && rng.chance(0.6)) {
    const p = rng.pick(offered);
    plans[p.id] = { vendor_id: vendor, name: p.name };
  }
  return { _id: id, _rev: `1-${rng.hex(16)}`, billing_id: id, plans, pvt_type: 'service', pvt_status: 'good_standing' };
}

export const lazyGenerator: LazyGenerator = {
  users(db, account) {
    if (account.pvt_seeded !== true) return [];
    const id = account._id as string;
    const rng = new Rng(`users:${db.seed.seed}:${id}`);
    const domain = emailDomain(account);
    const out: StoredDoc[] = [];
    const taken = new Set<string>();
    const push = (first: string, last: string, admin: boolean, username?: string) => {
      let name = username ?? `${slugify(first) || 'user'}.${slugify(last) || 'x'}@${domain}`;
      for (let n = 2; taken.has(name); n++) name = name.replace(/(\d*)@/, `${n}@`);
      taken.add(name);
      out.push(userDoc(rng, account, first, last, name, admin));
    };
    let count: number;
    if (id === db.ids.master) {
      push('System', 'Administrator', true, MASTER_ADMIN);
      count = 2;
    } else if (id === db.ids.root) {
      push('Alex', 'Rivera', true, ROOT_ADMIN);
      count = 64;
    } else if (id === db.ids.foreign) {
      push('Grace', 'Kowalski', true, FOREIGN_ADMIN);
      count = 3;
    } else {
      count = rng.chance(0.08) ? rng.range(61, 90) : rng.range(1, 3);
    }
    while (out.length < count) {
      push(rng.pick(FIRST_NAMES), rng.pick(SURNAMES), out.length === 0 || rng.chance(0.15));
    }
    return out;
  },

  limits(db, account) {
    const base: StoredDoc = { _id: 'limits', _rev: '1-' + md5(`limits:${account._id}`), pvt_type: 'limits' };
    if (account.pvt_seeded !== true) return { ...base, allow_prepay: true, authz_resource_types: [] };
    const rng = new Rng(`limits:${db.seed.seed}:${account._id}`);
    const postpay = rng.chance(0.2);
    return {
      ...base,
      twoway_trunks: rng.pick([0, 0, 2, 4, 5, 10, 20]),
      inbound_trunks: rng.pick([0, 0, 1, 2, 5, 10]),
      outbound_trunks: rng.pick([0, 0, 1, 2, 5]),
      allow_prepay: rng.chance(0.8),
      pvt_allow_postpay: postpay,
      pvt_max_postpay_amount: postpay ? rng.pick([50, 100, 250, 500]) : 0,
    };
  },

  ledgers(db, account) {
    if (account.pvt_seeded !== true) return [];
    const rng = new Rng(`ledgers:${db.seed.seed}:${account._id}`);
    const start = Number(account.pvt_created ?? CREATED_FROM);
    const out: LedgerEntry[] = [];
    const credit = rng.pick([25, 50, 100, 250, 500]) * 10000;
    out.push({
      id: rng.hex(16),
      units: credit,
      description: 'Credit added by administrator',
      source: { service: 'adjustments', id: rng.hex(16) },
      usage: { type: 'credit', quantity: 0, unit: 'USD' },
      metadata: { ui_request: true, automatic_description: true },
      created: start + 86400,
    });
    const calls = rng.range(0, 6);
    for (let i = 0; i < calls; i++) {
      const seconds = rng.range(30, 3600);
      out.push({
        id: rng.hex(16),
        units: -Math.round(seconds * rng.range(8, 40)), // $0.0008-$0.0040 per second
        description: rng.pick(['US Domestic', 'US Toll Free', 'Canada', 'United Kingdom - Mobile', 'Mexico']),
        source: { service: 'per-minute-voip', id: rng.hex(16) },
        usage: { type: 'voice', quantity: seconds, unit: 'sec' },
        created: start + 86400 * (2 + i),
      });
    }
    if (rng.chance(0.2)) {
      out.push({
        id: rng.hex(16),
        units: -rng.range(5, 80) * 10000,
        description: 'Mobile data overage',
        source: { service: 'mobile_data', id: rng.hex(16) },
        usage: { type: 'debit', quantity: rng.range(100, 5000), unit: 'MB' },
        created: start + 86400 * 20,
      });
    }
    return out;
  },

  services(db, account) {
    return planFor(db, account, new Rng(`services:${db.seed.seed}:${account._id}`));
  },

  callflows(db, account) {
    if (account.pvt_seeded !== true) return [];
    const id = account._id as string;
    const rng = new Rng(`callflows:${db.seed.seed}:${id}`);
    const out: StoredDoc[] = [];
    const created = Number(account.pvt_created ?? CREATED_FROM);
    const cf = (name: string | undefined, numbers: string[], flow: StoredDoc): StoredDoc => {
      const doc: StoredDoc = {
        _id: rng.hex(16),
        _rev: `1-${rng.hex(16)}`,
        numbers,
        patterns: [],
        flow,
        pvt_type: 'callflow',
        pvt_created: created,
      };
      if (name) doc.name = name;
      return doc;
    };
    if (rng.chance(0.5)) {
      out.push(
        cf('Main Number', [phone(rng)], {
          module: 'ring_group',
          data: { name: 'Front desk', endpoints: [] },
          children: {},
        }),
      );
    }
    const isTop = id === db.ids.master || id === db.ids.root || id === db.ids.foreign;
    const r = rng.float();
    if (isTop) {
      out.push(cf(undefined, ['no_match'], { children: {}, data: {}, module: 'offnet' }));
    } else if (r < 0.62) {
      // Most accounts have no no_match callflow at all.
    } else if (r < 0.77) {
      out.push(cf(undefined, ['no_match'], { children: {}, data: {}, module: 'offnet' }));
    } else if (r < 0.89) {
      out.push(
        cf(undefined, ['no_match'], {
          children: {},
          data: { hunt_account_id: db.resellerOf(account) },
          module: 'resources',
        }),
      );
    } else if (r < 0.965) {
      const data = rng.chance(0.5) ? {} : { hunt_account_id: id };
      out.push(cf(undefined, ['no_match'], { children: {}, data, module: 'resources' }));
    } else {
      out.push(
        cf('Legacy carrier', ['no_match'], {
          children: {},
          data: { hunt_account_id: db.ids.foreign },
          module: 'resources',
        }),
      );
    }
    return out;
  },

  resources(db, account) {
    const id = account._id as string;
    // The master's carriers are the system-wide ones (the offnet database), not an account's own.
    if (account.pvt_seeded !== true || id === db.ids.master) return [];
    const rng = new Rng(`resources:${db.seed.seed}:${id}`);
    const count = db.isReseller(account) ? rng.range(1, 3) : rng.chance(0.15) ? rng.range(1, 2) : 0;
    const created = Number(account.pvt_created ?? CREATED_FROM);
    const out: StoredDoc[] = [];
    for (let i = 0; i < count; i++) {
      out.push({
        _id: rng.hex(16),
        _rev: `1-${rng.hex(16)}`,
        name: CARRIER_NAMES[i]!,
        enabled: i === 0 || rng.chance(0.7),
        weight_cost: String((i + 1) * 10),
        flags: [],
        rules: ['^\\+?\\d+$'],
        gateways: [{ server: `sip${i + 1}.${emailDomain(account)}`, enabled: true, prefix: '', suffix: '' }],
        pvt_type: 'resource',
        pvt_created: created,
        pvt_modified: created,
      });
    }
    return out;
  },

  blacklist(db, account) {
    const id = account._id as string;
    if (account.pvt_seeded !== true || id === db.ids.master || id === db.ids.root || id === db.ids.foreign) return [];
    const rng = new Rng(`blacklist:${db.seed.seed}:${id}`);
    if (!rng.chance(0.2)) return [];
    return APP_CATALOG.filter(() => rng.chance(0.2)).map((a) => a.id);
  },

  accountExtras(db, account) {
    const name = String(account.name ?? '');
    const country = SPECIAL_TENANTS.find((t) => t.name === name)?.country ?? 'US';
    const rng = new Rng(`account:${db.seed.seed}:${account._id}`);
    return customerExtras(rng, name, `${slugify(name) || 'example'}.com`, country);
  },

  apiKey(db, account) {
    return new Rng(`api-key:${db.seed.seed}:${account._id}`).hex(32);
  },
};

/**
 * The fault matrix: every element × every fault the emulator injects, one test per cell, generated from the two
 * tables of `fault-matrix.table.ts` (whose words these tests assert, and which the README's "Faults" section prints).
 * In each cell the user reads what failed in words, Retry loads it, a change typed before a failed save is still
 * there and reaches the backend on the next save, and nothing escapes to `window`.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import type { AccountApi } from '../src/api/api.js';
import type { EmulatorOptions, FaultRule } from '../src/mock/index.js';
import { ANNOUNCEMENT_STORAGE_PREFIX } from '../components/account-announcement/account-announcement.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';
import {
  preparedEmulator,
  startEmulator,
  until,
  type EmulatorFixture,
  type PreparingFixture,
} from './emulator-fixture.js';
import {
  CHARGES_DECLINED,
  ELEMENTS,
  FAULTS,
  SAVE_FAILED,
  plan,
  type ElementRow,
  type FaultId,
  type FaultRow,
  type ReadOutcome,
  type SaveOutcome,
} from './fault-matrix.table.js';
import {
  accessibleName,
  allByRole,
  deepQueryAll,
  dialogContent,
  getByLabel,
  getByRole,
  isHiddenDeep,
  queryByRole,
  textOf,
  typeInto,
} from './queries.js';
import '../exports/define.js';

// ---- what a cell needs of an element

type Request = { path: string; method: string };

interface Writer {
  /** The save request a write fault is put on, for the account shown. */
  request(id: string): Request;
  /** Makes the change, as a user does. */
  edit(el: HTMLElement): Promise<void>;
  /** The change is on screen. */
  kept(el: HTMLElement): boolean;
  /** Presses the element's save. */
  save(el: HTMLElement): Promise<void>;
  /** The save went through, as the user is told. */
  saved(el: HTMLElement): boolean;
  /** The change reached the backend (read through a fresh adapter), for the account shown. */
  stored(api: AccountApi, id: string): Promise<boolean>;
  /** Another user's save of the same account (of the field edited here where it can clash), for a 409. */
  elsewhere?(api: AccountApi, id: string): Promise<void>;
  /** The element offers the save no more (read-only after a 403). */
  readOnly?(el: HTMLElement): boolean;
}

interface Subject {
  row: ElementRow;
  /** Changes made once through an adapter; each cell's emulator starts from what they leave. */
  prepare?(fx: PreparingFixture): Promise<unknown>;
  /** Runs before each cell (what the browser remembers between pages). */
  beforeCell?(): void;
  /** The account it shows. */
  account(fx: EmulatorFixture): string;
  /** The element, inside `<account-provider>` (nothing more for the provider's own row). */
  template(id: string): TemplateResult;
  /** The request a load fault is put on, for the account shown. */
  read(id: string): Request;
  /** Its content is on screen. */
  loaded(el: HTMLElement): boolean;
  /** Goes where a forbidden read is explained, when not where the element opens. */
  toForbidden?(el: HTMLElement): Promise<void>;
  write?: Writer;
}

// ---- shared steps

/** Waits for `ok`; a timeout says what the user reads by then. */
async function waitFor(el: Element, what: string, ok: () => unknown): Promise<void> {
  let last: unknown;
  try {
    await until(() => {
      try {
        return ok();
      } catch (e) {
        last = e;
        return false;
      }
    }, what);
  } catch {
    throw new Error(`Timeout: ${what}.${last ? ` Last error: ${String(last)}.` : ''} The user reads: "${textOf(el)}"`);
  }
}

type Updating = HTMLElement & { updateComplete: Promise<unknown> };
const visible = <T extends Element>(els: T[]) => els.filter((e) => !isHiddenDeep(e));
const retryIn = (root: Element) => visible(allByRole<HTMLButtonElement>(root, 'button', 'Retry'))[0];
const press = async (root: Element, name: string | RegExp, host: Element = root) => {
  // A choice just made (a conflict settled) enables the button on the next render.
  await (host as Updating).updateComplete;
  await waitFor(root, `the "${String(name)}" button`, () => getByRole(root, 'button', name));
  getByRole<HTMLButtonElement>(root, 'button', name).click();
  await (host as Updating).updateComplete;
};
const switchOn = (el: Element, name: string) => getByLabel(el, name).getAttribute('aria-checked') === 'true';

/** A form on the draft base: Save, `:state(saved)` and `:state(read-only)` are the base's. */
function draft(w: Omit<Writer, 'save' | 'saved' | 'readOnly'>): Writer {
  return {
    ...w,
    save: (el) => press(el, 'Save'),
    saved: (el) => el.matches(':state(saved)') && !el.matches(':state(dirty)'),
    readOnly: (el) => el.matches(':state(read-only)') && !queryByRole(el, 'button', 'Save'),
  };
}

const customer = (fx: EmulatorFixture) => fx.customer().id;
const leaf = (fx: EmulatorFixture) => fx.customer((a) => a.childCount === 0).id;
const accountPath = (id: string): Request => ({ path: `/accounts/${id}`, method: 'GET' });
const patchAccount = (id: string): Request => ({ path: `/accounts/${id}`, method: 'PATCH' });

// ---- the elements

const RENAMED = 'Renamed In The Matrix';
const NOTE = 'Noted in the matrix.';
const OWN = "This account's own carriers";
const NEW_ADMIN = { first: 'Matrix', last: 'Admin', email: 'matrix.admin@faults.example' };
const NEW_ACCOUNT = 'Matrix Dental';

/** What an edit changed, for `kept` and `stored` (one cell runs at a time). */
const edited = { trunks: 0, transactions: false, app: '', plan: '' };

/** The overview's Name (the contacts have a Name too). */
const nameField = (el: Element) => getByLabel<HTMLInputElement>(getByRole(el, 'region', 'Details'), 'Name');
const overviewWriter = draft({
  request: (id) => patchAccount(id),
  edit: (el) => typeInto(nameField(el), RENAMED),
  kept: (el) => nameField(el).value === RENAMED,
  stored: async (api, id) => (await api.getAccount(id)).name === RENAMED,
  elsewhere: (api, id) => api.updateAccount(id, { name: 'Renamed Elsewhere' }).then(() => undefined),
});

/** `<account-manager>`'s overview, on its first tab. */
const managerOverview = (el: HTMLElement) => deepQueryAll<HTMLElement>(el, 'account-overview')[0]!;
/** Applies a writer written for the overview to the one inside `<account-manager>`. */
function inManager(w: Writer): Writer {
  const at =
    <A extends unknown[], R>(f: (el: HTMLElement, ...a: A) => R) =>
    (el: HTMLElement, ...a: A) =>
      f(managerOverview(el), ...a);
  return { ...w, edit: at(w.edit), kept: at(w.kept), save: at(w.save), saved: at(w.saved), readOnly: at(w.readOnly!) };
}

const step = (el: Element) => textOf(getByRole(el, 'heading', /^Step \d+/));
/** Walks the wizard from its first step to `last`, filled in as a user would. */
async function fillWizard(el: HTMLElement, last = 'Review'): Promise<void> {
  const steps = ['Contacts', 'Admins', 'Service plans', 'Limits and calls', 'Initial credit', 'Apps', 'Review'];
  await typeInto(getByLabel(el, 'Account name'), NEW_ACCOUNT);
  for (const name of steps.slice(0, steps.indexOf(last) + 1)) {
    if (step(el).endsWith('Admins')) {
      const admin = getByRole(el, 'group', 'Admin 1');
      await typeInto(getByLabel(admin, 'First name'), NEW_ADMIN.first);
      await typeInto(getByLabel(admin, 'Last name'), NEW_ADMIN.last);
      await typeInto(getByLabel(admin, 'E-mail'), NEW_ADMIN.email);
    }
    await press(el, 'Next');
    await waitFor(el, `the "${name}" step`, () => step(el).endsWith(name));
  }
}

const appSwitches = (el: Element) => allByRole<HTMLButtonElement>(el, 'switch');
const appNamed = (el: Element, name: string) => appSwitches(el).find((s) => textOf(s) === name);

const SUBJECTS: Record<string, Omit<Subject, 'row'>> = {
  'account-provider': {
    account: (fx) => fx.emulator.rootAccountId,
    template: () => html`<p>Host content</p>`,
    read: (id) => accountPath(id),
    loaded: (el) => (el as AccountProvider).session !== undefined && textOf(el) === 'Host content',
  },
  'account-tree': {
    account: (fx) => fx.emulator.rootAccountId,
    template: () => html`<account-tree style="height: 300px"></account-tree>`,
    read: (id) => ({ path: `/accounts/${id}/children`, method: 'GET' }),
    loaded: (el) => allByRole(el, 'treeitem').filter((r) => r.getAttribute('aria-busy') !== 'true').length > 3,
  },
  'account-create': {
    // No trunks on the parent: the new account's limits equal its own, so creating it has no charges of its own.
    prepare: (fx) =>
      fx.api.updateLimits(fx.emulator.rootAccountId, { twowayTrunks: null, inboundTrunks: null, outboundTrunks: null }),
    account: (fx) => fx.emulator.rootAccountId,
    template: () => html`<account-create realm-suffix="sip.acme.example"></account-create>`,
    read: (id) => ({ path: `/accounts/${id}/services/available`, method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'textbox', 'Account name'),
    toForbidden: (el) => fillWizard(el, 'Service plans'),
    write: {
      request: (id) => ({ path: `/accounts/${id}`, method: 'PUT' }),
      edit: (el) => fillWizard(el),
      kept: (el) =>
        step(el).endsWith('Review') && textOf(getByRole(el, 'region', 'Name and realm')).includes(NEW_ACCOUNT),
      save: (el) => press(el, 'Create account'),
      saved: (el) => deepQueryAll(el, '[part=done]').length > 0,
      async stored(api, parentId) {
        const found = await api.listChildren(parentId, { pageSize: 1000 });
        return found.items.filter((a) => a.name === NEW_ACCOUNT).length === 1;
      },
    },
  },
  'account-overview': {
    account: leaf,
    template: (id) => html`<account-overview account-id=${id}></account-overview>`,
    read: (id) => accountPath(id),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: overviewWriter,
  },
  'account-admins': {
    account: leaf,
    template: (id) => html`<account-admins account-id=${id}></account-admins>`,
    read: (id) => ({ path: `/accounts/${id}/users`, method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'list', 'Administrators') || /no administrator/.test(textOf(el)),
    write: {
      request: (id) => ({ path: `/accounts/${id}/users`, method: 'PUT' }),
      async edit(el) {
        await press(el, 'Add administrator');
        await waitFor(el, 'the dialog opens', () => dialogContent(el));
        const d = dialogContent(el)!;
        await typeInto(getByLabel(d, 'First name'), NEW_ADMIN.first);
        await typeInto(getByLabel(d, 'Last name'), NEW_ADMIN.last);
        await typeInto(getByLabel(d, 'E-mail'), NEW_ADMIN.email);
      },
      kept(el) {
        const d = dialogContent(el);
        return !!d && getByLabel<HTMLInputElement>(d, 'E-mail').value === NEW_ADMIN.email;
      },
      save: (el) => press(dialogContent(el)!, 'Add administrator', el),
      saved: (el) =>
        !dialogContent(el) && !!queryByRole(el, 'region', `Password for ${NEW_ADMIN.first} ${NEW_ADMIN.last}`),
      async stored(api, id) {
        const users = await api.listUsers(id, { pageSize: 1000 });
        return users.items.some((u) => u.email === NEW_ADMIN.email);
      },
    },
  },
  'service-plan-picker': {
    // One plan on the customer, so unchecking it has no charges of its own.
    async prepare(fx) {
      const [plan] = await fx.api.listServicePlans(fx.emulator.rootAccountId);
      await fx.api.setAccountServicePlans(fx.customer().id, [plan!.id]);
    },
    account: customer,
    template: (id) => html`<service-plan-picker account-id=${id}></service-plan-picker>`,
    read: (id) => ({ path: `/accounts/${id}/services`, method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => ({ path: `/accounts/${id}/services`, method: 'POST' }),
      async edit(el) {
        const on = visible(allByRole<HTMLInputElement>(el, 'checkbox')).find((b) => b.checked)!;
        edited.plan = accessibleName(on);
        on.click();
      },
      kept: (el) => !getByLabel<HTMLInputElement>(el, edited.plan).checked,
      stored: async (api, id) => !(await api.getAccountServicePlans(id)).some((p) => p.name === edited.plan),
      async elsewhere(api, id) {
        // The plan unchecked here and another: both choices differ.
        const plans = await api.listServicePlans((await api.getAccount(id)).resellerId!);
        await api.setAccountServicePlans(
          id,
          plans.slice(0, 2).map((p) => p.id),
        );
      },
    }),
  },
  'account-limits': {
    account: leaf,
    template: (id) => html`<account-limits account-id=${id}></account-limits>`,
    read: (id) => ({ path: `/accounts/${id}/limits`, method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => ({ path: `/accounts/${id}/limits`, method: 'POST' }),
      async edit(el) {
        // Fewer trunks: more would have charges of their own.
        const input = getByLabel<HTMLInputElement>(el, 'Inbound trunks');
        edited.trunks = Number(input.value) - 1;
        input.focus();
        await sendKeys({ press: 'ArrowDown' });
      },
      kept: (el) => getByLabel<HTMLInputElement>(el, 'Inbound trunks').value === String(edited.trunks),
      stored: async (api, id) => (await api.getLimits(id)).inboundTrunks === edited.trunks,
      async elsewhere(api, id) {
        const l = await api.getLimits(id);
        await api.updateLimits(id, { outboundTrunks: (l.outboundTrunks ?? 0) + 1 });
      },
    }),
  },
  'number-features': {
    account: customer,
    template: (id) => html`<number-features account-id=${id}></number-features>`,
    read: (id) => accountPath(id),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => patchAccount(id),
      edit: async (el) => getByLabel<HTMLButtonElement>(el, 'Caller name (CNAM)').click(),
      kept: (el) => !switchOn(el, 'Caller name (CNAM)'),
      stored: async (api, id) => (await api.getAccount(id)).numberFeatures.cnam === false,
      async elsewhere(api, id) {
        const a = await api.getAccount(id);
        await api.updateAccount(id, { numberFeatures: { e911: !a.numberFeatures.e911 } });
      },
    }),
  },
  'account-restrictions': {
    account: customer,
    template: (id) => html`<account-restrictions account-id=${id}></account-restrictions>`,
    read: (id) => accountPath(id),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => patchAccount(id),
      async edit(el) {
        edited.transactions = !switchOn(el, 'Transactions');
        getByLabel<HTMLButtonElement>(el, 'Transactions').click();
      },
      kept: (el) => switchOn(el, 'Transactions') === edited.transactions,
      stored: async (api, id) =>
        (await api.getAccount(id)).uiRestrictions['billing.transactions'] === edited.transactions,
      elsewhere: (api, id) =>
        api.updateAccount(id, { uiRestrictions: { 'trunking.inbound': false } }).then(() => undefined),
    }),
  },
  'carrier-picker': {
    // The customer has saved the system-wide carriers, so a save is one POST of that callflow.
    prepare: (fx) => fx.api.setCarrierStrategy(fx.customer().id, 'system'),
    account: customer,
    template: (id) => html`<carrier-picker account-id=${id}></carrier-picker>`,
    read: (id) => ({ path: `/accounts/${id}/callflows`, method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'radio', OWN) && !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => ({ path: `/accounts/${id}/callflows/*`, method: 'POST' }),
      edit: async (el) => getByLabel(el, OWN).click(),
      kept: (el) => getByLabel<HTMLInputElement>(el, OWN).checked,
      stored: async (api, id) => (await api.getCarrierStrategy(id)).strategy === 'account',
      // Neither the saved choice (system-wide) nor the edit: both values are shown.
      elsewhere: (api, id) => api.setCarrierStrategy(id, 'reseller').then(() => undefined),
    }),
  },
  'app-exchange-toggle': {
    account: customer,
    template: (id) => html`<app-exchange-toggle account-id=${id}></app-exchange-toggle>`,
    read: () => ({ path: '/accounts/*/apps_store', method: 'GET' }),
    loaded: (el) => !!queryByRole(el, 'button', 'Save'),
    write: draft({
      request: (id) => ({ path: `/accounts/${id}/apps_store/blacklist`, method: 'POST' }),
      async edit(el) {
        const on = appSwitches(el).find((s) => s.getAttribute('aria-checked') === 'true')!;
        edited.app = textOf(on);
        on.click();
      },
      kept: (el) => appNamed(el, edited.app)?.getAttribute('aria-checked') === 'false',
      async stored(api, id) {
        const app = (await api.listApps(id)).find((a) => (a.label || a.name) === edited.app);
        return app?.enabled === false;
      },
      async elsewhere(api, id) {
        const apps = await api.listApps(id);
        const other = apps.find((a) => a.enabled && (a.label || a.name) !== edited.app)!;
        await api.setEnabledApps(
          id,
          apps.filter((a) => a.enabled && a.id !== other.id).map((a) => a.id),
        );
      },
    }),
  },
  'account-notes': {
    account: customer,
    template: (id) => html`<account-notes account-id=${id}></account-notes>`,
    read: (id) => accountPath(id),
    loaded: (el) => !!queryByRole(el, 'textbox', 'Customer notes')?.isContentEditable,
    write: draft({
      request: (id) => patchAccount(id),
      async edit(el) {
        getByLabel<HTMLElement>(el, 'Customer notes').focus();
        await sendKeys({ press: 'Control+End' });
        await sendKeys({ type: ` ${NOTE}` });
      },
      kept: (el) => textOf(getByLabel<HTMLElement>(el, 'Customer notes')).includes(NOTE),
      stored: async (api, id) => ((await api.getAccount(id)).notes.customNotes ?? '').includes(NOTE),
      elsewhere: (api, id) =>
        api.updateAccount(id, { notes: { customNotes: '<p>Changed elsewhere.</p>' } }).then(() => undefined),
    }),
  },
  'account-announcement': {
    prepare: (fx) =>
      fx.api.updateAccount(fx.customer().id, { notes: { announcement: '<p>Maintenance on Saturday.</p>' } }),
    // Each cell is a new sign-in to the same seeded ids: what the element remembered is forgotten.
    beforeCell() {
      for (const s of [localStorage, sessionStorage])
        for (const k of Object.keys(s)) if (k.startsWith(ANNOUNCEMENT_STORAGE_PREFIX)) s.removeItem(k);
    },
    account: customer,
    template: (id) => html`<account-announcement account-id=${id}></account-announcement>`,
    read: (id) => accountPath(id),
    loaded: (el) => el.matches(':state(open)') && textOf(el).includes('Maintenance on Saturday.'),
  },
  'account-manager': {
    account: leaf,
    template: (id) => html`<account-manager account-id=${id}></account-manager>`,
    read: (id) => accountPath(id),
    loaded: (el) => !!managerOverview(el) && !!queryByRole(managerOverview(el), 'button', 'Save'),
    write: inManager(overviewWriter),
  },
};

// ---- the faults, as rules on a request

/** A 402 as Kazoo sends it: the charges by category and item. */
const CHARGES = {
  status: 'error',
  error: '402',
  message: 'accept charges',
  data: {
    limits: {
      inbound_trunks: { category: 'limits', item: 'inbound_trunks', quantity: 1, rate: 5, activation_charges: 0 },
    },
    activation_charges: 0,
  },
};
const CHARGE_LINE = 'Inbound trunks: 1 × $5.00 per month';

/** The rule that makes `fault` on `request` (the 401s are made by expiring tokens). */
function rule(fault: FaultId, request: Request): FaultRule {
  const at = { path: request.path, method: request.method };
  const rules: Partial<Record<FaultId, Omit<FaultRule, 'path' | 'method'>>> = {
    '500': { status: 500 },
    '503': { status: 503 },
    timeout: { timeout: true },
    offline: { network: true },
    '403': { status: 403 },
    '409': { status: 409 },
    '402': { status: 402, body: CHARGES },
    'not JSON': { malformed: true },
    'bad schema': { status: 200, body: { status: 'success', data: 'not what this request answers', revision: '1' } },
  };
  return { ...at, ...rules[fault]! };
}

/** How long the adapter waits in the timeout cells (its `timeoutMs`; 30 s by default). */
const TIMEOUT_MS = 400;

// ---- one cell

interface Cell {
  fx: EmulatorFixture;
  /** The account shown. */
  id: string;
  /** The page's adapter: no host decides charges (the element asks its user), a short timeout. */
  api: AccountApi;
  /** Runs when the next 409 arrives, before the adapter sees it: another user's save "meanwhile". */
  meanwhile?: () => Promise<void>;
}

interface Mounted {
  /** The provider: what the user reads is its whole content. */
  page: AccountProvider;
  el: HTMLElement;
}

async function open(subject: Subject, cell: Cell): Promise<Mounted> {
  const page = await fixture<AccountProvider>(
    html`<account-provider .api=${cell.api}>${subject.template(cell.id)}</account-provider>`,
  );
  const el = subject.row.tag === 'account-provider' ? page : (page.firstElementChild as HTMLElement);
  return { page, el };
}

/** Signs the adapter in, then expires every token; `cured: false` makes signing in again fail too. */
async function expire(cell: Cell, cured: boolean): Promise<void> {
  await cell.api.getSession();
  cell.fx.emulator.expireTokens();
  if (!cured) cell.fx.emulator.faults.add({ path: '/user_auth', method: 'PUT', status: 401 });
}

const fault = (id: FaultId): FaultRow => FAULTS.find((f) => f.id === id)!;
const logins = (fx: EmulatorFixture) => fx.requestsTo('PUT', /\/user_auth$/).length;
/** The failure words of every fault that show in `el`. */
const failures = (el: Element) => {
  const text = textOf(el);
  const words = FAULTS.flatMap((f) => [f.words, f.reads, f.saveReads]).filter((w): w is string => !!w);
  return [SAVE_FAILED, ...words].filter((w) => text.includes(w));
};

/** What the element shows when its read fails so. */
function readWords(subject: Subject, f: FaultRow): string {
  return subject.row.reads?.[f.id] ?? f.reads ?? f.words!;
}

/** The read side. Resolves the page when it ends loaded (a forbidden one does not). */
async function readSide(subject: Subject, f: FaultRow, outcome: ReadOutcome, cell: Cell): Promise<Mounted | undefined> {
  const { fx } = cell;
  if (outcome === 'signed-in') {
    await expire(cell, true);
    const before = logins(fx);
    const m = await open(subject, cell);
    await waitFor(m.page, 'it loads, signed in again', () => subject.loaded(m.el));
    expect(logins(fx), 'the adapter signed in again').to.be.greaterThan(before);
    expect(failures(m.page), 'no failure is shown').to.deep.equal([]);
    return m;
  }
  const request = subject.read(cell.id);
  if (f.id === '401 not cured') await expire(cell, false);
  else fx.emulator.faults.add(rule(f.id, request));
  const m = await open(subject, cell);
  const { page, el } = m;
  const words = readWords(subject, f);
  switch (outcome) {
    case 'quiet': {
      // Nothing is said and nothing opens over the page; the page's refresh brings it once the backend answers.
      const made = () =>
        fx.emulator.requests.some((r) => r.method === request.method && r.path === `/v2${request.path}`);
      await waitFor(page, 'the read is made', made);
      await new Promise((r) => setTimeout(r, (f.id === 'timeout' ? TIMEOUT_MS : 0) + 200));
      expect(failures(page), 'no failure is shown').to.deep.equal([]);
      expect(subject.loaded(el), 'nothing is shown').to.equal(false);
      fx.emulator.faults.clear();
      page.refresh();
      await waitFor(page, 'the refresh shows it', () => subject.loaded(el));
      return m;
    }
    case 'forbidden':
    case 'explained': {
      if (outcome === 'explained') {
        await waitFor(page, 'it opens', () => subject.loaded(el));
        await subject.toForbidden!(el);
      }
      await waitFor(page, `the user reads "${words}"`, () => textOf(el).includes(words));
      expect(retryIn(page), 'no Retry where retrying cannot help').to.equal(undefined);
      return undefined;
    }
    case 'provider': {
      // The provider says it above the page; the element has nothing to show without a session.
      const panel = () => page.shadowRoot!.querySelector<HTMLElement>('[part=error]');
      await waitFor(page, `the provider says "${words}"`, () => panel() && textOf(panel()!).includes(words));
      expect(textOf(panel()!)).to.contain('Could not load your session');
      expect(textOf(el)).to.not.contain(words);
      fx.emulator.faults.clear();
      retryIn(panel()!)!.click();
      await waitFor(page, "the provider's Retry brings it", () => subject.loaded(el));
      expect(panel(), 'the failure is gone').to.equal(null);
      return m;
    }
    default: {
      await waitFor(page, `the user reads "${words}"`, () => textOf(el).includes(words));
      if (subject.row.title) expect(textOf(el)).to.contain(subject.row.title);
      const retry = retryIn(el);
      expect(retry, 'Retry is offered').to.not.equal(undefined);
      fx.emulator.faults.clear();
      retry!.click();
      await waitFor(page, 'Retry loads it', () => subject.loaded(el));
      expect(retryIn(el), 'the failure is gone').to.equal(undefined);
      return m;
    }
  }
}

/** The save side: a change, the fault on its save, what the user reads, the change kept, then stored. */
async function writeSide(subject: Subject, f: FaultRow, outcome: SaveOutcome, cell: Cell, m: Mounted) {
  const { page, el } = m;
  const w = subject.write!;
  const { row } = subject;
  const { fx } = cell;
  const stored = () => w.stored(fx.makeApi(), cell.id);
  const request = w.request(cell.id);
  await w.edit(el);
  await waitFor(page, 'the change shows', () => w.kept(el));
  const lead = row.saveLead ?? SAVE_FAILED;
  const saved = async (what = 'saved') => {
    await waitFor(page, what, () => w.saved(el));
    expect(failures(page), 'no failure is shown').to.deep.equal([]);
    expect(textOf(page)).to.not.contain(lead);
    expect(await stored(), 'the change reached the backend').to.equal(true);
  };

  if (f.id === '401 cured') fx.emulator.expireTokens();
  else if (f.id === '401 not cured') {
    fx.emulator.expireTokens();
    fx.emulator.faults.add({ path: '/user_auth', method: 'PUT', status: 401 });
  } else if (f.id === '409') {
    if (outcome !== 'said') cell.meanwhile = () => w.elsewhere!(fx.makeApi(), cell.id);
    fx.emulator.faults.add({ ...rule(f.id, request), times: 1 });
  } else if (f.id === '402') fx.emulator.faults.add({ ...rule(f.id, request), times: 2 });
  else fx.emulator.faults.add(rule(f.id, request));

  switch (outcome) {
    case 'signed-in':
      await w.save(el);
      return saved('saved, signed in again');
    case 'read-only':
      await w.save(el);
      await waitFor(page, `the user reads "${f.saveReads}"`, () => textOf(page).includes(f.saveReads!));
      expect(w.readOnly!(el), 'read-only: no Save').to.equal(true);
      expect(w.kept(el), 'the change is kept').to.equal(true);
      return;
    case 'conflict': {
      await w.save(el);
      const title = 'Someone else changed this while you were editing';
      await waitFor(page, 'both values show', () => textOf(page).includes(title));
      expect(textOf(page)).to.contain('Your value').and.contain('Their value');
      expect(w.kept(el), 'the change is kept').to.equal(true);
      for (const keep of visible(allByRole<HTMLButtonElement>(el, 'button', /^Keep mine/))) keep.click();
      await w.save(el);
      return saved('saved with mine');
    }
    case 'merged':
      await w.save(el);
      await waitFor(page, 'saved with the other change', () => w.saved(el));
      expect(textOf(page)).to.contain('Changes saved elsewhere were merged with yours.');
      expect(await stored(), 'the change reached the backend').to.equal(true);
      return;
    case 'charges': {
      // The question, in its own dialog (over the element's own, for an admin being added).
      const question = () =>
        deepQueryAll(el, 'dialog[open]')
          .map((d) => (d.getRootNode() as ShadowRoot).host)
          .find((d) => textOf(d).includes(CHARGE_LINE));
      const asked = async () => {
        await w.save(el);
        await waitFor(page, 'the charges are put to the user', question);
        expect(textOf(question()!)).to.contain(f.saveReads!);
        return question()!;
      };
      await press(await asked(), 'Cancel', el);
      const declined = row.reads?.['402'] ?? CHARGES_DECLINED;
      await waitFor(page, `the user reads "${declined}"`, () => textOf(page).includes(declined));
      expect(w.kept(el), 'the change is kept').to.equal(true);
      await press(await asked(), 'Accept and save', el);
      await saved('saved, the charges accepted');
      const path = new RegExp(`^/v2${request.path.replace(/\*/g, '[^/]+')}$`);
      const sent = fx.requestsTo(request.method, path).at(-1)!.body as { accept_charges?: boolean };
      expect(sent.accept_charges, 'sent with the charges accepted').to.equal(true);
      return;
    }
    default: {
      await w.save(el);
      const words = f.words!;
      const said = () => textOf(page).includes(lead) && textOf(page).includes(words);
      await waitFor(page, `the user reads "${lead} ${words}"`, said);
      expect(w.kept(el), 'the change is kept').to.equal(true);
      fx.emulator.faults.clear();
      expect(await stored(), 'nothing was stored').to.equal(false);
      await w.save(el);
      return saved();
    }
  }
}

/** Records what reaches `window` while it runs: uncaught errors and unhandled rejections. */
function watchWindow() {
  const escaped: string[] = [];
  const onError = (e: ErrorEvent) => escaped.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    escaped.push(`unhandled rejection: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`);
  window.addEventListener('error', onError, true);
  window.addEventListener('unhandledrejection', onRejection, true);
  return {
    escaped,
    stop() {
      window.removeEventListener('error', onError, true);
      window.removeEventListener('unhandledrejection', onRejection, true);
    },
  };
}

async function runCell(subject: Subject, faultId: FaultId, start: EmulatorOptions | undefined): Promise<void> {
  const watch = watchWindow();
  try {
    subject.beforeCell?.();
    const fx = await startEmulator(start);
    const cell: Cell = {
      fx,
      id: subject.account(fx),
      api: fx.makeApi({
        onChargesRequired: undefined,
        timeoutMs: faultId === 'timeout' ? TIMEOUT_MS : undefined,
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const meanwhile = cell.meanwhile;
          if (res.status === 409 && meanwhile) {
            cell.meanwhile = undefined;
            await meanwhile();
          }
          return res;
        },
      }),
    };
    const f = fault(faultId);
    const { read, save } = plan(subject.row, f);
    let m = read && (await readSide(subject, f, read, cell));
    if (save) {
      fx.emulator.faults.clear();
      if (!m) {
        // A new page: a fault of writes only, or after a forbidden read.
        document.querySelector('account-provider')?.remove();
        m = await open(subject, cell);
        const { page, el } = m;
        await waitFor(page, 'it loads', () => subject.loaded(el));
      }
      await writeSide(subject, f, save, cell, m);
    }
    // A late failure has a moment to surface.
    await new Promise((r) => setTimeout(r, 50));
    expect(watch.escaped, 'nothing escapes to window').to.deep.equal([]);
  } finally {
    watch.stop();
  }
}

// ---- the matrix

for (const row of ELEMENTS) {
  const subject: Subject = { row, ...SUBJECTS[row.tag]! };
  describe(`fault matrix: <${row.tag}>`, () => {
    let start: EmulatorOptions | undefined;
    before(async () => {
      if (subject.prepare) start = await preparedEmulator(subject.prepare);
    });
    for (const f of FAULTS) it(f.id, () => runCell(subject, f.id, start));
  });
}

/**
 * The submit plan: create the account, then its admins, plans, limits, carriers, credit and apps in parallel (the
 * order of Monster's wizard, which writes the `no_match` callflow after the account). A task that fails keeps its
 * error and can run again alone; what succeeded is never done twice, and an account whose creation reply was lost
 * is found again by its realm rather than created a second time.
 */
import type { ReactiveControllerHost } from 'lit';
import { AccountApiError, toAccountApiError } from '../../src/api/errors.js';
import type { CallOptions } from '../../src/api/api.js';
import type { Account, AccountInput, Charges } from '../../src/api/model.js';
import type { AccountStore } from '../../src/data/store.js';
import { accountInput, adminInput, limitsChanges } from './payload.js';
import type { WizardDefaults, WizardRules, WizardValues } from './values.js';
import { parseCredit } from './wizard.js';

/** A step that failed after the account was created. */
export interface AccountCreateFailure {
  step: 'admin' | 'plans' | 'limits' | 'carrier' | 'credit' | 'apps';
  /** The step in words, e.g. "Admin jane@acme.example" or "Limits". */
  name: string;
  /** What went wrong, in words: "Admin jane@acme.example: e-mail already used". */
  message: string;
  error: AccountApiError;
}

export type TaskKind = AccountCreateFailure['step'];

export interface Task {
  kind: TaskKind;
  adminKey?: number;
  status: 'pending' | 'running' | 'done' | 'failed';
  error?: AccountApiError;
}

/** Editing, creating, some tasks failed after the account exists, or finished. */
export type Phase = 'editing' | 'submitting' | 'partial' | 'done';

/** What a run reads, taken fresh for each run (a failed admin's e-mail may have been fixed since). */
export interface SubmitJob {
  store: AccountStore;
  parentId: string;
  values: WizardValues;
  defaults: WizardDefaults;
  rules: WizardRules;
}

/** What the wizard does around a run. */
export interface SubmitHooks {
  /** What to send, read now; `undefined` while the wizard is not ready. */
  job(): SubmitJob | undefined;
  /** Checks every step before the account is created (and shows the first problem). */
  validateAll(): Promise<boolean>;
  /** Checks a failed admin's e-mail before that admin is tried again. */
  checkEmail(adminKey: number): boolean;
  /** The account was refused (`accountError`): show the fields the server named. */
  refused(job: SubmitJob): Promise<void>;
  /** Some tasks failed after the account was created. */
  partial(failed: Task[]): void;
  /** Everything succeeded. */
  done(): void;
  /** A task has charges (a 402): put them to the user; resolves whether they accept. */
  askCharges(charges: Charges | undefined): Promise<boolean>;
}

/** Failures after which the server may still have done the work. */
const AMBIGUOUS = new Set(['network', 'timeout', 'server']);

/** The account a lost answer created, found by its realm (unique) under this parent with this name. */
async function findCreated(store: AccountStore, parentId: string, input: AccountInput): Promise<Account | undefined> {
  if (!input.realm) return undefined;
  const page = await store.searchAccounts(input.realm, { pageSize: 20, force: true });
  const hit = page.items.find((a) => a.realm?.toLowerCase() === input.realm && a.name === input.name);
  if (!hit) return undefined;
  const ancestors = await store.getAncestors(hit.id, { force: true });
  if (ancestors[ancestors.length - 1]?.id !== parentId) return undefined;
  return store.getAccount(hit.id, { force: true });
}

/** The tasks after the account: one per admin, what the user chose that differs from nothing, and the carriers. */
function plannedTasks({ values: v, defaults: d, rules }: SubmitJob): Task[] {
  const tasks: Task[] = v.admins.map((a) => ({ kind: 'admin', adminKey: a.key, status: 'pending' }));
  const add = (kind: TaskKind) => tasks.push({ kind, status: 'pending' });
  if (v.plans.length && d.plans?.length) add('plans');
  if (rules.canSetLimits) add('limits');
  add('carrier');
  const credit = parseCredit(v.credit, rules.locale);
  if (rules.canCredit && credit && credit.units > 0) add('credit');
  if (v.apps.mode === 'only' && d.apps) add('apps');
  return tasks;
}

async function perform(
  id: string,
  task: Task,
  { store, values: v, rules }: SubmitJob,
  options: CallOptions = {},
): Promise<void> {
  switch (task.kind) {
    case 'admin': {
      const admin = v.admins.find((a) => a.key === task.adminKey);
      if (admin) await store.createUser(id, adminInput(admin), options);
      return;
    }
    case 'plans':
      await store.setAccountServicePlans(id, v.plans, options);
      return;
    case 'limits': {
      // Written only where the choice differs from what the platform gave the new account.
      const changes = limitsChanges(v.limits, await store.getLimits(id, { force: true }));
      if (changes) await store.updateLimits(id, changes, options);
      return;
    }
    case 'carrier':
      // Finds the new account's no_match callflow first: a retry after a lost reply updates it, never adds one.
      await store.setCarrierStrategy(id, v.carrier, options);
      return;
    case 'credit':
      await store.adjustBalance(id, { amount: parseCredit(v.credit, rules.locale)!, direction: 'credit' });
      return;
    case 'apps':
      await store.setEnabledApps(id, v.apps.enabled);
      return;
  }
}

/** The submission's state and its runs, one at a time. */
export class SubmitController {
  phase: Phase = 'editing';
  created?: Account;
  tasks: Task[] = [];
  /** Why the last attempt to create the account failed. */
  accountError?: AccountApiError;
  /** The tasks left failed when the user finished. */
  failures: AccountCreateFailure[] = [];

  private readonly host: ReactiveControllerHost;
  private readonly hooks: SubmitHooks;
  private inflight?: Promise<boolean>;
  private asking: Promise<unknown> = Promise.resolve();

  constructor(host: ReactiveControllerHost, hooks: SubmitHooks) {
    this.host = host;
    this.hooks = hooks;
  }

  /** A run is on its way. */
  get busy(): boolean {
    return !!this.inflight;
  }

  get failed(): Task[] {
    return this.tasks.filter((t) => t.status === 'failed');
  }

  reset(): void {
    this.phase = 'editing';
    this.created = this.accountError = undefined;
    this.tasks = [];
    this.failures = [];
    this.host.requestUpdate();
  }

  /**
   * Checks every step and creates the account, then everything else; after a partial failure, runs the failed
   * tasks again. Resolves `true` once everything succeeded. While a run is on its way, its promise.
   */
  submit(): Promise<boolean> {
    return this.exclusive(() => (this.phase === 'partial' ? this.retry(this.failed) : this.run()));
  }

  /** Runs one failed task again, alone. */
  retryTask(task: Task): void {
    if (this.phase !== 'partial' || task.status !== 'failed' || this.busy) return;
    void this.exclusive(() => this.retry([task]));
  }

  private exclusive(run: () => Promise<boolean>): Promise<boolean> {
    this.inflight ??= run().finally(() => {
      this.inflight = undefined;
      this.host.requestUpdate();
    });
    return this.inflight;
  }

  private async run(): Promise<boolean> {
    if (this.phase !== 'editing' || !(await this.hooks.validateAll())) return false;
    const job = this.hooks.job();
    if (!job) return false;
    const result = await this.create(job);
    if (result === 'refused') await this.hooks.refused(job);
    else this.settle(result === 'done');
    return result === 'done';
  }

  private async retry(list: Task[]): Promise<boolean> {
    if (list.some((t) => t.kind === 'admin' && !this.hooks.checkEmail(t.adminKey!))) return false;
    const job = this.hooks.job();
    return !!job && this.settle(await this.runTasks(list, job));
  }

  private settle(done: boolean): boolean {
    if (done) this.hooks.done();
    else this.hooks.partial(this.failed);
    return done;
  }

  /**
   * Creates the account, then runs every task. Resolves `'refused'` when the account was not created (see
   * `accountError`), else whether every task succeeded.
   */
  private async create(job: SubmitJob): Promise<'refused' | 'done' | 'partial'> {
    const input = accountInput(job.values);
    const unsure = this.accountError && AMBIGUOUS.has(this.accountError.kind);
    this.phase = 'submitting';
    this.accountError = undefined;
    this.host.requestUpdate();
    try {
      // The last attempt may have reached the server before the answer was lost: never create it twice.
      const found = (unsure && (await findCreated(job.store, job.parentId, input))) || undefined;
      this.created = found && job.store.adoptCreated(job.parentId, found);
      this.created ??= await this.withCharges((o) => job.store.createAccount(job.parentId, input, o));
    } catch (e) {
      this.accountError = toAccountApiError(e);
      this.phase = 'editing';
      this.host.requestUpdate();
      return 'refused';
    }
    this.tasks = plannedTasks(job);
    return (await this.runTasks(this.tasks, job)) ? 'done' : 'partial';
  }

  /** Runs tasks in parallel; resolves whether every task is now done. */
  private async runTasks(list: Task[], job: SubmitJob): Promise<boolean> {
    this.phase = 'submitting';
    this.host.requestUpdate();
    await Promise.all(list.map((t) => this.runTask(t, job)));
    const done = this.tasks.every((t) => t.status === 'done');
    if (!done) this.phase = 'partial';
    this.host.requestUpdate();
    return done;
  }

  private async runTask(task: Task, job: SubmitJob): Promise<void> {
    const id = this.created?.id;
    if (!id || task.status === 'done' || task.status === 'running') return;
    task.status = 'running';
    task.error = undefined;
    this.tasks = [...this.tasks];
    this.host.requestUpdate();
    try {
      await this.withCharges((o) => perform(id, task, job, o));
      task.status = 'done';
    } catch (e) {
      task.status = 'failed';
      task.error = toAccountApiError(e);
    }
    this.tasks = [...this.tasks];
    this.host.requestUpdate();
  }

  /** Runs `run`; after a 402 its charges are put to the user and, once accepted, it runs again with them. */
  private async withCharges<T>(run: (options?: CallOptions) => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      const err = toAccountApiError(e);
      const charges = err.details as Charges | undefined;
      if (err.kind !== 'charges-required' || charges?.declined) throw err;
      // One question at a time, even with several tasks on their way.
      const accepted = this.asking.then(() => this.hooks.askCharges(charges));
      this.asking = accepted.catch(() => false);
      if (!(await accepted))
        throw new AccountApiError({
          ...err,
          kind: 'charges-required',
          message: err.message,
          details: { ...charges, declined: true },
        });
      return run({ acceptCharges: true });
    }
  }

  /** Ends the submission; what is not done is listed, in words, as failures. */
  finish(describe: (t: Task) => { name: string; message: string }): AccountCreateFailure[] {
    this.failures = this.tasks
      .filter((t) => t.status !== 'done')
      .map((t) => ({
        step: t.kind,
        ...describe(t),
        error: t.error ?? new AccountApiError({ kind: 'aborted', message: 'Not done.' }),
      }));
    this.phase = 'done';
    this.host.requestUpdate();
    return this.failures;
  }
}

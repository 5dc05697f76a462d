import type { ReactiveControllerHost } from 'lit';
import { problemMessage, type FieldHost, type FieldSpec } from '../../src/base/fields.js';
import type { LocalizeController } from '../../src/base/localize-controller.js';
import { generatePassword } from '../../src/base/random.js';
import type { CreateKey } from './locales/en-US.js';
import type { Phase } from './submit.js';
import {
  adminPrefix,
  checkGeneral,
  newAdmin,
  stepOf,
  valueAt,
  withValue,
  type Problems,
  type StepId,
  type WizardRules,
  type WizardValues,
} from './values.js';
import type { validateStep } from './wizard.js';

/** The checks of every step (`validateStep`), loaded with the steps after the first. */
export type StepChecks = typeof validateStep;

/** A failed admin's e-mail: the one field that can change once the account exists. */
const FIXABLE = /^admins\.\d+\.email$/;

export interface WizardFormOptions {
  l: LocalizeController<CreateKey>;
  phase(): Phase;
  rules(): WizardRules;
  /** Whether the server already has an account with this realm (asked before leaving the first step). */
  realmTaken(realm: string): Promise<boolean>;
  /** The checks of the other steps, loaded on first use. */
  checks(): Promise<StepChecks>;
  /** A field changed by the user. */
  changed?(path: string): void;
}

/**
 * The wizard's values as a field host: every field reads and writes them by dotted path (`admins.<key>.email`
 * names an admin by its stable key) and shows the problem found for its path, in words.
 */
export class WizardForm implements FieldHost {
  values?: WizardValues;
  problems: Problems = {};
  private initial = '';
  /** The last admin key given (keys are never reused in one wizard). */
  private keys = 0;
  private readonly specs = new Map<string, FieldSpec>();
  private readonly host: ReactiveControllerHost;
  private readonly o: WizardFormOptions;

  constructor(host: ReactiveControllerHost, options: WizardFormOptions) {
    this.host = host;
    this.o = options;
  }

  /** Anything entered since the start. */
  get dirty(): boolean {
    return !!this.values && JSON.stringify(this.values) !== this.initial;
  }

  /** Fields are locked while the account is being created and once it is done. */
  get readOnly(): boolean {
    const phase = this.o.phase();
    return phase === 'submitting' || phase === 'done';
  }

  /** Starts from `values`: nothing is entered yet, nothing is wrong. */
  start(values: WizardValues): void {
    this.values = values;
    this.initial = JSON.stringify(values);
    this.problems = {};
    this.keys = Math.max(this.keys, ...values.admins.map((a) => a.key));
    this.host.requestUpdate();
  }

  /** A blank admin with a generated password. */
  newAdmin(passwordLength: number) {
    return newAdmin(++this.keys, generatePassword(passwordLength));
  }

  /** Adds a blank admin row; returns its key. */
  addAdmin(passwordLength: number): number | undefined {
    if (!this.values || this.readOnly) return undefined;
    const admin = this.newAdmin(passwordLength);
    this.values = { ...this.values, admins: [...this.values.admins, admin] };
    this.host.requestUpdate();
    return admin.key;
  }

  removeAdmin(key: number): void {
    if (!this.values || this.readOnly) return;
    this.values = { ...this.values, admins: this.values.admins.filter((a) => a.key !== key) };
    this.drop(adminPrefix(key));
  }

  /**
   * Checks one step and shows what it found, in place of its earlier problems; `true` when it found none. A step
   * whose checks could not be loaded is not passed (it shows that with Retry).
   */
  async check(step: StepId): Promise<boolean> {
    const v = this.values;
    if (!v) return false;
    let found: Problems;
    if (step === 'general') {
      found = checkGeneral(v, this.o.rules());
      if (!found.realm && v.realm.trim() && (await this.o.realmTaken(v.realm))) found.realm = { code: 'taken' };
    } else {
      try {
        found = (await this.o.checks())(step, v, this.o.rules());
      } catch {
        return false;
      }
    }
    const kept = Object.entries(this.problems).filter(([p]) => stepOf(p) !== step);
    this.problems = { ...Object.fromEntries(kept), ...found };
    this.host.requestUpdate();
    return Object.keys(found).length === 0;
  }

  /** Checks a failed admin's e-mail before it is sent again. */
  checkAdminEmail(key: number, checks: StepChecks): boolean {
    const path = `${adminPrefix(key)}email`;
    const problem = this.values && checks('admins', this.values, this.o.rules())[path];
    if (problem) this.add({ [path]: problem });
    return !problem;
  }

  /** Adds problems (from the server). */
  add(found: Problems): void {
    this.problems = { ...this.problems, ...found };
    this.host.requestUpdate();
  }

  /** Forgets the problems of paths starting with `prefix` (a removed admin). */
  drop(prefix: string): void {
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([p]) => !p.startsWith(prefix)));
    this.host.requestUpdate();
  }

  fieldValue(path: string): unknown {
    return this.values && valueAt(this.values, path);
  }

  setField(path: string, value: unknown): void {
    const v = this.values;
    const phase = this.o.phase();
    if (!v || (phase !== 'editing' && !(phase === 'partial' && FIXABLE.test(path)))) return;
    // Fields report an emptied text as undefined; the wizard keeps text as text.
    const text = value === undefined && typeof valueAt(v, path) === 'string';
    this.values = withValue(v, path, text ? '' : value);
    if (path in this.problems) {
      const { [path]: _gone, ...rest } = this.problems;
      this.problems = rest;
    }
    this.host.requestUpdate();
    this.o.changed?.(path);
  }

  fieldError(path: string): string | undefined {
    const p = this.problems[path];
    if (p === undefined) return undefined;
    const l = this.o.l;
    return typeof p === 'string' ? l.t(p) : problemMessage(l as never, path, p, this.specs.get(path));
  }

  /** A new account has nothing saved to differ from. */
  fieldChanged(): boolean {
    return false;
  }

  registerField(path: string, spec: FieldSpec): void {
    this.specs.set(path, spec);
  }

  fieldText(key: 'increase' | 'decrease' | 'changedField', params: Record<string, unknown>): string {
    return this.o.l.t(key, params);
  }

  fieldTextLang(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined {
    return this.o.l.fallbackOf(text);
  }
}

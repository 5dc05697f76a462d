import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountApiError } from '../../src/api/errors.js';
import type { User, UserChanges } from '../../src/api/model.js';
import { checkFields, rules, type FieldProblem } from '../../src/api/rules.js';
import { problemMessage, type FieldHost, type FieldSpec } from '../../src/base/fields.js';
import type { LocalizeController } from '../../src/base/localize-controller.js';
import type { AdminsMessages } from './locales/en-US.js';

export type AdminMode = 'add' | 'edit' | 'reset' | 'promote';

export interface AdminValues {
  firstName?: string;
  lastName?: string;
  email?: string;
  password: string;
  sendEmail?: boolean;
}

/** A user's sign-in address: the e-mail, else the user name it was made from. */
export const addressOf = (u: User): string => u.email ?? u.username ?? '';

/**
 * The add / edit / reset / promote dialog's values as a field host: the shared field helpers read and write
 * them by path and show each problem (a rule's, or the server's code) in words. Closed while `mode` is unset.
 */
export class AdminForm implements FieldHost, ReactiveController {
  mode?: AdminMode;
  /** The administrator edited or given a password. */
  user?: User;
  values: AdminValues = { password: '' };
  /** The password shown came from the generator (it is shown once after saving). */
  generated = true;
  /** The promote dialog's search and the user picked. */
  query = '';
  pick?: string;
  problems: Record<string, FieldProblem | string> = {};
  /** What failed that no field shown can tell. */
  error?: AccountApiError;
  readonly readOnly = false;
  private readonly specs = new Map<string, FieldSpec>();
  private readonly host: ReactiveControllerHost;
  private readonly l: LocalizeController<keyof AdminsMessages>;

  constructor(host: ReactiveControllerHost, l: LocalizeController<keyof AdminsMessages>) {
    this.host = host;
    this.l = l;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the dialog on `user` (none for add and promote), with a generated password. */
  start(mode: AdminMode, user: User | undefined, password: string): void {
    [this.mode, this.user, this.generated, this.query] = [mode, user, true, ''];
    this.pick = this.error = undefined;
    this.problems = {};
    this.values = { firstName: user?.firstName, lastName: user?.lastName, email: user && addressOf(user), password };
    this.specs.clear();
    this.host.requestUpdate();
  }

  close(): void {
    this.mode = this.user = this.error = undefined;
    this.problems = {};
    this.host.requestUpdate();
  }

  /** Changes the form; a changed path's problem goes. */
  update(changes: Partial<Pick<AdminForm, 'values' | 'generated' | 'query' | 'pick'>>, path?: string): void {
    Object.assign(this, changes);
    if (path && path in this.problems) {
      const { [path]: _, ...rest } = this.problems;
      this.problems = rest;
    }
    this.host.requestUpdate();
  }

  /** Add and reset set a password; an edit does when the e-mail changes, as the sign-in hash covers it. */
  get needsPassword(): boolean {
    if (this.mode !== 'edit') return this.mode === 'add' || this.mode === 'reset';
    return (this.values.email ?? '').trim().toLowerCase() !== addressOf(this.user!).toLowerCase();
  }

  /** Checks the fields shown; `true` when nothing is wrong. */
  check(): boolean {
    const v = this.values;
    const person = this.mode === 'add' || this.mode === 'edit';
    const found: Record<string, FieldProblem | string> = person
      ? checkFields({
          firstName: ['personName', v.firstName],
          lastName: ['personName', v.lastName],
          email: ['email', v.email],
        })
      : {};
    // The e-mail is the sign-in name: an administrator cannot go without one.
    if (person && !v.email?.trim()) found.email = { code: 'required' };
    const password = this.needsPassword && rules.password(v.password);
    if (password) found.password = password;
    if (this.mode === 'promote' && !this.pick) found.pick = this.l.t('pickUser');
    this.problems = found;
    this.error = undefined;
    this.host.requestUpdate();
    return Object.keys(found).length === 0;
  }

  /** What differs from the user (everything for a new one), in the order the event lists the fields. */
  changes(): UserChanges {
    const v = this.values;
    const u = this.user;
    if (this.mode === 'promote') return { privLevel: 'admin' };
    if (this.mode === 'reset') return { password: v.password };
    const changes: UserChanges = {};
    const [firstName, lastName, email] = [v.firstName, v.lastName, v.email].map((s) => (s ?? '').trim());
    if (!u || firstName !== u.firstName) changes.firstName = firstName;
    if (!u || lastName !== u.lastName) changes.lastName = lastName;
    if (!u || email !== (u.email ?? '')) changes.email = email;
    if (this.needsPassword) changes.password = v.password;
    return changes;
  }

  /** The server's refusal: its field codes on the fields shown, anything else as the form's error. */
  refused(err: AccountApiError): void {
    const found: Record<string, FieldProblem> = {};
    let elsewhere = err.kind !== 'validation';
    for (const [field, code] of Object.entries(err.fieldCodes ?? {})) {
      const limit = err.fieldLimits?.[field];
      if (this.specs.has(field)) found[field] = limit === undefined ? { code } : { code, limit };
      else elsewhere = true;
    }
    this.problems = found;
    this.error = elsewhere || !Object.keys(found).length ? err : undefined;
    this.host.requestUpdate();
  }

  fieldValue(path: string): unknown {
    return (this.values as unknown as Record<string, unknown>)[path];
  }

  setField(path: string, value: unknown): void {
    if (this.mode) this.update({ values: { ...this.values, [path]: value } }, path);
  }

  fieldError(path: string): string | undefined {
    const p = this.problems[path];
    return typeof p === 'object' ? problemMessage(this.l as never, path, p, this.specs.get(path)) : p;
  }

  /** The dialog shows no dirty marks: it is saved or dropped as a whole. */
  fieldChanged(): boolean {
    return false;
  }

  registerField(path: string, spec: FieldSpec): void {
    this.specs.set(path, spec);
  }

  fieldText(key: 'increase' | 'decrease' | 'changedField', params: Record<string, unknown>): string {
    return this.l.t(key, params);
  }

  fieldTextLang(text: string): { lang: string; dir?: 'ltr' | 'rtl' } | undefined {
    return this.l.fallbackOf(text);
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountApiError } from '../api/errors.js';
import { toAccountApiError } from '../api/errors.js';
import { diff, getPath, merge, sameValue, setPath, type Conflict } from './merge.js';

export type { Conflict } from './merge.js';

/** Where a draft stands: untouched, being saved, just saved, failed, or waiting for the user to pick values. */
export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

export interface DraftSaveContext<T> {
  /** The changed fields from `base` as a nested partial (a cleared field is `null`). */
  changes: Partial<T>;
  /** The changed fields as dotted paths. */
  paths: string[];
  /** The saved value the draft is based on (send `base.revision` as `expectedRevision`). */
  base: T;
}

/** An unsaved edit set aside, with the saved value it was based on. */
export interface DraftSnapshot<T> {
  base: T;
  draft: T;
}

export interface DraftOptions<T extends object> {
  /** The saved value (typically a ResourceController's `value`); the draft follows it while clean. */
  saved(): T | undefined;
  /**
   * Writes the draft; resolves with the new saved value. A rejection of kind `conflict` whose
   * `details.current` is the server's latest document is merged (see `DraftController`).
   */
  save(draft: T, context: DraftSaveContext<T>): Promise<T>;
  /** Paths never compared, always taken from the server (default `['id', 'revision']`). */
  ignore?: string[];
}

/**
 * A form's draft against its saved value. `dirty` tells unsaved edits; `save()` runs one save at a time
 * (a second call gets the same promise), keeps the draft on any failure and maps the server's
 * `fieldErrors` to fields; the page asks before unloading while dirty.
 *
 * Conflicts lose nothing: when the saved value changes under an edit (another widget's save) or a save is
 * rejected as `conflict`, the other side's changes merge into the draft; a field changed on both sides keeps
 * the user's value and is listed in `conflicts` until `resolve(field, 'mine' | 'theirs')`. A rejected save
 * with no clash is sent again once, on the new revision.
 */
export class DraftController<T extends object> implements ReactiveController {
  /** The value being edited. */
  draft: T | undefined;
  /** The saved value the draft is based on. */
  base: T | undefined;
  saving = false;
  /** The last save's failure (cleared by the next save or `reset()`). */
  error: AccountApiError | undefined;
  /** Server messages by field path. */
  fieldErrors: Record<string, string[]> = {};
  /** Fields changed on both sides, waiting for `resolve()`. */
  conflicts: Conflict[] = [];
  /** The last save merged changes made elsewhere. */
  merged = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: DraftOptions<T>;
  private readonly ignore: string[];
  private seen: T | undefined;
  private inflight?: Promise<boolean>;
  private justSaved = false;
  private guarded = false;
  /** Bumped by `clear()`: a save that returns after it settles nothing. */
  private generation = 0;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T>) {
    this.host = host;
    this.options = options;
    this.ignore = options.ignore ?? ['id', 'revision'];
    host.addController(this);
  }

  /** Whether the draft differs from what is saved. */
  get dirty(): boolean {
    return this.changedPaths.length > 0;
  }

  /** The fields the draft changed, as dotted paths. */
  get changedPaths(): string[] {
    return this.draft && this.base ? diff(this.base, this.draft, this.ignore).paths : [];
  }

  /** Whether the draft's value at `path` differs from the saved one. */
  isChanged(path: string): boolean {
    return !sameValue(getPath(this.base, path) ?? '', getPath(this.draft, path) ?? '');
  }

  /**
   * Forgets the draft, its base and its failures (another account is shown): the next update starts from the
   * saved value again, and a save still on its way settles nothing when it returns.
   */
  clear(): void {
    this.generation++;
    this.draft = this.base = this.seen = undefined;
    this.conflicts = [];
    this.fieldErrors = {};
    this.error = undefined;
    this.merged = this.saving = this.justSaved = false;
    this.inflight = undefined;
    this.host.requestUpdate();
  }

  /** The unsaved edit with the saved value it was based on (to set aside), or nothing when clean. */
  snapshot(): DraftSnapshot<T> | undefined {
    if (!this.dirty || !this.base || !this.draft) return undefined;
    return { base: this.base, draft: structuredClone(this.draft) };
  }

  /**
   * Takes an edit set aside back: it is merged with the saved value as soon as that is known, a field changed
   * there meanwhile kept as a conflict.
   */
  restore(s: DraftSnapshot<T>): void {
    this.clear();
    this.base = s.base;
    this.draft = structuredClone(s.draft);
  }

  /** Makes `value` both the saved value and the draft (a form-mode value set by the host). */
  rebase(value: T): void {
    this.base = value;
    this.draft = structuredClone(value);
    this.seen = this.options.saved();
    this.host.requestUpdate();
  }

  get saveState(): SaveState {
    if (this.saving) return 'saving';
    if (this.conflicts.length) return 'conflict';
    if (this.error) return 'error';
    return this.justSaved ? 'saved' : 'idle';
  }

  hostUpdate(): void {
    const saved = this.options.saved();
    if (saved === this.seen) return;
    this.seen = saved;
    // A save on its way settles base and draft itself when it returns.
    if (!saved || this.saving) return;
    if (!this.base || !this.draft || !this.dirty) {
      this.base = saved;
      this.draft = structuredClone(saved);
      return;
    }
    // The saved value changed under an edit: keep the edit, take the rest.
    const m = merge(this.base, this.draft, saved, this.ignore);
    this.base = saved;
    this.draft = m.value;
    this.addConflicts(m.conflicts);
  }

  hostUpdated(): void {
    const dirty = this.dirty;
    if (dirty !== this.guarded) {
      this.guarded = dirty;
      guardUnload(this, dirty);
    }
  }

  hostDisconnected(): void {
    guardUnload(this, false);
    this.guarded = false;
  }

  /** The draft's value at a dotted path. */
  get(path: string): unknown {
    return getPath(this.draft, path);
  }

  /** Sets a field of the draft (a dotted path) and clears that field's server error. */
  set(path: string, value: unknown): void {
    if (!this.draft) return;
    this.draft = setPath(this.draft, path, value);
    if (this.fieldErrors[path]) {
      const { [path]: _gone, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
    this.justSaved = false;
    this.host.requestUpdate();
  }

  /** The first server message for a field. */
  fieldError(path: string): string | undefined {
    return this.fieldErrors[path]?.[0];
  }

  /** Drops the edits: the draft becomes the saved value again. */
  reset(): void {
    if (!this.base) return;
    this.draft = structuredClone(this.base);
    this.conflicts = [];
    this.fieldErrors = {};
    this.error = undefined;
    this.merged = false;
    this.host.requestUpdate();
  }

  /** Settles a conflict: keep my value, or take theirs. */
  resolve(field: string, choice: 'mine' | 'theirs'): void {
    const c = this.conflicts.find((x) => x.field === field);
    if (!c || !this.draft) return;
    if (choice === 'theirs') this.draft = setPath(this.draft, field, structuredClone(c.theirs));
    this.conflicts = this.conflicts.filter((x) => x !== c);
    this.host.requestUpdate();
  }

  /**
   * Saves the draft; resolves `true` when saved (or nothing to save), `false` on failure or while
   * conflicts wait. Never rejects. One save at a time: a call during a save returns the same promise.
   */
  save(): Promise<boolean> {
    if (this.inflight) return this.inflight;
    if (!this.draft || !this.base || this.conflicts.length) return Promise.resolve(false);
    if (!this.dirty) return Promise.resolve(true);
    this.merged = false;
    const p: Promise<boolean> = this.run(1).finally(() => {
      if (this.inflight === p) this.inflight = undefined;
    });
    this.inflight = p;
    return p;
  }

  private async run(retries: number): Promise<boolean> {
    const base = this.base!;
    const sent = structuredClone(this.draft!);
    const { changes, paths } = diff(base, sent, this.ignore);
    const generation = this.generation;
    this.saving = true;
    this.error = undefined;
    this.fieldErrors = {};
    this.justSaved = false;
    this.host.requestUpdate();
    try {
      const result = await this.options.save(sent, { changes, paths, base });
      if (generation !== this.generation) return false;
      // Edits made while the save was on its way stay in the draft.
      this.draft = merge(sent, this.draft!, result, this.ignore).value;
      this.base = this.seen = result;
      this.justSaved = true;
      return true;
    } catch (e) {
      if (generation !== this.generation) return false;
      const err = toAccountApiError(e);
      const current = (err.details as { current?: unknown } | undefined)?.current;
      if (err.kind === 'conflict' && typeof current === 'object' && current !== null) {
        const m = merge(base, this.draft!, current as T, this.ignore);
        this.base = current as T;
        this.draft = m.value;
        this.addConflicts(m.conflicts);
        if (!this.conflicts.length && retries > 0) {
          this.merged = true;
          return await this.run(retries - 1);
        }
      }
      this.error = err;
      this.fieldErrors = err.fieldErrors ?? {};
      return false;
    } finally {
      if (generation === this.generation) this.saving = false;
      this.host.requestUpdate();
    }
  }

  private addConflicts(found: Conflict[]): void {
    if (!found.length) return;
    const rest = this.conflicts.filter((c) => !found.some((f) => f.field === c.field));
    this.conflicts = [...rest, ...found.filter((f) => !sameValue(f.mine, f.theirs))];
  }
}

const guards = new Set<object>();
function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  // Older browsers only ask when returnValue is set.
  event.returnValue = '';
}

/** Whether leaving the page asks first: some unsaved work is held (on screen or set aside). */
export function unloadGuarded(): boolean {
  return guards.size > 0;
}

/**
 * While any owner holds unsaved work, leaving the page asks first (`beforeunload`). Every draft of the
 * library goes through this one guard.
 */
export function guardUnload(owner: object, on: boolean): void {
  const had = guards.size > 0;
  if (on) guards.add(owner);
  else guards.delete(owner);
  const has = guards.size > 0;
  if (has && !had) window.addEventListener('beforeunload', onBeforeUnload);
  else if (!has && had) window.removeEventListener('beforeunload', onBeforeUnload);
}

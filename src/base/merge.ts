/** A field changed on both sides to different values. `field` is a dotted path (`contacts.billing.email`). */
export interface Conflict {
  field: string;
  mine: unknown;
  theirs: unknown;
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Leaves of a document by dotted path; arrays and empty objects are leaves. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlain(value) && Object.keys(value).length) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The value at a dotted path. */
export function getPath(obj: unknown, path: string): unknown {
  let v = obj;
  for (const k of path.split('.')) v = isPlain(v) ? v[k] : undefined;
  return v;
}

/** A copy of `obj` with `path` set (copies only along the path; `undefined` deletes). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy: Plain = { ...(obj as Plain) };
  const next = rest.length ? setPath(isPlain(copy[head]) ? copy[head] : {}, rest.join('.'), value) : value;
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

function changedPaths(base: unknown, mine: unknown, ignore: readonly string[]): string[] {
  const all = [...new Set([...flatten(base).keys(), ...flatten(mine).keys()])];
  return all.filter((p) => {
    if (ignore.some((i) => p === i || p.startsWith(`${i}.`))) return false;
    const m = getPath(mine, p);
    // An object whose leaves are listed speaks through them.
    if (isPlain(m) && all.some((k) => k.startsWith(`${p}.`))) return false;
    // Below a field that is now a plain value, the old leaves are gone with it.
    const parts = p.split('.');
    for (let i = 1; i < parts.length; i++) {
      const v = getPath(mine, parts.slice(0, i).join('.'));
      if (v !== undefined && !isPlain(v)) return false;
    }
    return !sameValue(getPath(base, p), m);
  });
}

/**
 * The fields changed from `base` to `mine`, as dotted paths and as a nested partial
 * (a cleared field is `null`, as `AccountChanges` expects).
 */
export function diff<T>(base: T, mine: T, ignore: readonly string[] = []): { paths: string[]; changes: Partial<T> } {
  const paths = changedPaths(base, mine, ignore);
  let changes = {} as Partial<T>;
  for (const p of paths) changes = setPath(changes, p, getPath(mine, p) ?? null);
  return { paths, changes };
}

/**
 * Three-way merge: `theirs` plus every field `mine` changed from `base`. A field changed on both sides to
 * different values keeps `mine` and is listed as a conflict. `ignore` paths always come from `theirs`.
 */
export function merge<T>(
  base: T,
  mine: T,
  theirs: T,
  ignore: readonly string[] = [],
): { value: T; conflicts: Conflict[] } {
  let value = structuredClone(theirs);
  const conflicts: Conflict[] = [];
  for (const p of changedPaths(base, mine, ignore)) {
    const m = getPath(mine, p);
    const t = getPath(theirs, p);
    if (!sameValue(getPath(base, p), t) && !sameValue(m, t)) conflicts.push({ field: p, mine: m, theirs: t });
    value = setPath(value, p, structuredClone(m));
  }
  return { value, conflicts };
}

/**
 * Reply shapes checked by a few lines of code instead of a schema library. `safeParse` answers as zod's does
 * (the value, or every issue with its path and zod's message), so one reader takes either kind of schema.
 */

export interface Issue {
  code: 'invalid_type' | 'invalid_union';
  expected?: string;
  path: (string | number)[];
  message: string;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export interface Shape<T> {
  /** Adds what is wrong with `value`, found at `path`, to `issues`. */
  readonly check: (value: unknown, path: (string | number)[], issues: Issue[]) => void;
  /** The value itself when it fits (no copy is made), else its issues. */
  safeParse(value: unknown): ParseResult<T>;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type Optional<F extends Fields> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
type ObjectOf<F extends Fields> = { [K in Exclude<keyof F, Optional<F>>]: Infer<F[K]> } & {
  [K in Optional<F>]?: Infer<F[K]>;
} & { [key: string]: unknown };

function shape<T>(check: Shape<T>['check']): Shape<T> {
  return {
    check,
    safeParse(value) {
      const issues: Issue[] = [];
      check(value, [], issues);
      return issues.length ? { success: false, error: { issues } } : { success: true, data: value as T };
    },
  };
}

const typed = <T>(expected: string, fits: (value: unknown) => boolean): Shape<T> =>
  shape((value, path, issues) => {
    if (!fits(value)) issues.push({ code: 'invalid_type', expected, path, message: 'Invalid input' });
  });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string = typed<string>('string', (v) => typeof v === 'string');
export const number = typed<number>('number', (v) => typeof v === 'number' && Number.isFinite(v));
export const boolean = typed<boolean>('boolean', (v) => typeof v === 'boolean');
/** Any value; as an object's field, the key must be there. */
export const unknown = shape<unknown>(() => {});

/** `undefined` passes. */
export const optional = <T>(inner: Shape<T>): Shape<T | undefined> =>
  shape((value, path, issues) => {
    if (value !== undefined) inner.check(value, path, issues);
  });

/** `undefined` and `null` pass. */
export const nullish = <T>(inner: Shape<T>): Shape<T | null | undefined> =>
  shape((value, path, issues) => {
    if (value != null) inner.check(value, path, issues);
  });

/** One of the shapes fits. */
export const union = <S extends Shape<unknown>[]>(...options: S): Shape<Infer<S[number]>> =>
  shape((value, path, issues) => {
    if (!options.some((o) => o.safeParse(value).success)) {
      issues.push({ code: 'invalid_union', path, message: 'Invalid input' });
    }
  });

export const array = <T>(item: Shape<T>): Shape<T[]> =>
  shape((value, path, issues) => {
    if (!Array.isArray(value)) issues.push({ code: 'invalid_type', expected: 'array', path, message: 'Invalid input' });
    else value.forEach((x, i) => item.check(x, [...path, i], issues));
  });

/** An object whose every value fits `values` (keys are strings in JSON). */
export const record = <T>(values: Shape<T>): Shape<Record<string, T>> =>
  shape((value, path, issues) => {
    if (!isObject(value)) issues.push({ code: 'invalid_type', expected: 'record', path, message: 'Invalid input' });
    else for (const [k, v] of Object.entries(value)) values.check(v, [...path, k], issues);
  });

/** An object with at least these keys; keys not named here are kept and never an error. */
export const object = <F extends Fields>(fields: F): Shape<ObjectOf<F>> =>
  shape((value, path, issues) => {
    if (!isObject(value)) issues.push({ code: 'invalid_type', expected: 'object', path, message: 'Invalid input' });
    else
      for (const [k, s] of Object.entries(fields)) {
        if (s === unknown && !(k in value)) {
          issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [...path, k], message: 'Invalid input' });
        } else s.check(value[k], [...path, k], issues);
      }
  });

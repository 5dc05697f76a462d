// A small JSON-schema draft-04 validator reporting failures the way Crossbar does (kz_json_schema):
// one dotted key per failing field, mapping each failed rule to {message, target?, value?}.
import { schemas as bundled } from './schemas/bundle.js';
import type { JsonSchema } from './json-schema.js';

export type { JsonSchema } from './json-schema.js';

/** One failed rule: Crossbar's `{message, target?, value?}` (plus `cause` for `unique`). */
export interface RuleFailure {
  message: string;
  target?: unknown;
  value?: unknown;
  cause?: unknown;
}

/** Crossbar's 400 `data`: `{"field.sub": {"rule": {...}}}`. */
export type ValidationErrors = Record<string, Record<string, RuleFailure>>;

const POSIX: Record<string, string> = {
  alnum: 'A-Za-z0-9',
  alpha: 'A-Za-z',
  digit: '0-9',
  xdigit: '0-9A-Fa-f',
  lower: 'a-z',
  upper: 'A-Z',
  space: ' \\t\\r\\n\\v\\f',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const regexCache = new Map<string, RegExp>();

/** Compile an Erlang (PCRE) pattern: POSIX classes such as `[:alnum:]` become JavaScript ranges. */
export function erlangRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    const source = pattern.replace(/\[:([a-z]+):\]/g, (whole, name: string) => POSIX[name] ?? whole);
    re = new RegExp(source);
    regexCache.set(pattern, re);
  }
  return re;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'any') return true;
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class Validator {
  constructor(private readonly registry: Record<string, JsonSchema> = bundled) {}

  schema(name: string): JsonSchema {
    const s = this.registry[name];
    if (!s) throw new Error(`unknown schema ${name}`);
    return s;
  }

  /** Validate `value` against the named schema; an empty object means valid. */
  validate(name: string, value: unknown): ValidationErrors {
    const errors: ValidationErrors = {};
    this.check(this.schema(name), value, [], errors);
    return errors;
  }

  private add(errors: ValidationErrors, path: string[], rule: string, failure: RuleFailure): void {
    const key = path.join('.');
    (errors[key] ??= {})[rule] = failure;
  }

  private check(schema: JsonSchema, value: unknown, path: string[], errors: ValidationErrors): void {
    if (schema.$ref !== undefined) {
      this.check(this.schema(schema.$ref.replace(/\.json$/, '').replace(/^#?\/?/, '')), value, path, errors);
      // Draft-04 ignores siblings of $ref, but Kazoo's jesse does not; keep checking the rest.
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (!types.some((t) => matchesType(value, t))) {
        this.add(errors, path, 'type', {
          message: `Value did not match type(s): ${types.join(', ')}`,
          target: schema.type,
          value,
        });
        return;
      }
    }
    if (schema.enum !== undefined && !schema.enum.some((e) => deepEqual(e, value))) {
      this.add(errors, path, 'enum', {
        message: 'Value not found in enumerated list of values',
        target: schema.enum,
        value,
      });
    }
    if (typeof value === 'string') this.checkString(schema, value, path, errors);
    if (typeof value === 'number') this.checkNumber(schema, value, path, errors);
    if (Array.isArray(value)) this.checkArray(schema, value, path, errors);
    else if (typeof value === 'object' && value !== null) {
      this.checkObject(schema, value as Record<string, unknown>, path, errors);
    }
    this.checkCombinators(schema, value, path, errors);
  }

  private checkString(schema: JsonSchema, value: string, path: string[], errors: ValidationErrors): void {
    const len = schema.minLength !== undefined || schema.maxLength !== undefined ? codePoints(value) : 0;
    if (schema.minLength !== undefined && len < schema.minLength) {
      this.add(errors, path, 'minLength', {
        message: `String must be at least ${schema.minLength} characters`,
        target: schema.minLength,
        value,
      });
    }
    if (schema.maxLength !== undefined && len > schema.maxLength) {
      this.add(errors, path, 'maxLength', {
        message: `String must not be more than ${schema.maxLength} characters`,
        target: schema.maxLength,
        value,
      });
    }
    if (schema.pattern !== undefined && !erlangRegex(schema.pattern).test(value)) {
      this.add(errors, path, 'pattern', {
        message: `Failed to match pattern '${schema.pattern}'`,
        target: schema.pattern,
        value,
      });
    }
    if (schema.format === 'email' && !EMAIL.test(value)) {
      this.add(errors, path, 'format', { message: 'Value did not match expected format', target: 'email', value });
    }
  }

  private checkNumber(schema: JsonSchema, value: number, path: string[], errors: ValidationErrors): void {
    if (schema.minimum !== undefined) {
      const bad = schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum;
      if (bad) {
        this.add(errors, path, 'minimum', {
          message: `Value must be at least ${schema.minimum}`,
          target: schema.minimum,
          value,
        });
      }
    }
    if (schema.maximum !== undefined) {
      const bad = schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum;
      if (bad) {
        this.add(errors, path, 'maximum', {
          message: `Value must be at most ${schema.maximum}`,
          target: schema.maximum,
          value,
        });
      }
    }
  }

  private checkArray(schema: JsonSchema, value: unknown[], path: string[], errors: ValidationErrors): void {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      this.add(errors, path, 'minItems', {
        message: `The list must have at least ${schema.minItems} items`,
        target: schema.minItems,
        value,
      });
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      this.add(errors, path, 'maxItems', {
        message: `The list is more than ${schema.maxItems} items`,
        target: schema.maxItems,
        value,
      });
    }
    if (schema.uniqueItems && value.some((v, i) => value.findIndex((w) => deepEqual(v, w)) !== i)) {
      this.add(errors, path, 'uniqueItems', { message: 'List of items is not unique', value });
    }
    if (schema.items !== undefined) {
      value.forEach((item, i) => {
        const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
        if (itemSchema) this.check(itemSchema, item, [...path, String(i)], errors);
      });
    }
  }

  private checkObject(
    schema: JsonSchema,
    value: Record<string, unknown>,
    path: string[],
    errors: ValidationErrors,
  ): void {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined) {
        this.add(errors, [...path, key], 'required', { message: 'Field is required but missing' });
      }
    }
    const props = schema.properties ?? {};
    const patterns = Object.entries(schema.patternProperties ?? {});
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      let matched = false;
      const prop = props[key];
      if (prop) {
        matched = true;
        this.check(prop, child, [...path, key], errors);
      }
      for (const [pattern, sub] of patterns) {
        if (erlangRegex(pattern).test(key)) {
          matched = true;
          this.check(sub, child, [...path, key], errors);
        }
      }
      if (!matched) {
        if (schema.additionalProperties === false) {
          this.add(errors, [...path, key], 'additionalProperties', {
            message: 'Strict checking of data is enabled; only include schema-defined properties',
            value: child,
          });
        } else if (typeof schema.additionalProperties === 'object') {
          this.check(schema.additionalProperties, child, [...path, key], errors);
        }
      }
    }
  }

  private passes(schema: JsonSchema, value: unknown): boolean {
    const errors: ValidationErrors = {};
    this.check(schema, value, [], errors);
    return Object.keys(errors).length === 0;
  }

  private checkCombinators(schema: JsonSchema, value: unknown, path: string[], errors: ValidationErrors): void {
    if (schema.allOf) for (const s of schema.allOf) this.check(s, value, path, errors);
    if (schema.anyOf && !schema.anyOf.some((s) => this.passes(s, value))) {
      this.add(errors, path, 'anyOf', { message: 'Value did not match any of the schemas', value });
    }
    if (schema.oneOf && schema.oneOf.filter((s) => this.passes(s, value)).length !== 1) {
      this.add(errors, path, 'oneOf', { message: 'Value did not match exactly one schema', value });
    }
    if (schema.not && this.passes(schema.not, value)) {
      this.add(errors, path, 'not', { message: 'Value matched a schema it must not match', value });
    }
  }
}

/** Crypto-random strings for realms and passwords: unbiased (rejection sampling), never `Math.random`. */
import { MIN_PASSWORD_LENGTH } from '../api/rules.js';

export { MIN_PASSWORD_LENGTH };

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I). */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@_';

/** The characters a generated password is made of. */
export const PASSWORD_CHARSET = UPPER + LOWER + DIGITS + SYMBOLS;
/** The characters of the random part of a generated realm. */
export const REALM_CHARSET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const DEFAULT_PASSWORD_LENGTH = 16;

/** A uniformly distributed integer in [0, n). */
export function randomIndex(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError('randomIndex: bad range');
  // Values at or above the largest multiple of n would favour the low indexes: draw again.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(8);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    for (const v of buf) if (v < limit) return v % n;
  }
}

export function randomString(length: number, charset: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += charset[randomIndex(charset.length)];
  return out;
}

/** A password of `length` characters (at least 12) with upper and lower case letters, a digit and a symbol. */
export function generatePassword(length = DEFAULT_PASSWORD_LENGTH): string {
  const n = Math.max(MIN_PASSWORD_LENGTH, Math.floor(Number.isFinite(length) ? length : DEFAULT_PASSWORD_LENGTH));
  // Drawing again until every class is present keeps each accepted password equally likely.
  for (;;) {
    const p = randomString(n, PASSWORD_CHARSET);
    if ([UPPER, LOWER, DIGITS, SYMBOLS].every((set) => [...p].some((c) => set.includes(c)))) return p;
  }
}

/** `randomString(7).<suffix>`, lower case (Monster UI's `generateAccountRealm`, crypto-random). */
export function generateRealm(suffix: string): string {
  const s = suffix.trim().replace(/^\.+/, '');
  return `${randomString(7, REALM_CHARSET)}.${s}`.toLowerCase();
}

export type PasswordStrength = 'weak' | 'fair' | 'strong' | 'very-strong';

/** A rough estimate: length times the bits of the character classes used, less for repeats. */
export function passwordStrength(password: string): PasswordStrength {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(password)) pool += 33;
  const distinct = new Set(password).size;
  const bits = pool ? Math.min(password.length, distinct * 1.5) * Math.log2(pool) : 0;
  if (bits < 50) return 'weak';
  if (bits < 70) return 'fair';
  if (bits < 90) return 'strong';
  return 'very-strong';
}

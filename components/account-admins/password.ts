/** Password generation and a strength estimate for admin credentials. */

// No look-alikes (0/O, 1/l/I) so a password read aloud or copied by hand survives.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** A uniform random index below `n`, from the platform's CSPRNG (rejection sampling: no modulo bias). */
function randomIndex(n: number): number {
  const limit = Math.floor(0x100000000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

/** A crypto-random password of `length` characters (min 8) with at least one of each character class. */
export function generatePassword(length = 16): string {
  const n = Math.max(8, Math.floor(length));
  const classes = [UPPER, LOWER, DIGITS, SYMBOLS];
  const chars = classes.map((c) => c[randomIndex(c.length)]!);
  while (chars.length < n) chars.push(ALL[randomIndex(ALL.length)]!);
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export type Strength = 'too-short' | 'weak' | 'fair' | 'strong';

/** Minimum length accepted for a typed password. */
export const MIN_PASSWORD = 8;

/** A rough estimate from length and character variety (bits of a random string of that shape). */
export function passwordStrength(password: string): Strength {
  if (password.length < MIN_PASSWORD) return 'too-short';
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^a-zA-Z\d]/.test(password)) pool += 33;
  // Repeats and runs make it guessable whatever the pool.
  const distinct = new Set(password).size;
  const bits = Math.log2(Math.max(pool, 2)) * Math.min(password.length, distinct * 2);
  if (bits < 45) return 'weak';
  if (bits < 70) return 'fair';
  return 'strong';
}

// Where a listing sorted by name should start to show the rows a fraction of the way between two names.

/** The order of characters at the first level of a name collation: spaces and punctuation, digits, letters. */
const ALPHABET = ' 0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = ALPHABET.length;
/** Characters weighed after the common prefix: enough to tell apart the names of any level. */
const DIGITS = 8;

function digitsOf(name: string): number[] {
  const out: number[] = [];
  for (const ch of name.normalize('NFD').toLowerCase()) {
    if (ch >= '\u0300' && ch <= '\u036f') continue;
    const d = ALPHABET.indexOf(ch);
    // Punctuation sorts with spaces; letters outside a–z after z.
    out.push(d >= 0 ? d : /\p{L}/u.test(ch) ? BASE - 1 : 0);
  }
  return out;
}

/** Where `name` lies between `lo` and `hi`, as a fraction (0…1): the inverse of `nameBetween`. */
export function nameFraction(lo: string | undefined, hi: string | undefined, name: string): number {
  const a = lo === undefined ? [] : digitsOf(lo);
  const b = hi === undefined ? [] : digitsOf(hi);
  const n = digitsOf(name);
  let p = 0;
  if (hi !== undefined) while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const from = valueOf(a, p);
  const to = hi === undefined ? 1 : valueOf(b, p);
  return to > from ? Math.min(1, Math.max(0, (valueOf(n, p) - from) / (to - from))) : 0.5;
}

function valueOf(ds: number[], p: number): number {
  let v = 0;
  let scale = 1;
  for (let i = 0; i < DIGITS; i++) {
    scale /= BASE;
    v += (ds[p + i] ?? 0) * scale;
  }
  return v;
}

/**
 * A name a fraction `f` (0…1) of the way from `lo` to `hi` in a collation that ignores case and accents
 * (`undefined`: before every name / after every name). Interpolates the characters after the common prefix as
 * digits, so on names spread like words it lands near the row at that fraction of the rows between them.
 */
export function nameBetween(lo: string | undefined, hi: string | undefined, f: number): string {
  const a = lo === undefined ? [] : digitsOf(lo);
  const b = hi === undefined ? [] : digitsOf(hi);
  let p = 0;
  if (hi !== undefined) while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const from = valueOf(a, p);
  const to = hi === undefined ? 1 : valueOf(b, p);
  let v = from + Math.min(1, Math.max(0, f)) * (to - from);
  let out = a
    .slice(0, p)
    .map((d) => ALPHABET[d])
    .join('');
  for (let i = 0; i < DIGITS; i++) {
    v *= BASE;
    const d = Math.min(BASE - 1, Math.floor(v));
    v -= d;
    out += ALPHABET[d];
  }
  return out.trimEnd();
}

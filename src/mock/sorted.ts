// Sorted id arrays with binary search, standing in for CouchDB views keyed by (sort value, doc id).

// Punctuation in the order of the Unicode Collation Algorithm's root table (CouchDB collates with ICU).
const PUNCTUATION = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const PUNCT_RANK = new Map([...PUNCTUATION].map((c, i) => [c, String.fromCharCode(1 + i)]));
const LETTER_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };
const ASCII_WORDISH = /^[a-z0-9]*$/;
const ASCII = /^[\x20-\x7e]*$/;

/**
 * Sort key approximating CouchDB's ICU collation of a name: accents and case ignored first (primary level),
 * then the lower-cased text breaks ties. Keys compare by code units, so lookups are plain binary searches.
 */
export function collationKey(text: string): string {
  const primary = collationPrefix(text);
  return `${primary}\u0000${text.toLowerCase()}`;
}

/** The primary-level part of `collationKey`: what a prefix search matches against. */
export function collationPrefix(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_WORDISH.test(lower)) return lower;
  if (ASCII.test(lower)) return lower.replace(/[^a-z0-9]/g, (c) => PUNCT_RANK.get(c) ?? c);
  let out = '';
  for (const ch of lower.normalize('NFD')) {
    if (ch >= '\u0300' && ch <= '\u036f') continue; // combining accents
    out += PUNCT_RANK.get(ch) ?? LETTER_FOLDS[ch] ?? (/\s/.test(ch) ? PUNCT_RANK.get(' ')! : ch);
  }
  return out;
}

/** Compare (key, id) pairs: by key, then by id, both by UTF-16 code units. */
export function compareKeys(ka: string, ia: string, kb: string, ib: string): number {
  if (ka < kb) return -1;
  if (ka > kb) return 1;
  if (ia < ib) return -1;
  if (ia > ib) return 1;
  return 0;
}

/** A list of ids kept sorted by `keyOf(id)` then id. */
export class SortedIds {
  ids: string[] = [];

  constructor(private readonly keyOf: (id: string) => string) {}

  /** Index of the first entry not before (key, id). */
  lowerBound(key: string, id = ''): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mId = this.ids[mid]!;
      if (compareKeys(this.keyOf(mId), mId, key, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(id: string): void {
    this.ids.splice(this.lowerBound(this.keyOf(id), id), 0, id);
  }

  /** Remove `id`, which must still have the key it was inserted with. */
  remove(id: string, key = this.keyOf(id)): boolean {
    const i = this.lowerBound(key, id);
    if (this.ids[i] === id) {
      this.ids.splice(i, 1);
      return true;
    }
    const j = this.ids.indexOf(id);
    if (j >= 0) this.ids.splice(j, 1);
    return j >= 0;
  }

  /** Replace the contents and sort once (bulk load). */
  load(ids: string[]): void {
    const keyed = ids.map((id) => [this.keyOf(id), id] as const);
    keyed.sort((a, b) => compareKeys(a[0], a[1], b[0], b[1]));
    this.ids = keyed.map((k) => k[1]);
  }

  get size(): number {
    return this.ids.length;
  }
}

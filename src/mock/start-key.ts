// Crossbar's paging keys (api_util:encode_start_key / decode_start_key): the view key as Erlang's
// term_to_binary, in unpadded base64url (kz_base64url). JSON strings are Erlang binaries, arrays lists,
// objects kz_json's `{[{Key, Value}]}`, true/false/null atoms.

const VERSION = 131;
const NEW_FLOAT = 70;
const SMALL_INTEGER = 97;
const INTEGER = 98;
const ATOM = 100;
const SMALL_TUPLE = 104;
const LARGE_TUPLE = 105;
const NIL = 106;
const STRING = 107;
const LIST = 108;
const BINARY = 109;
const SMALL_BIG = 110;
const LARGE_BIG = 111;
const SMALL_ATOM = 115;
const ATOM_UTF8 = 118;
const SMALL_ATOM_UTF8 = 119;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

class Writer {
  private bytes: number[] = [];
  u8(n: number): void {
    this.bytes.push(n & 0xff);
  }
  u16(n: number): void {
    this.u8(n >>> 8);
    this.u8(n);
  }
  u32(n: number): void {
    this.u16(n >>> 16);
    this.u16(n & 0xffff);
  }
  raw(b: Uint8Array): void {
    for (const x of b) this.bytes.push(x);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function writeAtom(w: Writer, name: string): void {
  const b = utf8.encode(name);
  w.u8(SMALL_ATOM_UTF8);
  w.u8(b.length);
  w.raw(b);
}

function writeInteger(w: Writer, n: number): void {
  if (n >= 0 && n <= 255) {
    w.u8(SMALL_INTEGER);
    w.u8(n);
  } else if (n >= -0x80000000 && n <= 0x7fffffff) {
    w.u8(INTEGER);
    w.u32(n >>> 0);
  } else {
    let rest = BigInt(Math.abs(n));
    const digits: number[] = [];
    while (rest > 0n) {
      digits.push(Number(rest & 0xffn));
      rest >>= 8n;
    }
    w.u8(SMALL_BIG);
    w.u8(digits.length);
    w.u8(n < 0 ? 1 : 0);
    for (const d of digits) w.u8(d);
  }
}

function writeTerm(w: Writer, value: unknown): void {
  if (value === null || value === undefined) return writeAtom(w, 'null');
  if (value === true || value === false) return writeAtom(w, String(value));
  if (typeof value === 'string') {
    const b = utf8.encode(value);
    w.u8(BINARY);
    w.u32(b.length);
    w.raw(b);
    return;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return writeInteger(w, value);
    const f = new DataView(new ArrayBuffer(8));
    f.setFloat64(0, value);
    w.u8(NEW_FLOAT);
    w.raw(new Uint8Array(f.buffer));
    return;
  }
  if (Array.isArray(value)) {
    if (!value.length) return w.u8(NIL);
    // term_to_binary writes a short list of bytes as STRING_EXT.
    if (value.length < 0x10000 && value.every((x) => Number.isInteger(x) && x >= 0 && x <= 255)) {
      w.u8(STRING);
      w.u16(value.length);
      for (const x of value as number[]) w.u8(x);
      return;
    }
    w.u8(LIST);
    w.u32(value.length);
    for (const x of value) writeTerm(w, x);
    w.u8(NIL);
    return;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    w.u8(SMALL_TUPLE);
    w.u8(1);
    if (!entries.length) return w.u8(NIL);
    w.u8(LIST);
    w.u32(entries.length);
    for (const [k, v] of entries) {
      w.u8(SMALL_TUPLE);
      w.u8(2);
      writeTerm(w, k);
      writeTerm(w, v);
    }
    w.u8(NIL);
    return;
  }
  writeTerm(w, String(value));
}

class Reader {
  at = 0;
  constructor(private readonly b: Uint8Array) {}
  u8(): number {
    if (this.at >= this.b.length) throw new Error('truncated term');
    return this.b[this.at++]!;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  u32(): number {
    return ((this.u16() << 16) >>> 0) + this.u16();
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.b.length) throw new Error('truncated term');
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  get done(): boolean {
    return this.at === this.b.length;
  }
}

function atomValue(name: string): unknown {
  if (name === 'true') return true;
  if (name === 'false') return false;
  if (name === 'null' || name === 'undefined') return null;
  return name;
}

function readBig(r: Reader, n: number): number {
  const sign = r.u8();
  let v = 0n;
  const digits = r.take(n);
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(digits[i]!);
  return Number(sign ? -v : v);
}

function readList(r: Reader, n: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(readTerm(r));
  if (r.u8() !== NIL) throw new Error('improper list');
  return out;
}

function readTuple(r: Reader, arity: number): unknown {
  const items: unknown[] = [];
  for (let i = 0; i < arity; i++) items.push(readTerm(r));
  // kz_json's object: {[{Key, Value}, ...]}
  const props = items[0];
  if (
    arity === 1 &&
    Array.isArray(props) &&
    props.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')
  ) {
    return Object.fromEntries(props as [string, unknown][]);
  }
  return items;
}

function readTerm(r: Reader): unknown {
  const tag = r.u8();
  switch (tag) {
    case SMALL_INTEGER:
      return r.u8();
    case INTEGER:
      return r.u32() | 0;
    case NEW_FLOAT:
      return new DataView(r.take(8).slice().buffer).getFloat64(0);
    case ATOM:
    case ATOM_UTF8:
      return atomValue(fromUtf8.decode(r.take(r.u16())));
    case SMALL_ATOM:
    case SMALL_ATOM_UTF8:
      return atomValue(fromUtf8.decode(r.take(r.u8())));
    case SMALL_TUPLE:
      return readTuple(r, r.u8());
    case LARGE_TUPLE:
      return readTuple(r, r.u32());
    case NIL:
      return [];
    case STRING:
      return [...r.take(r.u16())];
    case LIST:
      return readList(r, r.u32());
    case BINARY:
      return fromUtf8.decode(r.take(r.u32()));
    case SMALL_BIG:
      return readBig(r, r.u8());
    case LARGE_BIG:
      return readBig(r, r.u32());
    default:
      throw new Error(`unsupported term tag ${tag}`);
  }
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) throw new Error('not base64url');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** A view key as Crossbar sends it in `start_key` / `next_start_key`. */
export function encodeStartKey(key: unknown): string {
  const w = new Writer();
  w.u8(VERSION);
  writeTerm(w, key);
  return base64url(w.done());
}

/** The view key inside a key Crossbar sent; `undefined` when `text` is not one (api_util:decode_start_key). */
export function decodeStartKey(text: string): { key: unknown } | undefined {
  try {
    const r = new Reader(fromBase64url(text));
    if (r.u8() !== VERSION) return undefined;
    const key = readTerm(r);
    return r.done ? { key } : undefined;
  } catch {
    return undefined;
  }
}

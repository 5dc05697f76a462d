// Medians, ranges and table formatting.

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** { median, min, max, n } over the numeric values (null when none). */
export function agg(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (!v.length) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const nf1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1234.5 → "1,235"; small values keep one decimal. */
export function num(x, digits) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (typeof x === 'boolean') return x ? 'yes' : 'no';
  if (digits === 1 || (digits === undefined && Math.abs(x) < 10 && !Number.isInteger(x))) return nf1.format(x);
  return nf.format(x);
}

/** "83 [83–89]" (range only when there is more than one run and it differs). */
export function fmtAgg(a, digits) {
  if (!a) return '–';
  if (a.n === 1 || a.min === a.max) return num(a.median, digits);
  return `${num(a.median, digits)} [${num(a.min, digits)}–${num(a.max, digits)}]`;
}

export const mib = (bytes) => (bytes === null || bytes === undefined ? null : bytes / 1048576);

/** A GitHub-style markdown table. */
export function table(headers, rows) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map((c) => String(c ?? '–')).join(' | ')} |`);
  return lines.join('\n');
}

const warned = new Set<string>();

/** `console.warn` once per `key` for the page's life: a host's bad value is reported, never thrown. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[account-manager-widgets] ${message}`);
}

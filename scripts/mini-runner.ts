/** A tiny sequential describe/it runner, for running exported suites outside a test framework. */
type Fn = () => void | Promise<void>;
interface Suite {
  name: string;
  before: Fn[];
  after: Fn[];
  tests: { name: string; fn: Fn }[];
  children: Suite[];
}
export interface Framework {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
  before: (fn: Fn) => void;
  after: (fn: Fn) => void;
}

export async function runSuite(register: (fw: Framework) => void) {
  const root: Suite = { name: '', before: [], after: [], tests: [], children: [] };
  let current = root;
  const fw: Framework = {
    describe(name, fn) {
      const s: Suite = { name, before: [], after: [], tests: [], children: [] };
      current.children.push(s);
      const prev = current;
      current = s;
      fn();
      current = prev;
    },
    it: (name, fn) => void current.tests.push({ name, fn }),
    before: (fn) => void current.before.push(fn),
    after: (fn) => void current.after.push(fn),
  };
  register(fw);
  const result = { passed: 0, failed: 0, failures: [] as string[] };
  const count = (s: Suite): number => s.tests.length + s.children.reduce((n, c) => n + count(c), 0);
  async function run(s: Suite, path: string) {
    const here = s.name ? (path ? `${path} › ${s.name}` : s.name) : path;
    try {
      for (const b of s.before) await b();
    } catch (e) {
      const n = count(s);
      result.failed += n;
      result.failures.push(`${here}: before hook failed (${n} tests): ${(e as Error).message}`);
      return;
    }
    for (const t of s.tests) {
      try {
        await t.fn();
        result.passed++;
      } catch (e) {
        result.failed++;
        result.failures.push(`${here} › ${t.name}: ${(e as Error).message}`);
      }
    }
    for (const c of s.children) await run(c, here);
    for (const a of s.after)
      await Promise.resolve()
        .then(a)
        .catch(() => undefined);
  }
  await run(root, '');
  return result;
}

/**
 * A small in-page test runner in vitest's style (describe / it / expect), for exercises.
 * The same test files run under real vitest in CI against the solution.
 */
export type TestResult = { name: string; passed: boolean; error?: string };

type Test = { name: string; fn: () => unknown };

function show(v: unknown): string {
  try {
    return typeof v === 'string'
      ? JSON.stringify(v)
      : (JSON.stringify(v, (_, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v));
  } catch {
    return String(v);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

class AssertionError extends Error {}

function matchers(actual: unknown, negate: boolean) {
  const assert = (pass: boolean, message: string) => {
    if (pass === negate) throw new AssertionError(negate ? `not: ${message}` : message);
  };
  return {
    toBe: (expected: unknown) => assert(Object.is(actual, expected), `expected ${show(actual)} to be ${show(expected)}`),
    toEqual: (expected: unknown) => assert(deepEqual(actual, expected), `expected ${show(actual)} to equal ${show(expected)}`),
    toBeCloseTo: (expected: number, digits = 2) =>
      assert(
        Math.abs((actual as number) - expected) < 10 ** -digits / 2,
        `expected ${show(actual)} to be close to ${expected} (${digits} digits)`,
      ),
    toBeGreaterThan: (n: number) => assert((actual as number) > n, `expected ${show(actual)} to be greater than ${n}`),
    toBeGreaterThanOrEqual: (n: number) => assert((actual as number) >= n, `expected ${show(actual)} to be at least ${n}`),
    toBeLessThan: (n: number) => assert((actual as number) < n, `expected ${show(actual)} to be less than ${n}`),
    toBeLessThanOrEqual: (n: number) => assert((actual as number) <= n, `expected ${show(actual)} to be at most ${n}`),
    toHaveLength: (n: number) =>
      assert((actual as { length: number })?.length === n, `expected length ${n}, got ${(actual as { length?: number })?.length}`),
    toContain: (item: unknown) =>
      assert((actual as unknown[] | string).includes(item as never), `expected ${show(actual)} to contain ${show(item)}`),
    toBeTruthy: () => assert(Boolean(actual), `expected ${show(actual)} to be truthy`),
    toBeFalsy: () => assert(!actual, `expected ${show(actual)} to be falsy`),
    toThrow: (expected?: string | RegExp) => {
      let thrown: unknown;
      try {
        (actual as () => unknown)();
      } catch (e) {
        thrown = e;
      }
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      const ok =
        thrown !== undefined &&
        (expected === undefined || (typeof expected === 'string' ? message.includes(expected) : expected.test(message)));
      assert(
        ok,
        thrown === undefined ? 'expected the function to throw' : `expected an error matching ${String(expected)}, got "${message}"`,
      );
    },
  };
}

export function createTestApi() {
  const tests: Test[] = [];
  const prefix: string[] = [];
  const api = {
    describe(name: string, fn: () => void) {
      prefix.push(name);
      try {
        fn();
      } finally {
        prefix.pop();
      }
    },
    it(name: string, fn: () => unknown) {
      tests.push({ name: [...prefix, name].join(' › '), fn });
    },
    test(name: string, fn: () => unknown) {
      api.it(name, fn);
    },
    expect(actual: unknown) {
      return Object.assign(matchers(actual, false), { not: matchers(actual, true) });
    },
  };
  async function run(): Promise<TestResult[]> {
    const results: TestResult[] = [];
    for (const t of tests) {
      try {
        await t.fn();
        results.push({ name: t.name, passed: true });
      } catch (error) {
        results.push({ name: t.name, passed: false, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return results;
  }
  return { api, run };
}

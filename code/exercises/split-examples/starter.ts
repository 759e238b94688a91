// SPDX-License-Identifier: MIT
/** A random-number function: a new number in [0, 1) at each call. */
export type Rng = () => number;

/**
 * Split `examples` into a training set and a test set. The test set gets
 * Math.round(examples.length * testFraction) examples, chosen at random with
 * `rng`; the training set gets all the others. Every example ends up in
 * exactly one of the two sets, and `examples` itself is left as it was.
 * testFraction must be more than 0 and less than 1: any other value throws
 * an Error.
 */
export function splitExamples<T>(
  examples: T[],
  testFraction: number,
  rng: Rng,
): { train: T[]; test: T[] } {
  // A first try: keep the last rows for testing. Run the tests to see why
  // that is not enough, then shuffle a copy with `rng` first.
  const testSize = Math.round(examples.length * testFraction);
  const cut = examples.length - testSize;
  return { train: examples.slice(0, cut), test: examples.slice(cut) };
}

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
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(
      `testFraction must be between 0 and 1, got ${testFraction}`,
    );
  }
  // Fisher–Yates: swap each place, from the last, with a random earlier one
  const mixed = [...examples];
  for (let i = mixed.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
  }
  const testSize = Math.round(examples.length * testFraction);
  return { test: mixed.slice(0, testSize), train: mixed.slice(testSize) };
}

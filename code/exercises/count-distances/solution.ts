// SPDX-License-Identifier: MIT
/**
 * How many distances brute-force k-nearest neighbours computes.
 *
 * distancesToClassify(queries, examples): to classify each of `queries` new
 * points, it measures the distance from that point to every one of `examples`
 * stored examples.
 *
 * distancesBetweenAllPairs(examples): the distance between every pair of the
 * stored examples, each pair once (the distance from a to b is the distance
 * from b to a, and the distance from a point to itself is 0, not computed).
 *
 * Both take whole numbers of 0 or more; anything else throws an Error.
 */
export function distancesToClassify(queries: number, examples: number): number {
  checkCount('queries', queries);
  checkCount('examples', examples);
  return queries * examples;
}

export function distancesBetweenAllPairs(examples: number): number {
  checkCount('examples', examples);
  // each of the n examples with each of the n − 1 others, every pair twice
  return (examples * (examples - 1)) / 2;
}

function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, 0 or more; got ${value}`);
  }
}

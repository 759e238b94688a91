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
  // Your code here.
  return examples;
}

export function distancesBetweenAllPairs(examples: number): number {
  // Your code here.
  return examples * examples;
}

// SPDX-License-Identifier: MIT
/**
 * The Manhattan (city-block) distance between two points: the sum of |aᵢ − bᵢ|
 * over all features, like walking along the streets of a grid instead of flying
 * straight. Throw an Error if the points have different numbers of features.
 */
export function manhattanDistance(a: number[], b: number[]): number {
  if (a.length !== b.length)
    throw new Error(
      `points must have the same number of features: got ${a.length} and ` +
        `${b.length}`,
    );
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum;
}

// SPDX-License-Identifier: MIT
/**
 * The Manhattan (city-block) distance between two points: the sum of |aᵢ − bᵢ|
 * over all features, like walking along the streets of a grid instead of flying
 * straight. Throw an Error if the points have different numbers of features.
 */
export function manhattanDistance(a: number[], b: number[]): number {
  // Your code here.
  return 0;
}

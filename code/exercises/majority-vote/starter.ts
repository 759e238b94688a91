// SPDX-License-Identifier: MIT
/**
 * Return the label that appears most often in `labels`, which are sorted from
 * the nearest neighbour to the farthest. If two labels tie, return the one that
 * appears first (it has the nearest member).
 */
export function majorityVote(labels: string[]): string {
  // Your code here: count each label, then pick the winner.
  return labels[0];
}

// SPDX-License-Identifier: MIT
/**
 * Return the label that appears most often in `labels`, which are sorted from
 * the nearest neighbour to the farthest. If two labels tie, return the one that
 * appears first (it has the nearest member).
 */
export function majorityVote(labels: string[]): string {
  if (labels.length === 0)
    throw new Error('majorityVote needs at least one label, got none');
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let winner = labels[0];
  for (const label of labels) {
    // strictly more votes wins; on a tie the earlier (nearer) label stays
    if (counts.get(label)! > counts.get(winner)!) winner = label;
  }
  return winner;
}

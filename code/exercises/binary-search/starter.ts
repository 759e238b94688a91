// SPDX-License-Identifier: MIT
/**
 * Where `target` is in `sorted`, a list of numbers in increasing order: its
 * index, or -1 if it is not there (any matching index if it appears twice).
 *
 * Binary search: look at the middle of the part that can still hold the
 * target; if the middle is too small, keep only the part after it; if it is
 * too large, keep only the part before it. Each look halves what is left, so
 * a list of n numbers needs about log₂(n) looks, not n.
 */
export function binarySearch(
  sorted: readonly number[],
  target: number,
): number {
  // Linear search, to get you started: it looks at every number in turn.
  // Replace it with binary search.
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] === target) return i;
  }
  return -1;
}

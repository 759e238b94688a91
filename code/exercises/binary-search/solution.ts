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
  // the target, if present, has an index from low to high (both included)
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const value = sorted[middle];
    if (value === target) return middle;
    if (value < target) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

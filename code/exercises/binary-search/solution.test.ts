// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { binarySearch } from './solution';

/**
 * A view of `numbers` that counts how many of them are read: it lets the
 * tests check how much work the search did, not only its answer.
 */
function counted(numbers: number[]) {
  const reads = { count: 0 };
  const view = new Proxy(numbers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { view, reads };
}

const odd = [1, 3, 5, 7, 9, 11, 13];

describe('binarySearch', () => {
  it('finds a number at the start, the middle and the end', () => {
    expect(binarySearch(odd, 1)).toBe(0);
    expect(binarySearch(odd, 7)).toBe(3);
    expect(binarySearch(odd, 13)).toBe(6);
    expect(binarySearch([2, 4, 6, 8], 6)).toBe(2);
  });
  it('returns -1 for a number below, above or between the list', () => {
    expect(binarySearch(odd, 0)).toBe(-1);
    expect(binarySearch(odd, 14)).toBe(-1);
    expect(binarySearch(odd, 6)).toBe(-1);
  });
  it('handles an empty list and a list of one number', () => {
    expect(binarySearch([], 5)).toBe(-1);
    expect(binarySearch([5], 5)).toBe(0);
    expect(binarySearch([5], 4)).toBe(-1);
  });
  it('returns an index that holds the number when it appears twice', () => {
    const twice = [1, 2, 2, 3];
    expect(twice[binarySearch(twice, 2)]).toBe(2);
  });
  it('finds each of 1,000 numbers; the numbers between them give -1', () => {
    const evens = Array.from({ length: 1000 }, (_, i) => 2 * i);
    for (let i = 0; i < evens.length; i++) {
      expect(binarySearch(evens, 2 * i)).toBe(i);
      expect(binarySearch(evens, 2 * i + 1)).toBe(-1);
    }
  });
  it('reads at most 40 of a million numbers (20 halvings, 2 reads)', () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => i);
    for (const target of [0, 123_456, 999_999, -5, 2_000_000]) {
      const { view, reads } = counted(million);
      binarySearch(view, target);
      expect(reads.count).toBeLessThanOrEqual(40);
    }
  });
});

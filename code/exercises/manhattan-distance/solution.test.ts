// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { manhattanDistance } from './solution';

describe('manhattanDistance', () => {
  it('is 0 from a point to itself', () => {
    expect(manhattanDistance([2, 3], [2, 3])).toBe(0);
  });
  it('adds the distances along each feature', () => {
    expect(manhattanDistance([0, 0], [3, 4])).toBe(7);
    expect(manhattanDistance([1, -1, 2], [-1, 1, 2])).toBe(4);
  });
  it('throws when the points have different numbers of features', () => {
    expect(() => manhattanDistance([1, 2], [1])).toThrow();
  });
});

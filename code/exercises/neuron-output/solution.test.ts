// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { neuronOutput } from './solution';

describe('neuronOutput', () => {
  it('gives 0.5 when the weighted sum is 0', () => {
    expect(neuronOutput([3, -2], [0, 0], 0)).toBe(0.5);
  });
  it('adds the weighted inputs and the bias before the sigmoid', () => {
    // z = 1·2 + 1·(−1) + 0 = 1, sigmoid(1) ≈ 0.7311
    expect(neuronOutput([1, 1], [2, -1], 0)).toBeCloseTo(0.7311, 4);
    // z = 0 + 0 − 1 = −1
    expect(neuronOutput([0, 0], [5, 5], -1)).toBeCloseTo(0.2689, 4);
  });
  it('stays between 0 and 1 for large sums', () => {
    expect(neuronOutput([100], [1], 0)).toBeLessThanOrEqual(1);
    expect(neuronOutput([-100], [1], 0)).toBeGreaterThanOrEqual(0);
  });
});

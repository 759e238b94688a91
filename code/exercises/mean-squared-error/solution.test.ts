// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { meanSquaredError } from './solution';

describe('meanSquaredError', () => {
  it('is 0 when the line goes through every point', () => {
    expect(meanSquaredError(2, 1, [0, 1, 2], [1, 3, 5])).toBe(0);
  });
  it('averages the squared errors', () => {
    // predictions 0, 1, 2 against 1, 1, 4: errors -1, 0, -2 → (1 + 0 + 4) / 3
    expect(meanSquaredError(1, 0, [0, 1, 2], [1, 1, 4])).toBeCloseTo(5 / 3, 10);
  });
  it('punishes one big error more than several small ones', () => {
    expect(meanSquaredError(0, 0, [0, 0], [2, 0])).toBeGreaterThan(
      meanSquaredError(0, 0, [0, 0], [1, 1]),
    );
  });
});

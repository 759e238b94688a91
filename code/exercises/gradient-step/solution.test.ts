// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { gradientStep } from './solution';

describe('gradientStep', () => {
  it('does not move a line that already fits perfectly', () => {
    expect(gradientStep(2, 1, [0, 1, 2], [1, 3, 5], 0.1)).toEqual({
      slope: 2,
      intercept: 1,
    });
  });
  it('moves against the gradient (checked by hand)', () => {
    // from (0, 0) on the points (1, 2) and (1, 2): error −2 each, both
    // gradients −4
    const step = gradientStep(0, 0, [1, 1], [2, 2], 0.1);
    expect(step.slope).toBeCloseTo(0.4, 10);
    expect(step.intercept).toBeCloseTo(0.4, 10);
  });
  it('lowers the error of a poor line', () => {
    const xs = [0, 1, 2, 3];
    const ys = [1, 3, 5, 7];
    const mse = (s: number, b: number) =>
      xs.reduce((sum, x, i) => sum + (s * x + b - ys[i]) ** 2, 0) / xs.length;
    const next = gradientStep(0, 0, xs, ys, 0.05);
    expect(mse(next.slope, next.intercept)).toBeLessThan(mse(0, 0));
  });
});

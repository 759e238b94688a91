// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeLine } from '../../data/datasets';
import {
  fitLeastSquares,
  meanSquaredError,
} from '../../linear-regression/linear-regression';
import { createRng } from '../../shared/random';
import { fitLine } from './solution';

// The lesson's 60 points around y = 2.5x − 4 (the gradient-descent demo).
const { xs, ys } = makeLine(60, createRng(3), {
  slope: 2.5,
  intercept: -4,
  noise: 2,
});

describe('fitLine', () => {
  it('takes the right first step (checked by hand)', () => {
    // From (0, 0) on the points (1, 3) and (3, 5): errors −3 and −5.
    // Slope gradient (2/2)(−3·1 − 5·3) = −18, intercept gradient
    // (2/2)(−3 − 5) = −8; with learningRate 0.01: 0.18 and 0.08.
    const { slope, intercept, losses } = fitLine([1, 3], [3, 5], 0.01, 1);
    expect(slope).toBeCloseTo(0.18, 10);
    expect(intercept).toBeCloseTo(0.08, 10);
    // ((0.26 − 3)² + (0.62 − 5)²) / 2
    expect(losses[0]).toBeCloseTo(13.346, 10);
  });

  it("lowers the loss every epoch on the lesson's 60 points", () => {
    const { losses } = fitLine(xs, ys, 0.01, 200);
    expect(losses).toHaveLength(200);
    const rise = losses.findIndex((loss, e) => e > 0 && loss > losses[e - 1]);
    if (rise !== -1) {
      throw new Error(
        `the loss went up from epoch ${rise} to epoch ${rise + 1}: ` +
          `${losses[rise - 1]} → ${losses[rise]}`,
      );
    }
    expect(losses[199]).toBeLessThan(losses[0]);
  });

  it('ends at the least-squares line after 1,500 epochs', () => {
    const { slope, intercept, losses } = fitLine(xs, ys, 0.01, 1500);
    const exact = fitLeastSquares(xs, ys);
    expect(Math.abs(slope - exact.slope)).toBeLessThan(0.01);
    expect(Math.abs(intercept - exact.intercept)).toBeLessThan(0.05);
    expect(losses[1499]).toBeCloseTo(meanSquaredError(exact, xs, ys), 2);
  });

  it('needs the same learning rate for 600 points as for 60', () => {
    const more = makeLine(600, createRng(5), { noise: 2 });
    const { slope, intercept } = fitLine(more.xs, more.ys, 0.01, 1500);
    const exact = fitLeastSquares(more.xs, more.ys);
    expect(Math.abs(slope - exact.slope)).toBeLessThan(0.01);
    expect(Math.abs(intercept - exact.intercept)).toBeLessThan(0.05);
  });
});

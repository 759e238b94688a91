// SPDX-License-Identifier: MIT
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../code/data/csv';
import {
  fitGradientDescent,
  fitLeastSquares,
  fitLeastSquaresTyped,
  fitMultiple,
  meanSquaredError,
  predict,
} from '../../code/linear-regression/linear-regression';
import { fitGradientDescentTf, fitLeastSquaresTf } from '../../code/linear-regression/linear-regression.tfjs';
import { useBackend } from '../../code/shared/tf-backend';

const reference = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/linear-regression.json'), 'utf8'));
const readColumns = (file: string) => {
  const { header, rows } = parseCsv(fs.readFileSync(path.join(__dirname, '../fixtures', file), 'utf8'));
  return header.map((_, c) => rows.map((r) => Number(r[c])));
};
const [xs, ys] = readColumns('line.csv');
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.max(1e-300, Math.abs(expected));

describe('hand-checkable fits', () => {
  it('fits a perfect line exactly', () => {
    expect(fitLeastSquares([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ slope: 2, intercept: 1 });
    expect(predict({ slope: 2, intercept: 1 }, 10)).toBe(21);
  });
  it('computes the mean squared error', () => {
    // errors 1, -1, 0 → (1 + 1 + 0) / 3
    expect(meanSquaredError({ slope: 1, intercept: 0 }, [1, 2, 3], [0, 3, 3])).toBeCloseTo(2 / 3, 15);
  });
  it('takes one gradient-descent step as the formula says', () => {
    // from (0, 0) on points (1, 2): error = -2, ∂/∂slope = 2·(-2)·1 = -4, ∂/∂intercept = -4
    const { line } = fitGradientDescent([1, 1], [2, 2], { learningRate: 0.1, epochs: 1 });
    expect(line.slope).toBeCloseTo(0.4, 15);
    expect(line.intercept).toBeCloseTo(0.4, 15);
  });
});

describe('against NumPy and scikit-learn', () => {
  it('least squares matches numpy.polyfit to 1e-9 (relative)', () => {
    const line = fitLeastSquares(xs, ys);
    expect(relative(line.slope, reference['line.csv'].numpy_polyfit.slope)).toBeLessThan(1e-9);
    expect(relative(line.intercept, reference['line.csv'].numpy_polyfit.intercept)).toBeLessThan(1e-9);
    expect(relative(meanSquaredError(line, xs, ys), reference['line.csv'].mean_squared_error)).toBeLessThan(1e-9);
    const typed = fitLeastSquaresTyped(Float64Array.from(xs), Float64Array.from(ys));
    expect(relative(typed.slope, line.slope)).toBeLessThan(1e-12);
  });
  it('gradient descent converges to the same line, and its loss never rises', () => {
    const { line, losses } = fitGradientDescent(xs, ys, { learningRate: 0.01, epochs: 20000 });
    expect(relative(line.slope, reference['line.csv'].sklearn.slope)).toBeLessThan(1e-6);
    expect(relative(line.intercept, reference['line.csv'].sklearn.intercept)).toBeLessThan(1e-6);
    expect(losses).toHaveLength(20000);
    for (let e = 1; e < losses.length; e++) expect(losses[e]).toBeLessThanOrEqual(losses[e - 1] + 1e-12);
  });
  it('fitMultiple matches scikit-learn on three features to 1e-9', () => {
    const [f1, f2, f3, y] = readColumns('multi.csv');
    const { coefficients, intercept } = fitMultiple(
      f1.map((_, i) => [f1[i], f2[i], f3[i]]),
      y,
    );
    reference['multi.csv'].sklearn.coefficients.forEach((c: number, j: number) => expect(relative(coefficients[j], c)).toBeLessThan(1e-9));
    expect(relative(intercept, reference['multi.csv'].sklearn.intercept)).toBeLessThan(1e-9);
  });
});

describe('bad input', () => {
  it('explains what is wrong', () => {
    expect(() => fitLeastSquares([1, 2], [1])).toThrow('xs and ys must have the same length, got 2 and 1');
    expect(() => fitLeastSquares([1], [1])).toThrow('need at least 2 points to fit a line, got 1');
    expect(() => fitLeastSquares([1, NaN], [1, 2])).toThrow('xs[1] must be a finite number, got NaN');
    expect(() => fitLeastSquares([2, 2], [1, 2])).toThrow('all xs are equal');
    expect(() => fitGradientDescent([1, 2], [1, 2], { learningRate: 0, epochs: 10 })).toThrow(
      'learningRate must be a number greater than 0, got 0',
    );
    expect(() => fitGradientDescent([1, 2], [1, 2], { learningRate: -1, epochs: 10 })).toThrow(
      'learningRate must be a number greater than 0, got -1',
    );
    expect(() => fitGradientDescent([1, 2], [1, 2], { learningRate: 0.1, epochs: 0 })).toThrow(
      'epochs must be a whole number of at least 1, got 0',
    );
    expect(() => fitMultiple([[1, 2], [1]], [1, 2])).toThrow('every row must have 2 features like row 0, but row 1 has 1');
  });
});

describe('TensorFlow.js versions (float32: 1e-4)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  it('least squares', async () => {
    const line = await fitLeastSquaresTf(xs, ys);
    expect(relative(line.slope, reference['line.csv'].sklearn.slope)).toBeLessThan(1e-4);
    expect(relative(line.intercept, reference['line.csv'].sklearn.intercept)).toBeLessThan(1e-4);
  });
  it('gradient descent follows the plain version epoch by epoch', async () => {
    const plain = fitGradientDescent(xs, ys, { learningRate: 0.01, epochs: 50 });
    const tf = await fitGradientDescentTf(xs, ys, { learningRate: 0.01, epochs: 50 });
    expect(relative(tf.line.slope, plain.line.slope)).toBeLessThan(1e-4);
    tf.losses.forEach((l, e) => expect(relative(l, plain.losses[e])).toBeLessThan(1e-4));
  });
});

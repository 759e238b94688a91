// SPDX-License-Identifier: MIT
/**
 * One step of gradient descent for the line y = slope · x + intercept on the
 * points (xs, ys). With error = prediction − actual and n points:
 *   slope gradient     = (2 / n) · Σ error · x
 *   intercept gradient = (2 / n) · Σ error
 * Return the new slope and intercept: each minus learningRate times its
 * gradient.
 */
export function gradientStep(
  slope: number,
  intercept: number,
  xs: number[],
  ys: number[],
  learningRate: number,
): { slope: number; intercept: number } {
  const n = xs.length;
  let slopeGradient = 0;
  let interceptGradient = 0;
  for (let i = 0; i < n; i++) {
    const error = slope * xs[i] + intercept - ys[i];
    slopeGradient += (2 / n) * error * xs[i];
    interceptGradient += (2 / n) * error;
  }
  return {
    slope: slope - learningRate * slopeGradient,
    intercept: intercept - learningRate * interceptGradient,
  };
}

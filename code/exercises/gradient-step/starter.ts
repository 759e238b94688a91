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
  // Your code here.
  return { slope, intercept };
}

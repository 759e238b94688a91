// SPDX-License-Identifier: MIT
/**
 * The mean squared error of the line y = slope · x + intercept on the points
 * (xs[i], ys[i]): the average over all points of (prediction − actual)².
 */
export function meanSquaredError(
  slope: number,
  intercept: number,
  xs: number[],
  ys: number[],
): number {
  // Your code here.
  return 0;
}

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
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const error = slope * xs[i] + intercept - ys[i];
    sum += error * error;
  }
  return sum / xs.length;
}

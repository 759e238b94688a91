// SPDX-License-Identifier: MIT
/**
 * Fit the line y = slope · x + intercept to the points (xs, ys) by gradient
 * descent on the mean squared error, starting from slope 0 and intercept 0.
 * Return the line and `losses[e]`, the mean squared error after epoch e.
 *
 * This loop has one bug. On 2 points it moves, but not by the right
 * amount. On the lesson's 60 points, with the learning rate 0.01 that
 * works in the lesson, its loss grows every epoch until it overflows
 * (Infinity, then NaN). Find the bug and fix it.
 */
export function fitLine(
  xs: number[],
  ys: number[],
  learningRate: number,
  epochs: number,
): { slope: number; intercept: number; losses: number[] } {
  const n = xs.length;
  let slope = 0;
  let intercept = 0;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Add up the error of every point, for each gradient.
    let slopeSum = 0;
    let interceptSum = 0;
    for (let i = 0; i < n; i++) {
      const error = slope * xs[i] + intercept - ys[i];
      slopeSum += error * xs[i];
      interceptSum += error;
    }
    // The gradients of the loss.
    // The bug was here: the loss is a mean, so its gradients are means
    // too. Without "/ n" each step grew with the number of points.
    const slopeGradient = (2 * slopeSum) / n;
    const interceptGradient = (2 * interceptSum) / n;
    // One step downhill, both parameters at once.
    slope -= learningRate * slopeGradient;
    intercept -= learningRate * interceptGradient;
    // The loss of the new line.
    let loss = 0;
    for (let i = 0; i < n; i++) {
      loss += (slope * xs[i] + intercept - ys[i]) ** 2;
    }
    losses.push(loss / n);
  }
  return { slope, intercept, losses };
}

// SPDX-License-Identifier: MIT
/**
 * Linear regression: the straight line y = slope · x + intercept that best fits
 * some points, "best" meaning the smallest mean squared error. Two ways to find
 * it:
 * - least squares, a formula that gives the answer in three passes over the
 *   data (one for each mean, one for the two sums);
 * - gradient descent, which starts from a guess and improves it step by step:
 *   the same idea that trains neural networks, shown on a problem where we
 *   know the right answer.
 */

export type Line = { slope: number; intercept: number };

function checkData(xs: number[], ys: number[]): void {
  if (xs.length !== ys.length)
    throw new Error(
      `xs and ys must have the same length, got ${xs.length} and ${ys.length}`,
    );
  if (xs.length < 2)
    throw new Error(`need at least 2 points to fit a line, got ${xs.length}`);
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]))
      throw new Error(`xs[${i}] must be a finite number, got ${xs[i]}`);
    if (!Number.isFinite(ys[i]))
      throw new Error(`ys[${i}] must be a finite number, got ${ys[i]}`);
  }
}

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The prediction of a line at x. */
export function predict(line: Line, x: number): number {
  return line.slope * x + line.intercept;
}

/**
 * Mean squared error: the average of (prediction − actual)² over all points.
 */
export function meanSquaredError(
  line: Line,
  xs: number[],
  ys: number[],
): number {
  if (xs.length !== ys.length)
    throw new Error(
      `xs and ys must have the same length, got ${xs.length} and ${ys.length}`,
    );
  if (xs.length === 0)
    throw new Error('meanSquaredError needs at least one point, got none');
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const error = predict(line, xs[i]) - ys[i];
    sum += error * error;
  }
  return sum / xs.length;
}

/**
 * Least squares, mean-centred:
 *   slope = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²,   intercept = ȳ − slope · x̄
 * Centring first keeps the sums small, which keeps the arithmetic accurate.
 */
export function fitLeastSquares(xs: number[], ys: number[]): Line {
  checkData(xs, ys);
  const xMean = mean(xs);
  const yMean = mean(ys);
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i] - xMean) * (ys[i] - yMean);
    variance += (xs[i] - xMean) ** 2;
  }
  if (variance === 0)
    throw new Error(
      'all xs are equal: a vertical line cannot be written as ' +
        'y = slope · x + intercept',
    );
  const slope = covariance / variance;
  return { slope, intercept: yMean - slope * xMean };
}

export type GradientDescentOptions = {
  /** Step size: how far to move against the gradient each epoch (> 0). */
  learningRate: number;
  /** How many passes over the data (whole number ≥ 1). */
  epochs: number;
  /** Where to start (default: slope 0, intercept 0). */
  initial?: Line;
};

/**
 * Gradient descent on the mean squared error. Each epoch, both gradients
 * from the same line, then both steps:
 *   ∂MSE/∂slope     = (2/n) Σ (prediction − y) · x
 *   ∂MSE/∂intercept = (2/n) Σ (prediction − y)
 *   slope     ← slope − learningRate · ∂MSE/∂slope
 *   intercept ← intercept − learningRate · ∂MSE/∂intercept
 * @returns the final line and `losses[e]`, the mean squared error after epoch
 * e.
 */
export function fitGradientDescent(
  xs: number[],
  ys: number[],
  options: GradientDescentOptions,
): { line: Line; losses: number[] } {
  checkData(xs, ys);
  const { learningRate, epochs } = options;
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    throw new Error(
      `learningRate must be a number greater than 0, got ${learningRate}`,
    );
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new Error(
      `epochs must be a whole number of at least 1, got ${epochs}`,
    );
  let { slope, intercept } = options.initial ?? { slope: 0, intercept: 0 };
  const n = xs.length;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let slopeGradient = 0;
    let interceptGradient = 0;
    for (let i = 0; i < n; i++) {
      const error = slope * xs[i] + intercept - ys[i];
      slopeGradient += (2 / n) * error * xs[i];
      interceptGradient += (2 / n) * error;
    }
    slope -= learningRate * slopeGradient;
    intercept -= learningRate * interceptGradient;
    losses.push(meanSquaredError({ slope, intercept }, xs, ys));
  }
  return { line: { slope, intercept }, losses };
}

/**
 * Several features at once: y ≈ Σ coefficients[j] · features[j] + intercept, by
 * least squares. Solves the normal equations (XᵀX) w = Xᵀy on mean-centred data
 * with Gaussian elimination.
 * @param features one row per example, shape [n][d]
 */
export function fitMultiple(
  features: number[][],
  ys: number[],
): { coefficients: number[]; intercept: number } {
  if (features.length !== ys.length)
    throw new Error(
      `features and ys must have the same length, got ${features.length} and ` +
        `${ys.length}`,
    );
  if (features.length === 0)
    throw new Error('fitMultiple needs at least one example, got none');
  const n = features.length;
  const d = features[0].length;
  features.forEach((row, i) => {
    if (row.length !== d)
      throw new Error(
        `every row must have ${d} features like row 0, but row ${i} has ` +
          `${row.length}`,
      );
    row.forEach((v, j) => {
      if (!Number.isFinite(v))
        throw new Error(
          `features[${i}][${j}] must be a finite number, got ${v}`,
        );
    });
    if (!Number.isFinite(ys[i]))
      throw new Error(`ys[${i}] must be a finite number, got ${ys[i]}`);
  });
  if (n <= d)
    throw new Error(
      `need more examples than features to fit ${d} coefficients, got ${n} ` +
        `examples`,
    );
  const xMean = Array.from(
    { length: d },
    (_, j) => features.reduce((s, row) => s + row[j], 0) / n,
  );
  const yMean = mean(ys);
  // A = XᵀX and b = Xᵀy on centred data, built in one pass.
  const a = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const b = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    const yc = ys[i] - yMean;
    for (let j = 0; j < d; j++) {
      const xj = features[i][j] - xMean[j];
      b[j] += xj * yc;
      for (let m = j; m < d; m++) a[j][m] += xj * (features[i][m] - xMean[m]);
    }
  }
  for (let j = 0; j < d; j++) for (let m = 0; m < j; m++) a[j][m] = a[m][j];
  const coefficients = solve(a, b);
  const intercept =
    yMean - coefficients.reduce((s, c, j) => s + c * xMean[j], 0);
  return { coefficients, intercept };
}

/** Solve A x = b by Gaussian elimination with partial pivoting (A is d × d). */
function solve(a: number[][], b: number[]): number[] {
  const d = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++)
      if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12)
      throw new Error(
        'features are linearly dependent ' +
          '(one is a combination of others): no unique fit',
      );
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < d; r++) {
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= d; c++) m[r][c] -= factor * m[col][c];
    }
  }
  const x = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = m[r][d];
    for (let c = r + 1; c < d; c++) sum -= m[r][c] * x[c];
    x[r] = sum / m[r][r];
  }
  return x;
}

/**
 * The fast version for the timing comparison: the same least-squares formula in
 * two passes over typed arrays (Float64Array), no intermediate arrays.
 */
export function fitLeastSquaresTyped(xs: Float64Array, ys: Float64Array): Line {
  const n = xs.length;
  if (n !== ys.length)
    throw new Error(
      `xs and ys must have the same length, got ${n} and ${ys.length}`,
    );
  if (n < 2) throw new Error(`need at least 2 points to fit a line, got ${n}`);
  let xSum = 0;
  let ySum = 0;
  for (let i = 0; i < n; i++) {
    xSum += xs[i];
    ySum += ys[i];
  }
  const xMean = xSum / n;
  const yMean = ySum / n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - xMean;
    covariance += dx * (ys[i] - yMean);
    variance += dx * dx;
  }
  if (variance === 0)
    throw new Error(
      'all xs are equal: a vertical line cannot be written as ' +
        'y = slope · x + intercept',
    );
  const slope = covariance / variance;
  return { slope, intercept: yMean - slope * xMean };
}

// SPDX-License-Identifier: MIT
/**
 * Small generated datasets for the lessons, and the two chores every ML
 * workflow needs: splitting into training and test sets, and scaling features.
 * Everything random takes an `rng` (see shared/random.ts), so a seed gives the
 * same data every time.
 */
import { randomNormal, shuffle, type Rng } from '../shared/random';
import type { Example } from '../knn/knn';

/**
 * Noisy points around a line y = slope·x + intercept, for linear regression.
 * xs are spread evenly at random over [xMin, xMax]; noise is normal with
 * standard deviation `noise`.
 * @returns xs and ys, both of length n.
 */
export function makeLine(
  n: number,
  rng: Rng,
  {
    slope = 2.5,
    intercept = -4,
    noise = 1.5,
    xMin = 0,
    xMax = 10,
  }: {
    slope?: number;
    intercept?: number;
    noise?: number;
    xMin?: number;
    xMax?: number;
  } = {},
): { xs: number[]; ys: number[] } {
  checkCount(n);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = xMin + (xMax - xMin) * rng();
    xs.push(x);
    ys.push(slope * x + intercept + noise * randomNormal(rng));
  }
  return { xs, ys };
}

/**
 * Round clusters ("blobs") of 2-D points, one per centre, labelled "A", "B",
 * "C"… Each blob has `perBlob` points with normal spread `spread` around its
 * centre.
 */
export function makeBlobs(
  perBlob: number,
  rng: Rng,
  {
    centres = [
      [0, 0],
      [4, 4],
      [0, 5],
    ],
    spread = 1,
  }: { centres?: number[][]; spread?: number } = {},
): Example[] {
  checkCount(perBlob);
  const examples: Example[] = [];
  centres.forEach((centre, c) => {
    for (let i = 0; i < perBlob; i++) {
      examples.push({
        features: centre.map((v) => v + spread * randomNormal(rng)),
        label: String.fromCharCode(65 + c),
      });
    }
  });
  return examples;
}

/**
 * Two interleaving half circles ("moons"), labelled "upper" and "lower": a
 * shape no straight line separates. `n` points in all, normal noise of standard
 * deviation `noise`.
 */
export function makeMoons(n: number, noise: number, rng: Rng): Example[] {
  checkCount(n);
  const examples: Example[] = [];
  for (let i = 0; i < n; i++) {
    const upper = i % 2 === 0;
    const angle = Math.PI * rng();
    const x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
    examples.push({
      features: [x + noise * randomNormal(rng), y + noise * randomNormal(rng)],
      label: upper ? 'upper' : 'lower',
    });
  }
  return examples;
}

/**
 * The XOR problem: label "1" when exactly one of the two inputs is on. With
 * `noise` 0 it is the four corners of the unit square; with noise, `perCorner`
 * jittered copies of each corner.
 */
export function makeXor(perCorner = 1, noise = 0, rng?: Rng): Example[] {
  checkCount(perCorner);
  if (noise > 0 && !rng)
    throw new Error('makeXor needs an rng when noise is greater than 0');
  const examples: Example[] = [];
  for (const [a, b] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]) {
    for (let i = 0; i < perCorner; i++) {
      const jitter = () => (noise > 0 ? noise * randomNormal(rng!) : 0);
      examples.push({
        features: [a + jitter(), b + jitter()],
        label: a !== b ? '1' : '0',
      });
    }
  }
  return examples;
}

/** Shuffle, then keep `testFraction` of the examples aside for testing. */
export function trainTestSplit<T>(
  examples: T[],
  testFraction: number,
  rng: Rng,
): { train: T[]; test: T[] } {
  if (!(testFraction > 0 && testFraction < 1))
    throw new Error(
      `testFraction must be between 0 and 1 (exclusive), got ${testFraction}`,
    );
  if (examples.length < 2)
    throw new Error(
      `need at least 2 examples to split, got ${examples.length}`,
    );
  const shuffled = shuffle(examples, rng);
  const testSize = Math.min(
    examples.length - 1,
    Math.max(1, Math.round(examples.length * testFraction)),
  );
  return { test: shuffled.slice(0, testSize), train: shuffled.slice(testSize) };
}

/**
 * Fitted min–max scaling: each feature mapped from [min, max] of the training
 * data to [0, 1].
 */
export type MinMaxScaler = { kind: 'min-max'; min: number[]; max: number[] };
/**
 * Fitted z-score scaling: each feature minus its mean, divided by its standard
 * deviation.
 */
export type ZScoreScaler = { kind: 'z-score'; mean: number[]; std: number[] };
export type Scaler = MinMaxScaler | ZScoreScaler;

function columns(rows: number[][]): number[][] {
  if (rows.length === 0) throw new Error('cannot fit a scaler on no rows');
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

/**
 * Learn each feature's minimum and maximum from training rows (shape [n][d]).
 */
export function fitMinMax(rows: number[][]): MinMaxScaler {
  const cols = columns(rows);
  return {
    kind: 'min-max',
    min: cols.map((c) => Math.min(...c)),
    max: cols.map((c) => Math.max(...c)),
  };
}

/**
 * Learn each feature's mean and (population) standard deviation from training
 * rows.
 */
export function fitZScore(rows: number[][]): ZScoreScaler {
  const cols = columns(rows);
  const mean = cols.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
  const std = cols.map((c, j) =>
    Math.sqrt(c.reduce((s, v) => s + (v - mean[j]) ** 2, 0) / c.length),
  );
  return { kind: 'z-score', mean, std };
}

/**
 * Apply a fitted scaler to rows (training or new data). A constant feature
 * becomes 0.
 */
export function transform(scaler: Scaler, rows: number[][]): number[][] {
  const d = scaler.kind === 'min-max' ? scaler.min.length : scaler.mean.length;
  return rows.map((row, i) => {
    if (row.length !== d)
      throw new Error(
        `row ${i} must have ${d} features like the data the scaler was ` +
          `fitted on, got ${row.length}`,
      );
    return row.map((v, j) => {
      if (scaler.kind === 'min-max') {
        const range = scaler.max[j] - scaler.min[j];
        return range === 0 ? 0 : (v - scaler.min[j]) / range;
      }
      return scaler.std[j] === 0 ? 0 : (v - scaler.mean[j]) / scaler.std[j];
    });
  });
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `the number of points must be a whole number of at least 1, got ${n}`,
    );
}

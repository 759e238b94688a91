// SPDX-License-Identifier: MIT
/**
 * A weighted mean without rounding drift.
 *
 * The obvious loop, `Σ (n_k / n) · x_k`, rounds after every multiply and add.
 * With five devices that all send 0.1 it returns 0.10000000000000002, so "every
 * device agrees, the average is what they sent" would not hold. Here the sum `Σ
 * n_k · x_k` is carried exactly, as a list of doubles that add up to it
 * (Shewchuk's "partials", the method behind Python's `math.fsum`); each product
 * `n_k · x_k` is split exactly into a rounded part and its error (Dekker's
 * two-product). Only the final division rounds, and one correction step makes
 * the result the double nearest the true mean (or next to it): equal values
 * give back exactly that value.
 */

/**
 * Veltkamp's split: a = hi + lo exactly, each with at most 26 significant bits.
 */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** Dekker's two-product: a · b = p + e exactly, p the rounded product. */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  if (!Number.isFinite(p) || Math.abs(a) > 1e300 || Math.abs(b) > 1e300)
    return [p, 0];
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = al * bl - (p - ah * bh - al * bh - ah * bl);
  return [p, e];
}

/**
 * Add x to the exact sum held in `partials` (non-overlapping doubles, smallest
 * first).
 */
function addExact(partials: number[], x: number): void {
  let i = 0;
  for (let y of partials) {
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

function total(partials: number[]): number {
  let sum = 0;
  for (let i = partials.length - 1; i >= 0; i--) sum += partials[i];
  return sum;
}

/**
 * Σ weights[k] · values[k] / Σ weights[k], rounded once.
 * Weights are counts (whole numbers ≥ 0, at least one > 0); values are finite
 * numbers.
 */
export function exactWeightedMean(
  values: readonly number[],
  weights: readonly number[],
): number {
  let count = 0;
  const partials: number[] = [];
  for (let k = 0; k < values.length; k++) {
    if (weights[k] === 0) continue;
    count += weights[k];
    const [p, e] = twoProduct(weights[k], values[k]);
    addExact(partials, p);
    addExact(partials, e);
  }
  let mean = total(partials) / count;
  // Correct once: the remainder Σ n_k x_k − mean · n, computed exactly, divided
  // by n.
  const [p, e] = twoProduct(mean, count);
  addExact(partials, -p);
  addExact(partials, -e);
  mean += total(partials) / count;
  return mean;
}

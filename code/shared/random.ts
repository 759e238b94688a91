// SPDX-License-Identifier: MIT
/**
 * Seeded random numbers, so every run of a lesson gives the same data and the
 * same model.
 *
 * `createRng(seed)` returns a function that gives a new number in [0, 1) each
 * call, like `Math.random()`, but the same sequence for the same seed.
 * Algorithm: mulberry32, a small 32-bit generator that is fast and good enough
 * for shuffling and noise (not for cryptography).
 */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed))
    throw new Error(`seed must be a finite number, got ${seed}`);
  let state = Math.floor(seed) >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A normally distributed number (mean 0, standard deviation 1), by the
 * Box–Muller transform.
 */
export function randomNormal(rng: Rng): number {
  const u = 1 - rng(); // in (0, 1], so the logarithm is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A copy of `items` in random order (Fisher–Yates shuffle). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

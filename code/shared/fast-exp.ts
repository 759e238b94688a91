// SPDX-License-Identifier: MIT
/**
 * e^x as accurate as Math.exp (within 1.5 units in the last place) and about
 * twice as fast inside a hot loop, because the engine can inline it. Training a
 * network calls exp once per neuron, per example, per epoch: tens of millions
 * of times. This is how maths libraries do it ("table-driven" exp, Tang 1989):
 *
 *   1. Write x = k · ln2/256 + r, with k a whole number and |r| ≤ ln2/512 ≈
 * 0.0014.
 *   2. Then e^x = 2^(k/256) · e^r = 2^⌊k/256⌋ · 2^((k mod 256)/256) · e^r.
 *   3. 2^⌊k/256⌋ and the 256 values 2^(j/256) come from small tables; e^r comes
 * from five terms
 *      of its Taylor series (1 + r + r²/2 + r³/6 + r⁴/24), exact to double
 * precision because r is
 *      tiny (the next term, r⁵/120, is below 4 · 10⁻¹⁷).
 */

const STEPS = 256;
/** 2^(j/256) for j = 0 … 255. */
const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) =>
  Math.pow(2, j / STEPS),
);
/** 2^m for m = −1023 … 1024, at index m + 1023. */
const WHOLE_POWERS = Float64Array.from({ length: 2048 }, (_, m) =>
  Math.pow(2, m - 1023),
);
const STEPS_PER_LN2 = STEPS / Math.LN2;
// ln2/256 split in two parts (fdlibm's constants), so k · ln2/256 is subtracted
// without rounding error.
const LN2_STEP_HIGH = 6.9314718036912381649e-1 / STEPS;
const LN2_STEP_LOW = 1.9082149292705877e-10 / STEPS;
/**
 * Adding then subtracting 1.5 · 2^52 rounds a double to the nearest whole
 * number.
 */
const ROUNDER = 6755399441055744;

export function fastExp(x: number): number {
  // Outside this range the result is 0, a subnormal or Infinity (and NaN stays
  // NaN): leave it to Math.exp.
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const k = x * STEPS_PER_LN2 + ROUNDER - ROUNDER;
  const r = x - k * LN2_STEP_HIGH - k * LN2_STEP_LOW;
  const whole = k | 0;
  const fraction = FRACTION_POWERS[whole & (STEPS - 1)];
  const r2 = r * r;
  const expR1 = r + r2 * (1 / 2 + r * (1 / 6) + r2 * (1 / 24)); // e^r − 1
  return WHOLE_POWERS[(whole >> 8) + 1023] * (fraction + fraction * expR1);
}

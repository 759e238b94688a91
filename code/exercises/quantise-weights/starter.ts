// SPDX-License-Identifier: MIT
/**
 * Symmetric int8 quantisation of a list of weights, and back.
 *
 * quantise(weights):
 *   scale = (largest |weight|) / 127, or 1 if every weight is 0;
 *   each q = Math.round(weight / scale), an integer from −127 to 127.
 *   Return { q, scale }.
 * dequantise(q, scale): each weight ≈ scale · q.
 */
export function quantise(weights: number[]): { q: number[]; scale: number } {
  // Your code here: find the scale, then round each weight / scale.
  return { q: weights.map(() => 0), scale: 1 };
}

export function dequantise(q: number[], scale: number): number[] {
  // Your code here.
  return q;
}

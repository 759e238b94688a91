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
  let largest = 0;
  for (const w of weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest === 0 ? 1 : largest / 127;
  return { q: weights.map((w) => Math.round(w / scale)), scale };
}

export function dequantise(q: number[], scale: number): number[] {
  return q.map((v) => scale * v);
}

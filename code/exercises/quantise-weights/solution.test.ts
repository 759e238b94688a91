// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { dequantise, quantise } from './solution';

describe('quantise and dequantise', () => {
  it('the largest weight becomes ±127 (checked by hand)', () => {
    // largest |w| is 0.635, so scale = 0.635 / 127 = 0.005
    const { q, scale } = quantise([0.2, -0.635, 0.0123]);
    expect(scale).toBeCloseTo(0.005, 10);
    expect(q).toEqual([40, -127, 2]);
  });
  it('every weight comes back within half a step (scale / 2)', () => {
    const weights = [0.31, -0.07, 1.9, -0.55, 0.004, 0.777];
    const { q, scale } = quantise(weights);
    const back = dequantise(q, scale);
    expect(back).toHaveLength(weights.length);
    weights.forEach((w, i) => {
      expect(Number.isInteger(q[i]) && Math.abs(q[i]) <= 127).toBe(true);
      expect(Math.abs(back[i] - w)).toBeLessThanOrEqual(scale / 2 + 1e-12);
    });
  });
  it('all-zero weights: scale 1 and every q is 0', () => {
    expect(quantise([0, 0, 0])).toEqual({ q: [0, 0, 0], scale: 1 });
    expect(dequantise([0, 0], 1)).toEqual([0, 0]);
  });
  it('dequantise multiplies each integer by the scale', () => {
    const back = dequantise([40, -127, 2], 0.005);
    expect(back[0]).toBeCloseTo(0.2, 10);
    expect(back[1]).toBeCloseTo(-0.635, 10);
    expect(back[2]).toBeCloseTo(0.01, 10);
  });
});

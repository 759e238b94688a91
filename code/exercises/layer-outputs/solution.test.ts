// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { layerOutputs } from './solution';

describe('layerOutputs', () => {
  it('gives one output per neuron', () => {
    expect(
      layerOutputs(
        [1, 2],
        [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [0, 0, 0],
      ),
    ).toHaveLength(3);
  });
  it('gives 0.5 for a neuron whose weighted sum is 0', () => {
    expect(layerOutputs([1, 2], [[2, -1]], [0])).toEqual([0.5]);
  });
  it('uses weights[j][i] from input i to neuron j, and each bias', () => {
    const [a, b] = layerOutputs(
      [1, 0],
      [
        [1, 5],
        [0, 5],
      ],
      [0, -1],
    );
    expect(a).toBeCloseTo(1 / (1 + Math.exp(-1)), 10); // z = 1·1 + 5·0 + 0
    expect(b).toBeCloseTo(1 / (1 + Math.exp(1)), 10); // z = 0·1 + 5·0 − 1
  });
});

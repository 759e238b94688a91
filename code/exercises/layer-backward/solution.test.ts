// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { layerBackward } from './solution';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A layer of sigmoid neurons: weights[j][i] from input i to neuron j. */
function layer(inputs: number[], weights: number[][], biases: number[]) {
  return weights.map((row, j) =>
    sigmoid(row.reduce((z, w, i) => z + w * inputs[i], biases[j])),
  );
}

// A 3-2-2 network of sigmoid neurons and one example.
const x = [0.5, -1, 2];
const targets = [1, 0];
const hidden = {
  weights: [
    [0.2, -0.4, 0.1],
    [-0.3, 0.6, 0.25],
  ],
  biases: [0.1, -0.2],
};
const top = {
  weights: [
    [0.7, -0.5],
    [-0.6, 0.9],
  ],
  biases: [0.05, 0.1],
};

/** The loss the course uses: the mean of (a − y)² over the outputs. */
function lossOf(hiddenWeights: number[][], hiddenBiases: number[]): number {
  const a = layer(layer(x, hiddenWeights, hiddenBiases), top.weights, [
    ...top.biases,
  ]);
  return a.reduce((sum, ak, k) => sum + (ak - targets[k]) ** 2, 0) / 2;
}

/** Backpropagate through the top layer, then call layerBackward. */
function backward() {
  const h = layer(x, hidden.weights, hidden.biases);
  const a = layer(h, top.weights, top.biases);
  const deltasAbove = a.map((ak, k) => (ak - targets[k]) * ak * (1 - ak));
  return layerBackward(x, h, top.weights, deltasAbove);
}

describe('layerBackward', () => {
  it('gives the δs and gradients worked out by hand', () => {
    // δ = (1 · 0.4) · 0.5 · 0.5 = 0.1 and (−2 · 0.4) · 0.5 · 0.5 = −0.2
    const result = layerBackward([1, 2], [0.5, 0.5], [[1, -2]], [0.4]);
    expect(result.deltas[0]).toBeCloseTo(0.1, 10);
    expect(result.deltas[1]).toBeCloseTo(-0.2, 10);
    expect(result.weightGradients[0][1]).toBeCloseTo(0.2, 10);
    expect(result.weightGradients[1][1]).toBeCloseTo(-0.4, 10);
    expect(result.biasGradients[1]).toBeCloseTo(-0.2, 10);
  });

  it('adds up the δs of every neuron above', () => {
    const result = layerBackward([1], [0.5], [[1], [3]], [0.4, -0.2]);
    // (1 · 0.4 + 3 · −0.2) · 0.25 = −0.05
    expect(result.deltas[0]).toBeCloseTo(-0.05, 10);
  });

  it('matches finite differences for every weight of the layer', () => {
    const { weightGradients } = backward();
    const step = 1e-6;
    hidden.weights.forEach((row, j) =>
      row.forEach((w, i) => {
        const up = hidden.weights.map((r) => r.slice());
        const down = hidden.weights.map((r) => r.slice());
        up[j][i] = w + step;
        down[j][i] = w - step;
        const numeric =
          (lossOf(up, hidden.biases) - lossOf(down, hidden.biases)) /
          (2 * step);
        expect(weightGradients[j][i]).toBeCloseTo(numeric, 8);
      }),
    );
  });

  it('matches finite differences for every bias of the layer', () => {
    const { biasGradients } = backward();
    const step = 1e-6;
    hidden.biases.forEach((b, j) => {
      const up = hidden.biases.slice();
      const down = hidden.biases.slice();
      up[j] = b + step;
      down[j] = b - step;
      const numeric =
        (lossOf(hidden.weights, up) - lossOf(hidden.weights, down)) /
        (2 * step);
      expect(biasGradients[j]).toBeCloseTo(numeric, 8);
    });
  });
});

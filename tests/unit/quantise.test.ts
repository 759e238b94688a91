// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeMoons, trainTestSplit } from '../../code/data/datasets';
import { createNetwork, predict, type Network } from '../../code/neural-network/network';
import { train } from '../../code/neural-network/network-fast';
import { floatArraysByteSize, predictFloat, toFloatArrays } from '../../code/quantisation/float-arrays';
import {
  byteSize,
  dequantiseWeights,
  floatByteSize,
  outputErrorBounds,
  parameterCount,
  predictQuantised,
  quantise,
  quantiseActivations,
  quantiseWeights,
  symmetricScale,
} from '../../code/quantisation/quantise';
import { createRng } from '../../code/shared/random';

/** The lesson's network: the moons, 2-16-1 (tanh), 2,000 epochs, as demo-quantise.ts trains it. */
function moons() {
  const examples = makeMoons(1000, 0.15, createRng(3)).map((e) => ({ inputs: e.features, targets: [e.label === 'upper' ? 1 : 0] }));
  const { train: training, test } = trainTestSplit(examples, 0.3, createRng(5));
  const start = createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' });
  return { network: train(start, training, { learningRate: 0.5, epochs: 2000 }).network, test };
}

describe("by hand (the lesson's worked examples)", () => {
  it('symmetric weights: the largest |w| becomes 127, the rest round to the nearest step', () => {
    const weights = [0.2, -0.635, 0.0123];
    const scale = symmetricScale(weights);
    expect(scale).toBe(Math.fround(0.005));
    expect(Array.from(quantiseWeights(weights, scale))).toEqual([40, -127, 2]);
    const back = dequantiseWeights(quantiseWeights(weights, scale), scale);
    expect(back[0]).toBeCloseTo(0.2, 6);
    expect(back[1]).toBeCloseTo(-0.635, 6);
    expect(back[2]).toBeCloseTo(0.01, 6); // 0.0123 lost 0.0023, less than half a step (0.0025)
  });

  it('asymmetric activations: the zero point is the integer that stands for 0', () => {
    // -1 … 1.55 spans 2.55: 255 steps of 0.01; 0 is 100 steps above -128, so the zero point is -28.
    const a = quantiseActivations([-1, 0, 1.55]);
    expect(a.scale).toBeCloseTo(0.01, 12);
    expect(a.zeroPoint).toBe(-28);
    expect(Array.from(a.values)).toEqual([-128, -28, 127]);
    // Values from 0 to 2.55 (a sigmoid or ReLU layer's outputs): zero point -128, 1.234 → -5.
    const b = quantiseActivations([0, 1.234, 2.55]);
    expect(b.zeroPoint).toBe(-128);
    expect(Array.from(b.values)).toEqual([-128, -5, 127]);
    expect(b.scale * (b.values[1] - b.zeroPoint)).toBeCloseTo(1.23, 10);
  });
});

describe('round trips', () => {
  it('every weight comes back within scale / 2', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 50; trial++) {
      const spread = 10 ** (4 * rng() - 2);
      const weights = Array.from({ length: 1 + Math.floor(rng() * 40) }, () => (2 * rng() - 1) * spread);
      const scale = symmetricScale(weights);
      const back = dequantiseWeights(quantiseWeights(weights, scale), scale);
      weights.forEach((w, i) => expect(Math.abs(back[i] - w)).toBeLessThanOrEqual(scale / 2));
    }
  });

  it('every activation comes back within scale / 2, and 0 exactly', () => {
    const rng = createRng(8);
    for (let trial = 0; trial < 50; trial++) {
      const shift = 4 * rng() - 2;
      const values = Array.from({ length: 1 + Math.floor(rng() * 30) }, () => shift + 3 * rng());
      values.push(0);
      const { values: q, scale, zeroPoint } = quantiseActivations(values);
      values.forEach((v, i) => expect(Math.abs(scale * (q[i] - zeroPoint) - v)).toBeLessThanOrEqual(scale / 2 + 1e-15));
      expect(scale * (q[values.length - 1] - zeroPoint)).toBe(0);
    }
  });

  it("quantise stores every weight as int8 within its layer's scale / 2, and leaves the network alone", () => {
    const { network } = moons();
    const copy = JSON.stringify(network);
    const q = quantise(network);
    expect(JSON.stringify(network)).toBe(copy);
    q.layers.forEach((layer, l) => {
      layer.weights.forEach((row, j) => {
        expect(row).toBeInstanceOf(Int8Array);
        row.forEach((v, i) =>
          expect(Math.abs(layer.weightScale * v - network.weights[l][j][i])).toBeLessThanOrEqual(layer.weightScale / 2),
        );
      });
      expect(Math.max(...layer.weights.map((row) => Math.max(...Array.from(row, Math.abs))))).toBe(127);
    });
  });
});

describe('the quantised network agrees with the float one', () => {
  // outputErrorBounds derives, layer by layer, how far int8 rounding can move each output
  // (its comment gives the derivation); every test example must stay within it.
  it('on the moons test set: every output within its bound (at most 0.1972), the same class for 300 of 300', () => {
    const { network, test } = moons();
    const q = quantise(network);
    let same = 0;
    let largest = 0;
    let largestBound = 0;
    for (const { inputs } of test) {
      const exact = predict(network, inputs);
      const small = predictQuantised(q, inputs);
      const bounds = outputErrorBounds(network, q, inputs);
      expect(small).toHaveLength(exact.length);
      expect(Math.abs(small[0] - exact[0])).toBeLessThanOrEqual(bounds[0]);
      if (exact[0] >= 0.5 === small[0] >= 0.5) same++;
      largest = Math.max(largest, Math.abs(small[0] - exact[0]));
      largestBound = Math.max(largestBound, bounds[0]);
    }
    expect(test).toHaveLength(300);
    expect(same).toBe(300);
    expect(largest.toFixed(4)).toBe('0.0084');
    expect(largestBound.toFixed(4)).toBe('0.1972');
  });

  it('on random networks of every activation, depth and width: within the bound', () => {
    const rng = createRng(11);
    const activations = ['sigmoid', 'tanh', 'relu'] as const;
    for (let trial = 0; trial < 60; trial++) {
      const depth = 1 + Math.floor(rng() * 3);
      const sizes = Array.from({ length: depth + 1 }, () => 1 + Math.floor(rng() * 12));
      const network = createNetwork(sizes, rng, { activation: activations[trial % 3], outputActivation: activations[(trial + 1) % 3] });
      network.biases = network.biases.map((layer) => layer.map(() => 2 * rng() - 1));
      const q = quantise(network);
      for (let n = 0; n < 10; n++) {
        const inputs = sizes.slice(0, 1).flatMap((d) => Array.from({ length: d }, () => 6 * rng() - 3));
        const exact = predict(network, inputs);
        const small = predictQuantised(q, inputs);
        const bounds = outputErrorBounds(network, q, inputs);
        expect(small).toHaveLength(sizes[sizes.length - 1]);
        small.forEach((v, k) => expect(Math.abs(v - exact[k])).toBeLessThanOrEqual(bounds[k]));
      }
    }
  });

  it("the float64 and float32 copies give the float network's outputs (float32 within its rounding)", () => {
    const { network, test } = moons();
    const f64 = toFloatArrays(network, 'float64');
    const f32 = toFloatArrays(network, 'float32');
    for (const { inputs } of test.slice(0, 50)) {
      expect(predictFloat(f64, inputs)[0]).toBeCloseTo(predict(network, inputs)[0], 12);
      expect(predictFloat(f32, inputs)[0]).toBeCloseTo(predict(network, inputs)[0], 5);
    }
  });
});

describe('sizes in bytes', () => {
  it('a 3-4-2 network, counted by hand', () => {
    // 3·4 + 4·2 = 20 weights and 4 + 2 = 6 biases: 26 numbers.
    const network = createNetwork([3, 4, 2], createRng(1));
    expect(parameterCount(network)).toBe(26);
    expect(floatByteSize(network, 'float64')).toBe(208);
    expect(floatByteSize(network, 'float32')).toBe(104);
    // int8: 20 weights × 1 byte + 2 layer scales × 4 + 6 float32 biases × 4 = 52.
    expect(byteSize(quantise(network))).toBe(52);
    expect(floatArraysByteSize(toFloatArrays(network, 'float64'))).toBe(208);
    expect(floatArraysByteSize(toFloatArrays(network, 'float32'))).toBe(104);
  });

  it("the lesson's figures: 2-16-1 is 520, 260 and 124 bytes; 2-64-64-1 and 640-128-128-4 as printed", () => {
    const sizes = (s: number[]) => {
      const n = createNetwork(s, createRng(1));
      return [floatByteSize(n, 'float64'), floatByteSize(n, 'float32'), byteSize(quantise(n))];
    };
    expect(sizes([2, 16, 1])).toEqual([520, 260, 48 + 2 * 4 + 17 * 4]);
    expect(sizes([2, 64, 64, 1])).toEqual([35336, 17668, 4288 + 3 * 4 + 129 * 4]);
    expect(sizes([640, 128, 128, 4])).toEqual([792608, 396304, 98816 + 3 * 4 + 260 * 4]);
  });
});

describe('edge cases', () => {
  it('an all-zero layer: scale 1, every int8 0, and the same outputs as the float network', () => {
    const network = createNetwork([2, 3, 1], createRng(2));
    network.weights[0] = network.weights[0].map((row) => row.map(() => 0));
    network.biases[0] = [0.5, -0.25, 0];
    const q = quantise(network);
    expect(q.layers[0].weightScale).toBe(1);
    expect(q.layers[0].weights.every((row) => row.every((v) => v === 0))).toBe(true);
    expect(symmetricScale([])).toBe(1);
    for (const inputs of [
      [0, 0],
      [1, -2],
      [3.5, 0.1],
    ]) {
      expect(predictQuantised(q, inputs)[0]).toBeCloseTo(predict(network, inputs)[0], 2);
      expect(Math.abs(predictQuantised(q, inputs)[0] - predict(network, inputs)[0])).toBeLessThanOrEqual(
        outputErrorBounds(network, q, inputs)[0],
      );
    }
  });

  it('a single huge weight takes the whole range: the small weights of its layer round to 0', () => {
    const weights = [1000, 0.01, -0.5, 3];
    const scale = symmetricScale(weights);
    expect(scale).toBeCloseTo(1000 / 127, 4);
    expect(Array.from(quantiseWeights(weights, scale))).toEqual([127, 0, 0, 0]);
    // Still within half a step each; but the step is now 3.9, which is the price of one scale per layer.
    const back = dequantiseWeights(quantiseWeights(weights, scale), scale);
    weights.forEach((w, i) => expect(Math.abs(back[i] - w)).toBeLessThanOrEqual(scale / 2));
    const network = createNetwork([2, 2, 1], createRng(3));
    network.weights[0][0][0] = 1000;
    const q = quantise(network);
    expect(q.layers[0].weights[0][0]).toBe(127);
    const inputs = [0.2, -0.1];
    expect(Math.abs(predictQuantised(q, inputs)[0] - predict(network, inputs)[0])).toBeLessThanOrEqual(
      outputErrorBounds(network, q, inputs)[0],
    );
  });

  it('inputs that are all equal, or all negative, still quantise', () => {
    const zeros = quantiseActivations([0, 0]);
    expect(zeros.scale).toBe(1);
    expect(Array.from(zeros.values, (v) => zeros.scale * (v - zeros.zeroPoint))).toEqual([0, 0]);
    // -2.55 … 0 in steps of 0.01: 0 is the top level, 127; -1 is 100 steps below it.
    const negative = quantiseActivations([-2.55, -1]);
    expect(negative.zeroPoint).toBe(127);
    expect(Array.from(negative.values)).toEqual([-128, 27]);
  });
});

describe('errors for bad input', () => {
  const network = () => createNetwork([2, 3, 1], createRng(1));
  it('quantise: not a network, a weight that is not a finite number, mismatched layers', () => {
    expect(() => quantise(null as unknown as Network)).toThrow('quantise needs a network from createNetwork or train');
    const bad = network();
    bad.weights[1][0][2] = NaN;
    expect(() => quantise(bad)).toThrow('weights[1][0][2] must be a finite number, got NaN');
    const badBias = network();
    badBias.biases[0][1] = Infinity;
    expect(() => quantise(badBias)).toThrow('biases[0][1] must be a finite number, got Infinity');
    const short = network();
    short.weights.pop();
    expect(() => quantise(short)).toThrow('a network with 3 layers has 2 weight layers, got 1');
  });
  it('predictQuantised and outputErrorBounds: wrong number of inputs, or not a number', () => {
    const q = quantise(network());
    expect(() => predictQuantised(q, [1])).toThrow("inputs must have 2 numbers (the network's first layer), got 1");
    expect(() => predictQuantised(q, [1, NaN])).toThrow('inputs[1] must be a finite number, got NaN');
    expect(() => outputErrorBounds(network(), q, [1, 2, 3])).toThrow('inputs must have 2 numbers');
    expect(() => predictFloat(toFloatArrays(network(), 'float32'), [1])).toThrow('inputs must have 2 numbers');
  });
});

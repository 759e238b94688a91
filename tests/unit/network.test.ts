// SPDX-License-Identifier: MIT
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeMoons, makeXor } from '../../code/data/datasets';
import {
  createNetwork,
  gradients,
  hiddenDeltas,
  loss,
  outputDeltas,
  predict,
  sigmoid,
  train,
  trainMiniBatch,
  type Network,
  type TrainingExample,
} from '../../code/neural-network/network';
import * as fast from '../../code/neural-network/network-fast';
import { buildKernels } from '../../code/neural-network/simd/kernels';
import { KERNELS_BASE64 } from '../../code/neural-network/simd/kernel-bytes';
import { kernelsSource } from '../../code/neural-network/simd/source';
import { predictTf, trainTf } from '../../code/neural-network/network.tfjs';
import { createRng } from '../../code/shared/random';
import { useBackend } from '../../code/shared/tf-backend';

const ref = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/network-2-3-1.json'), 'utf8'));
const referenceNetwork = (): Network => ({
  layerSizes: [2, 3, 1],
  activation: 'sigmoid',
  outputActivation: 'sigmoid',
  weights: JSON.parse(JSON.stringify(ref.weights)),
  biases: JSON.parse(JSON.stringify(ref.biases)),
});
const xor = (ref.inputs as number[][]).map((inputs, i) => ({ inputs, targets: ref.targets[i] as number[] }));
const relative = (a: number, e: number) => Math.abs(a - e) / Math.max(1e-12, Math.abs(e));

describe('hand-checkable', () => {
  it('a single sigmoid neuron with zero weights outputs 0.5', () => {
    const net = createNetwork([2, 1], createRng(1));
    net.weights[0][0] = [0, 0];
    expect(predict(net, [3, -7])).toEqual([0.5]);
  });
  it('creates JSON-serialisable data with weights[l][j][i]', () => {
    const net = createNetwork([2, 3, 1], createRng(1), { activation: 'tanh' });
    expect(net.weights.map((l) => [l.length, l[0].length])).toEqual([
      [3, 2],
      [1, 3],
    ]);
    expect(net.biases.map((b) => b.length)).toEqual([3, 1]);
    expect(JSON.parse(JSON.stringify(net))).toEqual(net);
  });
});

describe('against NumPy (2-3-1 sigmoid network on XOR)', () => {
  it('forward pass and loss', () => {
    const net = referenceNetwork();
    xor.forEach(({ inputs }, i) => expect(relative(predict(net, inputs)[0], ref.outputs[i][0])).toBeLessThan(1e-9));
    expect(relative(loss(net, xor), ref.loss)).toBeLessThan(1e-9);
  });
  it('backpropagation gives the exact gradients', () => {
    const g = gradients(referenceNetwork(), xor);
    g.weights.forEach((layer, l) =>
      layer.forEach((row, j) => row.forEach((v, i) => expect(relative(v, ref.gradients.weights[l][j][i])).toBeLessThan(1e-9))),
    );
    g.biases.forEach((layer, l) => layer.forEach((v, j) => expect(relative(v, ref.gradients.biases[l][j])).toBeLessThan(1e-9)));
  });
  it('one step of gradient descent gives the reference loss', () => {
    const { losses, network } = train(referenceNetwork(), xor, { learningRate: ref.after_one_step.learning_rate, epochs: 1 });
    expect(relative(losses[0], ref.after_one_step.loss)).toBeLessThan(1e-9);
    expect(relative(loss(network, xor), ref.after_one_step.loss)).toBeLessThan(1e-9);
  });
});

describe('gradients against finite differences', () => {
  const cases = [
    ...(['sigmoid', 'tanh', 'relu'] as const).map((activation) => ({ activation, sizes: [2, 4, 3, 2] })),
    { activation: 'tanh' as const, sizes: [1, 3, 1] },
    { activation: 'relu' as const, sizes: [3, 1, 2] },
  ];
  for (const { activation, sizes } of cases) {
    it(`${activation} hidden layers, ${sizes.join('-')} network`, () => {
      const net = createNetwork(sizes, createRng(9), { activation });
      net.biases = net.biases.map((b) => b.map((_, j) => 0.1 * (j + 1)));
      const rng = createRng(4);
      const examples = Array.from({ length: 5 }, () => ({
        inputs: Array.from({ length: sizes[0] }, () => rng() * 2 - 1),
        targets: Array.from({ length: sizes.at(-1)! }, () => rng()),
      }));
      const g = gradients(net, examples);
      const h = 1e-6;
      net.weights.forEach((layer, l) =>
        layer.forEach((row, j) =>
          row.forEach((w, i) => {
            row[i] = w + h;
            const up = loss(net, examples);
            row[i] = w - h;
            const down = loss(net, examples);
            row[i] = w;
            expect(g.weights[l][j][i]).toBeCloseTo((up - down) / (2 * h), 7);
          }),
        ),
      );
      net.biases.forEach((layer, l) =>
        layer.forEach((b, j) => {
          layer[j] = b + h;
          const up = loss(net, examples);
          layer[j] = b - h;
          const down = loss(net, examples);
          layer[j] = b;
          expect(g.biases[l][j]).toBeCloseTo((up - down) / (2 * h), 7);
        }),
      );
    });
  }
});

describe('training', () => {
  it('solves XOR from a fixed seed, and the loss falls', () => {
    const net = createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' });
    const { network, losses } = train(net, xor, { learningRate: 0.5, epochs: 3000 });
    expect(losses).toHaveLength(3000);
    expect(losses[2999]).toBeLessThan(0.01);
    expect(losses[2999]).toBeLessThan(losses[0]);
    xor.forEach(({ inputs, targets }) => expect(Math.round(predict(network, inputs)[0])).toBe(targets[0]));
    // the network passed in is not changed
    expect(net).toEqual(createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' }));
  });
  it('explains bad input', () => {
    const net = createNetwork([2, 3, 1], createRng(1));
    expect(() => createNetwork([2], createRng(1))).toThrow(
      'layerSizes must list at least an input and an output layer, e.g. [2, 3, 1], got [2]',
    );
    expect(() => createNetwork([2, 0, 1], createRng(1))).toThrow('layer 1 must have a whole number of neurons ≥ 1, got 0');
    expect(() => createNetwork([2, 1], createRng(1), { activation: 'step' as never })).toThrow(
      'activation must be one of sigmoid, tanh, relu, got "step"',
    );
    expect(() => predict(net, [1, 2, 3])).toThrow("inputs must have 2 inputs (the network's first layer), got 3");
    expect(() => train(net, [{ inputs: [1, 2], targets: [1, 0] }], { learningRate: 0.1, epochs: 1 })).toThrow(
      "examples[0].targets must have 1 values (the network's last layer), got 2",
    );
    expect(() => train(net, [{ inputs: [1], targets: [1] }], { learningRate: 0.1, epochs: 1 })).toThrow(
      "examples[0].inputs must have 2 inputs (the network's first layer), got 1",
    );
    expect(() => train(net, xor, { learningRate: 0, epochs: 1 })).toThrow('learningRate must be a number greater than 0, got 0');
    expect(() => train(net, [], { learningRate: 0.1, epochs: 1 })).toThrow('training needs at least one example, got none');
    expect(() => predict(net, [NaN, 1])).toThrow('inputs[0] must be a finite number, got NaN');
  });
});

describe('the same network in TensorFlow.js layers (float32: 1e-4)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  it('predicts the reference outputs', async () => {
    const outputs = await predictTf(referenceNetwork(), ref.inputs);
    outputs.forEach((o, i) => expect(relative(o[0], ref.outputs[i][0])).toBeLessThan(1e-4));
  });
  it('takes the same gradient-descent step as the plain version', async () => {
    const plain = train(referenceNetwork(), xor, { learningRate: 0.5, epochs: 3 }).network;
    const { network, losses } = await trainTf(referenceNetwork(), xor, { learningRate: 0.5, epochs: 3 });
    expect(relative(losses[0], ref.loss)).toBeLessThan(1e-4);
    network.weights.forEach((layer, l) =>
      layer.forEach((row, j) => row.forEach((w, i) => expect(Math.abs(w - plain.weights[l][j][i])).toBeLessThan(1e-4))),
    );
  });
});

describe('network-fast.ts trains the same network as network.ts (within 1e-9)', () => {
  type Result = { network: Network; losses: number[] };
  /** Largest difference between two training results, over every loss, weight and bias. */
  function largestDifference(a: Result, b: Result): number {
    let worst = 0;
    const compare = (x: number, y: number) => (worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(y))));
    a.losses.forEach((v, e) => compare(v, b.losses[e]));
    a.network.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((v, i) => compare(v, b.network.weights[l][j][i]))));
    a.network.biases.forEach((layer, l) => layer.forEach((v, j) => compare(v, b.network.biases[l][j])));
    expect(a.losses).toHaveLength(b.losses.length);
    expect(a.network.layerSizes).toEqual(b.network.layerSizes);
    return worst;
  }
  const trainers = { train: fast.train, trainMatrix: fast.trainMatrix, trainSimd: fast.trainSimd };
  const moons = makeMoons(1000, 0.15, createRng(3)).map((e) => ({ inputs: e.features, targets: [e.label === 'upper' ? 1 : 0] }));
  const xorExamples = makeXor().map((e) => ({ inputs: e.features, targets: [Number(e.label)] }));
  const rng = createRng(21);
  const odd = Array.from({ length: 13 }, () => ({ inputs: [rng() * 4 - 2, rng() * 4 - 2, rng()], targets: [rng(), rng()] }));
  const cases: { name: string; start: () => Network; examples: TrainingExample[]; epochs: number; learningRate: number }[] = [
    {
      name: 'the NumPy reference network on XOR',
      start: referenceNetwork,
      examples: xor,
      epochs: 3,
      learningRate: ref.after_one_step.learning_rate,
    },
    {
      name: "the bench's 2-16-1 task (1,000 examples)",
      start: () => createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' }),
      examples: moons,
      epochs: 100,
      learningRate: 0.5,
    },
    {
      name: 'a 2-4-1 network learning XOR',
      start: () => createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' }),
      examples: xorExamples,
      epochs: 3000,
      learningRate: 0.5,
    },
    ...(['sigmoid', 'tanh', 'relu'] as const).map((activation) => ({
      name: `${activation}, 3-5-4-2, 13 examples (not a multiple of 8)`,
      start: () => createNetwork([3, 5, 4, 2], createRng(8), { activation, outputActivation: activation === 'relu' ? 'relu' : 'sigmoid' }),
      examples: odd,
      epochs: 200,
      learningRate: 0.3,
    })),
    {
      name: 'one example, no hidden layer',
      start: () => createNetwork([3, 2], createRng(2)),
      examples: odd.slice(0, 1),
      epochs: 50,
      learningRate: 0.5,
    },
  ];
  for (const { name, start, examples, epochs, learningRate } of cases) {
    it(name, () => {
      const expected = train(start(), examples, { learningRate, epochs });
      for (const [trainer, trainFast] of Object.entries(trainers)) {
        const before = start();
        const result = trainFast(before, examples, { learningRate, epochs });
        expect(largestDifference(result, expected), trainer).toBeLessThan(1e-9);
        expect(before, `${trainer} leaves its input alone`).toEqual(start());
      }
    });
  }
  it('reports every epoch, and gives the same result when train is called again from onEpoch', () => {
    const start = createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' });
    const inner: number[] = [];
    const seen: number[] = [];
    const outer = fast.train(start, xorExamples, {
      learningRate: 0.5,
      epochs: 5,
      onEpoch: (epoch, l) => {
        seen.push(l);
        if (epoch === 2) inner.push(...fast.train(start, xorExamples, { learningRate: 0.5, epochs: 5 }).losses);
      },
    });
    expect(seen).toEqual(outer.losses);
    expect(inner).toHaveLength(5);
    inner.forEach((l, e) => expect(Math.abs(l - outer.losses[e])).toBeLessThan(1e-12));
  });
  it('explains bad input with the same messages as network.ts', () => {
    const net = createNetwork([2, 3, 1], createRng(1));
    for (const trainFast of Object.values(trainers)) {
      expect(() => trainFast(net, [], { learningRate: 0.1, epochs: 1 })).toThrow('training needs at least one example, got none');
      expect(() => trainFast(net, xor, { learningRate: -1, epochs: 1 })).toThrow('learningRate must be a number greater than 0, got -1');
      expect(() => trainFast(net, xor, { learningRate: 0.1, epochs: 1.5 })).toThrow('epochs must be a whole number of at least 1, got 1.5');
      expect(() => trainFast(net, [{ inputs: [1, NaN], targets: [1] }], { learningRate: 0.1, epochs: 1 })).toThrow(
        'examples[0].inputs[1] must be a finite number, got NaN',
      );
    }
  });
  it('ships the WebAssembly module that simd/build.ts makes from simd/kernels.ts', () => {
    const bytes = buildKernels();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(KERNELS_BASE64).toBe(Buffer.from(bytes).toString('base64'));
    const committed = fs.readFileSync(path.join(__dirname, '../../code/neural-network/simd/kernel-bytes.ts'), 'utf8');
    expect(committed).toBe(kernelsSource(bytes));
  });
});

describe('network.ts stays the readable version', () => {
  const source = fs.readFileSync(path.join(__dirname, '../../code/neural-network/network.ts'), 'utf8');
  it('has no typed arrays and no table-driven exp', () => {
    expect(source).not.toMatch(/Float64Array|fastExp|fast-exp/);
  });
  it('fits a phone-width editor: no line longer than 80 characters', () => {
    const long = source
      .split('\n')
      .map((line, i) => ({ line: i + 1, length: [...line].length }))
      .filter((l) => l.length > 80);
    expect(long).toEqual([]);
  });
});

describe("backpropagation step by step (the lesson's worked example)", () => {
  const neuron = (): Network => ({
    layerSizes: [2, 1],
    activation: 'sigmoid',
    outputActivation: 'sigmoid',
    weights: [[[0.5, -0.25]]],
    biases: [[0]],
  });
  const example = { inputs: [1, 2], targets: [1] };
  it('one sigmoid neuron: z = 0, a = 0.5, δ = −0.25, then w = (0.625, 0), b = 0.125 with η = 0.5', () => {
    expect(predict(neuron(), example.inputs)).toEqual([0.5]);
    expect(loss(neuron(), [example])).toBe(0.25);
    expect(outputDeltas([0.5], [1], 1, 'sigmoid')).toEqual([-0.25]);
    const g = gradients(neuron(), [example]);
    expect(g.weights[0][0]).toEqual([-0.25, -0.5]);
    expect(g.biases[0][0]).toBe(-0.25);
    const { network, losses } = train(neuron(), [example], { learningRate: 0.5, epochs: 1 });
    expect(network.weights[0][0]).toEqual([0.625, 0]);
    expect(network.biases[0][0]).toBe(0.125);
    expect(losses[0]).toBeCloseTo((1 - sigmoid(0.75)) ** 2, 15);
  });
  it('hiddenDeltas: weighted sum of the δs above times the slope', () => {
    // (1 · 0.4 + 3 · −0.2) · 0.5 · (1 − 0.5) = −0.05; tanh: · (1 − 0.5²)
    expect(hiddenDeltas([[1], [3]], [0.4, -0.2], [0.5], 'sigmoid')[0]).toBeCloseTo(-0.05, 15);
    expect(hiddenDeltas([[1], [3]], [0.4, -0.2], [0.5], 'tanh')[0]).toBeCloseTo(-0.15, 15);
  });
  it('the slopes σ′ = σ(1 − σ) and tanh′ = 1 − tanh² match finite differences', () => {
    const h = 1e-6;
    for (const z of [-3, -0.5, 0, 0.75, 2]) {
      const s = sigmoid(z);
      expect(s * (1 - s)).toBeCloseTo((sigmoid(z + h) - sigmoid(z - h)) / (2 * h), 9);
      const t = Math.tanh(z);
      expect(1 - t * t).toBeCloseTo((Math.tanh(z + h) - Math.tanh(z - h)) / (2 * h), 9);
    }
  });
});

describe('trainMiniBatch', () => {
  const moons = makeMoons(40, 0.2, createRng(5)).map((e) => ({ inputs: e.features, targets: [e.label === 'upper' ? 1 : 0] }));
  const start = () => createNetwork([2, 3, 1], createRng(1), { activation: 'tanh' });
  it('with one batch of every example, takes exactly the steps of train', () => {
    const full = train(start(), moons, { learningRate: 0.5, epochs: 20 });
    for (const batchSize of [40, 100]) {
      expect(trainMiniBatch(start(), moons, { learningRate: 0.5, epochs: 20, batchSize })).toEqual(full);
    }
  });
  it('with batches, takes one step per batch on that batch alone', () => {
    // two epochs of batches of 16 on 40 examples: 16, 16, 8, then again
    let expected = start();
    for (let epoch = 0; epoch < 2; epoch++) {
      for (const [from, to] of [
        [0, 16],
        [16, 32],
        [32, 40],
      ]) {
        expected = train(expected, moons.slice(from, to), { learningRate: 0.5, epochs: 1 }).network;
      }
    }
    const before = start();
    const { network, losses } = trainMiniBatch(before, moons, { learningRate: 0.5, epochs: 2, batchSize: 16 });
    expect(network).toEqual(expected);
    expect(losses).toHaveLength(2);
    expect(losses[1]).toBe(loss(expected, moons));
    expect(before).toEqual(start());
  });
  it('shuffles before every epoch when given an rng, and reports every epoch', () => {
    const seen: number[] = [];
    const a = trainMiniBatch(start(), moons, {
      learningRate: 0.5,
      epochs: 3,
      batchSize: 1,
      rng: createRng(2),
      onEpoch: (_, l) => seen.push(l),
    });
    const b = trainMiniBatch(start(), moons, { learningRate: 0.5, epochs: 3, batchSize: 1, rng: createRng(2) });
    const unshuffled = trainMiniBatch(start(), moons, { learningRate: 0.5, epochs: 3, batchSize: 1 });
    expect(a).toEqual(b);
    expect(seen).toEqual(a.losses);
    expect(a.network).not.toEqual(unshuffled.network);
  });
  it('explains a bad batch size', () => {
    expect(() => trainMiniBatch(start(), moons, { learningRate: 0.5, epochs: 1, batchSize: 0 })).toThrow(
      'batchSize must be a whole number of at least 1, got 0',
    );
    expect(() => trainMiniBatch(start(), moons, { learningRate: 0.5, epochs: 1, batchSize: 2.5 })).toThrow(
      'batchSize must be a whole number of at least 1, got 2.5',
    );
  });
});

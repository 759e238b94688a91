// SPDX-License-Identifier: MIT
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNetwork, gradients, loss, predict, train, type Network } from '../../code/neural-network/network';
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
    expect(net.weights.map((l) => [l.length, l[0].length])).toEqual([[3, 2], [1, 3]]);
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
    g.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((v, i) => expect(relative(v, ref.gradients.weights[l][j][i])).toBeLessThan(1e-9))));
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
      const examples = Array.from({ length: 5 }, () => ({ inputs: Array.from({ length: sizes[0] }, () => rng() * 2 - 1), targets: Array.from({ length: sizes.at(-1)! }, () => rng()) }));
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
    expect(() => createNetwork([2], createRng(1))).toThrow('layerSizes must list at least an input and an output layer, e.g. [2, 3, 1], got [2]');
    expect(() => createNetwork([2, 0, 1], createRng(1))).toThrow('layer 1 must have a whole number of neurons ≥ 1, got 0');
    expect(() => createNetwork([2, 1], createRng(1), { activation: 'step' as never })).toThrow('activation must be one of sigmoid, tanh, relu, got "step"');
    expect(() => predict(net, [1, 2, 3])).toThrow("inputs must have 2 inputs (the network's first layer), got 3");
    expect(() => train(net, [{ inputs: [1, 2], targets: [1, 0] }], { learningRate: 0.1, epochs: 1 })).toThrow("examples[0].targets must have 1 values (the network's last layer), got 2");
    expect(() => train(net, [{ inputs: [1], targets: [1] }], { learningRate: 0.1, epochs: 1 })).toThrow("examples[0].inputs must have 2 inputs (the network's first layer), got 1");
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
    network.weights.forEach((layer, l) => layer.forEach((row, j) => row.forEach((w, i) => expect(Math.abs(w - plain.weights[l][j][i])).toBeLessThan(1e-4))));
  });
});

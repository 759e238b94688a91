// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { createRng } from '../../code/shared/random';
import { createNetwork, train } from '../../code/neural-network/network';
import { makeMoons } from '../../code/data/datasets';
import {
  evaluate,
  federatedAverage,
  parameterCount,
  rawDataBytes,
  runFederated,
  splitAcrossDevices,
  toTrainingExamples,
  validateSettings,
  type FederatedSettings,
  type Network,
} from '../../code/federated/fedavg';

const settings: FederatedSettings = { devices: 3, rounds: 4, localEpochs: 1, learningRate: 0.5, skew: 0 };

function tiny(w: number, b: number): Network {
  const net = createNetwork([1, 1], createRng(1));
  net.weights[0][0][0] = w;
  net.biases[0][0] = b;
  return net;
}

describe('federatedAverage', () => {
  it('weights each device by its number of examples (checked by hand)', () => {
    const avg = federatedAverage([
      { network: tiny(1, 10), exampleCount: 1 },
      { network: tiny(5, 2), exampleCount: 3 },
    ]);
    // (1·1 + 3·5) / 4 = 4 and (1·10 + 3·2) / 4 = 4
    expect(avg.weights[0][0][0]).toBe(4);
    expect(avg.biases[0][0]).toBe(4);
  });

  it('ignores devices without examples and does not change its inputs', () => {
    const a = tiny(2, 2);
    const avg = federatedAverage([
      { network: a, exampleCount: 2 },
      { network: tiny(100, 100), exampleCount: 0 },
    ]);
    expect(avg.weights[0][0][0]).toBe(2);
    expect(avg).not.toBe(a);
  });

  it('explains what is wrong with bad updates', () => {
    expect(() => federatedAverage([])).toThrow('federatedAverage needs at least one update with examples, got 0 update(s) and none with examples');
    const other = createNetwork([1, 2, 1], createRng(2));
    expect(() => federatedAverage([{ network: tiny(1, 1), exampleCount: 1 }, { network: other, exampleCount: 1 }])).toThrow(/every device must send a network of the same shape/);
  });
});

describe('runFederated', () => {
  const rng = createRng(7);
  const examples = makeMoons(60, 0.1, rng);
  const data = toTrainingExamples(examples, examples[0].label);

  it('matches central training when every device holds the same data', () => {
    const initial = createNetwork([2, 4, 1], createRng(3));
    const devices = [data, data, data];
    const { network } = runFederated(initial, devices, data, { ...settings, rounds: 5 }, createRng(1));
    const central = train(JSON.parse(JSON.stringify(initial)), data, { learningRate: 0.5, epochs: 5 }).network;
    network.weights.forEach((layer, l) =>
      layer.forEach((row, j) => row.forEach((w, i) => expect(w).toBeCloseTo(central.weights[l][j][i], 12))),
    );
    network.biases.forEach((layer, l) => layer.forEach((b, j) => expect(b).toBeCloseTo(central.biases[l][j], 12)));
  });

  it('handles devices that drop out of a round, and keeps the model when all do', () => {
    const initial = createNetwork([2, 4, 1], createRng(3));
    const slices = [data.slice(0, 20), data.slice(20, 40), data.slice(40)];
    const { rounds } = runFederated(initial, slices, data, { ...settings, rounds: 20, dropout: 0.5 }, createRng(5));
    expect(rounds.some((r) => r.participating < 3)).toBe(true);
    for (const r of rounds) expect(r.bytes).toBe(parameterCount(initial) * 4 * (3 + r.participating));

    const before = evaluate(initial, data);
    const allGone = runFederated(initial, slices, data, { ...settings, rounds: 1, dropout: 0.999999 }, () => 0.5);
    expect(allGone.rounds[0].participating).toBe(0);
    expect(allGone.rounds[0].accuracy).toBe(before.accuracy);
  });

  it('learns moons across uneven devices', () => {
    const split = splitAcrossDevices(examples, 4, 0.8, createRng(11));
    expect(split.flat()).toHaveLength(examples.length);
    const slices = split.map((s) => toTrainingExamples(s, examples[0].label));
    const initial = createNetwork([2, 8, 1], createRng(4), { activation: 'tanh' });
    const { rounds } = runFederated(initial, slices, data, { devices: 4, rounds: 30, localEpochs: 5, learningRate: 0.3, skew: 0.8 }, createRng(2));
    expect(rounds.at(-1)!.accuracy).toBeGreaterThan(0.75);
  });

  it('counts raw-data bytes as float32 features plus a label byte', () => {
    expect(rawDataBytes([{ inputs: [1, 2] }, { inputs: [3, 4] }])).toBe(2 * (2 * 4 + 1));
  });
});

describe('splitAcrossDevices', () => {
  const labelled = Array.from({ length: 100 }, (_, i) => ({ label: i % 2 === 0 ? 'a' : 'b' }));
  it('gives each device only its own label when skew is 1', () => {
    const slices = splitAcrossDevices(labelled, 2, 1, createRng(1));
    expect(new Set(slices[0].map((e) => e.label)).size).toBe(1);
    expect(new Set(slices[1].map((e) => e.label)).size).toBe(1);
  });
  it('mixes labels on every device when skew is 0', () => {
    const slices = splitAcrossDevices(labelled, 4, 0, createRng(1));
    for (const s of slices) expect(new Set(s.map((e) => e.label)).size).toBe(2);
  });
});

describe('settings', () => {
  it('rejects malformed settings with a clear message', () => {
    expect(() => validateSettings({ ...settings, devices: 0 })).toThrow('devices must be an integer from 1 to 64, got 0');
    expect(() => validateSettings({ ...settings, rounds: 1.5 })).toThrow('rounds must be an integer of at least 1, got 1.5');
    expect(() => validateSettings({ ...settings, localEpochs: 0 })).toThrow('localEpochs must be an integer of at least 1, got 0');
    expect(() => validateSettings({ ...settings, learningRate: -1 })).toThrow('learningRate must be a number greater than 0, got -1');
    expect(() => validateSettings({ ...settings, skew: 2 })).toThrow('skew must be between 0 and 1, got 2');
    expect(() => validateSettings({ ...settings, dropout: 1 })).toThrow('dropout must be at least 0 and less than 1, got 1');
    expect(() => runFederated(createNetwork([2, 1], createRng(1)), [[]], [], settings, createRng(1))).toThrow('deviceData must hold one slice per device: expected 3, got 1');
  });
});

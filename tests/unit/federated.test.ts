// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { createRng } from '../../code/shared/random';
import { createNetwork } from '../../code/neural-network/network';
// fedavg.ts trains with network-fast.ts; bit-for-bit comparisons use the same trainer
import { train } from '../../code/neural-network/network-fast';
import { makeMoons } from '../../code/data/datasets';
import { exactWeightedMean } from '../../code/shared/exact-mean';
import {
  chooseDevices,
  evaluate,
  federatedAverage,
  parameterCount,
  rawDataBytes,
  runFederated,
  splitAcrossDevices,
  trainOnDevice,
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

/** A dyadic rational as a BigInt scaled by 2^1100, so weighted means can be checked exactly. */
const SCALE = 1100n;
function scaled(x: number): bigint {
  let mantissa = x;
  let exponent = 0;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    exponent--;
  }
  return BigInt(mantissa) * 2n ** (SCALE + BigInt(exponent));
}

describe('exactWeightedMean', () => {
  it('gives back the value itself when every value is the same, for 1 to 64 devices and any counts', () => {
    const rng = createRng(3);
    for (let devices = 1; devices <= 64; devices++) {
      for (const value of [0.1, -0.7, 1 / 3, 2.5e-8, -123456.789, rng() - 0.5]) {
        const counts = Array.from({ length: devices }, () => 1 + Math.floor(rng() * 500));
        expect(exactWeightedMean(Array(devices).fill(value), counts)).toBe(value);
      }
    }
  });

  it('is the true weighted mean rounded once (checked against exact integer arithmetic)', () => {
    const rng = createRng(9);
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(rng() * 10);
      const values = Array.from({ length: n }, () => (rng() - 0.5) * 2 ** Math.floor(rng() * 40 - 20));
      const counts = Array.from({ length: n }, () => Math.floor(rng() * 100));
      counts[0] += 1;
      const mean = exactWeightedMean(values, counts);
      let numerator = 0n;
      values.forEach((v, k) => (numerator += BigInt(counts[k]) * scaled(v)));
      const exact = numerator / BigInt(counts.reduce((a, b) => a + b, 0));
      const error = scaled(mean) - exact;
      const halfUlp = scaled(Math.abs(mean) * 2 ** -53);
      expect(error < 0n ? -error : error).toBeLessThanOrEqual(halfUlp + 1n);
    }
  });

  it('survives cancellation that the obvious loop gets wrong', () => {
    expect(exactWeightedMean([1e16, 1, -1e16], [1, 1, 1])).toBe(1 / 3);
    expect(exactWeightedMean([0.1, 0.1, 0.1, 0.1, 0.1], [1, 1, 1, 1, 1])).toBe(0.1);
  });
});

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

  it("returns the devices' own weights, bit for bit, when they all send the same model", () => {
    const network = createNetwork([2, 8, 1], createRng(12), { activation: 'tanh' });
    for (const devices of [1, 2, 5, 7, 64]) {
      const updates = Array.from({ length: devices }, (_, k) => ({
        network: JSON.parse(JSON.stringify(network)),
        exampleCount: 1 + ((k * 37) % 11),
      }));
      expect(federatedAverage(updates)).toEqual(network);
    }
  });

  it('explains what is wrong with bad updates', () => {
    const ok = { network: tiny(1, 1), exampleCount: 1 };
    expect(() => federatedAverage([ok, { network: tiny(100, 100), exampleCount: -5 }])).toThrow(
      'update 1: exampleCount must be a whole number ≥ 0, got -5',
    );
    expect(() => federatedAverage([ok, { network: tiny(100, 100), exampleCount: NaN }])).toThrow(
      'update 1: exampleCount must be a whole number ≥ 0, got NaN',
    );
    expect(() => federatedAverage([{ network: tiny(1, 1), exampleCount: 2.5 }])).toThrow(
      'update 0: exampleCount must be a whole number ≥ 0, got 2.5',
    );
    expect(() => federatedAverage([ok, { network: tiny(NaN, 1), exampleCount: 1 }])).toThrow(
      'update 1: weights[0][0][0] must be a finite number, got NaN',
    );
    expect(() => federatedAverage([ok, { network: tiny(1, Infinity), exampleCount: 1 }])).toThrow(
      'update 1: biases[0][0] must be a finite number, got Infinity',
    );
    const relu = createNetwork([1, 1], createRng(1), { activation: 'relu', outputActivation: 'relu' });
    expect(() => federatedAverage([ok, { network: relu, exampleCount: 1 }])).toThrow(
      /same shape: expected layers \[1,1\], sigmoid hidden, sigmoid output, got layers \[1,1\], relu hidden, relu output/,
    );
    expect(() => federatedAverage([ok, { network: { ...tiny(1, 1), weights: [[[1, 2]]] }, exampleCount: 1 }])).toThrow(
      "update 1: the network's weights do not match its layers [1,1]",
    );
    expect(() => federatedAverage([])).toThrow(
      'federatedAverage needs at least one update with examples, got 0 update(s) and none with examples',
    );
    const other = createNetwork([1, 2, 1], createRng(2));
    expect(() =>
      federatedAverage([
        { network: tiny(1, 1), exampleCount: 1 },
        { network: other, exampleCount: 1 },
      ]),
    ).toThrow(/every device must send a network of the same shape/);
  });
});

describe('runFederated', () => {
  const rng = createRng(7);
  const examples = makeMoons(60, 0.1, rng);
  const data = toTrainingExamples(examples, examples[0].label);

  it('matches central training, bit for bit, when every device holds the same data', () => {
    for (const [localEpochs, rounds, devices] of [
      [1, 5, 3],
      [5, 4, 7],
      [3, 3, 64],
    ]) {
      const initial = createNetwork([2, 4, 1], createRng(3), { activation: 'tanh' });
      const same = Array.from({ length: devices }, () => data);
      const { network } = runFederated(initial, same, data, { ...settings, devices, rounds, localEpochs }, createRng(1));
      const central = train(JSON.parse(JSON.stringify(initial)), data, { learningRate: 0.5, epochs: localEpochs * rounds }).network;
      expect(network).toEqual(central);
    }
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

  it('leaves a dropped device out of the average', () => {
    const initial = createNetwork([2, 4, 1], createRng(3));
    const slices = [data.slice(0, 20), data.slice(20)];
    // one draw per device and round: device 0 stays (0.9 ≥ 0.5), device 1 drops out (0.1 < 0.5)
    const draws = [0.9, 0.1];
    let next = 0;
    const { network, rounds } = runFederated(
      initial,
      slices,
      data,
      { ...settings, devices: 2, rounds: 1, dropout: 0.5 },
      () => draws[next++],
    );
    expect(rounds[0].participating).toBe(1);
    expect(network).toEqual(trainOnDevice(initial, slices[0], settings).network);
    expect(chooseDevices([[1], [], [2]], 0, () => 0.5)).toEqual([0, 2]);
  });

  it('refuses a run it cannot do, saying why', () => {
    const initial = createNetwork([2, 4, 1], createRng(3));
    expect(() => runFederated(initial, [[], [], []], data, settings, createRng(1))).toThrow(
      "every device's slice is empty: at least one device needs examples to train on",
    );
    expect(() => runFederated(initial, [data, data, data], [], settings, createRng(1))).toThrow(
      'the test set is empty: accuracy needs at least one test example',
    );
    expect(() => runFederated(initial, [data, data, data], data, { ...settings, hidden: [8] }, createRng(1))).toThrow(
      "settings.hidden [8] does not match the initial network's hidden layers [4]",
    );
    const broken = { ...initial, biases: [[0, 0, 0, 0], [NaN]] };
    expect(() => runFederated(broken, [data, data, data], data, settings, createRng(1))).toThrow(
      'the initial network: biases[1][0] must be a finite number, got NaN',
    );
  });

  it('learns moons across uneven devices', () => {
    const split = splitAcrossDevices(examples, 4, 0.8, createRng(11));
    expect(split.flat()).toHaveLength(examples.length);
    const slices = split.map((s) => toTrainingExamples(s, examples[0].label));
    const initial = createNetwork([2, 8, 1], createRng(4), { activation: 'tanh' });
    const { rounds } = runFederated(
      initial,
      slices,
      data,
      { devices: 4, rounds: 30, localEpochs: 5, learningRate: 0.3, skew: 0.8 },
      createRng(2),
    );
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
  it('gives every device at least one example, and refuses to share out fewer examples than devices', () => {
    const few = labelled.slice(0, 10);
    for (const skew of [0, 0.5, 1]) {
      const slices = splitAcrossDevices(few, 10, skew, createRng(4));
      expect(slices.map((s) => s.length)).toEqual(Array(10).fill(1));
    }
    expect(() => splitAcrossDevices(few, 11, 0, createRng(1))).toThrow(
      'devices (11) must not exceed the number of examples (10): every device needs at least one',
    );
    expect(() => splitAcrossDevices([], 3, 0, createRng(1))).toThrow(
      'splitAcrossDevices needs at least one example to share out, got none',
    );
    expect(() => splitAcrossDevices(labelled, 65, 0, createRng(1))).toThrow('devices must be an integer from 1 to 64, got 65');
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
    expect(() => runFederated(createNetwork([2, 1], createRng(1)), [[]], [], settings, createRng(1))).toThrow(
      'deviceData must hold one slice per device: expected 3, got 1',
    );
    // what a caller from JavaScript or JSON can send
    const loose = (s: unknown) => () => validateSettings(s as FederatedSettings);
    expect(loose(undefined)).toThrow(/settings must be an object like \{ devices: 4/);
    expect(loose({ ...settings, skew: null })).toThrow('skew must be between 0 and 1, got null');
    expect(loose({ ...settings, skew: '0.5' })).toThrow('skew must be between 0 and 1, got "0.5"');
    expect(loose({ ...settings, dropout: null })).toThrow('dropout must be at least 0 and less than 1, got null');
    expect(loose({ ...settings, learningRate: NaN })).toThrow('learningRate must be a number greater than 0, got NaN');
    expect(loose({ ...settings, devices: '4' })).toThrow('devices must be an integer from 1 to 64, got "4"');
    expect(loose({ ...settings, hidden: [2.5] })).toThrow(
      "hidden must list the hidden layers' sizes as whole numbers ≥ 1, e.g. [8], got [2.5]",
    );
    expect(loose({ ...settings, hidden: 'x' })).toThrow(/hidden must list/);
  });
});

// SPDX-License-Identifier: MIT
// Lesson driver: train the moons network, store it as float64, float32 and
// int8, and compare size, test accuracy and time per prediction.
import { makeMoons, trainTestSplit } from '../data/datasets';
import { createRng } from '../shared/random';
import { measurePerCall, median } from '../shared/time';
import { createNetwork, predict } from '../neural-network/network';
import { train } from '../neural-network/network-fast';
import { predictFloat, toFloatArrays } from './float-arrays';
import {
  byteSize,
  floatByteSize,
  outputErrorBounds,
  predictQuantised,
  quantise,
} from './quantise';

// Step 1: 1,000 moons points (label 1 for the upper moon), 30% kept aside
// for testing, and a 2-16-1 network trained for 2,000 epochs.
const examples = makeMoons(1000, 0.15, createRng(3)).map((e) => ({
  inputs: e.features,
  targets: [e.label === 'upper' ? 1 : 0],
}));
const { train: training, test } = trainTestSplit(examples, 0.3, createRng(5));
const start = createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' });
const { network } = train(start, training, {
  learningRate: 0.5,
  epochs: 2000,
});
console.log(
  `${training.length} training and ${test.length} test examples, ` +
    'network 2-16-1, 2000 epochs',
);

// Step 2: the same trained weights in three formats.
const float64 = toFloatArrays(network, 'float64');
const float32 = toFloatArrays(network, 'float32');
const int8 = quantise(network);
const formats = [
  {
    name: 'float64',
    bytes: floatByteSize(network, 'float64'),
    predict: (x: number[]) => predictFloat(float64, x)[0],
  },
  {
    name: 'float32',
    bytes: floatByteSize(network, 'float32'),
    predict: (x: number[]) => predictFloat(float32, x)[0],
  },
  {
    name: 'int8',
    bytes: byteSize(int8),
    predict: (x: number[]) => predictQuantised(int8, x)[0],
  },
];

// Step 3: accuracy on the test set, and the time of one prediction: the
// whole test set, timed in batches, divided by its size. The formats take
// turns for 5 rounds (after one round to warm up) and each keeps its
// median, so a busy moment on the machine does not favour one of them.
const percent = (n: number) => `${((100 * n) / test.length).toFixed(1)}%`;
const timeOne = (run: (x: number[]) => number) =>
  measurePerCall(() => {
    let total = 0;
    for (const e of test) total += run(e.inputs);
    return total;
  }) / test.length;
const times = formats.map(() => [] as number[]);
for (let round = 0; round < 6; round++) {
  formats.forEach(({ predict: run }, f) => {
    const ms = timeOne(run);
    if (round > 0) times[f].push(ms);
  });
}
console.log('format   bytes  accuracy  time per prediction');
formats.forEach(({ name, bytes, predict: run }, f) => {
  const correct = test.filter(
    (e) => (run(e.inputs) >= 0.5 ? 1 : 0) === e.targets[0],
  ).length;
  const micros = (1000 * median(times[f])).toFixed(2);
  console.log(
    `${name.padEnd(9)}${String(bytes).padEnd(7)}` +
      `${percent(correct).padEnd(10)}${micros} µs`,
  );
});

// Step 4: how close are the int8 outputs to the float64 ones (network.ts's
// predict), and does each example get the same class?
let sameClass = 0;
let guaranteed = 0;
let largest = 0;
let largestBound = 0;
let withinBound = true;
for (const { inputs } of test) {
  const exact = predict(network, inputs)[0];
  const small = predictQuantised(int8, inputs)[0];
  const [bound] = outputErrorBounds(network, int8, inputs);
  const difference = Math.abs(small - exact);
  if (exact >= 0.5 === small >= 0.5) sameClass++;
  if (Math.abs(exact - 0.5) > bound) guaranteed++;
  if (difference > bound) withinBound = false;
  largest = Math.max(largest, difference);
  largestBound = Math.max(largestBound, bound);
}
console.log(
  `int8 and float64 give the same class to ${sameClass} of ${test.length} ` +
    'test examples',
);
console.log(
  `largest output difference ${largest.toFixed(4)}; the bound allows up ` +
    `to ${largestBound.toFixed(4)} and holds for every example: ` +
    (withinBound ? 'yes' : 'NO'),
);
console.log(
  `the bound alone guarantees the same class for ${guaranteed} of ` +
    `${test.length}`,
);

// Step 5: with more weights per neuron, the int8 format's extra numbers
// (float32 biases and scales) matter less and it nears a quarter of float32.
for (const sizes of [
  [2, 64, 64, 1],
  [640, 128, 128, 4],
]) {
  const big = createNetwork(sizes, createRng(1));
  console.log(
    `a ${sizes.join('-')} network: float64 ` +
      `${floatByteSize(big, 'float64')} bytes, float32 ` +
      `${floatByteSize(big, 'float32')}, int8 ${byteSize(quantise(big))}`,
  );
}

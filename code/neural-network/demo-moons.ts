// SPDX-License-Identifier: MIT
// Lesson driver: a 2-8-1 network learns the moons; colour a grid by the class
// it predicts to see its decision boundary.
import { makeMoons, trainTestSplit } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { createNetwork, predict, trainMiniBatch } from './network';
import type { TrainingExample } from './network';

// Step 1: 400 moons examples ("upper" is the target 1), a quarter kept
// aside for testing.
const rng = createRng(5);
const examples = makeMoons(400, 0.2, rng).map((e) => ({
  inputs: e.features,
  targets: [e.label === 'upper' ? 1 : 0],
}));
const { train, test } = trainTestSplit(examples, 0.25, rng);
console.log(`${train.length} training, ${test.length} test examples`);

// Step 2: train on the training examples only, in mini-batches of 32.
const network = createNetwork([2, 8, 1], createRng(1), { activation: 'tanh' });
const trained = trainMiniBatch(network, train, {
  learningRate: 1,
  epochs: 100,
  batchSize: 32,
  rng: createRng(2),
}).network;

// The predicted class: 1 ("upper") when the output is at least 0.5.
const classOf = (inputs: number[]) =>
  predict(trained, inputs)[0] >= 0.5 ? 1 : 0;
const accuracy = (set: TrainingExample[]) =>
  set.filter((e) => classOf(e.inputs) === e.targets[0]).length / set.length;
console.log(`training accuracy: ${(100 * accuracy(train)).toFixed(1)}%`);
console.log(`test accuracy: ${(100 * accuracy(test)).toFixed(1)}%`);

// Step 3: colour a grid of points by the class the network predicts there.
const grid: number[][] = [];
for (let i = 0; i <= 42; i++) {
  for (let j = 0; j <= 27; j++) grid.push([-1.6 + 0.1 * i, -1.1 + 0.1 * j]);
}
const names = ['lower', 'upper'];
const regions = [0, 1].map((c) => {
  const inside = grid.filter((p) => classOf(p) === c);
  return {
    name: `predicted ${names[c]}`,
    kind: 'scatter' as const,
    size: 2,
    x: inside.map((p) => p[0]),
    y: inside.map((p) => p[1]),
  };
});
const points = [0, 1].map((c) => {
  const inClass = train.filter((e) => e.targets[0] === c);
  return {
    name: `training ${names[c]}`,
    kind: 'scatter' as const,
    size: 3,
    x: inClass.map((e) => e.inputs[0]),
    y: inClass.map((e) => e.inputs[1]),
  };
});
plot({
  title: 'Decision boundary of a 2-8-1 network',
  xLabel: 'feature 1',
  yLabel: 'feature 2',
  series: [...regions, ...points],
});
console.log(`Coloured ${grid.length} grid points`);

// SPDX-License-Identifier: MIT
// Lesson driver: a big network overfits 20 noisy moons examples. Training,
// validation and test sets: choose the number of epochs on the validation
// set, then measure the chosen network once on the test set.
import { makeMoons } from '../data/datasets';
import { createRng, shuffle } from '../shared/random';
import { plot } from '../shared/plot';
import { createNetwork, loss, predict, train } from './network';
import type { Network, TrainingExample } from './network';

// Step 1: noisy moons examples, shuffled, then split three ways: only 20
// for training, 200 for validation and 200 for the final test.
const trainingSize = 20;
const rng = createRng(5);
const examples = makeMoons(trainingSize + 400, 0.3, rng).map((e) => ({
  inputs: e.features,
  targets: [e.label === 'upper' ? 1 : 0],
}));
const shuffled = shuffle(examples, rng);
const trainingSet = shuffled.slice(0, trainingSize);
const validationSet = shuffled.slice(trainingSize, trainingSize + 200);
const testSet = shuffled.slice(trainingSize + 200);
console.log(`${trainingSet.length} training examples`);
console.log(`${validationSet.length} validation, ${testSet.length} test`);

// Step 2: 32 hidden neurons, 129 weights and biases, for 20 examples.
// Train one epoch at a time; after each, measure both losses and keep the
// network with the lowest validation loss so far.
let network = createNetwork([2, 32, 1], createRng(1), { activation: 'tanh' });
const epochs = 500;
const trainingLoss: number[] = [];
const validationLoss: number[] = [];
let best = { epoch: 0, loss: Infinity, network };
const curves = () => [
  { name: 'training', x: trainingLoss.map((_, e) => e + 1), y: trainingLoss },
  {
    name: 'validation',
    x: validationLoss.map((_, e) => e + 1),
    y: validationLoss,
  },
];
const chart = plot({
  title: 'Overfitting: training and validation loss',
  xLabel: 'epoch',
  yLabel: 'mean squared error',
  series: curves(),
});
for (let epoch = 1; epoch <= epochs; epoch++) {
  const result = train(network, trainingSet, { learningRate: 1, epochs: 1 });
  network = result.network;
  trainingLoss.push(result.losses[0]);
  validationLoss.push(loss(network, validationSet));
  if (validationLoss[epoch - 1] < best.loss) {
    best = { epoch, loss: validationLoss[epoch - 1], network };
  }
  if (epoch % 25 === 0) chart.update({ series: curves() });
}

const accuracy = (net: Network, set: TrainingExample[]) => {
  const right = set.filter(
    (e) => (predict(net, e.inputs)[0] >= 0.5 ? 1 : 0) === e.targets[0],
  );
  return `${((100 * right.length) / set.length).toFixed(1)}%`;
};
const show = (label: string, net: Network, at: number) => {
  console.log(`epoch ${at} (${label}):`);
  console.log(`  training loss ${trainingLoss[at - 1].toFixed(3)}`);
  console.log(
    `  validation loss ${validationLoss[at - 1].toFixed(3)}, ` +
      `acc. ${accuracy(net, validationSet)}`,
  );
};
show('lowest validation loss', best.network, best.epoch);
show('last', network, epochs);

// Step 3: the test set, once, for the network we chose.
console.log(
  `test accuracy (epoch ${best.epoch}): ` + accuracy(best.network, testSet),
);

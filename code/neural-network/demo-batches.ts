// SPDX-License-Identifier: MIT
// Lesson driver: the same network trained on the same moons with full-batch,
// mini-batch and stochastic gradient descent, for the same number of epochs.
import { makeMoons } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { createNetwork, trainMiniBatch } from './network';

// Step 1: 300 moons examples; the label "upper" is the target 1.
const examples = makeMoons(300, 0.2, createRng(5)).map((e) => ({
  inputs: e.features,
  targets: [e.label === 'upper' ? 1 : 0],
}));

// Step 2: three ways to cut each epoch into gradient steps.
const runs = [
  { name: 'full batch (300)', batchSize: examples.length },
  { name: 'mini-batch (32)', batchSize: 32 },
  { name: 'stochastic (1)', batchSize: 1 },
];
const epochs = 60;
const series = runs.map(({ name, batchSize }) => {
  // The same starting weights and the same shuffles for every run.
  const network = createNetwork([2, 8, 1], createRng(1), {
    activation: 'tanh',
  });
  const { losses } = trainMiniBatch(network, examples, {
    learningRate: 1,
    epochs,
    batchSize,
    rng: createRng(2),
  });
  const steps = epochs * Math.ceil(examples.length / batchSize);
  // Epochs that ended with a higher loss than the one before.
  const rises = losses.filter((l, e) => e > 0 && l > losses[e - 1]).length;
  console.log(`${name}: ${steps} steps`);
  console.log(
    `  loss ${losses[0].toFixed(3)} → ${losses[epochs - 1].toFixed(3)}, ` +
      `rose in ${rises} epochs`,
  );
  return { name, x: losses.map((_, e) => e + 1), y: losses };
});

// Step 3: the three loss curves, epoch by epoch.
plot({
  title: 'Loss per epoch, by batch size',
  xLabel: 'epoch',
  yLabel: 'mean squared error',
  series,
});

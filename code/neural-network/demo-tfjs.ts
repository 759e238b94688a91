// SPDX-License-Identifier: MIT
// Lesson driver: the same network and training with TensorFlow.js layers, side
// by side.
import { makeXor } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { useBackend } from '../shared/tf-backend';
import { time } from '../shared/time';
import { createNetwork, train } from './network';
import { predictTf, trainTf } from './network.tfjs';

await useBackend();
const examples = makeXor().map((e) => ({
  inputs: e.features,
  targets: [Number(e.label)],
}));
const start = createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' });
const epochs = 1000;

const plain = time('plain TypeScript', () =>
  train(start, examples, { learningRate: 0.5, epochs }),
);
const withTf = await time('TensorFlow.js layers', () =>
  trainTf(start, examples, { learningRate: 0.5, epochs }),
);

console.log(
  `final loss: plain ${plain.losses[epochs - 1].toFixed(4)}, tfjs ` +
    `${withTf.losses[epochs - 1].toFixed(4)}`,
);
const outputs = await predictTf(
  withTf.network,
  examples.map((e) => e.inputs),
);
console.log(`tfjs outputs: ${outputs.map((o) => o[0].toFixed(2)).join(', ')}`);

plot({
  title: 'Loss per epoch: plain TypeScript and TensorFlow.js',
  xLabel: 'epoch',
  yLabel: 'mean squared error',
  series: [
    {
      name: 'plain TypeScript',
      x: plain.losses.map((_, e) => e + 1),
      y: plain.losses,
    },
    {
      name: 'TensorFlow.js',
      x: withTf.losses.map((_, e) => e + 1),
      y: withTf.losses,
    },
  ],
});

// SPDX-License-Identifier: MIT
// Lesson driver: a 2-4-1 network learns XOR; the error chart updates while it
// trains.
import { makeXor } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { createNetwork, predict, train } from './network';

// Step 1: the four XOR examples: the output is 1 when exactly one input is 1.
const examples = makeXor().map((e) => ({
  inputs: e.features,
  targets: [Number(e.label)],
}));

// Step 2: a network with 2 inputs, 4 hidden neurons (tanh) and 1 output
// (sigmoid).
const network = createNetwork([2, 4, 1], createRng(1), { activation: 'tanh' });

// Step 3: train, redrawing the error chart as the loss falls.
const epochs = 3000;
const shown: number[] = [];
const chart = plot({
  title: 'Error while training',
  xLabel: 'epoch',
  yLabel: 'mean squared error',
  series: [{ name: 'loss', x: [], y: [] }],
});
const { network: trained, losses } = train(network, examples, {
  learningRate: 0.5,
  epochs,
  onEpoch: (epoch, loss) => {
    shown.push(loss);
    if (epoch % 25 === 0 || epoch === epochs - 1)
      chart.update({
        series: [
          { name: 'loss', x: shown.map((_, i) => i + 1), y: shown.slice() },
        ],
      });
  },
});
console.log(
  `loss after epoch 1: ${losses[0].toFixed(4)}, after epoch ${epochs}: ` +
    `${losses[epochs - 1].toFixed(4)}`,
);

// Step 4: what did it learn?
for (const { inputs, targets } of examples) {
  const [output] = predict(trained, inputs);
  console.log(
    `${inputs[0]} XOR ${inputs[1]} → ${output.toFixed(3)} (want ${targets[0]})`,
  );
}

// SPDX-License-Identifier: MIT
// Lesson driver: the same line found by gradient descent, with the loss after
// every epoch.
import { makeLine } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { fitGradientDescent, fitLeastSquares } from './linear-regression';

const { xs, ys } = makeLine(60, createRng(3), {
  slope: 2.5,
  intercept: -4,
  noise: 2,
});

const learningRate = 0.01;
const epochs = 1500;
const { line, losses } = fitGradientDescent(xs, ys, { learningRate, epochs });
const exact = fitLeastSquares(xs, ys);

console.log(
  `after ${epochs} epochs: slope ${line.slope.toFixed(3)}, intercept ` +
    `${line.intercept.toFixed(3)}`,
);
console.log(
  `least squares:       slope ${exact.slope.toFixed(3)}, intercept ` +
    `${exact.intercept.toFixed(3)}`,
);
console.log(
  `loss: first epoch ${losses[0].toFixed(2)}, last epoch ` +
    `${losses[epochs - 1].toFixed(3)}`,
);

plot({
  title: 'Loss while gradient descent runs',
  xLabel: 'epoch',
  yLabel: 'mean squared error',
  series: [
    {
      name: `learning rate ${learningRate}`,
      x: losses.map((_, e) => e + 1),
      y: losses,
    },
  ],
});

// SPDX-License-Identifier: MIT
// Lesson driver: fit a line to noisy points by least squares and draw it.
import { makeLine } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import {
  fitLeastSquares,
  meanSquaredError,
  predict,
} from './linear-regression';

// Step 1: 60 points scattered around the line y = 2.5x − 4.
const { xs, ys } = makeLine(60, createRng(3), {
  slope: 2.5,
  intercept: -4,
  noise: 2,
});

// Step 2: the least-squares line through them.
const line = fitLeastSquares(xs, ys);
console.log(
  `slope = ${line.slope.toFixed(3)}, intercept = ${line.intercept.toFixed(3)}`,
);
console.log(
  `mean squared error = ${meanSquaredError(line, xs, ys).toFixed(3)}`,
);

// Step 3: use it to predict.
console.log(`prediction at x = 5: ${predict(line, 5).toFixed(3)}`);

plot({
  title: 'Least-squares line over the data',
  xLabel: 'x',
  yLabel: 'y',
  series: [
    { name: 'data', kind: 'scatter', x: xs, y: ys },
    {
      name: 'fitted line',
      x: [0, 10],
      y: [predict(line, 0), predict(line, 10)],
    },
  ],
});

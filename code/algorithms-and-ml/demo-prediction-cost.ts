// SPDX-License-Identifier: MIT
// Lesson driver: what training and one prediction cost as the training set
// grows. kNN keeps the examples as its "model", so each prediction compares the
// query with all of them. A straight line reads every example once to fit, then
// predicts from two numbers.
import { makeBlobs, makeLine } from '../data/datasets';
import { classify } from '../knn/knn';
import {
  fitLeastSquares,
  predict,
} from '../linear-regression/linear-regression';
import { plot } from '../shared/plot';
import { createRng } from '../shared/random';
import { measurePerCall } from '../shared/time';

const rng = createRng(1);
const sizes = [1000, 2000, 4000, 8000, 16000];
const micro = (ms: number) =>
  `${Number((ms * 1000).toPrecision(2)).toLocaleString('en')} µs`;

function timeOneSize(n: number) {
  // Step 1: n training examples for each algorithm.
  const points = makeBlobs(n / 2, rng, {
    centres: [
      [0, 0],
      [3, 3],
    ],
  });
  const { xs, ys } = makeLine(n, rng);
  // Step 2: the time of one call of each. The quick ones are run many times
  // over and the total divided (see measurePerCall in shared/time.ts): a
  // browser's clock is too coarse for one call.
  const knnPredict = measurePerCall(() => classify(points, [1.5, 1.5], 5));
  const lineFit = measurePerCall(() => fitLeastSquares(xs, ys));
  const line = fitLeastSquares(xs, ys);
  const linePredict = measurePerCall(() => predict(line, 3));
  return { knnPredict, lineFit, linePredict };
}

// a first, untimed round: the browser compiles the code while it runs
timeOneSize(sizes[0]);

console.log(
  'examples | kNN: one prediction | line: fit | line: one prediction',
);
const results = sizes.map((n) => {
  const r = timeOneSize(n);
  console.log(
    `${String(n).padStart(8)} | ${micro(r.knnPredict).padStart(19)} | ` +
      `${micro(r.lineFit).padStart(9)} | ${micro(r.linePredict).padStart(20)}`,
  );
  return r;
});

// Step 3: 16 times the examples; how many times the work?
const growth = (key: 'knnPredict' | 'lineFit' | 'linePredict') =>
  (results[results.length - 1][key] / results[0][key]).toFixed(1);
console.log(
  `With 16 times the examples: kNN prediction ×${growth('knnPredict')}, line ` +
    `fit ×${growth('lineFit')}, line prediction ×${growth('linePredict')}`,
);

plot({
  title: 'Time for one prediction',
  xLabel: 'training examples',
  yLabel: 'microseconds',
  series: [
    { name: 'kNN', x: sizes, y: results.map((r) => r.knnPredict * 1000) },
    {
      name: 'straight line',
      x: sizes,
      y: results.map((r) => r.linePredict * 1000),
    },
  ],
});

// SPDX-License-Identifier: MIT
// Lesson driver: choose the learning rate on validation points, then
// measure the chosen line once on test points it has never seen.
import { makeLine, trainTestSplit } from '../data/datasets';
import { plot } from '../shared/plot';
import { createRng } from '../shared/random';
import {
  fitGradientDescent,
  meanSquaredError,
  type Line,
} from './linear-regression';

// Step 1: 300 points around y = 2.5x − 4, split three ways: a fifth kept
// for the test, then a quarter of the rest for validation.
const rng = createRng(7);
const data = makeLine(300, rng, { slope: 2.5, intercept: -4, noise: 2 });
const points = data.xs.map((x, i) => ({ x, y: data.ys[i] }));
const { train: rest, test } = trainTestSplit(points, 0.2, rng);
const { train, test: validation } = trainTestSplit(rest, 0.25, rng);
console.log(`${train.length} training points`);
console.log(`${validation.length} validation points`);
console.log(`${test.length} test points`);

type Point = { x: number; y: number };
const xsOf = (ps: Point[]) => ps.map((p) => p.x);
const ysOf = (ps: Point[]) => ps.map((p) => p.y);
const mse = (line: Line, ps: Point[]) =>
  meanSquaredError(line, xsOf(ps), ysOf(ps));

// Step 2: for each learning rate, the same number of epochs of gradient
// descent on the training points, one epoch at a time so that we can
// score the line on the validation points after each epoch.
const epochs = 200;
const learningRates = [0.001, 0.003, 0.01, 0.02, 0.04];
const results = learningRates.map((learningRate) => {
  let line: Line = { slope: 0, intercept: 0 };
  const curve: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const options = { learningRate, epochs: 1, initial: line };
    line = fitGradientDescent(xsOf(train), ysOf(train), options).line;
    curve.push(mse(line, validation));
  }
  return { learningRate, line, curve };
});

/** A loss for the table: 3 decimals, or powers of ten once it explodes. */
const show = (v: number) => (v < 1000 ? v.toFixed(3) : v.toExponential(1));
console.log(`MSE after ${epochs} epochs:`);
console.log('rate    training  validation');
for (const { learningRate, line } of results) {
  console.log(
    String(learningRate).padEnd(6) +
      show(mse(line, train)).padStart(10) +
      show(mse(line, validation)).padStart(12),
  );
}
plot({
  title: 'Validation loss while training',
  xLabel: 'epoch',
  yLabel: 'MSE on validation points',
  yRange: [0, 20],
  series: results.map(({ learningRate, curve }) => ({
    name: `learning rate ${learningRate}`,
    x: curve.map((_, e) => e + 1),
    y: curve,
  })),
});

// Step 3: keep the learning rate with the lowest validation loss.
let best = results[0];
for (const r of results) {
  if (mse(r.line, validation) < mse(best.line, validation)) best = r;
}
const { slope, intercept } = best.line;
console.log(`Chosen: learningRate ${best.learningRate}`);
console.log(
  `line: slope ${slope.toFixed(3)}, intercept ${intercept.toFixed(3)}`,
);

// Step 4: only now, and once, the test points.
console.log(`Test MSE: ${mse(best.line, test).toFixed(3)}`);

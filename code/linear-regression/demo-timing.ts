// SPDX-License-Identifier: MIT
// Lesson driver: plain TypeScript against TensorFlow.js on the same
// 200,000 points.
import { makeLine } from '../data/datasets';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { time } from '../shared/time';
import {
  fitGradientDescent,
  fitLeastSquares,
  fitLeastSquaresTyped,
} from './linear-regression';
import {
  fitGradientDescentTf,
  fitLeastSquaresTf,
} from './linear-regression.tfjs';

await useBackend();
const { xs, ys } = makeLine(200_000, createRng(5));
console.log(`${xs.length} points`);

// Step 1: the least-squares formula, three ways.
const plain = time('least squares, plain TypeScript (arrays)', () =>
  fitLeastSquares(xs, ys),
);
const typed = time('least squares, typed arrays', () =>
  fitLeastSquaresTyped(Float64Array.from(xs), Float64Array.from(ys)),
);
const tf = await time('least squares, TensorFlow.js', () =>
  fitLeastSquaresTf(xs, ys),
);
console.log(
  'slopes: ' +
    [plain, typed, tf].map((line) => line.slope.toFixed(4)).join(', '),
);

// Step 2: gradient descent, the same 100 steps both ways.
const options = { learningRate: 0.01, epochs: 100 };
const gd = time('gradient descent, plain TypeScript', () =>
  fitGradientDescent(xs, ys, options),
);
const gdTf = await time('gradient descent, TensorFlow.js', () =>
  fitGradientDescentTf(xs, ys, options),
);
console.log(
  `slopes after ${options.epochs} epochs: ` +
    `${gd.line.slope.toFixed(3)}, ${gdTf.line.slope.toFixed(3)}`,
);

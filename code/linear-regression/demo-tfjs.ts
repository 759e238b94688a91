// SPDX-License-Identifier: MIT
// Lesson driver: the same two fits with TensorFlow.js, line for line beside
// the plain TypeScript ones, on the same 60 points.
import { makeLine } from '../data/datasets';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { fitGradientDescent, fitLeastSquares } from './linear-regression';
import {
  fitGradientDescentTf,
  fitLeastSquaresTf,
} from './linear-regression.tfjs';

await useBackend();
const { xs, ys } = makeLine(60, createRng(3), {
  slope: 2.5,
  intercept: -4,
  noise: 2,
});

// Step 1: least squares, the formula, both ways.
const plain = fitLeastSquares(xs, ys);
const tf = await fitLeastSquaresTf(xs, ys);
console.log('least squares:');
console.log(
  `  plain  slope ${plain.slope.toFixed(3)}, ` +
    `intercept ${plain.intercept.toFixed(3)}`,
);
console.log(
  `  tfjs   slope ${tf.slope.toFixed(3)}, ` +
    `intercept ${tf.intercept.toFixed(3)}`,
);

// Step 2: gradient descent, the same steps both ways. TensorFlow.js works
// out the gradient itself; linear-regression.ts writes it out.
const options = { learningRate: 0.01, epochs: 1500 };
const gd = fitGradientDescent(xs, ys, options).line;
const gdTf = (await fitGradientDescentTf(xs, ys, options)).line;
console.log(`gradient descent, ${options.epochs} epochs:`);
console.log(
  `  plain  slope ${gd.slope.toFixed(3)}, ` +
    `intercept ${gd.intercept.toFixed(3)}`,
);
console.log(
  `  tfjs   slope ${gdTf.slope.toFixed(3)}, ` +
    `intercept ${gdTf.intercept.toFixed(3)}`,
);

// SPDX-License-Identifier: MIT
// Lesson driver: plain TypeScript against TensorFlow.js on the same 200,000 points.
import { makeLine } from '../data/datasets';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { time } from '../shared/time';
import { fitLeastSquares, fitLeastSquaresTyped } from './linear-regression';
import { fitLeastSquaresTf } from './linear-regression.tfjs';

await useBackend();
const { xs, ys } = makeLine(200_000, createRng(5));
console.log(`${xs.length} points`);

const plain = time('plain TypeScript (arrays)', () => fitLeastSquares(xs, ys));
const typed = time('typed arrays', () => fitLeastSquaresTyped(Float64Array.from(xs), Float64Array.from(ys)));
const tf = await time('TensorFlow.js', () => fitLeastSquaresTf(xs, ys));

console.log(`slopes: ${plain.slope.toFixed(4)}, ${typed.slope.toFixed(4)}, ${tf.slope.toFixed(4)}`);

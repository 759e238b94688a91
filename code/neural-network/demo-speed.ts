// SPDX-License-Identifier: MIT
// Lesson driver: the same training three ways, timed side by side: network.ts
// (one example at a time, as the lesson writes it), then network-fast.ts in
// matrix form and with WebAssembly SIMD.
import { makeMoons } from '../data/datasets';
import { createRng } from '../shared/random';
import { time } from '../shared/time';
import { createNetwork, train } from './network';
import { trainMatrix, trainSimd } from './network-fast';

// 1,000 examples of two half-moons; a 2-16-1 network (tanh hidden layer), 100
// epochs.
const examples = makeMoons(1000, 0.15, createRng(3)).map((e) => ({
  inputs: e.features,
  targets: [e.label === 'upper' ? 1 : 0],
}));
const start = createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' });
const options = { learningRate: 0.5, epochs: 100 };
console.log(
  `${examples.length} examples, network 2-16-1, ${options.epochs} epochs`,
);

const readable = time('1. one example at a time (network.ts)', () =>
  train(start, examples, options),
);
const matrix = time('2. matrix form, typed arrays', () =>
  trainMatrix(start, examples, options),
);
const simd = time('3. WebAssembly SIMD', () =>
  trainSimd(start, examples, options),
);

const last = options.epochs - 1;
const gap = Math.max(
  Math.abs(matrix.losses[last] - readable.losses[last]),
  Math.abs(simd.losses[last] - readable.losses[last]),
);
console.log(
  `final loss ${readable.losses[last].toFixed(6)} all three ways (largest ` +
    `difference ${gap < 1e-12 ? 'below 1e-12' : gap})`,
);

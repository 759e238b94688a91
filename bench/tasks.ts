// SPDX-License-Identifier: MIT
/**
 * The training runs timed on the "How fast is your device?" page, with the same data, sizes and
 * seeds as `npm run bench`, so a reader's figures compare with the reference machine's.
 */
import { makeBlobs, makeLine, makeMoons } from '../code/data/datasets';
import { classifyAllKBest, classifyAllKdTree } from '../code/knn/knn-fast';
import { fitLeastSquaresTyped } from '../code/linear-regression/linear-regression';
import { createNetwork } from '../code/neural-network/network';
import { train } from '../code/neural-network/network-fast';
import { createRng } from '../code/shared/random';

export type DeviceTask = {
  id: string;
  title: string;
  /** Where the reference figure is in bench/results.json: task id and row name. */
  reference: { task: string; row: string };
  /** Build the data (not timed) and return the function to time. */
  prepare: () => () => unknown;
};

export const DEVICE_TASKS: DeviceTask[] = [
  {
    id: 'knn-k-best',
    title: 'kNN, keep the k best (1,000 queries, n = 10,000)',
    reference: { task: 'knn-10000', row: 'typed arrays, keep the k best' },
    prepare: () => {
      const rng = createRng(1);
      const training = makeBlobs(Math.round(10_000 / 3), rng, { spread: 1.5 }).slice(0, 10_000);
      const queries = makeBlobs(Math.ceil(1000 / 3), rng, { spread: 2 })
        .slice(0, 1000)
        .map((e) => e.features);
      return () => classifyAllKBest(training, queries, 5);
    },
  },
  {
    id: 'knn-kd-tree',
    title: 'kNN, k-d tree (1,000 queries, n = 10,000)',
    reference: { task: 'knn-10000', row: 'typed arrays, k-d tree' },
    prepare: () => {
      const rng = createRng(1);
      const training = makeBlobs(Math.round(10_000 / 3), rng, { spread: 1.5 }).slice(0, 10_000);
      const queries = makeBlobs(Math.ceil(1000 / 3), rng, { spread: 2 })
        .slice(0, 1000)
        .map((e) => e.features);
      return () => classifyAllKdTree(training, queries, 5);
    },
  },
  {
    id: 'line',
    title: 'Line fit, 1,000,000 points (typed arrays)',
    reference: { task: 'line', row: 'typed arrays' },
    prepare: () => {
      const { xs, ys } = makeLine(1_000_000, createRng(2));
      const fx = Float64Array.from(xs);
      const fy = Float64Array.from(ys);
      return () => fitLeastSquaresTyped(fx, fy);
    },
  },
  {
    id: 'network',
    title: 'Neural network 2-16-1, 1,000 examples, 2,000 epochs (network-fast.ts)',
    reference: { task: 'network', row: 'network-fast.ts, WebAssembly SIMD' },
    prepare: () => {
      const examples = makeMoons(1000, 0.15, createRng(3)).map((e) => ({ inputs: e.features, targets: [e.label === 'upper' ? 1 : 0] }));
      const start = createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' });
      return () => train(start, examples, { learningRate: 0.5, epochs: 2000 });
    },
  },
];

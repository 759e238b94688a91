// SPDX-License-Identifier: MIT
// Lesson driver: why libraries are fast. The same predictions three ways, timed
// side by side.
import { makeBlobs } from '../data/datasets';
import { createRng } from '../shared/random';
import { time } from '../shared/time';
import { classifyAll } from './knn';
import { classifyAllKBest, classifyAllKdTree } from './knn-fast';

const rng = createRng(1);
const training = makeBlobs(4000, rng, { spread: 1.5 }); // 12,000 points
// 300 queries
const queries = makeBlobs(100, rng, { spread: 2 }).map((p) => p.features);
const k = 5;
console.log(
  `${training.length} training points, ${queries.length} queries, k = ${k}`,
);

const sorted = time('1. sort every distance', () =>
  classifyAll(training, queries, k),
);
const kBest = time('2. keep only the k best', () =>
  classifyAllKBest(training, queries, k),
);
const tree = time('3. k-d tree', () => classifyAllKdTree(training, queries, k));

const same = sorted.every(
  (label, i) => label === kBest[i] && label === tree[i],
);
console.log(
  same ? 'All three give the same predictions.' : 'The predictions differ!',
);

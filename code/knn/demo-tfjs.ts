// SPDX-License-Identifier: MIT
// Lesson driver: the same kNN with TensorFlow.js, compared with the plain
// version.
import * as tf from '@tensorflow/tfjs';
import { loadExamples } from '../data/csv';
import { trainTestSplit } from '../data/datasets';
import { readTextFile } from '../shared/files';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { time } from '../shared/time';
import { accuracy, classifyAll } from './knn';
import { classifyAllTf } from './knn.tfjs';

const backend = await useBackend();
console.log(
  `TensorFlow.js backend: ` +
    `${backend === tf.getBackend() ? 'ready' : 'unexpected'}`,
);

const flowers = loadExamples(await readTextFile('/data/iris.csv'), {
  label: 'species',
});
const { train, test } = trainTestSplit(flowers, 0.2, createRng(42));
const queries = test.map((f) => f.features);

const plain = time('plain TypeScript', () => classifyAll(train, queries, 5));
const withTf = await time('TensorFlow.js', () =>
  classifyAllTf(train, queries, 5),
);

console.log(
  `Accuracy (plain): ${(
    accuracy(
      plain,
      test.map((f) => f.label),
    ) * 100
  ).toFixed(1)}%`,
);
console.log(
  `Accuracy (tfjs):  ${(
    accuracy(
      withTf,
      test.map((f) => f.label),
    ) * 100
  ).toFixed(1)}%`,
);
console.log(
  plain.every((p, i) => p === withTf[i])
    ? 'Same predictions.'
    : 'Different predictions!',
);

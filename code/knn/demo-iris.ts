// SPDX-License-Identifier: MIT
// Lesson driver: k-nearest neighbours on the iris flowers, from a CSV file.
import { loadExamples } from '../data/csv';
import { trainTestSplit } from '../data/datasets';
import { readTextFile } from '../shared/files';
import { createRng } from '../shared/random';
import { time } from '../shared/time';
import { accuracy, classifyAll } from './knn';

// Step 1: read the flowers. Each row: four measurements (the features) and a
// species (the label).
const flowers = loadExamples(await readTextFile('/data/iris.csv'), {
  label: 'species',
});
console.log(`Read ${flowers.length} flowers; the first one:`, flowers[0]);

// Step 2: keep 20% aside to test on flowers the model has never seen.
const { train, test } = trainTestSplit(flowers, 0.2, createRng(42));
console.log(
  `Training examples: ${train.length}, test examples: ${test.length}`,
);

// Step 3: classify every test flower by its 5 nearest training flowers.
const k = 5;
const predicted = time('Classifying the test set', () =>
  classifyAll(
    train,
    test.map((f) => f.features),
    k,
  ),
);

// Step 4: how many did we get right?
const actual = test.map((f) => f.label);
console.log(
  `Accuracy with k = ${k}: ${(accuracy(predicted, actual) * 100).toFixed(1)}%`,
);

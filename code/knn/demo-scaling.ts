// SPDX-License-Identifier: MIT
// Lesson driver: when does scaling the features change kNN's answers?
// The iris flowers in centimetres, then with one feature in millimetres,
// each without scaling, with min-max scaling and with z-scores.
import { loadExamplesWithColumns } from '../data/csv';
import {
  fitMinMax,
  fitZScore,
  transform,
  trainTestSplit,
  type Scaler,
} from '../data/datasets';
import { readTextFile } from '../shared/files';
import { createRng } from '../shared/random';
import { accuracy, classifyAll, type Example } from './knn';

// Step 1: the same flowers, split and k as in "kNN on the iris CSV".
const { examples: flowers, featureNames } = loadExamplesWithColumns(
  await readTextFile('/data/iris.csv'),
  { label: 'species' },
);
const { train, test } = trainTestSplit(flowers, 0.2, createRng(42));
const k = 5;

console.log(
  `${test.length} test flowers: each one is ` +
    `${(100 / test.length).toFixed(1)}% of the test accuracy`,
);

// Step 2: one unit, but not one range.
console.log('Smallest and largest value of each feature, all 150 flowers:');
featureNames.forEach((name, j) => {
  const values = flowers.map((f) => f.features[j]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  console.log(
    `${name}: ${min} to ${max} cm (range ${(max - min).toFixed(1)} cm)`,
  );
});

/** Test accuracy of kNN trained on `training`, as "96.7%". */
function testAccuracy(training: Example[], testing: Example[]): string {
  const predicted = classifyAll(
    training,
    testing.map((f) => f.features),
    k,
  );
  const actual = testing.map((f) => f.label);
  return `${(100 * accuracy(predicted, actual)).toFixed(1)}%`;
}

/** The same examples with their features passed through a scaler. */
function scaled(scaler: Scaler, examples: Example[]): Example[] {
  const rows = transform(
    scaler,
    examples.map((e) => e.features),
  );
  return examples.map((e, i) => ({ features: rows[i], label: e.label }));
}

// Step 3: test accuracy without scaling, then with each scaler. A scaler
// learns numbers (minimum and maximum, or mean and standard deviation)
// from the training features only; the test flowers are then transformed
// with those same numbers.
function compare(name: string, training: Example[], testing: Example[]) {
  const trainingRows = training.map((f) => f.features);
  const minMax = fitMinMax(trainingRows);
  const zScore = fitZScore(trainingRows);
  const cells = [
    testAccuracy(training, testing),
    testAccuracy(scaled(minMax, training), scaled(minMax, testing)),
    testAccuracy(scaled(zScore, training), scaled(zScore, testing)),
  ];
  console.log(name.padEnd(20) + cells.map((c) => c.padStart(12)).join(''));
}

console.log(
  `Test accuracy, k = ${k}`.padEnd(20) +
    ['no scaling', 'min-max', 'z-score'].map((h) => h.padStart(12)).join(''),
);
compare('all in centimetres', train, test);

// Step 4: the same flowers with sepal length in millimetres (x 10).
const inMillimetres = (f: Example): Example => ({
  features: f.features.map((v, j) => (j === 0 ? v * 10 : v)),
  label: f.label,
});
compare(
  'sepal length in mm',
  train.map(inMillimetres),
  test.map(inMillimetres),
);

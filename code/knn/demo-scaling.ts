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

console.log(`${test.length} test flowers: one flower = ${onePercent()}`);

/** The share of the test accuracy one test flower makes, as "3.3%". */
function onePercent(): string {
  return `${(100 / test.length).toFixed(1)}%`;
}

// Step 2: one unit, but not one range.
console.log(`In cm, all ${flowers.length} flowers:`);
const rangeRow = (cells: string[]) =>
  cells[0].padEnd(12) +
  cells[1].padStart(4) +
  cells[2].padStart(5) +
  cells[3].padStart(7);
console.log(rangeRow(['feature', 'min', 'max', 'range']));
featureNames.forEach((name, j) => {
  const values = flowers.map((f) => f.features[j]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const cells = [min, max, max - min].map((v) => v.toFixed(1));
  console.log(rangeRow([name, ...cells]));
});

/** Test accuracy of kNN trained on `training`, as "96.7%". */
function testAccuracy(training: Example[], testing: Example[]): string {
  const queries = testing.map((f) => f.features);
  const actual = testing.map((f) => f.label);
  const predicted = classifyAll(training, queries, k);
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

/**
 * Test accuracy without scaling, with min-max and with z-scores. A scaler
 * learns numbers (minimum and maximum, or mean and standard deviation)
 * from the training features only; the test flowers are then transformed
 * with those same numbers.
 */
function threeWays(training: Example[], testing: Example[]): string[] {
  const trainingRows = training.map((f) => f.features);
  const minMax = fitMinMax(trainingRows);
  const zScore = fitZScore(trainingRows);
  return [
    testAccuracy(training, testing),
    testAccuracy(scaled(minMax, training), scaled(minMax, testing)),
    testAccuracy(scaled(zScore, training), scaled(zScore, testing)),
  ];
}

// Step 3: all in centimetres.
const inCentimetres = threeWays(train, test);

// Step 4: the same flowers with sepal length in millimetres (x 10).
const toMillimetres = (f: Example): Example => ({
  features: f.features.map((v, j) => (j === 0 ? v * 10 : v)),
  label: f.label,
});
const inMillimetres = threeWays(
  train.map(toMillimetres),
  test.map(toMillimetres),
);

console.log(`Test accuracy, k = ${k}`);
console.log('cm: all in centimetres');
console.log('mm: sepal length in millimetres');
console.log('scaling'.padEnd(8) + 'cm'.padStart(7) + 'mm'.padStart(8));
['none', 'min-max', 'z-score'].forEach((name, i) => {
  const cm = inCentimetres[i].padStart(7);
  const mm = inMillimetres[i].padStart(8);
  console.log(name.padEnd(8) + cm + mm);
});

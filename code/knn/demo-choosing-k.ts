// SPDX-License-Identifier: MIT
// Lesson driver: choosing k honestly. Tune k on a validation set, watch
// training and validation accuracy part ways, then test once at the end.
import { makeMoons, trainTestSplit } from '../data/datasets';
import { plot } from '../shared/plot';
import { createRng } from '../shared/random';
import { accuracy, type Example } from './knn';
// Same predictions as classifyAll in knn.ts, much faster: see "Why
// libraries are fast" further down the lesson.
import { classifyAllFast } from './knn-fast';

// Step 1: 600 points in two noisy half moons, split three ways: a quarter
// kept for the test, then a third of the rest for validation.
const rng = createRng(4);
const points = makeMoons(600, 0.35, rng);
const { train: rest, test } = trainTestSplit(points, 0.25, rng);
const { train, test: validation } = trainTestSplit(rest, 1 / 3, rng);
console.log(`${train.length} training points`);
console.log(`${validation.length} validation points`);
console.log(`${test.length} test points`);

/** Accuracy (in %) of kNN on `examples`, with `train` as the model. */
function score(examples: Example[], k: number): number {
  const queries = examples.map((e) => e.features);
  const actual = examples.map((e) => e.label);
  return 100 * accuracy(classifyAllFast(train, queries, k), actual);
}

// Step 2: for every k, the accuracy on the training points themselves
// and on the validation points. The test points stay untouched.
const largestK = 50;
const ks: number[] = [];
const onTraining: number[] = [];
const onValidation: number[] = [];
for (let k = 1; k <= largestK; k++) {
  ks.push(k);
  onTraining.push(score(train, k));
  onValidation.push(score(validation, k));
}
console.log('k   training  validation');
for (const k of [1, 3, 5, 10, 20, 50]) {
  if (k > largestK) break;
  const training = `${onTraining[k - 1].toFixed(1)}%`;
  const validating = `${onValidation[k - 1].toFixed(1)}%`;
  console.log(
    String(k).padEnd(3) + training.padStart(9) + validating.padStart(12),
  );
}
plot({
  title: 'kNN accuracy against k',
  xLabel: 'k',
  yLabel: 'accuracy (%)',
  yRange: [75, 100],
  series: [
    { name: 'training points', x: ks, y: onTraining },
    { name: 'validation points', x: ks, y: onValidation },
  ],
});

// Step 3: keep the k with the best validation accuracy (on a tie, the
// smallest such k: the first one met).
let best = 0;
for (let i = 1; i < ks.length; i++) {
  if (onValidation[i] > onValidation[best]) best = i;
}
const k = ks[best];
const tied = ks.filter((_, i) => onValidation[i] === onValidation[best]);
console.log(`Best validation accuracy: ${onValidation[best].toFixed(1)}%`);
console.log(`reached with k = ${tied.join(', ')}`);
console.log(`Chosen: k = ${k}`);

// Step 4: only now, and once, the test set.
console.log(`Test accuracy, k = ${k}: ${score(test, k).toFixed(1)}%`);

// SPDX-License-Identifier: MIT
// Lesson driver: which iris species does kNN confuse? The confusion matrix,
// then precision and recall for each species.
import { loadExamples } from '../data/csv';
import { trainTestSplit } from '../data/datasets';
import { classificationReport, confusionMatrix } from '../evaluation/metrics';
import { formatConfusionMatrix, formatReport } from '../evaluation/print';
import { readTextFile } from '../shared/files';
import { createRng } from '../shared/random';
import { accuracy, classifyAll, type Example } from './knn';

// Step 1: the same flowers, split and k as in "kNN on the iris CSV".
const flowers = loadExamples(await readTextFile('/data/iris.csv'), {
  label: 'species',
});
const { train, test } = trainTestSplit(flowers, 0.2, createRng(42));
const k = 5;

// Step 2: classify the test flowers and compare with their real species.
function evaluate(training: Example[], testing: Example[]): void {
  const actual = testing.map((f) => f.label);
  const predicted = classifyAll(
    training,
    testing.map((f) => f.features),
    k,
  );
  const score = accuracy(predicted, actual) * 100;
  console.log(`Accuracy: ${score.toFixed(1)}%`);
  const matrix = confusionMatrix(actual, predicted);
  console.log('Rows: actual, columns: predicted');
  for (const line of formatConfusionMatrix(matrix)) console.log(line);
  console.log('Precision, recall, F1, n = support');
  const report = classificationReport(actual, predicted);
  for (const line of formatReport(report)) console.log(line);
}

console.log(`${test.length} test flowers, k = ${k}`);
console.log('All four measurements');
evaluate(train, test);

// Step 3: the same with the two sepal measurements only (a harder task).
const sepalsOnly = (f: Example): Example => ({
  features: f.features.slice(0, 2),
  label: f.label,
});
console.log('');
console.log('Sepal length and width only');
evaluate(train.map(sepalsOnly), test.map(sepalsOnly));

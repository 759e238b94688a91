// SPDX-License-Identifier: MIT
// Lesson driver: kNN on generated clusters, the effect of k, and the decision
// regions.
import { makeBlobs, trainTestSplit } from '../data/datasets';
import { createRng } from '../shared/random';
import { plot } from '../shared/plot';
import { accuracy, classifyAll } from './knn';

// Step 1: three overlapping clusters of 2-D points, labelled A, B and C.
const rng = createRng(7);
const points = makeBlobs(100, rng, { spread: 1.4 });
const { train, test } = trainTestSplit(points, 0.25, rng);
console.log(`${train.length} training points, ${test.length} test points`);

// Step 2: try a few values of k.
for (const k of [1, 5, 15]) {
  const predicted = classifyAll(
    train,
    test.map((p) => p.features),
    k,
  );
  const score = accuracy(
    predicted,
    test.map((p) => p.label),
  );
  console.log(
    `k = ${String(k).padStart(2)}: accuracy ${(score * 100).toFixed(1)}%`,
  );
}

// Step 3: colour a grid by the label kNN predicts there: the decision regions
// for one k.
const regionK = 5;
const grid: number[][] = [];
for (let x = -3; x <= 7; x += 0.25)
  for (let y = -3; y <= 8; y += 0.25) grid.push([x, y]);
const regions = classifyAll(train, grid, regionK);
const series = ['A', 'B', 'C'].flatMap((label) => [
  {
    name: `region ${label}`,
    kind: 'scatter' as const,
    size: 2,
    x: grid.filter((_, i) => regions[i] === label).map((p) => p[0]),
    y: grid.filter((_, i) => regions[i] === label).map((p) => p[1]),
  },
]);
const trainingSeries = ['A', 'B', 'C'].map((label) => ({
  name: `training ${label}`,
  kind: 'scatter' as const,
  size: 4,
  x: train.filter((p) => p.label === label).map((p) => p.features[0]),
  y: train.filter((p) => p.label === label).map((p) => p.features[1]),
}));
plot({
  title: `kNN decision regions (k = ${regionK})`,
  xLabel: 'feature 1',
  yLabel: 'feature 2',
  series: [...series, ...trainingSeries],
});
console.log(`Coloured ${grid.length} grid points`);

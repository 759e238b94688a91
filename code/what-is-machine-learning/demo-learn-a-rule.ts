// SPDX-License-Identifier: MIT
// Lesson driver: a program that finds the rule "fan on above some temperature"
// from examples. Nobody tells it the temperature: it tries every possible
// threshold and keeps the one that gets the most training examples right.
import { trainTestSplit } from '../data/datasets';
import { createRng, randomNormal } from '../shared/random';

type Example = { temperature: number; fanOn: boolean };

// Step 1: recorded examples. The feature is the temperature (15 to 35 °C); the
// label says whether someone switched the fan on. People do so above about 27
// °C, but not all at the same point.
const rng = createRng(1);
const examples: Example[] = Array.from({ length: 40 }, () => {
  const temperature = Math.round((15 + 20 * rng()) * 10) / 10;
  return { temperature, fanOn: temperature + 1.5 * randomNormal(rng) > 27 };
});

// Step 2: keep a quarter of the examples aside, to test the rule on data it has
// not seen.
const { train, test } = trainTestSplit(examples, 0.25, rng);

/** The share of examples the rule "fan on above `threshold`" gets right. */
function accuracy(threshold: number, data: Example[]): number {
  return (
    data.filter((e) => e.temperature > threshold === e.fanOn).length /
    data.length
  );
}

// Step 3: training. Try a threshold halfway between each pair of neighbouring
// temperatures.
const sorted = train.map((e) => e.temperature).sort((a, b) => a - b);
let best = sorted[0] - 1;
for (let i = 1; i < sorted.length; i++) {
  const candidate = (sorted[i - 1] + sorted[i]) / 2;
  if (accuracy(candidate, train) > accuracy(best, train)) best = candidate;
}
console.log(
  `learned from ${train.length} examples: fan on when temperature > ` +
    `${best.toFixed(2)} °C`,
);

// Step 4: inference and testing: use the learned rule on the examples kept
// aside.
console.log(
  `right on ${(accuracy(best, train) * 100).toFixed(0)}% of the training ` +
    `examples`,
);
console.log(
  `right on ${(accuracy(best, test) * 100).toFixed(0)}% of the ` +
    `${test.length} test examples`,
);
for (const temperature of [20, 26, 28, 33]) {
  console.log(`${temperature} °C → fan ${temperature > best ? 'on' : 'off'}`);
}

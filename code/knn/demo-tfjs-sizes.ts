// SPDX-License-Identifier: MIT
// Lesson driver: where TensorFlow.js pays off. The readable kNN (knn.ts,
// sort every distance) against the TensorFlow.js one (knn.tfjs.ts) on
// training sets of growing size, the same 300 queries each time.
import * as tf from '@tensorflow/tfjs';
import { makeBlobs } from '../data/datasets';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { formatDuration } from '../shared/time';
import { classifyAll } from './knn';
import { classifyAllTf } from './knn.tfjs';

await useBackend();
console.log(`TensorFlow.js backend: ${tf.getBackend()}`);
const rng = createRng(1);
const queries = makeBlobs(100, rng, { spread: 2 }).map((p) => p.features);
const k = 5;
console.log(`${queries.length} queries, k = ${k}`);

/** Milliseconds one call of `fn` takes (it may return a promise). */
async function timeOnce(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

// Step 1: one small untimed run of each, so that neither pays for the
// first-call work (compiling code, starting the backend) in the table.
const warmUp = makeBlobs(10, rng);
classifyAll(warmUp, queries, k);
await classifyAllTf(warmUp, queries, k);

// Step 2: the same queries against 150, 1,500 and 15,000 points.
console.log('training  plain TS  TF.js');
let same = true;
for (const perBlob of [50, 500, 5000]) {
  const training = makeBlobs(perBlob, rng, { spread: 1.5 });
  let plain: string[] = [];
  let withTf: string[] = [];
  const plainMs = await timeOnce(() => {
    plain = classifyAll(training, queries, k);
  });
  const tfMs = await timeOnce(async () => {
    withTf = await classifyAllTf(training, queries, k);
  });
  same &&= plain.every((label, i) => label === withTf[i]);
  console.log(
    training.length.toLocaleString('en').padStart(8) +
      formatDuration(plainMs).padStart(10) +
      formatDuration(tfMs).padStart(11),
  );
}
console.log(same ? 'Same predictions at every size.' : 'Different!');

// SPDX-License-Identifier: MIT
// Lesson driver: where TensorFlow.js pays off. The readable kNN (knn.ts,
// sort every distance) against the TensorFlow.js one (knn.tfjs.ts): one
// query at a time, then 300 queries against training sets of growing size.
import * as tf from '@tensorflow/tfjs';
import { makeBlobs } from '../data/datasets';
import { createRng } from '../shared/random';
import { useBackend } from '../shared/tf-backend';
import { formatDuration } from '../shared/time';
import { classifyAll, type Example } from './knn';
import { classifyAllTf } from './knn.tfjs';

await useBackend();
console.log(`TensorFlow.js backend: ${tf.getBackend()}`);
const rng = createRng(1);
const queries = makeBlobs(100, rng, { spread: 2 }).map((p) => p.features);
const k = 5;

/** Milliseconds per call of `fn`, averaged over `calls` calls in a row. */
async function timeCalls(calls: number, fn: () => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return (performance.now() - start) / calls;
}

let same = true;
/** Time both versions on `count` queries; print one row of the table. */
async function compare(training: Example[], count: number, calls: number) {
  const batch = queries.slice(0, count);
  let plain: string[] = [];
  let withTf: string[] = [];
  const plainMs = await timeCalls(calls, () => {
    plain = classifyAll(training, batch, k);
  });
  const tfMs = await timeCalls(calls, async () => {
    withTf = await classifyAllTf(training, batch, k);
  });
  same &&= plain.every((label, i) => label === withTf[i]);
  console.log(
    String(count).padStart(7) +
      training.length.toLocaleString('en').padStart(7) +
      formatDuration(plainMs).padStart(10) +
      formatDuration(tfMs).padStart(9),
  );
}

// Step 1: untimed runs of both, so that neither pays in the table for
// first-call work (compiling code, starting the backend).
const small = makeBlobs(50, rng, { spread: 1.5 }); // 150 points
for (let i = 0; i < 3; i++) {
  classifyAll(small, queries, k);
  await classifyAllTf(small, queries, k);
}

// Step 2: one query at a time (the mean of 100), as a device classifies
// each new reading; then 300 queries at once on more and more points.
console.log('queries points  plain TS  TF.js');
await compare(small, 1, 100);
await compare(small, 300, 1);
for (const perBlob of [500, 5000]) {
  await compare(makeBlobs(perBlob, rng, { spread: 1.5 }), 300, 1);
}
console.log(same ? 'Same predictions everywhere.' : 'Different!');

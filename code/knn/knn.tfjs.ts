// SPDX-License-Identifier: MIT
/**
 * k-nearest neighbours with TensorFlow.js: the same steps as knn.ts, on whole
 * tensors at once. Distances from a batch of queries to every training example
 * are one tensor expression; the k nearest come from `tf.topk`. The vote stays
 * in plain TypeScript (it is tiny).
 */
import * as tf from '@tensorflow/tfjs';
import { checkTraining, vote, type Example } from './knn';

/**
 * Queries processed together: bounds the [batch, n, d] difference tensor in
 * memory.
 */
const BATCH = 128;

export async function classifyAllTf(
  training: Example[],
  queries: number[][],
  k: number,
): Promise<string[]> {
  checkTraining(training, k);
  const d = training[0].features.length;
  queries.forEach((q, i) => {
    if (q.length !== d)
      throw new Error(
        `queries[${i}] must have ${d} features like the training examples, ` +
          `got ${q.length}`,
      );
  });
  const points = tf.tensor2d(training.map((e) => e.features)); // shape [n, d]
  const predictions: string[] = [];
  try {
    for (let start = 0; start < queries.length; start += BATCH) {
      const batch = queries.slice(start, start + BATCH);
      const indices = tf.tidy(() => {
        const q = tf.tensor2d(batch); // [b, d]
        // distance² from each query to each point: Σ over features of (q − p)²,
        // shape [b, n]
        const squared = q
          .expandDims(1)
          .sub(points.expandDims(0))
          .square()
          .sum(2);
        // topk finds the largest values, so ask for the largest negative
        // distances.
        return tf.topk(squared.neg(), k, true).indices;
      });
      const rows = (await indices.array()) as number[][];
      indices.dispose();
      for (const row of rows)
        predictions.push(vote(row.map((i) => training[i])));
    }
  } finally {
    points.dispose();
  }
  return predictions;
}

// SPDX-License-Identifier: MIT
/**
 * k-nearest neighbours, written to be read line by line.
 *
 * To classify a new point: measure its distance to every training example, take
 * the k closest, and let them vote; the most common label wins. There is no
 * training step beyond keeping the examples. This version sorts all the
 * distances, which is simple and slow for large data: knn-fast.ts shows how
 * libraries avoid that.
 */

/**
 * One labelled example: its measurements (`features`) and its class (`label`).
 */
export type Example = { features: number[]; label: string };

function checkVector(v: number[], name: string): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]))
      throw new Error(`${name}[${i}] must be a finite number, got ${v[i]}`);
  }
}

/** Straight-line distance between two points: √(Σ (aᵢ − bᵢ)²). */
export function euclideanDistance(a: number[], b: number[]): number {
  if (a.length !== b.length) {
    throw new Error(
      `points must have the same number of features: got ${a.length} and ` +
        `${b.length}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] - b[i];
    sum += difference * difference;
  }
  return Math.sqrt(sum);
}

/**
 * Check a training set and k before classifying; the messages say what was
 * expected.
 */
export function checkTraining(training: Example[], k: number): void {
  if (training.length === 0)
    throw new Error('training set is empty: kNN needs at least one example');
  if (!Number.isInteger(k) || k < 1 || k > training.length) {
    throw new Error(
      `k must be an integer between 1 and ${training.length} (the number of ` +
        `training examples), got ${k}`,
    );
  }
  const d = training[0].features.length;
  training.forEach((example, i) => {
    if (example.features.length !== d) {
      throw new Error(
        `every example must have ${d} features (like example 0), but example ` +
          `${i} has ${example.features.length}`,
      );
    }
    checkVector(example.features, `training[${i}].features`);
  });
}

/**
 * The winning label among the k nearest neighbours, given them sorted from
 * nearest to farthest. Ties in the vote go to the tied label whose nearest
 * member is closest to the query, that is, the first of the tied labels in the
 * sorted list.
 */
export function vote(nearestFirst: { label: string }[]): string {
  const counts = new Map<string, number>();
  for (const { label } of nearestFirst)
    counts.set(label, (counts.get(label) ?? 0) + 1);
  let best = nearestFirst[0].label;
  for (const { label } of nearestFirst) {
    // Only a strictly larger count wins: on a tie, the label seen first
    // (nearest) stays.
    if (counts.get(label)! > counts.get(best)!) best = label;
  }
  return best;
}

/** The label the k nearest training examples vote for. */
export function classify(
  training: Example[],
  query: number[],
  k: number,
): string {
  checkTraining(training, k);
  if (query.length !== training[0].features.length) {
    throw new Error(
      `query must have ${training[0].features.length} features like the ` +
        `training examples, got ${query.length}`,
    );
  }
  checkVector(query, 'query');
  return nearestLabel(training, query, k);
}

function nearestLabel(training: Example[], query: number[], k: number): string {
  // Step 1: the distance from the query to every training example.
  const neighbours = training.map((example) => ({
    label: example.label,
    distance: euclideanDistance(example.features, query),
  }));
  // Step 2: nearest first. (Array.prototype.sort is stable, so equal distances
  // keep training order.)
  neighbours.sort((a, b) => a.distance - b.distance);
  // Step 3: the k nearest vote.
  return vote(neighbours.slice(0, k));
}

/** `classify` for many queries at once (the training set is checked once). */
export function classifyAll(
  training: Example[],
  queries: number[][],
  k: number,
): string[] {
  checkTraining(training, k);
  const d = training[0].features.length;
  return queries.map((query, i) => {
    if (query.length !== d)
      throw new Error(
        `queries[${i}] must have ${d} features like the training examples, ` +
          `got ${query.length}`,
      );
    checkVector(query, `queries[${i}]`);
    return nearestLabel(training, query, k);
  });
}

/** The fraction of predictions that match the actual labels, from 0 to 1. */
export function accuracy(predicted: string[], actual: string[]): number {
  if (predicted.length !== actual.length) {
    throw new Error(
      `predicted and actual must have the same length, got ` +
        `${predicted.length} and ${actual.length}`,
    );
  }
  if (predicted.length === 0)
    throw new Error('accuracy needs at least one prediction, got none');
  let correct = 0;
  for (let i = 0; i < predicted.length; i++)
    if (predicted[i] === actual[i]) correct++;
  return correct / predicted.length;
}

// SPDX-License-Identifier: MIT
import { classificationReport } from '../../evaluation/metrics';
import { accuracy, classifyAll, type Example } from '../../knn/knn';

/** How to score a k on the validation examples. */
export type Metric = 'accuracy' | 'macro-f1';

/**
 * The score of kNN with this k on the validation examples, with `training`
 * as the stored examples: the fraction labelled right ('accuracy') or the
 * mean F1 over the labels ('macro-f1'), which counts a rare label as much
 * as a common one. Higher is better for both.
 */
export function validationScore(
  training: Example[],
  validation: Example[],
  k: number,
  metric: Metric = 'accuracy',
): number {
  const queries = validation.map((e) => e.features);
  const predicted = classifyAll(training, queries, k);
  const actual = validation.map((e) => e.label);
  return metric === 'accuracy'
    ? accuracy(predicted, actual)
    : classificationReport(actual, predicted).macro.f1;
}

/**
 * Try every k in `candidates` and keep the one with the highest validation
 * score. On a tie, keep the smallest of the tied k (the candidates can come
 * in any order). Return that k, and `scores`: each candidate's score, in
 * the order the candidates were given. Throw an Error if there are no
 * candidates.
 */
export function chooseK(
  training: Example[],
  validation: Example[],
  candidates: number[],
  metric: Metric = 'accuracy',
): { k: number; scores: number[] } {
  if (candidates.length === 0)
    throw new Error('chooseK needs at least one candidate k, got none');
  const scores = candidates.map((k) =>
    validationScore(training, validation, k, metric),
  );
  let best = 0;
  for (let i = 1; i < candidates.length; i++) {
    const better = scores[i] > scores[best];
    // a tie goes to the smaller k, wherever it sits in the list
    const tieButSmaller =
      scores[i] === scores[best] && candidates[i] < candidates[best];
    if (better || tieButSmaller) best = i;
  }
  return { k: candidates[best], scores };
}

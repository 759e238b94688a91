// SPDX-License-Identifier: MIT
/**
 * Measuring a classifier beyond accuracy.
 *
 * Accuracy is one number for the whole test set. The confusion matrix
 * counts, for each actual label, how often the model predicted each label,
 * so it shows which labels get mixed up. Precision and recall then ask two
 * questions about one label at a time:
 * - precision: when the model says "L", how often is it right?
 * - recall: of the examples that really are "L", how many did it find?
 *
 * The definitions follow scikit-learn (confusion_matrix and
 * precision_recall_fscore_support with zero_division=0), and the unit tests
 * compare with its values.
 */

/** Rows: the actual label; columns: the predicted label; both in `labels`. */
type ConfusionMatrix = { labels: string[]; matrix: number[][] };

/** Scores for one label. `support`: how many examples really have it. */
type LabelScores = {
  precision: number;
  recall: number;
  f1: number;
  support: number;
};

type ClassificationReport = {
  perLabel: Record<string, LabelScores>;
  accuracy: number;
  /** Unweighted mean over the labels: every label counts the same. */
  macro: { precision: number; recall: number; f1: number };
};

/** Two lists of labels, one pair per example, and at least one example. */
function checkPairs(actual: string[], predicted: string[]): void {
  if (actual.length !== predicted.length) {
    throw new Error(
      'actual and predicted must have one label per example, so the same ' +
        `length: got ${actual.length} actual and ` +
        `${predicted.length} predicted labels`,
    );
  }
  if (actual.length === 0) {
    throw new Error(
      'actual and predicted are empty: there is nothing to evaluate ' +
        '(expected at least one example)',
    );
  }
}

/**
 * Compare strings code point by code point, as Python's sorted() does.
 * (localeCompare would put "b" before "C"; here "C" < "b", as in sklearn.)
 */
function byCodePoint(a: string, b: string): number {
  const x = Array.from(a); // one entry per code point
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const difference = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return x.length - y.length; // a prefix comes first
}

/** Every label that appears in either list, once each, sorted. */
function sortedUnion(actual: string[], predicted: string[]): string[] {
  return [...new Set([...actual, ...predicted])].sort(byCodePoint);
}

/**
 * Count each (actual, predicted) pair: matrix[i][j] is the number of
 * examples whose actual label is labels[i] and predicted label labels[j].
 * The diagonal holds the correct predictions.
 *
 * @param labels the rows and columns, in this order. Default: every label
 *   in either list, sorted. Pairs with a label not listed are left out.
 */
export function confusionMatrix(
  actual: string[],
  predicted: string[],
  labels?: string[],
): ConfusionMatrix {
  checkPairs(actual, predicted);
  if (labels !== undefined) {
    if (labels.length === 0) {
      throw new Error(
        'labels is empty: list at least one label, or leave it out',
      );
    }
    const repeated = labels.find((label, i) => labels.indexOf(label) !== i);
    if (repeated !== undefined) {
      throw new Error(`labels lists "${repeated}" twice: list each label once`);
    }
  }
  const rows = labels ? [...labels] : sortedUnion(actual, predicted);
  const position = new Map(rows.map((label, i) => [label, i]));
  const matrix = rows.map(() => rows.map(() => 0));
  for (let e = 0; e < actual.length; e++) {
    const i = position.get(actual[e]);
    const j = position.get(predicted[e]);
    if (i !== undefined && j !== undefined) matrix[i][j]++;
  }
  return { labels: rows, matrix };
}

/** a / b, or 0 when b is 0 (scikit-learn's zero_division=0). */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Precision, recall, F1 and support for every label (the sorted union of
 * both lists), the accuracy, and the macro average.
 * - precision = correct "L" predictions / all "L" predictions
 *   (0 if the model never predicted L);
 * - recall = correct "L" predictions / examples that really are L
 *   (0 if there are none: support 0);
 * - F1 = 2·precision·recall / (precision + recall), their harmonic mean
 *   (0 if both are 0).
 */
export function classificationReport(
  actual: string[],
  predicted: string[],
): ClassificationReport {
  const { labels, matrix } = confusionMatrix(actual, predicted);
  const scores: LabelScores[] = labels.map((_, i) => {
    const truePositives = matrix[i][i];
    // row i: every example that really is labels[i]
    const support = matrix[i].reduce((sum, count) => sum + count, 0);
    // column i: every example the model called labels[i]
    const predictedAs = matrix.reduce((sum, row) => sum + row[i], 0);
    const precision = ratio(truePositives, predictedAs);
    const recall = ratio(truePositives, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { precision, recall, f1, support };
  });
  // the diagonal: every correct prediction
  const correct = labels.reduce((sum, _, i) => sum + matrix[i][i], 0);
  return {
    // fromEntries, so that any label, even "__proto__", is a plain key
    perLabel: Object.fromEntries(labels.map((label, i) => [label, scores[i]])),
    accuracy: correct / actual.length,
    macro: {
      precision: mean(scores.map((s) => s.precision)),
      recall: mean(scores.map((s) => s.recall)),
      f1: mean(scores.map((s) => s.f1)),
    },
  };
}

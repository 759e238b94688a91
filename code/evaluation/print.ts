// SPDX-License-Identifier: MIT
/**
 * Text tables for the results of metrics.ts, for console.log in the lesson
 * drivers. Columns are right-aligned, so the numbers line up.
 */
import { classificationReport, confusionMatrix } from './metrics';

type Matrix = ReturnType<typeof confusionMatrix>;
type Report = ReturnType<typeof classificationReport>;

/** Lay out rows of cells: first column left-aligned, the rest right. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) =>
    Math.max(...rows.map((row) => row[j].length)),
  );
  return rows.map((row) =>
    row
      .map((cell, j) =>
        j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j]),
      )
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The confusion matrix as lines of text: one row per actual label, one
 * column per predicted label.
 */
export function formatConfusionMatrix({ labels, matrix }: Matrix): string[] {
  return table([
    ['actual \u2193 predicted \u2192', ...labels],
    ...labels.map((label, i) => [label, ...matrix[i].map(String)]),
  ]);
}

/** Precision, recall, F1 and support per label, then the macro average. */
export function formatReport(report: Report, digits = 2): string[] {
  const f = (v: number) => v.toFixed(digits);
  const rows = Object.entries(report.perLabel).map(([label, s]) => [
    label,
    f(s.precision),
    f(s.recall),
    f(s.f1),
    String(s.support),
  ]);
  const { precision, recall, f1 } = report.macro;
  return table([
    ['label', 'precision', 'recall', 'F1', 'support'],
    ...rows,
    ['macro average', f(precision), f(recall), f(f1), ''],
  ]);
}

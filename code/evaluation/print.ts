// SPDX-License-Identifier: MIT
/**
 * Text tables for the results of metrics.ts, for console.log in the lesson
 * drivers. They are kept narrow (about 35 characters for three labels) so
 * that they do not wrap in the output area on a phone.
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

/** The shortest prefix length (at least 3) that tells all labels apart. */
function shortLength(labels: string[]): number {
  const longest = Math.max(...labels.map((l) => l.length));
  for (let n = 3; n < longest; n++) {
    if (new Set(labels.map((l) => l.slice(0, n))).size === labels.length) {
      return n;
    }
  }
  return longest;
}

/**
 * The confusion matrix as lines of text: one row per actual label, one
 * column per predicted label. Columns are headed by the start of each
 * label ("set" for setosa), as short as still tells them apart.
 */
export function formatConfusionMatrix({ labels, matrix }: Matrix): string[] {
  const n = shortLength(labels);
  return table([
    ['', ...labels.map((label) => label.slice(0, n))],
    ...labels.map((label, i) => [label, ...matrix[i].map(String)]),
  ]);
}

/**
 * Precision, recall, F1 and support (n) per label, then the macro average.
 * Labels come in the report's key order.
 */
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
    ['', 'prec.', 'recall', 'F1', 'n'],
    ...rows,
    ['macro avg', f(precision), f(recall), f(f1), ''],
  ]);
}

// SPDX-License-Identifier: MIT
/**
 * The reader's gesture examples: splitting them into training and held-out
 * examples, and saving them as CSV.
 *
 * CSV format: a header line `label,x0,y0,x1,y1,…,x31,y31`, then one line
 * per example: the gesture's name, then its 64 features (the resampled,
 * centred and scaled points of features.ts).
 */
import Papa from 'papaparse';
import { loadExamplesWithColumns } from '../data/csv';
import type { Example } from '../knn/knn';
import { shuffle, type Rng } from '../shared/random';
import { POINT_COUNT, featureNames } from './features';

/** Each gesture needs this many examples: 3 to train on, 1 held out. */
export const MIN_EXAMPLES_PER_GESTURE = 4;

/** One in `HOLD_OUT_EVERY` examples of each gesture is held out. */
export const HOLD_OUT_EVERY = 4;

/**
 * How many examples each label has, in the order of `labels`.
 */
export function countByLabel(examples: Example[], labels: string[]): number[] {
  return labels.map((l) => examples.filter((e) => e.label === l).length);
}

/**
 * Check there is something to learn: at least two gestures, each with at
 * least MIN_EXAMPLES_PER_GESTURE examples.
 */
export function checkEnough(examples: Example[], labels: string[]): void {
  if (labels.length < 2) {
    throw new Error(
      `a classifier needs at least 2 gestures to tell apart, got ` +
        `${labels.length}`,
    );
  }
  const counts = countByLabel(examples, labels);
  const short = labels.filter((_, i) => counts[i] < MIN_EXAMPLES_PER_GESTURE);
  if (short.length > 0) {
    const list = short
      .map((l) => `"${l}" has ${counts[labels.indexOf(l)]}`)
      .join(', ');
    throw new Error(
      `record at least ${MIN_EXAMPLES_PER_GESTURE} examples of every ` +
        `gesture: ${list}`,
    );
  }
}

/**
 * A stratified split: for each label separately, shuffle its examples and
 * hold out one in HOLD_OUT_EVERY (rounded down) for testing. Every label
 * is then in both parts in about the same proportion.
 */
export function stratifiedSplit(
  examples: Example[],
  labels: string[],
  rng: Rng,
): { train: Example[]; test: Example[] } {
  checkEnough(examples, labels);
  const train: Example[] = [];
  const test: Example[] = [];
  for (const label of labels) {
    const mine = shuffle(
      examples.filter((e) => e.label === label),
      rng,
    );
    const held = Math.floor(mine.length / HOLD_OUT_EVERY);
    test.push(...mine.slice(0, held));
    train.push(...mine.slice(held));
  }
  return { train, test };
}

/** The CSV header: label, then x0, y0, … for POINT_COUNT points. */
export const CSV_HEADER = ['label', ...featureNames(POINT_COUNT)];

/** Examples as CSV text (features rounded to 5 decimals). */
export function toCsv(examples: Example[]): string {
  const rows = examples.map((e) => [
    e.label,
    ...e.features.map((v) => String(Number(v.toFixed(5)))),
  ]);
  return Papa.unparse({ fields: CSV_HEADER, data: rows }, { newline: '\n' });
}

/**
 * Examples from CSV text in the format of `toCsv`. A mistake stops the
 * import with a message naming the line: nothing is half-imported.
 */
export function fromCsv(text: string): Example[] {
  const { examples, featureNames: names } = loadExamplesWithColumns(text, {
    label: 'label',
  });
  const expected = CSV_HEADER.slice(1);
  const wrong = names.findIndex((name, i) => name !== expected[i]);
  if (names.length !== expected.length || wrong >= 0) {
    throw new Error(
      `CSV line 1: expected the columns label, x0, y0, …, ` +
        `x${POINT_COUNT - 1}, y${POINT_COUNT - 1} (${expected.length + 1} ` +
        `in all), got ${names.length + 1} columns` +
        (wrong >= 0
          ? ` with "${names[wrong]}" where "${expected[wrong]}"` + ' should be'
          : ''),
    );
  }
  return examples;
}

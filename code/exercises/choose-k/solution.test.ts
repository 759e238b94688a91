// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { chooseK, validationScore } from './solution';

/** Examples with one feature, written as [x, label]. */
const examples = (rows: [number, string][]) =>
  rows.map(([x, label]) => ({ features: [x], label }));

// Two groups on a line, "a" near 0 to 3 and "b" near 10 to 12, and one
// mislabelled "b" at x = 2 among the "a"s.
const training = examples([
  [0, 'a'],
  [1, 'a'],
  [2, 'b'],
  [3, 'a'],
  [10, 'b'],
  [11, 'b'],
  [12, 'b'],
]);
const validation = examples([
  [2.1, 'a'], // k = 1 copies the mislabelled point: wrong
  [11.2, 'b'],
  [0.4, 'a'],
]);

describe('chooseK', () => {
  it('scores every candidate on the validation set (checked by hand)', () => {
    // k = 1: 2 of 3 right; k = 3 and k = 5: 3 of 3; k = 7 votes "b"
    // (4 against 3) for every point: 1 of 3
    const { scores } = chooseK(training, validation, [1, 3, 5, 7]);
    expect(scores).toHaveLength(4);
    [2 / 3, 1, 1, 1 / 3].forEach((expected, i) =>
      expect(scores[i]).toBeCloseTo(expected, 10),
    );
  });

  it('keeps the best k on the validation set, not on the training set', () => {
    // On the training set itself k = 1 is always 100% right: each point is
    // its own nearest neighbour. On the validation set k = 3 does better.
    expect(validationScore(training, training, 1)).toBe(1);
    expect(chooseK(training, validation, [1, 3]).k).toBe(3);
  });

  it('breaks a tie in favour of the smaller k', () => {
    // 3 and 5 both score 3 of 3
    expect(chooseK(training, validation, [1, 3, 5, 7]).k).toBe(3);
  });

  it('breaks a tie towards the smaller k in any order of candidates', () => {
    const { k, scores } = chooseK(training, validation, [7, 5, 3, 1]);
    expect(k).toBe(3);
    // scores come in the order the candidates were given
    expect(scores[0]).toBeCloseTo(1 / 3, 10);
    expect(scores[3]).toBeCloseTo(2 / 3, 10);
  });

  it('passes the metric on: macro F1 can choose another k', () => {
    // Five "c" and one "r" at 2.5 among them; two more "r" far away.
    const train = examples([
      [0, 'c'],
      [1, 'c'],
      [2, 'c'],
      [2.5, 'r'],
      [3, 'c'],
      [4, 'c'],
      [5, 'c'],
      [10, 'r'],
      [11, 'r'],
    ]);
    const check = examples([
      [0.5, 'c'],
      [1.5, 'c'],
      [2.4, 'c'],
      [2.6, 'c'],
      [3.5, 'c'],
      [4.5, 'c'],
      [10.4, 'r'],
    ]);
    // k = 1: 5 of 7 right, and it finds the rare "r"; k = 5 is 6 of 7
    // right by calling everything "c". Accuracy prefers k = 5, macro F1
    // (0.65 against 0.46) prefers k = 1.
    expect(chooseK(train, check, [1, 5]).k).toBe(5);
    const f1 = chooseK(train, check, [1, 5], 'macro-f1');
    expect(f1.k).toBe(1);
    expect(f1.scores[0]).toBeCloseTo(0.65, 10);
    expect(f1.scores[1]).toBeCloseTo(6 / 13, 10);
  });

  it('says what is wrong when there is no candidate', () => {
    expect(() => chooseK(training, validation, [])).toThrow(
      'at least one candidate',
    );
  });
});

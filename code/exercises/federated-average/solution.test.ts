// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { exactWeightedMean } from '../../shared/exact-mean';
import { createRng } from '../../shared/random';
import { federatedAverage } from './solution';

/** Each value of `actual` to 10 decimals of `expected`. */
function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 10));
}

describe('federatedAverage', () => {
  it("gives the lesson's answer: 100 × 0.2 and 300 × 0.6 make 0.5", () => {
    const average = federatedAverage([
      { weights: [0.2], exampleCount: 100 },
      { weights: [0.6], exampleCount: 300 },
    ]);
    expectClose(average, [0.5]);
  });

  it('averages every weight, each device by its examples (by hand)', () => {
    // (1 · [1, 2, −3] + 3 · [3, 6, 9]) / 4 = [2.5, 5, 6]
    const average = federatedAverage([
      { weights: [1, 2, -3], exampleCount: 1 },
      { weights: [3, 6, 9], exampleCount: 3 },
    ]);
    expectClose(average, [2.5, 5, 6]);
  });

  it('with equal example counts, is the plain average', () => {
    const average = federatedAverage([
      { weights: [1, 10], exampleCount: 50 },
      { weights: [2, 20], exampleCount: 50 },
      { weights: [6, 0], exampleCount: 50 },
    ]);
    expectClose(average, [3, 10]);
  });

  it('leaves out a device with no examples', () => {
    const average = federatedAverage([
      { weights: [0.2], exampleCount: 100 },
      { weights: [99], exampleCount: 0 },
      { weights: [0.6], exampleCount: 300 },
    ]);
    expectClose(average, [0.5]);
  });

  it("matches the course's exact weighted mean on 5 devices", () => {
    const rng = createRng(13);
    const counts = [12, 40, 3, 25, 7];
    const updates = counts.map((exampleCount) => ({
      weights: Array.from({ length: 6 }, () => 4 * rng() - 2),
      exampleCount,
    }));
    const expected = updates[0].weights.map((_, i) =>
      exactWeightedMean(
        updates.map((u) => u.weights[i]),
        counts,
      ),
    );
    expectClose(federatedAverage(updates), expected);
  });

  it('says what is wrong when no device has examples', () => {
    expect(() =>
      federatedAverage([{ weights: [1, 2], exampleCount: 0 }]),
    ).toThrow('examples');
  });

  it('says what is wrong when devices send lists of different lengths', () => {
    expect(() =>
      federatedAverage([
        { weights: [1, 2], exampleCount: 1 },
        { weights: [1, 2, 3], exampleCount: 1 },
      ]),
    ).toThrow('weights');
  });
});

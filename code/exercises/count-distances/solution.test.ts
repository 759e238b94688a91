// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { distancesBetweenAllPairs, distancesToClassify } from './solution';

/** The loops of brute-force kNN, counting instead of measuring. */
function countByLoops(queries: number, examples: number) {
  let toClassify = 0;
  for (let q = 0; q < queries; q++)
    for (let e = 0; e < examples; e++) toClassify++;
  let pairs = 0;
  for (let a = 0; a < examples; a++)
    for (let b = a + 1; b < examples; b++) pairs++;
  return { toClassify, pairs };
}

describe('distancesToClassify', () => {
  it('one distance per query and stored example (checked by hand)', () => {
    expect(distancesToClassify(1, 150)).toBe(150);
    // 38 test flowers against 112 training flowers
    expect(distancesToClassify(38, 112)).toBe(4256);
  });
  it('matches the count of the loops for small sizes', () => {
    for (const [q, n] of [
      [0, 5],
      [1, 1],
      [3, 7],
      [12, 9],
    ]) {
      expect(distancesToClassify(q, n)).toBe(countByLoops(q, n).toClassify);
    }
  });
  it('grows in step with n: twice the examples, twice the work', () => {
    const ratio =
      distancesToClassify(100, 2000) / distancesToClassify(100, 1000);
    expect(ratio).toBe(2);
  });
  it('throws for a count that is negative or not whole', () => {
    expect(() => distancesToClassify(-1, 10)).toThrow();
    expect(() => distancesToClassify(10, 2.5)).toThrow();
  });
});

describe('distancesBetweenAllPairs', () => {
  it('counts each pair once (checked by hand)', () => {
    expect(distancesBetweenAllPairs(2)).toBe(1);
    expect(distancesBetweenAllPairs(4)).toBe(6);
    expect(distancesBetweenAllPairs(150)).toBe(11175);
  });
  it('is 0 with no pair to measure', () => {
    // + 0 turns the formula's −0 (0 × −1 / 2) into 0, which toBe tells apart
    expect(distancesBetweenAllPairs(0) + 0).toBe(0);
    expect(distancesBetweenAllPairs(1) + 0).toBe(0);
  });
  it('matches the count of the loops for small sizes', () => {
    for (const n of [3, 5, 10, 17]) {
      expect(distancesBetweenAllPairs(n)).toBe(countByLoops(0, n).pairs);
    }
  });
  it('grows with n²: twice the examples, about four times the work', () => {
    const ratio =
      distancesBetweenAllPairs(2000) / distancesBetweenAllPairs(1000);
    expect(ratio).toBeCloseTo(4, 2);
  });
  it('throws for a count that is negative or not whole', () => {
    expect(() => distancesBetweenAllPairs(-3)).toThrow();
    expect(() => distancesBetweenAllPairs(0.5)).toThrow();
  });
});

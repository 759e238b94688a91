// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { makeMoons } from '../../data/datasets';
import { createRng, shuffle } from '../../shared/random';
import { splitDealt, splitSortedByLabel } from './solution';

/** Examples numbered in order, with these labels. */
const numbered = (labels: string[]) =>
  labels.map((label, id) => ({ id, label }));
/** Each device's example ids. */
const ids = (slices: { id: number }[][]) =>
  slices.map((s) => s.map((e) => e.id));
/** How many different labels each device holds. */
const labelsPerDevice = (slices: { label: string }[][]) =>
  slices.map((s) => new Set(s.map((e) => e.label)).size);

describe('splitDealt (even, IID)', () => {
  it('deals example i to device i mod devices', () => {
    const slices = splitDealt(numbered(['a', 'b', 'a', 'b', 'c', 'c']), 3);
    expect(ids(slices)).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
  });

  it('gives the first devices one more when the count does not divide', () => {
    const slices = splitDealt(numbered(['a', 'a', 'a', 'a', 'a', 'a', 'a']), 3);
    expect(slices.map((s) => s.length)).toEqual([3, 2, 2]);
  });
});

describe('splitSortedByLabel (uneven, non-IID)', () => {
  it('sorts by label, then cuts into consecutive pieces (by hand)', () => {
    // sorted: a0 a3 | b1 b2 | c4 c5 (equal labels keep their order)
    const slices = splitSortedByLabel(
      numbered(['a', 'b', 'b', 'a', 'c', 'c']),
      3,
    );
    expect(ids(slices)).toEqual([
      [0, 3],
      [1, 2],
      [4, 5],
    ]);
  });

  it('gives the first devices one more when the count does not divide', () => {
    const slices = splitSortedByLabel(
      numbered(['b', 'a', 'b', 'a', 'b', 'a', 'b']),
      3,
    );
    expect(ids(slices)).toEqual([
      [1, 3, 5],
      [0, 2],
      [4, 6],
    ]);
  });

  it("leaves the caller's examples in their order", () => {
    const examples = numbered(['b', 'a', 'c', 'a']);
    splitSortedByLabel(examples, 2);
    expect(examples.map((e) => e.id)).toEqual([0, 1, 2, 3]);
  });

  it('says what is wrong with a number of devices that cannot work', () => {
    const examples = numbered(['a', 'b', 'a']);
    expect(() => splitSortedByLabel(examples, 0)).toThrow('devices');
    expect(() => splitSortedByLabel(examples, 4)).toThrow('devices');
    expect(() => splitDealt(examples, 1.5)).toThrow('devices');
  });
});

describe('on the half-moons, 400 shuffled examples, 4 devices', () => {
  // makeMoons alternates upper, lower, upper…: shuffle before dealing
  const rng = createRng(2);
  const moons = shuffle(makeMoons(400, 0.2, rng), rng);

  it('both splits keep every example exactly once', () => {
    for (const slices of [splitDealt(moons, 4), splitSortedByLabel(moons, 4)]) {
      expect(slices).toHaveLength(4);
      const all = slices.flat();
      expect(all).toHaveLength(400);
      expect(new Set(all).size).toBe(400);
    }
  });

  it('dealt, every device sees both moons; sorted, each sees one', () => {
    expect(labelsPerDevice(splitDealt(moons, 4))).toEqual([2, 2, 2, 2]);
    expect(labelsPerDevice(splitSortedByLabel(moons, 4))).toEqual([1, 1, 1, 1]);
  });
});

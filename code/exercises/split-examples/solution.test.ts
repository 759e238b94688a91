// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/random';
import { splitExamples } from './solution';

/** 40 readings, sorted by label as files often are: 20 "off", then 20 "on". */
const sorted = Array.from({ length: 40 }, (_, i) => ({
  id: i,
  label: i < 20 ? 'off' : 'on',
}));
const ids = (examples: { id: number }[]) => examples.map((e) => e.id);

describe('splitExamples', () => {
  it('puts Math.round(n × testFraction) examples in the test set', () => {
    const { train, test } = splitExamples(sorted, 0.25, createRng(1));
    expect(test).toHaveLength(10);
    expect(train).toHaveLength(30);
    expect(splitExamples(sorted, 0.3, createRng(1)).test).toHaveLength(12);
  });
  it('puts every example in exactly one set: none lost, none in both', () => {
    const { train, test } = splitExamples(sorted, 0.25, createRng(1));
    const all = [...ids(train), ...ids(test)].sort((a, b) => a - b);
    expect(all).toEqual(ids(sorted));
  });
  it('leaves the examples it was given in their order', () => {
    const copy = sorted.map((e) => ({ ...e }));
    splitExamples(sorted, 0.25, createRng(1));
    expect(sorted).toEqual(copy);
  });
  it('tests on both labels even when the file is sorted by label', () => {
    const { train, test } = splitExamples(sorted, 0.25, createRng(1));
    const testLabels = new Set(test.map((e) => e.label));
    const trainLabels = new Set(train.map((e) => e.label));
    expect([...testLabels].sort()).toEqual(['off', 'on']);
    expect([...trainLabels].sort()).toEqual(['off', 'on']);
  });
  it('chooses with rng: the same seed gives the same split', () => {
    const a = splitExamples(sorted, 0.25, createRng(7)).test;
    const b = splitExamples(sorted, 0.25, createRng(7)).test;
    expect(ids(a)).toEqual(ids(b));
  });
  it('chooses with rng: another seed gives another test set', () => {
    const a = ids(splitExamples(sorted, 0.25, createRng(1)).test);
    const b = ids(splitExamples(sorted, 0.25, createRng(2)).test);
    expect(a.sort((x, y) => x - y)).not.toEqual(b.sort((x, y) => x - y));
  });
  it('throws for a testFraction that is not between 0 and 1', () => {
    expect(() => splitExamples(sorted, 0, createRng(1))).toThrow();
    expect(() => splitExamples(sorted, 1.5, createRng(1))).toThrow();
    expect(() => splitExamples(sorted, -0.2, createRng(1))).toThrow();
  });
});

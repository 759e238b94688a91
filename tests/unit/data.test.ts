// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { loadExamples, parseCsv } from '../../code/data/csv';
import { fitMinMax, fitZScore, makeBlobs, makeLine, makeMoons, makeXor, trainTestSplit, transform } from '../../code/data/datasets';
import { createRng, shuffle } from '../../code/shared/random';
import { readTextFile } from '../../code/shared/files';

describe('createRng', () => {
  it('repeats the same sequence for the same seed, in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(createRng(43)()).not.toBe(createRng(42)());
  });
  it('shuffles without losing anything', () => {
    expect(shuffle([1, 2, 3, 4, 5], createRng(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('parseCsv and loadExamples', () => {
  const csv = 'a,b,species\n1,2,x\n3,4.5,y\n';
  it('reads the header and rows, and numeric features with the label', () => {
    expect(parseCsv(csv)).toEqual({
      header: ['a', 'b', 'species'],
      rows: [
        ['1', '2', 'x'],
        ['3', '4.5', 'y'],
      ],
    });
    expect(loadExamples(csv, { label: 'species' })).toEqual([
      { features: [1, 2], label: 'x' },
      { features: [3, 4.5], label: 'y' },
    ]);
  });
  it('accepts quoted fields, CRLF line ends and a label in any column', () => {
    expect(loadExamples('species,"a"\r\n"x, the first",1\r\n', { label: 'species' })).toEqual([{ features: [1], label: 'x, the first' }]);
  });
  it('names the line (and column) of malformed input', () => {
    expect(() => parseCsv('')).toThrow('CSV is empty: expected a header line and at least one row');
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow('CSV line 3: expected 2 fields (like the header), got 1');
    expect(() => loadExamples('a,b,species\n1,2,x\n1,oops,y\n', { label: 'species' })).toThrow(
      'CSV line 3, column 2 ("b"): expected a number, got "oops"',
    );
    expect(() => loadExamples('a,b\n1,2\n', { label: 'species' })).toThrow(
      'CSV has no column "species" for the label; its columns are: a, b',
    );
    expect(() => parseCsv('a,b\n1,"2\n3,4\n')).toThrow('CSV line 2: a quoted field is never closed (unterminated quote)');
    expect(() => loadExamples('a,species\n', { label: 'species' })).toThrow('CSV has a header but no rows: expected at least one example');
  });
  it('reads the shipped iris file (150 flowers, 4 features, 3 species)', async () => {
    const iris = loadExamples(await readTextFile('/data/iris.csv'), { label: 'species' });
    expect(iris).toHaveLength(150);
    expect(iris[0]).toEqual({ features: [5.1, 3.5, 1.4, 0.2], label: 'setosa' });
    expect(new Set(iris.map((e) => e.label)).size).toBe(3);
  });
});

describe('generated datasets', () => {
  it('makeLine follows its line', () => {
    const { xs, ys } = makeLine(500, createRng(1), { slope: 3, intercept: 1, noise: 0 });
    xs.forEach((x, i) => expect(ys[i]).toBeCloseTo(3 * x + 1, 12));
  });
  it('makeBlobs, makeMoons and makeXor have the documented shapes', () => {
    expect(makeBlobs(10, createRng(1))).toHaveLength(30);
    const moons = makeMoons(100, 0.1, createRng(1));
    expect(moons.filter((e) => e.label === 'upper')).toHaveLength(50);
    expect(makeXor()).toEqual([
      { features: [0, 0], label: '0' },
      { features: [0, 1], label: '1' },
      { features: [1, 0], label: '1' },
      { features: [1, 1], label: '0' },
    ]);
  });
  it('trainTestSplit keeps every example once', () => {
    const { train, test } = trainTestSplit([...Array(10).keys()], 0.3, createRng(2));
    expect(test).toHaveLength(3);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(() => trainTestSplit([1, 2], 1, createRng(1))).toThrow('testFraction must be between 0 and 1 (exclusive), got 1');
  });
  it('scalers remember what they learned and apply it to new data', () => {
    const rows = [
      [0, 10],
      [10, 20],
      [5, 15],
    ];
    const minMax = fitMinMax(rows);
    expect(
      transform(minMax, [
        [5, 20],
        [20, 10],
      ]),
    ).toEqual([
      [0.5, 1],
      [2, 0],
    ]);
    const z = fitZScore([[1], [3]]);
    expect(z).toEqual({ kind: 'z-score', mean: [2], std: [1] });
    expect(transform(z, [[4]])).toEqual([[2]]);
    expect(() => transform(z, [[1, 2]])).toThrow('row 0 must have 1 features like the data the scaler was fitted on, got 2');
  });
});

// SPDX-License-Identifier: MIT
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, classify, classifyAll, euclideanDistance, type Example } from '../../code/knn/knn';
import { classifyAllFast, classifyAllKBest, classifyAllKdTree } from '../../code/knn/knn-fast';
import { classifyAllTf } from '../../code/knn/knn.tfjs';
import { loadExamples } from '../../code/data/csv';
import { createRng } from '../../code/shared/random';
import { makeBlobs } from '../../code/data/datasets';
import { useBackend } from '../../code/shared/tf-backend';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/knn-iris.json'), 'utf8'));
const iris = loadExamples(fs.readFileSync(path.join(__dirname, '../../code/data/iris.csv'), 'utf8'), { label: 'species' });

const tiny: Example[] = [
  { features: [0, 0], label: 'red' },
  { features: [1, 0], label: 'red' },
  { features: [5, 5], label: 'blue' },
  { features: [6, 5], label: 'blue' },
  { features: [5, 6], label: 'blue' },
];

describe('euclideanDistance', () => {
  it('is the straight-line distance (3-4-5 triangle)', () => {
    expect(euclideanDistance([0, 0], [3, 4])).toBe(5);
    expect(euclideanDistance([1, 2, 3], [1, 2, 3])).toBe(0);
  });
  it('rejects vectors of different lengths', () => {
    expect(() => euclideanDistance([1, 2], [1])).toThrow('points must have the same number of features: got 2 and 1');
  });
});

describe('classify (hand-checked)', () => {
  it('takes the label of the nearest points', () => {
    expect(classify(tiny, [0.5, 0.2], 1)).toBe('red');
    expect(classify(tiny, [4, 4], 3)).toBe('blue');
  });
  it('lets the majority of the k nearest win', () => {
    // nearest to (2, 2): red (1,0), red (0,0), then blue (5,5): two reds beat one blue
    expect(classify(tiny, [2, 2], 3)).toBe('red');
    // with all five, blue has three votes
    expect(classify(tiny, [2, 2], 5)).toBe('blue');
  });
  it('breaks a vote tie in favour of the label whose nearest member is closest', () => {
    const tie: Example[] = [
      { features: [1], label: 'far' },
      { features: [-0.5], label: 'near' },
      { features: [-3], label: 'near' },
      { features: [2], label: 'far' },
    ];
    // k = 4: two "near", two "far"; the closest point (-0.5) is "near"
    expect(classify(tie, [0], 4)).toBe('near');
    expect(classifyAllFast(tie, [[0]], 4, 'k-best')).toEqual(['near']);
    expect(classifyAllFast(tie, [[0]], 4, 'kd-tree')).toEqual(['near']);
  });
  it('explains bad input', () => {
    expect(() => classify([], [1], 1)).toThrow('training set is empty: kNN needs at least one example');
    expect(() => classify(tiny, [1, 1], 0)).toThrow('k must be an integer between 1 and 5 (the number of training examples), got 0');
    expect(() => classify(tiny, [1, 1], 6)).toThrow('k must be an integer between 1 and 5 (the number of training examples), got 6');
    expect(() => classify(tiny, [1], 1)).toThrow('query must have 2 features like the training examples, got 1');
    expect(() => classify(tiny, [NaN, 1], 1)).toThrow('query[0] must be a finite number, got NaN');
    expect(() => classify([{ features: [Infinity, 0], label: 'x' }], [1, 1], 1)).toThrow(
      'training[0].features[0] must be a finite number, got Infinity',
    );
    expect(() => classify([...tiny, { features: [1], label: 'x' }], [1, 1], 1)).toThrow(
      'every example must have 2 features (like example 0), but example 5 has 1',
    );
    expect(() => classifyAll(tiny, [[1, 1], [2]], 1)).toThrow('queries[1] must have 2 features like the training examples, got 1');
  });
});

describe('accuracy', () => {
  it('is the fraction of matches', () => {
    expect(accuracy(['a', 'b', 'a', 'a'], ['a', 'b', 'b', 'a'])).toBe(0.75);
  });
  it('explains bad input', () => {
    expect(() => accuracy(['a'], ['a', 'b'])).toThrow('predicted and actual must have the same length, got 1 and 2');
    expect(() => accuracy([], [])).toThrow('accuracy needs at least one prediction, got none');
  });
});

describe('against scikit-learn on iris', () => {
  for (const [name, set] of Object.entries(fixture.feature_sets) as [
    string,
    { columns: string[]; k: Record<string, { predictions: string[]; accuracy: number; tie_queries: number[] }> },
  ][]) {
    const columns = set.columns.map((c) => ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'].indexOf(c));
    const select = (e: Example): Example => ({ features: columns.map((c) => e.features[c]), label: e.label });
    const training = (fixture.train_rows as number[]).map((r) => select(iris[r]));
    const queries = (fixture.test_rows as number[]).map((r) => select(iris[r]).features);
    for (const [k, expected] of Object.entries(set.k)) {
      it(`${name}, k = ${k}: plain, k-best and k-d tree give scikit-learn's predictions`, () => {
        const keep = (_: unknown, q: number) => !expected.tie_queries.includes(q);
        const want = expected.predictions.filter(keep);
        for (const predicted of [
          classifyAll(training, queries, Number(k)),
          classifyAllKBest(training, queries, Number(k)),
          classifyAllKdTree(training, queries, Number(k)),
        ]) {
          expect(predicted.filter(keep)).toEqual(want);
        }
      });
    }
  }
});

describe('fast kNN', () => {
  it("gives exactly the plain version's predictions on 2,000 generated points, for several k", () => {
    const rng = createRng(3);
    const training = makeBlobs(700, rng, { spread: 1.5 });
    const queries = makeBlobs(100, rng, { spread: 2 }).map((e) => e.features);
    for (const k of [1, 4, 7, 25]) {
      const plain = classifyAll(training, queries, k);
      expect(classifyAllKBest(training, queries, k)).toEqual(plain);
      expect(classifyAllKdTree(training, queries, k)).toEqual(plain);
    }
  });
  it('handles duplicate points and ties in distance like the plain version', () => {
    const training: Example[] = Array.from({ length: 40 }, (_, i) => ({ features: [i % 4, 0], label: i % 3 === 0 ? 'a' : 'b' }));
    const queries = [
      [0, 0],
      [1.5, 0],
      [3, 0],
      [2, 1],
    ];
    for (const k of [1, 2, 5, 10]) expect(classifyAllKdTree(training, queries, k)).toEqual(classifyAll(training, queries, k));
  });
});

describe('kNN with TensorFlow.js', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });
  it("gives scikit-learn's predictions on iris (tie queries left out)", async () => {
    const set = fixture.feature_sets['all four features'];
    const training = (fixture.train_rows as number[]).map((r) => iris[r]);
    const queries = (fixture.test_rows as number[]).map((r) => iris[r].features);
    const expected = set.k['5'];
    const keep = (_: unknown, q: number) => !expected.tie_queries.includes(q);
    const predicted = await classifyAllTf(training, queries, 5);
    expect(predicted.filter(keep)).toEqual(expected.predictions.filter(keep));
    expect(
      accuracy(
        predicted,
        (fixture.test_rows as number[]).map((r) => iris[r].label),
      ),
    ).toBeCloseTo(expected.accuracy, 6);
  });
});

// SPDX-License-Identifier: MIT
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as metrics from '../../code/evaluation/metrics';
import { classificationReport, confusionMatrix } from '../../code/evaluation/metrics';
import { formatConfusionMatrix, formatReport } from '../../code/evaluation/print';

type Scores = { precision: number; recall: number; f1: number; support: number };
type Case = {
  name: string;
  actual: string[];
  predicted: string[];
  labels?: string[];
  confusion_matrix: { labels: string[]; matrix: number[][] };
  report: {
    labels: string[];
    per_label: Record<string, Scores>;
    accuracy: number;
    macro: { precision: number; recall: number; f1: number };
  };
};
// Written by tests/fixtures/make_metrics_reference.py (scikit-learn 1.2.1, NumPy 1.24).
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/metrics.json'), 'utf8')) as { cases: Case[] };

const TOLERANCE = 1e-12;
const close = (got: number, want: number, what: string) =>
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(TOLERANCE);

describe('metrics.ts exports', () => {
  it('exactly confusionMatrix and classificationReport', () => {
    expect(Object.keys(metrics).sort()).toEqual(['classificationReport', 'confusionMatrix']);
  });
});

describe('confusionMatrix (hand-checked)', () => {
  // 3 cats, 2 dogs: one cat called a dog, one dog called a cat
  const actual = ['cat', 'cat', 'cat', 'dog', 'dog'];
  const predicted = ['cat', 'dog', 'cat', 'dog', 'cat'];

  it('counts rows by actual label and columns by predicted label', () => {
    expect(confusionMatrix(actual, predicted)).toEqual({
      labels: ['cat', 'dog'],
      matrix: [
        [2, 1],
        [1, 1],
      ],
    });
  });
  it('sorts the labels of both lists by code point, like Python (not localeCompare)', () => {
    const labels = ['b', 'B', '10', '9', 'a'];
    expect(confusionMatrix(labels, [...labels].reverse()).labels).toEqual(['10', '9', 'B', 'a', 'b']);
    // a label only predicted still gets a row and a column
    expect(confusionMatrix(['x', 'x'], ['x', 'y']).labels).toEqual(['x', 'y']);
    // U+FF21 before U+1F40D: code point order, which UTF-16 code unit order gets wrong
    expect(confusionMatrix(['\u{1F40D}'], ['\uFF21']).labels).toEqual(['\uFF21', '\u{1F40D}']);
  });
  it('with labels, keeps only those, in that order, leaving out other pairs', () => {
    expect(confusionMatrix(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], ['c', 'a', 'zz'])).toEqual({
      labels: ['c', 'a', 'zz'],
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
    });
  });
  it('explains bad input', () => {
    expect(() => confusionMatrix(['a', 'b', 'c'], ['a'])).toThrow(
      'actual and predicted must have one label per example, so the same length: got 3 actual and 1 predicted labels',
    );
    expect(() => confusionMatrix([], [])).toThrow(
      'actual and predicted are empty: there is nothing to evaluate (expected at least one example)',
    );
    expect(() => confusionMatrix(['a'], ['a'], [])).toThrow('labels is empty: list at least one label, or leave it out');
    expect(() => confusionMatrix(['a'], ['a'], ['a', 'b', 'a'])).toThrow('labels lists "a" twice: list each label once');
  });
});

describe('classificationReport (hand-checked)', () => {
  it('gives precision, recall, F1 and support per label', () => {
    // cat: 2 of the 3 "cat" predictions are right (precision 2/3), 2 of 3 cats found (recall 2/3)
    // dog: 1 of 2 "dog" predictions right, 1 of 2 dogs found
    const report = classificationReport(['cat', 'cat', 'cat', 'dog', 'dog'], ['cat', 'dog', 'cat', 'dog', 'cat']);
    expect(report.perLabel.cat.precision).toBeCloseTo(2 / 3, 12);
    expect(report.perLabel.cat.recall).toBeCloseTo(2 / 3, 12);
    expect(report.perLabel.cat.f1).toBeCloseTo(2 / 3, 12);
    expect(report.perLabel.cat.support).toBe(3);
    expect(report.perLabel.dog).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.accuracy).toBe(0.6);
    expect(report.macro.precision).toBeCloseTo((2 / 3 + 0.5) / 2, 12);
  });
  it('scores 0 for a label never predicted (precision) or never present (recall), and F1 0 then', () => {
    const report = classificationReport(['a', 'a', 'b'], ['a', 'c', 'a']);
    expect(report.perLabel.b).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(report.perLabel.c).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(report.perLabel.a).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // macro counts every label, including c that was only predicted
    expect(report.macro.recall).toBeCloseTo(0.5 / 3, 12);
  });
  it('keeps any label as a plain key, even "__proto__"', () => {
    const report = classificationReport(['__proto__', 'x'], ['__proto__', '__proto__']);
    expect(Object.keys(report.perLabel)).toEqual(['__proto__', 'x']);
    expect(report.perLabel['__proto__'].support).toBe(1);
  });
  it('explains bad input', () => {
    expect(() => classificationReport(['a'], ['a', 'b'])).toThrow('got 1 actual and 2 predicted labels');
    expect(() => classificationReport([], [])).toThrow('actual and predicted are empty');
  });
});

describe('against scikit-learn (tests/fixtures/metrics.json)', () => {
  it('has the cases the fixture promises', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const c of fixture.cases) {
    it(`${c.name}: confusion matrix`, () => {
      expect(confusionMatrix(c.actual, c.predicted, c.labels)).toEqual(c.confusion_matrix);
    });
    it(`${c.name}: precision, recall, F1, support, accuracy, macro average within 1e-12`, () => {
      const report = classificationReport(c.actual, c.predicted);
      expect(Object.keys(report.perLabel).sort()).toEqual([...c.report.labels].sort());
      for (const label of c.report.labels) {
        const want = c.report.per_label[label];
        const got = report.perLabel[label];
        for (const key of ['precision', 'recall', 'f1'] as const) close(got[key], want[key], `${label} ${key}`);
        expect(got.support, `${label} support`).toBe(want.support);
      }
      close(report.accuracy, c.report.accuracy, 'accuracy');
      for (const key of ['precision', 'recall', 'f1'] as const) close(report.macro[key], c.report.macro[key], `macro ${key}`);
    });
  }
});

describe('print.ts', () => {
  it('lays out the matrix and the report in narrow aligned columns', () => {
    const actual = ['catfish', 'catfish', 'cattle'];
    const predicted = ['catfish', 'cattle', 'cattle'];
    // columns are headed by the shortest start (3 letters or more) that tells the labels apart
    expect(formatConfusionMatrix(confusionMatrix(actual, predicted))).toEqual([
      '         catf  catt',
      'catfish     1     1',
      'cattle      0     1',
    ]);
    expect(formatConfusionMatrix(confusionMatrix(['setosa', 'virginica'], ['versicolor', 'virginica']))[0]).toBe(
      '            set  ver  vir',
    );
    expect(formatReport(classificationReport(actual, predicted))).toEqual([
      '           prec.  recall    F1  n',
      'catfish     1.00    0.50  0.67  2',
      'cattle      0.50    1.00  0.67  1',
      'macro avg   0.75    0.75  0.67',
    ]);
  });
  it('keeps the iris tables within 35 characters, the width of a phone', () => {
    const labels = ['setosa', 'versicolor', 'virginica'];
    const lines = [...formatConfusionMatrix(confusionMatrix(labels, labels)), ...formatReport(classificationReport(labels, labels))];
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(35);
  });
});

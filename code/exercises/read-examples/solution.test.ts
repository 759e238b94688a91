// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { readExamples } from './solution';

const HEADER = 'petal_length,petal_width,species';

describe('readExamples', () => {
  it('turns each row into features and a label', () => {
    const text = `${HEADER}\n1.4,0.2,setosa\n4.7,1.4,versicolor`;
    expect(readExamples(text, 'species')).toEqual([
      { features: [1.4, 0.2], label: 'setosa' },
      { features: [4.7, 1.4], label: 'versicolor' },
    ]);
  });
  it('finds the label column by its name, wherever it is', () => {
    const text = 'species,petal_length,petal_width\nvirginica,6,2.5';
    expect(readExamples(text, 'species')).toEqual([
      { features: [6, 2.5], label: 'virginica' },
    ]);
  });
  it('skips blank lines, a last newline and Windows line ends', () => {
    const text = `${HEADER}\r\n1.4,0.2,setosa\r\n\r\n5.1,1.9,virginica\r\n`;
    expect(readExamples(text, 'species')).toEqual([
      { features: [1.4, 0.2], label: 'setosa' },
      { features: [5.1, 1.9], label: 'virginica' },
    ]);
  });
  it('gives no examples for a header alone', () => {
    expect(readExamples(HEADER, 'species')).toEqual([]);
  });
  it('names the line of a row with too few or too many fields', () => {
    const short = `${HEADER}\n1.4,0.2,setosa\n4.7,versicolor`;
    expect(() => readExamples(short, 'species')).toThrow(/\bline 3\b/);
    const long = `${HEADER}\n1.4,0.2,setosa,extra`;
    expect(() => readExamples(long, 'species')).toThrow(/\bline 2\b/);
  });
  it('names the line and the text of a feature that is not a number', () => {
    const rows = ['1.4,0.2,setosa', '1.3,0.2,setosa', '4.7,wide,versicolor'];
    const text = [HEADER, ...rows].join('\n');
    expect(() => readExamples(text, 'species')).toThrow(/\bline 4\b/);
    expect(() => readExamples(text, 'species')).toThrow('wide');
  });
  it('counts blank lines when it names a line', () => {
    const text = `${HEADER}\n1.4,0.2,setosa\n\n\n4.7,?,versicolor`;
    expect(() => readExamples(text, 'species')).toThrow(/\bline 5\b/);
  });
  it('treats an empty feature as an error, not as 0', () => {
    const text = `${HEADER}\n1.4,,setosa`;
    expect(() => readExamples(text, 'species')).toThrow(/\bline 2\b/);
  });
  it('treats an empty label as an error', () => {
    const text = `${HEADER}\n1.4,0.2,setosa\n4.7,1.4,`;
    expect(() => readExamples(text, 'species')).toThrow(/\bline 3\b/);
  });
  it('names a label column that the header does not have', () => {
    const text = `${HEADER}\n1.4,0.2,setosa`;
    expect(() => readExamples(text, 'flower')).toThrow('flower');
  });
});

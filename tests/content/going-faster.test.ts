// SPDX-License-Identifier: MIT
/**
 * The "Going faster" page quotes timings from one run of `npm run bench`, stored in
 * bench/results.json. Timings cannot be asserted (they change with the machine), but the page
 * can be kept equal to the stored run: after `npm run bench -- --save`, this test names every
 * figure on the page that no longer matches, and any timing on the page that no run produced.
 *
 * Rounding, the page's way: times to two significant digits (11 s, 4.8 s, 130 ms, 6.5 ms),
 * ratios of two times to two significant digits ("81 times", "4.6 times", "4 times").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const PAGE = 'docs/training/going-faster.mdx';

type Results = {
  date: string;
  machine: { cpu: string; cores: number; node: string };
  tasks: { id: string; rows: { name: string; ms: number | null }[] }[];
};
const results = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as Results;

/** The page's prose: no front matter, code blocks, maths or footnote definitions. */
const prose = fs
  .readFileSync(path.join(ROOT, PAGE), 'utf8')
  .replace(/^---[\s\S]*?^---$/m, '')
  .replace(/^(```|~~~)[\s\S]*?^\1/gm, '')
  .replace(/\$[^$]*\$/g, '')
  .replace(/^\[\^[^\]]+\]:.*$/gm, '')
  .replace(/\s+/g, ' ');

function ms(task: string, row: string): number {
  const found = results.tasks.find((t) => t.id === task)?.rows.find((r) => r.name === row);
  if (!found || found.ms === null) throw new Error(`bench/results.json has no time for "${row}" in task "${task}"`);
  return found.ms;
}

const twoDigits = (v: number) => String(Number(v.toPrecision(2)));
/** 10843.7 → "11 s", 4761 → "4.8 s", 133.2 → "130 ms", 6.51 → "6.5 ms". */
const duration = (t: number) => (t >= 1000 ? `${twoDigits(t / 1000)} s` : `${twoDigits(t)} ms`);
const ratio = (slow: number, fast: number) => `${twoDigits(slow / fast)} times`;

const KNN = {
  sort: ms('knn-10000', 'plain TS (sort all distances)'),
  kBest: ms('knn-10000', 'typed arrays, keep the k best'),
  tree: ms('knn-10000', 'typed arrays, k-d tree'),
  tfCpu: ms('knn-10000', 'TensorFlow.js (cpu)'),
  tfWasm: ms('knn-10000', 'TensorFlow.js (wasm)'),
  sklearnBrute: ms('knn-10000', 'scikit-learn brute'),
  sklearnTree: ms('knn-10000', 'scikit-learn k-d tree'),
  kBest100k: ms('knn-100000', 'typed arrays, keep the k best'),
  tree100k: ms('knn-100000', 'typed arrays, k-d tree'),
};
const LINE = {
  arrays: ms('line', 'plain TS (arrays)'),
  typed: ms('line', 'typed arrays'),
  tfCpu: ms('line', 'TensorFlow.js (cpu)'),
  tfWasm: ms('line', 'TensorFlow.js (wasm)'),
  polyfit: ms('line', 'numpy.polyfit'),
  sklearn: ms('line', 'scikit-learn'),
};
const NET = {
  readable: ms('network', 'network.ts, one example at a time'),
  matrix: ms('network', 'network-fast.ts, matrix form (JS)'),
  simd: ms('network', 'network-fast.ts, WebAssembly SIMD'),
  tfWasm: ms('network', 'TensorFlow.js layers (wasm)'),
  numpy: ms('network', 'NumPy (vectorised)'),
};
const XOR = {
  readable: ms('xor', 'network.ts, one example at a time'),
  matrix: ms('xor', 'network-fast.ts, matrix form (JS)'),
  simd: ms('xor', 'network-fast.ts, WebAssembly SIMD'),
  numpy: ms('xor', 'NumPy (vectorised)'),
};

/** Each figure the page quotes, with the words around it, so a mismatch says which one. */
const figures: [what: string, text: string][] = [
  ['kNN 10k, sort every distance', `took ${duration(KNN.sort)} when sorting every distance`],
  ['kNN 10k, keep the k best', `${duration(KNN.kBest)} keeping the k best (${ratio(KNN.sort, KNN.kBest)} faster)`],
  ['kNN 10k, k-d tree', `${duration(KNN.tree)} with the k-d tree (${ratio(KNN.kBest, KNN.tree)} faster again)`],
  ['kNN 100k, keep the k best', `keeping the k best took ${duration(KNN.kBest100k)}, ${ratio(KNN.kBest100k, KNN.kBest)} as long`],
  ['kNN 100k, k-d tree', `while the tree took ${duration(KNN.tree100k)}`],
  ['kNN 10k, scikit-learn', `took ${duration(KNN.sklearnBrute)} and ${duration(KNN.sklearnTree)} for its own two versions`],
  [
    'line, plain and typed arrays',
    `the fit took ${duration(LINE.arrays)} with plain arrays and ${duration(LINE.typed)} with typed arrays, ${ratio(LINE.arrays, LINE.typed)} faster`,
  ],
  ['line, NumPy and scikit-learn', `\`numpy.polyfit\` took ${duration(LINE.polyfit)} and scikit-learn ${duration(LINE.sklearn)}`],
  ['network, network.ts', `took ${duration(NET.readable)} with \`network.ts\``],
  ['network, matrix form', `${duration(NET.matrix)} in matrix form (${ratio(NET.readable, NET.matrix)} faster)`],
  ['network, SIMD', `${duration(NET.simd)} with WebAssembly SIMD (${ratio(NET.matrix, NET.simd)} faster again)`],
  ['network, NumPy', `took ${duration(NET.numpy)}: the SIMD version was ${ratio(NET.numpy, NET.simd)} faster`],
  ['XOR, network.ts and NumPy', `\`network.ts\` took ${duration(XOR.readable)} and NumPy ${duration(XOR.numpy)}`],
  ['XOR, matrix form and SIMD', `The matrix form took ${duration(XOR.matrix)} and SIMD ${duration(XOR.simd)}`],
  [
    'kNN 10k, TensorFlow.js wasm',
    `that took ${duration(KNN.tfWasm)} on the WebAssembly backend: ${ratio(KNN.sort, KNN.tfWasm)} faster than sorting every distance in \`knn.ts\` (${duration(KNN.sort)})`,
  ],
  [
    'kNN 10k, TensorFlow.js against k best',
    `It was still ${ratio(KNN.tfWasm, KNN.kBest)} slower than keeping the k best in \`knn-fast.ts\` (${duration(KNN.kBest)})`,
  ],
  ['kNN 10k, TensorFlow.js cpu', `On its plain-JavaScript backend TensorFlow.js took ${duration(KNN.tfCpu)}`],
  [
    'line, TensorFlow.js',
    `TensorFlow.js took ${duration(LINE.tfWasm)} on WebAssembly and ${duration(LINE.tfCpu)} in plain JavaScript, against ${duration(LINE.arrays)} for plain arrays`,
  ],
  [
    'network, TensorFlow.js',
    `TensorFlow.js layers took ${duration(NET.tfWasm)} for the 2,000 epochs (timed on 200 and scaled), ${ratio(NET.tfWasm, NET.readable)} as long as \`network.ts\` and far behind the ${duration(NET.simd)} of WebAssembly SIMD`,
  ],
  ['recap, line', `make a line fit about ${ratio(LINE.arrays, LINE.typed)} faster`],
  ['recap, network', `about ${ratio(NET.readable, NET.simd)} faster than the readable version`],
  ['question, TensorFlow.js kNN', `TensorFlow.js was ${ratio(KNN.sort, KNN.tfWasm)} faster than the readable kNN`],
  ['question, NumPy', `NumPy was ${ratio(NET.readable, NET.numpy)} faster than \`network.ts\``],
];

describe(`${PAGE} quotes bench/results.json`, () => {
  it('names the machine and the date of the stored run', () => {
    const [year, month, day] = results.date.split('-').map(Number);
    const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    const cpu = results.machine.cpu.replace(/\(R\)/g, '').replace(/ Processor$/, '');
    expect(prose).toContain(
      `a ${results.machine.cores}-core ${cpu} server running Node ${results.machine.node}, on ${day} ${monthName} ${year}`,
    );
  });

  for (const [what, text] of figures) {
    it(`${what}: "${text}"`, () => {
      expect(prose.includes(text), `${PAGE} should say "${text}" (from bench/results.json)`).toBe(true);
    });
  }

  it('has no other timing or ratio than those above', () => {
    const quoted = figures.map(([, text]) => text).join(' ');
    const allowedTimes = new Set(quoted.match(/\b\d[\d.,]* m?s\b/g));
    const allowedRatios = new Set(quoted.match(/\b\d[\d.]* times\b/g));
    const stray = [
      ...(prose.match(/\b\d[\d.,]* m?s\b/g) ?? []).filter((t) => !allowedTimes.has(t)),
      ...(prose.match(/\b\d[\d.]* times\b/g) ?? []).filter((t) => !allowedRatios.has(t)),
    ];
    expect(stray, 'figures on the page that bench/results.json does not give').toEqual([]);
  });
});

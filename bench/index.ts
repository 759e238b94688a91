// SPDX-License-Identifier: MIT
/**
 * `npm run bench`: the same data through every implementation, timed side by side in one run.
 * Prints medians and ratios, each beside the stored reference figures (bench/results.json, shown
 * on the "How fast is your device?" page), so a run on a Raspberry Pi compares itself with the
 * reference machine. `npm run bench -- --save` replaces the stored figures with this run's;
 * `--quick` uses fewer repeats and smaller data for a first look (not comparable with the reference). Python columns appear when /usr/bin/python3 has
 * NumPy and scikit-learn (Debian: apt-get install python3-numpy python3-sklearn).
 * Never used by the tests: timings are measured, not asserted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { makeBlobs, makeLine, makeMoons, makeXor } from '../code/data/datasets';
import { classifyAll } from '../code/knn/knn';
import { classifyAllKBest, classifyAllKdTree } from '../code/knn/knn-fast';
import { classifyAllTf } from '../code/knn/knn.tfjs';
import { fitLeastSquares, fitLeastSquaresTyped } from '../code/linear-regression/linear-regression';
import { fitLeastSquaresTf } from '../code/linear-regression/linear-regression.tfjs';
import { createNetwork, train, type Network, type TrainingExample } from '../code/neural-network/network';
import { train as trainFast, trainMatrix } from '../code/neural-network/network-fast';
import { trainTf } from '../code/neural-network/network.tfjs';
import { createRng } from '../code/shared/random';
import { formatDuration, measure, measureAsync, median } from '../code/shared/time';

type Row = { name: string; ms: number | null; note?: string };
type Task = { id: string; title: string; rows: Row[] };

const QUICK = process.argv.includes('--quick');
const SAVE = process.argv.includes('--save');
const RESULTS = path.join(__dirname, 'results.json');

type Results = { date: string; machine: { os: string; cpu: string; cores: number; node: string }; tasks: Task[] };
const PYTHON = '/usr/bin/python3';

function python(task: object): Record<string, number> {
  if (!fs.existsSync(PYTHON)) return {};
  const run = spawnSync(PYTHON, [path.join(__dirname, 'reference.py')], {
    input: JSON.stringify(task),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) {
    if (!/No module named/.test(run.stderr)) console.warn(`(python reference failed: ${run.stderr.trim().split('\n').at(-1)})`);
    return {};
  }
  return JSON.parse(run.stdout);
}

/**
 * Median times of TypeScript functions and of a Python reference task, all taking turns round by
 * round, so a machine that speeds up or slows down during the run affects them alike.
 */
function alternate(
  fns: Record<string, () => unknown>,
  pyTask: object,
  rounds: number,
): { ts: Record<string, number>; py: Record<string, number> } {
  for (const fn of Object.values(fns)) fn(); // warm-up: the first run also compiles the code
  const ts: Record<string, number[]> = {};
  const py: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) (ts[name] ??= []).push(measure(fn, 1, 0));
    for (const [name, ms] of Object.entries(python(pyTask))) (py[name] ??= []).push(ms);
  }
  const medians = (times: Record<string, number[]>) => Object.fromEntries(Object.entries(times).map(([name, t]) => [name, median(t)]));
  return { ts: medians(ts), py: medians(py) };
}

async function withBackend<T>(name: 'cpu' | 'wasm', fn: () => Promise<T>): Promise<T | null> {
  try {
    if (!(await tf.setBackend(name))) return null;
    await tf.ready();
    return await fn();
  } catch {
    return null;
  }
}

async function knnTask(n: number, queries: number, includeSlow: boolean): Promise<Task> {
  const rng = createRng(1);
  const training = makeBlobs(Math.round(n / 3), rng, { spread: 1.5 }).slice(0, n);
  const q = makeBlobs(Math.ceil(queries / 3), rng, { spread: 2 })
    .slice(0, queries)
    .map((e) => e.features);
  const k = 5;
  const repeats = QUICK ? 3 : 5;
  const rows: Row[] = [];
  if (includeSlow) rows.push({ name: 'plain TS (sort all distances)', ms: measure(() => classifyAll(training, q, k), QUICK ? 1 : 3, 0) });
  rows.push({ name: 'typed arrays, keep the k best', ms: measure(() => classifyAllKBest(training, q, k), repeats) });
  rows.push({ name: 'typed arrays, k-d tree', ms: measure(() => classifyAllKdTree(training, q, k), repeats) });
  if (includeSlow) {
    for (const backend of ['cpu', 'wasm'] as const) {
      rows.push({
        name: `TensorFlow.js (${backend})`,
        ms: await withBackend(backend, () => measureAsync(() => classifyAllTf(training, q, k), QUICK ? 1 : 3)),
      });
    }
  }
  const py = python({
    kind: 'knn',
    train_x: training.map((e) => e.features),
    train_y: training.map((e) => e.label),
    queries: q,
    k,
    repeats,
    plain_python: includeSlow ? 50 : 0,
  });
  for (const [name, ms] of Object.entries(py))
    rows.push({ name, ms, note: name === 'plain Python' ? 'timed on 50 queries, scaled' : undefined });
  return { id: `knn-${n}`, title: `kNN: ${queries.toLocaleString('en')} queries, k = 5, n = ${n.toLocaleString('en')}, d = 2`, rows };
}

async function lineTask(): Promise<Task> {
  const n = QUICK ? 200_000 : 1_000_000;
  const { xs, ys } = makeLine(n, createRng(2));
  const fx = Float64Array.from(xs);
  const fy = Float64Array.from(ys);
  const rows: Row[] = [
    { name: 'plain TS (arrays)', ms: measure(() => fitLeastSquares(xs, ys), 7) },
    { name: 'typed arrays', ms: measure(() => fitLeastSquaresTyped(fx, fy), 7) },
  ];
  for (const backend of ['cpu', 'wasm'] as const) {
    rows.push({
      name: `TensorFlow.js (${backend})`,
      ms: await withBackend(backend, () => measureAsync(() => fitLeastSquaresTf(xs, ys), 5)),
    });
  }
  for (const [name, ms] of Object.entries(python({ kind: 'line', xs, ys, repeats: 7 }))) rows.push({ name, ms });
  return { id: 'line', title: `Line fit (least squares), ${n.toLocaleString('en')} points`, rows };
}

/** The network rows: the lesson's readable code, then network-fast.ts's two ways of going fast. */
const NETWORK_ROWS = {
  readable: 'network.ts, one example at a time',
  matrix: 'network-fast.ts, matrix form (JS)',
  simd: 'network-fast.ts, WebAssembly SIMD',
} as const;
const ROUNDS_NOTE = 'rows without a note take turns, 5 rounds';

function networkRows(start: Network, examples: TrainingExample[], epochs: number, pyTask: object): Row[] {
  const options = { learningRate: 0.5, epochs };
  const { ts, py } = alternate(
    {
      [NETWORK_ROWS.readable]: () => train(start, examples, options),
      [NETWORK_ROWS.matrix]: () => trainMatrix(start, examples, options),
      [NETWORK_ROWS.simd]: () => trainFast(start, examples, options),
    },
    pyTask,
    5,
  );
  return [...Object.entries(ts), ...Object.entries(py)].map(([name, ms]) => ({ name, ms }));
}

async function networkTask(): Promise<Task> {
  const epochs = QUICK ? 400 : 2000;
  const examples = makeMoons(1000, 0.15, createRng(3)).map((e) => ({ inputs: e.features, targets: [e.label === 'upper' ? 1 : 0] }));
  const start = createNetwork([2, 16, 1], createRng(4), { activation: 'tanh' });
  const pyTask = {
    kind: 'network',
    inputs: examples.map((e) => e.inputs),
    targets: examples.map((e) => e.targets),
    layers: [2, 16, 1],
    epochs,
    learning_rate: 0.5,
    repeats: 1,
  };
  const rows = networkRows(start, examples, epochs, pyTask);
  rows[0].note = ROUNDS_NOTE;
  const tfEpochs = Math.min(epochs, 200);
  const tfRows: Row[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    const ms = await withBackend(backend, () =>
      measureAsync(() => trainTf(start, examples, { learningRate: 0.5, epochs: tfEpochs }), 1, 0).then((t) => (t * epochs) / tfEpochs),
    );
    tfRows.push({ name: `TensorFlow.js layers (${backend})`, ms, note: `timed on ${tfEpochs} epochs, scaled` });
  }
  rows.splice(Object.keys(NETWORK_ROWS).length, 0, ...tfRows); // after the TypeScript rows
  return { id: 'network', title: `Neural network 2-16-1, 1,000 examples, ${epochs.toLocaleString('en')} epochs (full batch)`, rows };
}

async function xorTask(): Promise<Task> {
  const examples = makeXor().map((e) => ({ inputs: e.features, targets: [Number(e.label)] }));
  const start = createNetwork([2, 8, 1], createRng(5), { activation: 'tanh' });
  const pyTask = {
    kind: 'network',
    inputs: examples.map((e) => e.inputs),
    targets: examples.map((e) => e.targets),
    layers: [2, 8, 1],
    epochs: 10_000,
    learning_rate: 0.5,
    repeats: 1,
  };
  const rows = networkRows(start, examples, 10_000, pyTask);
  rows[0].note = ROUNDS_NOTE;
  return { id: 'xor', title: 'Neural network 2-8-1 on XOR, 10,000 epochs', rows };
}

/** Pairs of rows whose ratio is printed on its own line: [faster candidate, reference]. */
const COMPARE: Record<string, [string, string][]> = {
  network: [
    [NETWORK_ROWS.simd, 'NumPy (vectorised)'],
    [NETWORK_ROWS.matrix, 'NumPy (vectorised)'],
    [NETWORK_ROWS.simd, NETWORK_ROWS.matrix],
  ],
  xor: [
    [NETWORK_ROWS.simd, 'NumPy (vectorised)'],
    [NETWORK_ROWS.readable, 'NumPy (vectorised)'],
  ],
};

function printComparisons(task: Task): void {
  for (const [a, b] of COMPARE[task.id] ?? []) {
    const ms = (name: string) => task.rows.find((r) => r.name === name)?.ms;
    const [x, y] = [ms(a), ms(b)];
    if (!x || !y) continue;
    console.log(`  ${a} vs ${b}: ${x <= y ? `${(y / x).toFixed(2)}× faster` : `${(x / y).toFixed(2)}× slower`} (this run)`);
  }
}

function print(task: Task, reference?: Task): void {
  const base = task.rows[0].ms!;
  console.log(`\n${task.title}`);
  if (reference) console.log(`  ${''.padEnd(36)} ${'this run'.padStart(10)}   ${'ratio'.padEnd(14)}  ${'reference'.padStart(10)}`);
  for (const row of task.rows) {
    const ratio = row.ms === null ? '' : row.ms >= base ? `${(row.ms / base).toFixed(1)}× slower` : `${(base / row.ms).toFixed(1)}× faster`;
    const ref = reference?.rows.find((r) => r.name === row.name)?.ms;
    const vsRef =
      ref && row.ms !== null
        ? `${formatDuration(ref).padStart(10)} (${row.ms >= ref ? `${(row.ms / ref).toFixed(1)}× slower` : `${(ref / row.ms).toFixed(1)}× faster`} here)`
        : '';
    console.log(
      `  ${row.name.padEnd(36)} ${(row.ms === null ? 'n/a' : formatDuration(row.ms)).padStart(10)}   ${(row === task.rows[0] ? '(baseline)' : ratio).padEnd(14)}${vsRef ? `  ${vsRef}` : ''}${row.note ? `  [${row.note}]` : ''}`,
    );
  }
}

async function main() {
  const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/');
  setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`);
  const machine = {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
  };
  const reference: Results | undefined = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : undefined;
  console.log(
    `ML on the Edge benchmark — ${new Date().toISOString().slice(0, 10)}, ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}${QUICK ? ' (quick)' : ''}`,
  );
  if (reference && !QUICK)
    console.log(
      `Reference figures: ${reference.date}, ${reference.machine.cpu}, ${reference.machine.cores} cores, Node ${reference.machine.node} (bench/results.json)`,
    );
  const tasks: Task[] = [];
  for (const make of [() => knnTask(10_000, 1000, true), () => knnTask(100_000, 1000, false), lineTask, networkTask, xorTask]) {
    const task = await make();
    // Quick runs use smaller data, so their times are not comparable with the reference.
    print(task, QUICK ? undefined : reference?.tasks.find((t) => t.id === task.id));
    printComparisons(task);
    tasks.push(task);
  }
  if (SAVE && !QUICK) {
    const out: Results = { date: new Date().toISOString().slice(0, 10), machine, tasks };
    fs.writeFileSync(RESULTS, `${JSON.stringify(out, null, 1)}\n`);
    console.log('\nWrote bench/results.json (the reference figures the site shows)');
  } else {
    console.log('\nNot saved. `npm run bench -- --save` makes this run the reference the site shows.');
  }
}

void main();

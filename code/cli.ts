// SPDX-License-Identifier: MIT
/**
 * The course's algorithms from the command line, e.g. on a Raspberry Pi:
 *
 *   npm run ml -- knn --csv data/iris.csv --label species --k 5 [--test 0.2]
 * [--seed 1] [--fast]
 *   npm run ml -- regression [--points 200] [--learning-rate 0.01] [--epochs
 * 2000] [--seed 1]
 *   npm run ml -- network [--hidden 4] [--learning-rate 0.5] [--epochs 3000]
 * [--seed 1]
 *   npm run ml -- federated [--devices 4] [--rounds 30] [--local-epochs 5]
 * [--skew 0.5] [--dropout 0] [--seed 1]
 *
 * Prints accuracy, coefficients or losses with timings. Bad arguments print the
 * usage and exit 2; other errors (a malformed CSV, say) print a message and
 * exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadExamples } from './data/csv';
import { makeLine, makeMoons, makeXor, trainTestSplit } from './data/datasets';
import {
  parameterCount,
  rawDataBytes,
  runFederated,
  splitAcrossDevices,
  toTrainingExamples,
  trainOnDevice,
  evaluate,
  type FederatedSettings,
} from './federated/fedavg';
import { accuracy, classifyAll } from './knn/knn';
import { classifyAllFast } from './knn/knn-fast';
import {
  fitGradientDescent,
  fitLeastSquares,
  meanSquaredError,
} from './linear-regression/linear-regression';
import { createNetwork, predict, train } from './neural-network/network';
import { createRng } from './shared/random';
import { formatDuration } from './shared/time';

const USAGE = `Usage: npm run ml -- <command> [options]

Commands:
  knn         k-nearest neighbours on a CSV file
                --csv <file>          CSV with a header line (required), e.g. data/iris.csv
                --label <column>      the column holding the label (required), e.g. species
                --k <n>               neighbours that vote (default 5)
                --test <fraction>     share of rows kept for testing (default 0.2)
                --fast                use the k-d tree version
  regression  fit a line to generated noisy points, by least squares and gradient descent
                --points <n>          how many points (default 200)
                --learning-rate <x>   gradient-descent step size (default 0.01)
                --epochs <n>          gradient-descent epochs (default 2000)
  network     train a small neural network on XOR and print its losses
                --hidden <n>          neurons in the hidden layer (default 4)
                --learning-rate <x>   (default 0.5)
                --epochs <n>          (default 3000)
  federated   federated averaging over simulated devices on two half-moons, beside
              a model trained centrally on all the data
                --devices <n>         devices holding a slice of the data (default 4)
                --rounds <n>          rounds of "send model, train locally, average" (default 30)
                --local-epochs <n>    epochs each device trains per round (default 5)
                --learning-rate <x>   (default 0.3)
                --skew <x>            how uneven the slices are, 0 to 1 (default 0.5)
                --dropout <x>         chance a device misses a round, 0 to 0.9 (default 0)
Common:
  --seed <n>    random seed (default 1)
  --help        this text`;

class UsageError extends Error {}

type Options = Record<string, string | true>;

function parseArgs(argv: string[]): { command: string; options: Options } {
  const [command, ...rest] = argv;
  const options: Options = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--'))
      throw new UsageError(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) options[name] = true;
    else {
      options[name] = next;
      i++;
    }
  }
  return { command: command ?? '', options };
}

function allow(options: Options, names: string[]): void {
  for (const name of Object.keys(options)) {
    if (!names.includes(name) && name !== 'seed')
      throw new UsageError(`unknown option --${name}`);
  }
}

function numberOption(
  options: Options,
  name: string,
  fallback: number,
  check: (v: number) => boolean,
  expected: string,
): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  // Decimal numbers only (3, 0.5, 1e3): Number() alone would also take "0x4",
  // "" or " 5 ".
  const value =
    typeof raw === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)
      ? Number(raw)
      : NaN;
  if (raw === true || !Number.isFinite(value) || !check(value))
    throw new UsageError(
      `--${name} must be ${expected}, got ${raw === true ? 'nothing' : `"${raw}"`}`,
    );
  return value;
}

const positiveInt = (v: number) => Number.isInteger(v) && v >= 1;

function timed<T>(fn: () => T): [T, string] {
  const start = performance.now();
  const result = fn();
  return [result, formatDuration(performance.now() - start)];
}

function resolveCsv(file: string): string {
  const candidates = [path.resolve(file), path.resolve(__dirname, file)];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found)
    throw new UsageError(
      `cannot find the CSV file "${file}" (looked in ` +
        `${candidates.join(' and ')})`,
    );
  return found;
}

function knn(options: Options): void {
  allow(options, ['csv', 'label', 'k', 'test', 'fast']);
  if (typeof options.csv !== 'string')
    throw new UsageError('knn needs --csv <file>');
  if (typeof options.label !== 'string')
    throw new UsageError('knn needs --label <column>');
  const k = numberOption(options, 'k', 5, positiveInt, 'a whole number ≥ 1');
  const testFraction = numberOption(
    options,
    'test',
    0.2,
    (v) => v > 0 && v < 1,
    'a number between 0 and 1',
  );
  const seed = numberOption(
    options,
    'seed',
    1,
    Number.isInteger,
    'a whole number',
  );
  const file = resolveCsv(options.csv);
  const examples = loadExamples(fs.readFileSync(file, 'utf8'), {
    label: options.label,
  });
  const { train: training, test } = trainTestSplit(
    examples,
    testFraction,
    createRng(seed),
  );
  const classifier = options.fast ? classifyAllFast : classifyAll;
  const [predicted, took] = timed(() =>
    classifier(
      training,
      test.map((e) => e.features),
      k,
    ),
  );
  console.log(
    `kNN on ${path.basename(file)}: ${examples.length} examples, ` +
      `${examples[0].features.length} features, label "${options.label}"`,
  );
  console.log(
    `training ${training.length}, test ${test.length}, k = ` +
      `${k}${options.fast ? ' (k-d tree)' : ''}`,
  );
  console.log(
    `accuracy: ${(
      accuracy(
        predicted,
        test.map((e) => e.label),
      ) * 100
    ).toFixed(1)}%`,
  );
  console.log(`classifying the test set took ${took}`);
}

function regression(options: Options): void {
  allow(options, ['points', 'learning-rate', 'epochs']);
  const points = numberOption(
    options,
    'points',
    200,
    (v) => Number.isInteger(v) && v >= 2,
    'a whole number ≥ 2',
  );
  const learningRate = numberOption(
    options,
    'learning-rate',
    0.01,
    (v) => v > 0,
    'a number greater than 0',
  );
  const epochs = numberOption(
    options,
    'epochs',
    2000,
    positiveInt,
    'a whole number ≥ 1',
  );
  const seed = numberOption(
    options,
    'seed',
    1,
    Number.isInteger,
    'a whole number',
  );
  const { xs, ys } = makeLine(points, createRng(seed));
  const [exact, t1] = timed(() => fitLeastSquares(xs, ys));
  const [descent, t2] = timed(() =>
    fitGradientDescent(xs, ys, { learningRate, epochs }),
  );
  console.log(`${points} noisy points around y = 2.5x − 4`);
  console.log(
    `least squares:    slope ${exact.slope.toFixed(4)}, intercept ` +
      `${exact.intercept.toFixed(4)}, MSE ` +
      `${meanSquaredError(exact, xs, ys).toFixed(4)}  (${t1})`,
  );
  console.log(
    `gradient descent: slope ${descent.line.slope.toFixed(4)}, intercept ` +
      `${descent.line.intercept.toFixed(4)}, MSE ` +
      `${descent.losses.at(-1)!.toFixed(4)}  (${epochs} epochs, ${t2})`,
  );
}

function network(options: Options): void {
  allow(options, ['hidden', 'learning-rate', 'epochs']);
  const hidden = numberOption(
    options,
    'hidden',
    4,
    positiveInt,
    'a whole number ≥ 1',
  );
  const learningRate = numberOption(
    options,
    'learning-rate',
    0.5,
    (v) => v > 0,
    'a number greater than 0',
  );
  const epochs = numberOption(
    options,
    'epochs',
    3000,
    positiveInt,
    'a whole number ≥ 1',
  );
  const seed = numberOption(
    options,
    'seed',
    1,
    Number.isInteger,
    'a whole number',
  );
  const examples = makeXor().map((e) => ({
    inputs: e.features,
    targets: [Number(e.label)],
  }));
  const start = createNetwork([2, hidden, 1], createRng(seed), {
    activation: 'tanh',
  });
  const [{ network: trained, losses }, took] = timed(() =>
    train(start, examples, { learningRate, epochs }),
  );
  console.log(
    `network 2-${hidden}-1 (tanh hidden, sigmoid output) on XOR, learning ` +
      `rate ${learningRate}`,
  );
  const every = Math.max(1, Math.floor(epochs / 10));
  for (let e = 0; e < epochs; e += every)
    console.log(
      `epoch ${String(e + 1).padStart(6)}  loss ${losses[e].toFixed(6)}`,
    );
  console.log(
    `epoch ${String(epochs).padStart(6)}  loss ` +
      `${losses[epochs - 1].toFixed(6)}`,
  );
  for (const { inputs, targets } of examples)
    console.log(
      `  ${inputs.join(' xor ')} → ${predict(trained, inputs)[0].toFixed(3)} ` +
        `(want ${targets[0]})`,
    );
  console.log(`training took ${took}`);
}

function federated(options: Options): void {
  allow(options, [
    'devices',
    'rounds',
    'local-epochs',
    'learning-rate',
    'skew',
    'dropout',
  ]);
  const settings: FederatedSettings = {
    devices: numberOption(
      options,
      'devices',
      4,
      (v) => Number.isInteger(v) && v >= 1 && v <= 64,
      'a whole number from 1 to 64',
    ),
    rounds: numberOption(
      options,
      'rounds',
      30,
      positiveInt,
      'a whole number ≥ 1',
    ),
    localEpochs: numberOption(
      options,
      'local-epochs',
      5,
      positiveInt,
      'a whole number ≥ 1',
    ),
    learningRate: numberOption(
      options,
      'learning-rate',
      0.3,
      (v) => v > 0,
      'a number greater than 0',
    ),
    skew: numberOption(
      options,
      'skew',
      0.5,
      (v) => v >= 0 && v <= 1,
      'a number from 0 to 1',
    ),
    dropout: numberOption(
      options,
      'dropout',
      0,
      (v) => v >= 0 && v <= 0.9,
      'a number from 0 to 0.9',
    ),
    hidden: [8],
  };
  const seed = numberOption(
    options,
    'seed',
    1,
    Number.isInteger,
    'a whole number',
  );
  const rng = createRng(seed);
  const { train: training, test } = trainTestSplit(
    makeMoons(400, 0.15, rng),
    0.25,
    rng,
  );
  const slices = splitAcrossDevices(
    training,
    settings.devices,
    settings.skew,
    createRng(seed + 1),
  ).map((s) => toTrainingExamples(s, 'upper'));
  const testSet = toTrainingExamples(test, 'upper');
  const all = toTrainingExamples(training, 'upper');
  const initial = createNetwork(
    [2, ...settings.hidden!, 1],
    createRng(seed + 2),
    { activation: 'tanh' },
  );
  console.log(
    `federated averaging: ${settings.devices} devices holding ` +
      `${slices.map((s) => s.length).join(', ')} examples (skew ` +
      `${settings.skew}), ${settings.localEpochs} local epochs a round, ` +
      `dropout ${settings.dropout}`,
  );
  console.log('round  devices  federated  central');
  let central = initial;
  const [{ rounds }, took] = timed(() =>
    runFederated(
      initial,
      slices,
      testSet,
      settings,
      createRng(seed + 3),
      (report) => {
        central = trainOnDevice(central, all, settings).network;
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(9);
        console.log(
          `${String(report.round).padStart(5)}  ${`${report.participating}/${settings.devices}`.padStart(7)}  ${pct(report.accuracy)}  ${pct(evaluate(central, testSet).accuracy)}`,
        );
      },
    ),
  );
  const sent = rounds.reduce((sum, r) => sum + r.bytes, 0);
  console.log(
    `network traffic: ${sent} bytes of model weights ` +
      `(${parameterCount(initial)} numbers a copy) vs ${rawDataBytes(all)} ` +
      `bytes to upload the raw examples once`,
  );
  console.log(`training took ${took} (federated and central together)`);
}

export function main(argv: string[]): number {
  try {
    const { command, options } = parseArgs(argv);
    if (options.help || command === '--help' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    if (command === 'knn') knn(options);
    else if (command === 'regression') regression(options);
    else if (command === 'network') network(options);
    else if (command === 'federated') federated(options);
    else
      throw new UsageError(
        command ? `unknown command "${command}"` : 'no command given',
      );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Error: ${(error as Error).message}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

// SPDX-License-Identifier: MIT
/**
 * Federated averaging (FedAvg, McMahan et al. 2017), simulated.
 *
 * Several devices each hold their own slice of the data. In every round the
 * server sends the shared model to the devices, each device trains it on its
 * own examples for a few epochs, and sends back only its weights. The server
 * averages those weights, weighting each device by how many examples it trained
 * on. The raw data never leaves a device.
 *
 * This file runs the whole simulation in one thread (under Node, in tests, in a
 * lesson's runner). The "Training on the edge" page runs the same
 * `federatedAverage` with each device in its own Web Worker.
 */
import {
  createNetwork,
  predict,
  type TrainingExample,
} from '../neural-network/network';
import { train } from '../neural-network/network-fast';
import type { Example } from '../knn/knn';
import { exactWeightedMean } from '../shared/exact-mean';

export type Network = ReturnType<typeof createNetwork>;

/**
 * One device's contribution to a round: its locally trained model and how many
 * examples it used.
 */
export type DeviceUpdate = { network: Network; exampleCount: number };

/**
 * Training examples for the network: `inputs` one row of features, `targets`
 * the wanted outputs.
 */
export type { TrainingExample };

export type FederatedSettings = {
  /** How many simulated devices share the work (1–64). */
  devices: number;
  /** How many rounds of "send model → train locally → average" (≥ 1). */
  rounds: number;
  /** Epochs each device trains for in a round (≥ 1). */
  localEpochs: number;
  /** Gradient-descent step size on each device (> 0). */
  learningRate: number;
  /**
   * How uneven the slices are, from 0 (every device gets a random,
   * representative slice) to 1 (each device sees almost only one label, as a
   * phone sees mostly its owner's data).
   */
  skew: number;
  /**
   * Chance that a device misses a round (0 ≤ p < 1): its update does not
   * arrive.
   */
  dropout?: number;
  /** Hidden layer sizes of the shared network, e.g. [8]. Default [8]. */
  hidden?: number[];
};

/**
 * What one round produced: the shared model's accuracy and loss on the test
 * set, and the traffic.
 */
export type RoundReport = {
  round: number;
  accuracy: number;
  loss: number;
  /** Devices whose update arrived this round. */
  participating: number;
  /**
   * Bytes sent this round: the model down to every device and back from each
   * that answered (float32).
   */
  bytes: number;
};

function fail(message: string): never {
  throw new Error(message);
}

const isNumber = (v: unknown): v is number =>
  typeof v === 'number' && !Number.isNaN(v);
/**
 * A value as the error message shows it: strings and arrays as JSON ("0.5",
 * [8]), the rest as text.
 */
const show = (v: unknown) =>
  typeof v === 'string' || Array.isArray(v) ? JSON.stringify(v) : String(v);

/** Check settings and say exactly what is wrong. */
export function validateSettings(settings: FederatedSettings): void {
  if (settings === null || typeof settings !== 'object')
    fail(
      `settings must be an object like { devices: 4, rounds: 30, ` +
        `localEpochs: 5, learningRate: 0.3, skew: 0.5 }, got ${show(settings)}`,
    );
  const {
    devices,
    rounds,
    localEpochs,
    learningRate,
    skew,
    dropout = 0,
    hidden,
  } = settings;
  if (!Number.isInteger(devices) || devices < 1 || devices > 64)
    fail(`devices must be an integer from 1 to 64, got ${show(devices)}`);
  if (!Number.isInteger(rounds) || rounds < 1)
    fail(`rounds must be an integer of at least 1, got ${show(rounds)}`);
  if (!Number.isInteger(localEpochs) || localEpochs < 1)
    fail(
      `localEpochs must be an integer of at least 1, got ${show(localEpochs)}`,
    );
  if (
    !isNumber(learningRate) ||
    !(learningRate > 0) ||
    !Number.isFinite(learningRate)
  )
    fail(
      `learningRate must be a number greater than 0, got ${show(learningRate)}`,
    );
  if (!isNumber(skew) || !(skew >= 0 && skew <= 1))
    fail(`skew must be between 0 and 1, got ${show(skew)}`);
  if (!isNumber(dropout) || !(dropout >= 0 && dropout < 1))
    fail(`dropout must be at least 0 and less than 1, got ${show(dropout)}`);
  if (
    hidden !== undefined &&
    (!Array.isArray(hidden) ||
      !hidden.every((n) => Number.isInteger(n) && n >= 1))
  ) {
    fail(
      `hidden must list the hidden layers' sizes as whole numbers ≥ 1, e.g. ` +
        `[8], got ${show(hidden)}`,
    );
  }
}

/**
 * Number of weights and biases in a network: what travels over the network for
 * one model.
 */
export function parameterCount(network: Network): number {
  let count = 0;
  for (const layer of network.weights)
    for (const row of layer) count += row.length;
  for (const layer of network.biases) count += layer.length;
  return count;
}

/**
 * Share examples out among devices. With `skew` 0 each example goes to a random
 * device; with `skew` 1 each goes to the device "owning" its label; in between,
 * a mix of the two. Returns one array of examples per device; every device gets
 * at least one example (a device left empty by chance takes one from the device
 * holding the most).
 */
export function splitAcrossDevices<T extends { label: string }>(
  examples: T[],
  devices: number,
  skew: number,
  rng: () => number,
): T[][] {
  if (!Array.isArray(examples) || examples.length === 0)
    fail(
      'splitAcrossDevices needs at least one example to share out, got none',
    );
  if (!Number.isInteger(devices) || devices < 1 || devices > 64)
    fail(`devices must be an integer from 1 to 64, got ${show(devices)}`);
  if (devices > examples.length)
    fail(
      `devices (${devices}) must not exceed the number of examples ` +
        `(${examples.length}): every device needs at least one`,
    );
  if (!isNumber(skew) || !(skew >= 0 && skew <= 1))
    fail(`skew must be between 0 and 1, got ${show(skew)}`);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  // The devices that "own" each label: with more devices than labels, each
  // label has several.
  const owners = labels.map((_, li) =>
    devices >= labels.length
      ? Array.from({ length: devices }, (_, d) => d).filter(
          (d) => d % labels.length === li,
        )
      : [li % devices],
  );
  const turn = labels.map(() => 0);
  const slices: T[][] = Array.from({ length: devices }, () => []);
  for (const example of examples) {
    const li = labels.indexOf(example.label);
    const owner = owners[li][turn[li]++ % owners[li].length];
    const device = rng() < skew ? owner : Math.floor(rng() * devices);
    slices[device].push(example);
  }
  for (const slice of slices) {
    if (slice.length > 0) continue;
    const fullest = slices.reduce((a, b) => (b.length > a.length ? b : a));
    slice.push(fullest.pop()!);
  }
  return slices;
}

/**
 * A network's layout, to check that every device sent the same kind of model.
 */
function describeShape(n: Network): string {
  return `layers ${JSON.stringify(n.layerSizes)}, ${n.activation} hidden, ${n.outputActivation} output`;
}

/**
 * Say what is wrong with a network that is not one `createNetwork` could have
 * made.
 */
function checkNetwork(n: Network, where: string): void {
  if (
    !n ||
    !Array.isArray(n.weights) ||
    !Array.isArray(n.biases) ||
    !Array.isArray(n.layerSizes)
  )
    fail(`${where}: expected a network made by createNetwork, got ${show(n)}`);
  const sizes = n.layerSizes;
  const fits =
    n.weights.length === sizes.length - 1 &&
    n.biases.length === sizes.length - 1 &&
    n.weights.every(
      (layer, l) =>
        Array.isArray(layer) &&
        layer.length === sizes[l + 1] &&
        layer.every((row) => Array.isArray(row) && row.length === sizes[l]),
    ) &&
    n.biases.every(
      (layer, l) => Array.isArray(layer) && layer.length === sizes[l + 1],
    );
  if (!fits)
    fail(
      `${where}: the network's weights do not match its layers ` +
        `${JSON.stringify(sizes)}`,
    );
  n.weights.forEach((layer, l) =>
    layer.forEach((row, j) =>
      row.forEach((w, i) => {
        if (!Number.isFinite(w))
          fail(
            `${where}: weights[${l}][${j}][${i}] must be a finite number, ` +
              `got ${w}`,
          );
      }),
    ),
  );
  n.biases.forEach((layer, l) =>
    layer.forEach((b, j) => {
      if (!Number.isFinite(b))
        fail(`${where}: biases[${l}][${j}] must be a finite number, got ${b}`);
    }),
  );
}

function checkUpdate(u: DeviceUpdate, k: number): void {
  if (u === null || typeof u !== 'object')
    fail(`update ${k} must be { network, exampleCount }, got ${show(u)}`);
  if (!Number.isInteger(u.exampleCount) || u.exampleCount < 0)
    fail(
      `update ${k}: exampleCount must be a whole number ≥ 0, got ` +
        `${show(u.exampleCount)}`,
    );
  checkNetwork(u.network, `update ${k}`);
}

/**
 * The server's step: the average of the devices' weights and biases, each
 * device weighted by its number of examples. Devices with no examples count for
 * nothing.
 *
 *   w = Σ_k n_k · w_k / n     where n = Σ_k n_k
 *
 * Each weight is the exact weighted mean, rounded once (see
 * code/shared/exact-mean.ts): when every device sends the same weights, the
 * average is those weights, bit for bit.
 */
export function federatedAverage(updates: DeviceUpdate[]): Network {
  if (!Array.isArray(updates))
    fail(`federatedAverage needs an array of updates, got ${show(updates)}`);
  updates.forEach(checkUpdate);
  const useful = updates.filter((u) => u.exampleCount > 0);
  if (useful.length === 0)
    fail(
      `federatedAverage needs at least one update with examples, got ` +
        `${updates.length} update(s) and none with examples`,
    );
  const first = useful[0].network;
  useful.forEach((u) => {
    if (describeShape(u.network) !== describeShape(first)) {
      fail(
        `every device must send a network of the same shape: expected ` +
          `${describeShape(first)}, got ${describeShape(u.network)} (update ` +
          `${updates.indexOf(u)})`,
      );
    }
  });
  const counts = useful.map((u) => u.exampleCount);
  const average: Network = JSON.parse(JSON.stringify(first));
  average.weights.forEach((layer, l) =>
    layer.forEach((row, j) =>
      row.forEach((_, i) => {
        row[i] = exactWeightedMean(
          useful.map((u) => u.network.weights[l][j][i]),
          counts,
        );
      }),
    ),
  );
  average.biases.forEach((layer, l) =>
    layer.forEach((_, j) => {
      layer[j] = exactWeightedMean(
        useful.map((u) => u.network.biases[l][j]),
        counts,
      );
    }),
  );
  return average;
}

/**
 * Turn labelled examples into network examples: one output, 1 for `positive`, 0
 * otherwise.
 */
export function toTrainingExamples(
  examples: Example[],
  positive: string,
): TrainingExample[] {
  return examples.map((e) => ({
    inputs: e.features,
    targets: [e.label === positive ? 1 : 0],
  }));
}

/**
 * Accuracy and mean squared error of a one-output network on examples
 * (threshold 0.5).
 */
export function evaluate(
  network: Network,
  examples: TrainingExample[],
): { accuracy: number; loss: number } {
  if (examples.length === 0) fail('evaluate needs at least one example, got 0');
  let correct = 0;
  let loss = 0;
  for (const { inputs, targets } of examples) {
    const [output] = predict(network, inputs);
    if (output >= 0.5 === targets[0] >= 0.5) correct += 1;
    loss += (output - targets[0]) ** 2;
  }
  return { accuracy: correct / examples.length, loss: loss / examples.length };
}

/**
 * One device's local training: start from the shared model, train on local
 * examples only.
 */
export function trainOnDevice(
  shared: Network,
  local: TrainingExample[],
  settings: Pick<FederatedSettings, 'localEpochs' | 'learningRate'>,
): DeviceUpdate {
  if (local.length === 0) return { network: shared, exampleCount: 0 };
  const copy: Network = JSON.parse(JSON.stringify(shared));
  const { network } = train(copy, local, {
    learningRate: settings.learningRate,
    epochs: settings.localEpochs,
  });
  return { network, exampleCount: local.length };
}

/**
 * Who takes part in a round: every device that holds examples, unless it drops
 * out (each device misses the round with probability `dropout`; one `rng()`
 * draw per device, in order).
 */
export function chooseDevices(
  deviceData: readonly unknown[][],
  dropout: number,
  rng: () => number,
): number[] {
  const chosen: number[] = [];
  deviceData.forEach((local, device) => {
    const offline = rng() < dropout;
    if (!offline && local.length > 0) chosen.push(device);
  });
  return chosen;
}

/**
 * The server's side of a round: average the updates that arrived (if none did,
 * the shared model stays as it was), measure the result on the test set and
 * count the traffic: one copy of the model down to every device that holds
 * data, one back from each update.
 */
export function finishRound(
  shared: Network,
  updates: DeviceUpdate[],
  test: TrainingExample[],
  round: number,
  devicesWithData: number,
): { network: Network; report: RoundReport } {
  const network = updates.some((u) => u.exampleCount > 0)
    ? federatedAverage(updates)
    : shared;
  const report: RoundReport = {
    round,
    ...evaluate(network, test),
    participating: updates.length,
    bytes: parameterCount(shared) * 4 * (devicesWithData + updates.length),
  };
  return { network, report };
}

/**
 * Run federated training round by round. `deviceData[k]` is device k's
 * examples. The shared model starts from `initial`. Calls `onRound` after each
 * round (for a live chart) and returns the final model with every round's
 * report. The playground page runs the same `chooseDevices` and `finishRound`,
 * with each device's `trainOnDevice` in its own Web Worker.
 */
export function runFederated(
  initial: Network,
  deviceData: TrainingExample[][],
  test: TrainingExample[],
  settings: FederatedSettings,
  rng: () => number,
  onRound?: (report: RoundReport) => void,
): { network: Network; rounds: RoundReport[] } {
  validateSettings(settings);
  checkRun(initial, deviceData, test, settings);
  const devicesWithData = deviceData.filter((local) => local.length > 0).length;
  let shared = initial;
  const rounds: RoundReport[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const updates = chooseDevices(deviceData, settings.dropout ?? 0, rng).map(
      (device) => trainOnDevice(shared, deviceData[device], settings),
    );
    const { network, report } = finishRound(
      shared,
      updates,
      test,
      round,
      devicesWithData,
    );
    shared = network;
    rounds.push(report);
    onRound?.(report);
  }
  return { network: shared, rounds };
}

/**
 * Check what a run starts from: the model, one slice per device (not all
 * empty), a test set.
 */
export function checkRun(
  initial: Network,
  deviceData: TrainingExample[][],
  test: TrainingExample[],
  settings: FederatedSettings,
): void {
  checkNetwork(initial, 'the initial network');
  if (!Array.isArray(deviceData) || !deviceData.every(Array.isArray))
    fail(
      'deviceData must be an array holding one array of examples per device',
    );
  if (deviceData.length !== settings.devices)
    fail(
      `deviceData must hold one slice per device: expected ` +
        `${settings.devices}, got ${deviceData.length}`,
    );
  if (deviceData.every((local) => local.length === 0))
    fail(
      `every device's slice is empty: at least one device needs examples to ` +
        `train on`,
    );
  if (!Array.isArray(test) || test.length === 0)
    fail('the test set is empty: accuracy needs at least one test example');
  if (settings.hidden !== undefined) {
    const hidden = initial.layerSizes.slice(1, -1);
    if (JSON.stringify(hidden) !== JSON.stringify(settings.hidden))
      fail(
        `settings.hidden ${JSON.stringify(settings.hidden)} does not match ` +
          `the initial network's hidden layers ${JSON.stringify(hidden)}`,
      );
  }
}

/**
 * Bytes to send every device's raw examples to a server instead (float32
 * features + a 1-byte label).
 */
export function rawDataBytes(examples: { inputs: number[] }[]): number {
  return examples.reduce((sum, e) => sum + e.inputs.length * 4 + 1, 0);
}

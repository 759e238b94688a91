// SPDX-License-Identifier: MIT
/**
 * Federated averaging (FedAvg, McMahan et al. 2017), simulated.
 *
 * Several devices each hold their own slice of the data. In every round the server sends the
 * shared model to the devices, each device trains it on its own examples for a few epochs, and
 * sends back only its weights. The server averages those weights, weighting each device by how
 * many examples it trained on. The raw data never leaves a device.
 *
 * This file runs the whole simulation in one thread (under Node, in tests, in a lesson's runner).
 * The "Training on the edge" page runs the same `federatedAverage` with each device in its own
 * Web Worker.
 */
import { createNetwork, predict, train } from '../neural-network/network';
import type { Example } from '../knn/knn';

export type Network = ReturnType<typeof createNetwork>;

/** One device's contribution to a round: its locally trained model and how many examples it used. */
export type DeviceUpdate = { network: Network; exampleCount: number };

/** Training examples for the network: `inputs` one row of features, `targets` the wanted outputs. */
export type TrainingExample = { inputs: number[]; targets: number[] };

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
   * How uneven the slices are, from 0 (every device gets a random, representative slice) to 1
   * (each device sees almost only one label, as a phone sees mostly its owner's data).
   */
  skew: number;
  /** Chance that a device misses a round (0 ≤ p < 1): its update does not arrive. */
  dropout?: number;
  /** Hidden layer sizes of the shared network, e.g. [8]. Default [8]. */
  hidden?: number[];
};

/** What one round produced: the shared model's accuracy and loss on the test set, and the traffic. */
export type RoundReport = {
  round: number;
  accuracy: number;
  loss: number;
  /** Devices whose update arrived this round. */
  participating: number;
  /** Bytes sent this round: the model down to every device and back from each that answered (float32). */
  bytes: number;
};

function fail(message: string): never {
  throw new Error(message);
}

/** Check settings and say exactly what is wrong. */
export function validateSettings(settings: FederatedSettings): void {
  const { devices, rounds, localEpochs, learningRate, skew, dropout = 0 } = settings;
  if (!Number.isInteger(devices) || devices < 1 || devices > 64) fail(`devices must be an integer from 1 to 64, got ${devices}`);
  if (!Number.isInteger(rounds) || rounds < 1) fail(`rounds must be an integer of at least 1, got ${rounds}`);
  if (!Number.isInteger(localEpochs) || localEpochs < 1) fail(`localEpochs must be an integer of at least 1, got ${localEpochs}`);
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) fail(`learningRate must be a number greater than 0, got ${learningRate}`);
  if (!(skew >= 0 && skew <= 1)) fail(`skew must be between 0 and 1, got ${skew}`);
  if (!(dropout >= 0 && dropout < 1)) fail(`dropout must be at least 0 and less than 1, got ${dropout}`);
}

/** Number of weights and biases in a network: what travels over the network for one model. */
export function parameterCount(network: Network): number {
  let count = 0;
  for (const layer of network.weights) for (const row of layer) count += row.length;
  for (const layer of network.biases) count += layer.length;
  return count;
}

/**
 * Share examples out among devices. With `skew` 0 each example goes to a random device; with
 * `skew` 1 each goes to the device "owning" its label; in between, a mix of the two.
 * Returns one array of examples per device (a device may end up with none).
 */
export function splitAcrossDevices<T extends { label: string }>(examples: T[], devices: number, skew: number, rng: () => number): T[][] {
  if (!Number.isInteger(devices) || devices < 1) fail(`devices must be an integer of at least 1, got ${devices}`);
  if (!(skew >= 0 && skew <= 1)) fail(`skew must be between 0 and 1, got ${skew}`);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  // The devices that "own" each label: with more devices than labels, each label has several.
  const owners = labels.map((_, li) =>
    devices >= labels.length ? Array.from({ length: devices }, (_, d) => d).filter((d) => d % labels.length === li) : [li % devices],
  );
  const turn = labels.map(() => 0);
  const slices: T[][] = Array.from({ length: devices }, () => []);
  for (const example of examples) {
    const li = labels.indexOf(example.label);
    const owner = owners[li][turn[li]++ % owners[li].length];
    const device = rng() < skew ? owner : Math.floor(rng() * devices);
    slices[device].push(example);
  }
  return slices;
}

/**
 * The server's step: the average of the devices' weights and biases, each device weighted by its
 * number of examples. Devices with no examples count for nothing.
 *
 *   w = Σ_k (n_k / n) · w_k     where n = Σ_k n_k
 */
export function federatedAverage(updates: DeviceUpdate[]): Network {
  const useful = updates.filter((u) => u.exampleCount > 0);
  if (useful.length === 0) fail(`federatedAverage needs at least one update with examples, got ${updates.length} update(s) and none with examples`);
  for (const u of useful) {
    if (!Number.isInteger(u.exampleCount) || u.exampleCount < 0) fail(`exampleCount must be a whole number ≥ 0, got ${u.exampleCount}`);
  }
  const first = useful[0].network;
  const shape = (n: Network) => JSON.stringify([n.weights.map((l) => l.map((r) => r.length)), n.biases.map((b) => b.length)]);
  for (const u of useful) {
    if (shape(u.network) !== shape(first)) fail(`every device must send a network of the same shape: expected ${shape(first)}, got ${shape(u.network)}`);
  }
  const total = useful.reduce((sum, u) => sum + u.exampleCount, 0);
  const average: Network = JSON.parse(JSON.stringify(first));
  average.weights.forEach((layer, l) =>
    layer.forEach((row, j) =>
      row.forEach((_, i) => {
        row[i] = useful.reduce((sum, u) => sum + (u.exampleCount / total) * u.network.weights[l][j][i], 0);
      }),
    ),
  );
  average.biases.forEach((layer, l) =>
    layer.forEach((_, j) => {
      layer[j] = useful.reduce((sum, u) => sum + (u.exampleCount / total) * u.network.biases[l][j], 0);
    }),
  );
  return average;
}

/** Turn labelled examples into network examples: one output, 1 for `positive`, 0 otherwise. */
export function toTrainingExamples(examples: Example[], positive: string): TrainingExample[] {
  return examples.map((e) => ({ inputs: e.features, targets: [e.label === positive ? 1 : 0] }));
}

/** Accuracy and mean squared error of a one-output network on examples (threshold 0.5). */
export function evaluate(network: Network, examples: TrainingExample[]): { accuracy: number; loss: number } {
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

/** One device's local training: start from the shared model, train on local examples only. */
export function trainOnDevice(shared: Network, local: TrainingExample[], settings: Pick<FederatedSettings, 'localEpochs' | 'learningRate'>): DeviceUpdate {
  if (local.length === 0) return { network: shared, exampleCount: 0 };
  const copy: Network = JSON.parse(JSON.stringify(shared));
  const { network } = train(copy, local, { learningRate: settings.learningRate, epochs: settings.localEpochs });
  return { network, exampleCount: local.length };
}

/**
 * Run federated training round by round. `deviceData[k]` is device k's examples. The shared model
 * starts from `initial`. Calls `onRound` after each round (for a live chart) and returns the
 * final model with every round's report.
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
  if (deviceData.length !== settings.devices) fail(`deviceData must hold one slice per device: expected ${settings.devices}, got ${deviceData.length}`);
  const bytesPerModel = parameterCount(initial) * 4;
  let shared = initial;
  const rounds: RoundReport[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const updates: DeviceUpdate[] = [];
    for (const local of deviceData) {
      if (rng() < (settings.dropout ?? 0)) continue; // this device is offline this round
      updates.push(trainOnDevice(shared, local, settings));
    }
    // If nobody answered (or nobody had data), the shared model stays as it was.
    if (updates.some((u) => u.exampleCount > 0)) shared = federatedAverage(updates);
    const report: RoundReport = {
      round,
      ...evaluate(shared, test),
      participating: updates.length,
      bytes: bytesPerModel * (settings.devices + updates.length),
    };
    rounds.push(report);
    onRound?.(report);
  }
  return { network: shared, rounds };
}

/** Bytes to send every device's raw examples to a server instead (float32 features + a 1-byte label). */
export function rawDataBytes(examples: { inputs: number[] }[]): number {
  return examples.reduce((sum, e) => sum + e.inputs.length * 4 + 1, 0);
}

// SPDX-License-Identifier: MIT
/**
 * Making a trained network small: its weights stored as 8-bit integers
 * (int8, −127 … 127) instead of 64-bit or 32-bit floating-point numbers.
 *
 * A real number x is stored as an integer q with a scale s and a zero
 * point z (the integer that stands for 0):
 *   x ≈ s · (q − z)
 *
 * Choices made here, close to TensorFlow Lite's "8-bit quantization
 * specification":
 * - Weights: symmetric, z = 0, one scale per layer ("per tensor"),
 *   s = max |w| / 127, q = round(w / s). A weight moves at most s / 2.
 * - Activations (each layer's inputs): asymmetric, int8 −128 … 127 with a
 *   zero point, so a range such as a sigmoid's 0 … 1 uses all 256 levels.
 *   Their range is measured on each prediction's own values ("dynamic
 *   range"); TensorFlow Lite can also fix it in advance from sample data.
 * - Biases: kept as float32 numbers. TensorFlow Lite stores them as int32
 *   at scale s_input · s_weight, which needs a fixed input scale; with
 *   dynamic ranges that scale changes from one prediction to the next,
 *   and there are few biases (one per neuron), so float32 costs little.
 *
 * Each neuron's sum is then integer arithmetic, Σ q_w · (q_x − z_x), which
 * the integer-only hardware of small devices can do, times one scale.
 *
 * Shapes follow network.ts: weights[l][j][i] is the weight from neuron i
 * of layer l to neuron j of layer l + 1.
 */
import {
  sigmoid,
  type Activation,
  type Network,
} from '../neural-network/network';

/** One layer of weights, as int8 numbers with their shared scale. */
export type QuantisedLayer = {
  /** weights[j][i]: int8 of the weight from input i to neuron j. */
  weights: Int8Array[];
  /** A weight is weightScale · weights[j][i] (zero point 0). */
  weightScale: number;
  /** biases[j]: neuron j's bias, as a float32 number. */
  biases: Float32Array;
  activation: Activation;
};

/** A network with its weights as int8 numbers; JSON-free plain data. */
export type QuantisedNetwork = {
  layerSizes: number[];
  layers: QuantisedLayer[];
};

/** How many bytes a number takes in each storage format. */
export const BYTES = { float64: 8, float32: 4, int8: 1 } as const;

/** Largest int8 value used for weights: −127 … 127, symmetric around 0. */
const WEIGHT_LEVELS = 127;

// ---- Weights: symmetric, zero point 0 --------------------------------------

/**
 * The scale for symmetric int8: the largest |value| maps to 127.
 * All zeros (or no values) gives scale 1: every q is 0 either way, and
 * dividing by it is safe.
 */
export function symmetricScale(values: number[]): number {
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  // Stored as float32 (4 bytes), like the biases, so round it now.
  return largest === 0 ? 1 : Math.fround(largest / WEIGHT_LEVELS);
}

/** q = round(w / scale), kept inside −127 … 127. */
export function quantiseWeights(values: number[], scale: number): Int8Array {
  const q = new Int8Array(values.length);
  values.forEach((v, i) => {
    q[i] = clamp(Math.round(v / scale), -WEIGHT_LEVELS, WEIGHT_LEVELS);
  });
  return q;
}

/** Back to real numbers: w ≈ scale · q. */
export function dequantiseWeights(q: Int8Array, scale: number): number[] {
  return Array.from(q, (v) => scale * v);
}

// ---- Activations: asymmetric, with a zero point ---------------------------

/** A layer's inputs as int8: input i ≈ scale · (values[i] − zeroPoint). */
export type QuantisedActivations = {
  values: Int8Array;
  scale: number;
  zeroPoint: number;
};

/**
 * Asymmetric int8 for a vector of activations: the range [lo, hi] of the
 * values (stretched to include 0, so that 0 is stored exactly, as the
 * zero point) is spread over the 256 levels −128 … 127:
 *   scale = (hi − lo) / 255,  zeroPoint = round(−128 − lo / scale),
 *   q = round(x / scale) + zeroPoint.
 * Every value moves at most scale / 2.
 */
export function quantiseActivations(values: number[]): QuantisedActivations {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const scale = hi === lo ? 1 : (hi - lo) / 255;
  const zeroPoint = clamp(Math.round(-128 - lo / scale), -128, 127);
  const q = new Int8Array(values.length);
  values.forEach((v, i) => {
    q[i] = clamp(Math.round(v / scale) + zeroPoint, -128, 127);
  });
  return { values: q, scale, zeroPoint };
}

// ---- Quantising a network and predicting with it --------------------------

/**
 * The network with each layer's weights as int8 (symmetric, one scale per
 * layer) and its biases as float32. The network passed in is not changed.
 */
export function quantise(network: Network): QuantisedNetwork {
  checkNetwork(network);
  const last = network.weights.length - 1;
  const layers = network.weights.map((rows, l) => {
    const scale = symmetricScale(rows.flat());
    return {
      weights: rows.map((row) => quantiseWeights(row, scale)),
      weightScale: scale,
      biases: Float32Array.from(network.biases[l]),
      activation: l === last ? network.outputActivation : network.activation,
    };
  });
  return { layerSizes: network.layerSizes.slice(), layers };
}

/** Each activation function, as network.ts computes it. */
export const ACTIVATIONS: Record<Activation, (z: number) => number> = {
  sigmoid,
  tanh: (z) => Math.tanh(z),
  relu: (z) => (z > 0 ? z : 0),
};

/**
 * One layer's sums from its int8 inputs: for neuron j,
 *   sum = Σᵢ weights[j][i] · (qᵢ − zeroPoint)       (integers only)
 *   z   = weightScale · inputScale · sum + bias[j].
 * Each product is at most 127 · 255 in size, so the sum fits in a 32-bit
 * integer for any layer of fewer than 66,000 inputs.
 */
function layerSums(
  layer: QuantisedLayer,
  inputs: QuantisedActivations,
): number[] {
  const { values, zeroPoint } = inputs;
  const scale = layer.weightScale * inputs.scale;
  return layer.weights.map((row, j) => {
    let sum = 0;
    for (let i = 0; i < row.length; i++) {
      sum += row[i] * (values[i] - zeroPoint);
    }
    return scale * sum + layer.biases[j];
  });
}

/**
 * The quantised network's outputs for one set of inputs, the same shape as
 * network.ts's `predict`: before each layer its inputs are quantised to
 * int8, then the layer works in integers (see `layerSums`), and each
 * neuron applies its activation function to its sum.
 */
export function predictQuantised(
  q: QuantisedNetwork,
  inputs: number[],
): number[] {
  checkInputs(q.layerSizes[0], inputs);
  let outputs = inputs;
  for (const layer of q.layers) {
    const f = ACTIVATIONS[layer.activation];
    outputs = layerSums(layer, quantiseActivations(outputs)).map(f);
  }
  return outputs;
}

// ---- How far the quantised outputs can be from the float ones -------------

/**
 * The steepest slope of activation `a` anywhere between z − e and z + e:
 * how much it can stretch an error of e in its input. Sigmoid and tanh are
 * steepest at 0 and flatter the further from 0, so their steepest point
 * is the one nearest 0.
 */
function steepestSlope(a: Activation, z: number, e: number): number {
  const nearest = Math.max(0, Math.abs(z) - e);
  if (a === 'sigmoid') return sigmoid(nearest) * (1 - sigmoid(nearest));
  if (a === 'tanh') return 1 - Math.tanh(nearest) ** 2;
  return z + e <= 0 ? 0 : 1; // relu: slope 0 or 1
}

/**
 * A bound on |predictQuantised(q, x) − predict(network, x)| for each output,
 * worked out layer by layer for these inputs. If the layer's input i is
 * already off by at most eᵢ, and quantising it moves it by at most s_x / 2
 * more, then for neuron j, with weights w, stored weights ŵ (each off by at
 * most s_w / 2) and stored inputs x̂:
 *   |Σ w·x − Σ ŵ·x̂| ≤ Σ |w|·|x − x̂| + Σ |w − ŵ|·|x̂|
 *                   ≤ Σᵢ |wᵢ|·(eᵢ + s_x / 2) + (s_w / 2)·Σᵢ |x̂ᵢ|,
 * plus the bias's float32 rounding (at most |b| · 2⁻²⁴). The activation
 * then multiplies that error by at most its steepest slope nearby.
 * @returns one bound per output.
 */
export function outputErrorBounds(
  network: Network,
  q: QuantisedNetwork,
  inputs: number[],
): number[] {
  checkInputs(q.layerSizes[0], inputs);
  let errors = inputs.map(() => 0);
  let outputs = inputs;
  q.layers.forEach((layer, l) => {
    const stored = quantiseActivations(outputs);
    const { values, zeroPoint, scale } = stored;
    let storedSum = 0;
    for (const v of values) storedSum += Math.abs(scale * (v - zeroPoint));
    const sums = layerSums(layer, stored);
    errors = network.weights[l].map((row, j) => {
      let sumError = (layer.weightScale / 2) * storedSum;
      row.forEach((w, i) => {
        sumError += Math.abs(w) * (errors[i] + scale / 2);
      });
      sumError += Math.abs(network.biases[l][j]) * 2 ** -24;
      // Allow for the float64 rounding of the arithmetic itself.
      sumError += 1e-12;
      return steepestSlope(layer.activation, sums[j], sumError) * sumError;
    });
    outputs = sums.map(ACTIVATIONS[layer.activation]);
  });
  return errors;
}

// ---- Sizes in bytes --------------------------------------------------------

/** Number of weights and biases in a network. */
export function parameterCount(network: Network): number {
  let count = 0;
  network.weights.forEach((rows, l) => {
    for (const row of rows) count += row.length;
    count += network.biases[l].length;
  });
  return count;
}

/**
 * Bytes to store the network's numbers as float64 (8 each) or float32
 * (4 each). The layer sizes and activation names are left out, here and
 * in `byteSize`: they are the same few bytes in every format.
 */
export function floatByteSize(
  network: Network,
  format: 'float64' | 'float32',
): number {
  return parameterCount(network) * BYTES[format];
}

/**
 * Bytes to store a quantised network: 1 per int8 weight, 4 per float32
 * scale (one per layer) and 4 per float32 bias.
 */
export function byteSize(q: QuantisedNetwork): number {
  let bytes = 0;
  for (const layer of q.layers) {
    for (const row of layer.weights) bytes += row.byteLength;
    bytes += BYTES.float32; // the layer's weight scale
    bytes += layer.biases.byteLength;
  }
  return bytes;
}

// ---- Checking input, with messages that say what was expected ------------

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function checkNetwork(network: Network): void {
  const { layerSizes, weights, biases } = (network ?? {}) as Partial<Network>;
  if (
    !Array.isArray(layerSizes) ||
    !Array.isArray(weights) ||
    !Array.isArray(biases)
  ) {
    throw new Error(
      'quantise needs a network from createNetwork or train ' +
        '(with layerSizes, weights and biases)',
    );
  }
  if (weights.length !== layerSizes.length - 1) {
    throw new Error(
      `a network with ${layerSizes.length} layers has ` +
        `${layerSizes.length - 1} weight layers, got ${weights.length}`,
    );
  }
  weights.forEach((rows, l) => {
    rows.forEach((row, j) => {
      row.forEach((w, i) => {
        if (!Number.isFinite(w)) {
          throw new Error(
            `weights[${l}][${j}][${i}] must be a finite number, got ${w}`,
          );
        }
      });
    });
    biases[l].forEach((b, j) => {
      if (!Number.isFinite(b)) {
        throw new Error(`biases[${l}][${j}] must be a finite number, got ${b}`);
      }
    });
  });
}

function checkInputs(expected: number, inputs: number[]): void {
  if (!Array.isArray(inputs) || inputs.length !== expected) {
    throw new Error(
      `inputs must have ${expected} numbers (the network's first layer), ` +
        `got ${Array.isArray(inputs) ? inputs.length : String(inputs)}`,
    );
  }
  inputs.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new Error(`inputs[${i}] must be a finite number, got ${v}`);
    }
  });
}

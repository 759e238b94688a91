// SPDX-License-Identifier: MIT
/**
 * A neural network from scratch: layers of neurons, each with weights and a bias, trained by
 * backpropagation and full-batch gradient descent on the mean squared error.
 *
 * The network is plain data (JSON.stringify saves it):
 *   weights[l][j][i]  the weight from neuron i of layer l to neuron j of layer l + 1
 *   biases[l][j]      the bias of neuron j of layer l + 1
 * Layer 0 is the input; the last layer is the output.
 */
import type { Rng } from '../shared/random';
import { fastExp } from '../shared/fast-exp';

export type Activation = 'sigmoid' | 'tanh' | 'relu';

export type Network = {
  layerSizes: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Activation of the output layer (sigmoid keeps outputs between 0 and 1). */
  outputActivation: Activation;
  weights: number[][][];
  biases: number[][];
};

export type NetworkOptions = {
  /** Hidden-layer activation. Default 'sigmoid'. */
  activation?: Activation;
  /** Output-layer activation. Default 'sigmoid'. */
  outputActivation?: Activation;
};

/** A training example for the network: inputs and the outputs we want (`targets`). */
export type TrainingExample = { inputs: number[]; targets: number[] };

// ---- activations, and their derivatives written in terms of the output a = f(z) -------------
const ACTIVATIONS: Record<Activation, { f: (z: number) => number; slope: (a: number) => number }> = {
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), slope: (a) => a * (1 - a) },
  tanh: { f: (z) => Math.tanh(z), slope: (a) => 1 - a * a },
  relu: { f: (z) => (z > 0 ? z : 0), slope: (a) => (a > 0 ? 1 : 0) },
};

export const sigmoid = ACTIVATIONS.sigmoid.f;

function activationOf(network: Network, l: number): Activation {
  return l === network.weights.length - 1 ? network.outputActivation : network.activation;
}

/**
 * A new network with small random weights (uniform in ±√(6 / (fan-in + fan-out)), the
 * "Xavier" range that keeps signals from vanishing or exploding) and zero biases.
 * @param layerSizes neurons per layer, input first, e.g. [2, 3, 1]
 */
export function createNetwork(layerSizes: number[], rng: Rng, options: NetworkOptions = {}): Network {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new Error(`layerSizes must list at least an input and an output layer, e.g. [2, 3, 1], got ${JSON.stringify(layerSizes)}`);
  }
  layerSizes.forEach((size, l) => {
    if (!Number.isInteger(size) || size < 1) throw new Error(`layer ${l} must have a whole number of neurons ≥ 1, got ${size}`);
  });
  const activation = options.activation ?? 'sigmoid';
  const outputActivation = options.outputActivation ?? 'sigmoid';
  for (const a of [activation, outputActivation]) {
    if (!(a in ACTIVATIONS)) throw new Error(`activation must be one of ${Object.keys(ACTIVATIONS).join(', ')}, got "${a}"`);
  }
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l < layerSizes.length - 1; l++) {
    const fanIn = layerSizes[l];
    const fanOut = layerSizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    weights.push(Array.from({ length: fanOut }, () => Array.from({ length: fanIn }, () => (2 * rng() - 1) * limit)));
    biases.push(new Array<number>(fanOut).fill(0));
  }
  return { layerSizes: layerSizes.slice(), activation, outputActivation, weights, biases };
}

function checkInputs(network: Network, inputs: number[], where: string): void {
  const expected = network.layerSizes[0];
  if (inputs.length !== expected) throw new Error(`${where} must have ${expected} inputs (the network's first layer), got ${inputs.length}`);
  inputs.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`${where}[${i}] must be a finite number, got ${v}`);
  });
}

/**
 * The forward pass: each layer's outputs from the previous layer's.
 * For neuron j of the next layer: z = Σᵢ weights[l][j][i] · a[i] + biases[l][j], output f(z).
 * @returns the outputs of every layer, the inputs first.
 */
export function forward(network: Network, inputs: number[]): number[][] {
  const outputs = [inputs];
  for (let l = 0; l < network.weights.length; l++) {
    const { f } = ACTIVATIONS[activationOf(network, l)];
    const previous = outputs[l];
    outputs.push(
      network.weights[l].map((row, j) => {
        let z = network.biases[l][j];
        for (let i = 0; i < row.length; i++) z += row[i] * previous[i];
        return f(z);
      }),
    );
  }
  return outputs;
}

/** The network's outputs for one set of inputs. */
export function predict(network: Network, inputs: number[]): number[] {
  checkInputs(network, inputs, 'inputs');
  const outputs = forward(network, inputs);
  return outputs[outputs.length - 1];
}

function checkExamples(network: Network, examples: TrainingExample[]): void {
  if (examples.length === 0) throw new Error('training needs at least one example, got none');
  const outputs = network.layerSizes[network.layerSizes.length - 1];
  examples.forEach((example, n) => {
    checkInputs(network, example.inputs, `examples[${n}].inputs`);
    if (example.targets.length !== outputs) {
      throw new Error(`examples[${n}].targets must have ${outputs} values (the network's last layer), got ${example.targets.length}`);
    }
  });
}

/** Mean squared error over all examples and outputs: mean of (prediction − target)². */
export function loss(network: Network, examples: TrainingExample[]): number {
  checkExamples(network, examples);
  let sum = 0;
  for (const { inputs, targets } of examples) {
    const prediction = predict(network, inputs);
    for (let k = 0; k < targets.length; k++) sum += (prediction[k] - targets[k]) ** 2;
  }
  return sum / (examples.length * targets0(examples));
}

const targets0 = (examples: TrainingExample[]) => examples[0].targets.length;

export type Gradients = { weights: number[][][]; biases: number[][]; loss: number };

/**
 * Backpropagation: the gradient of the loss with respect to every weight and bias, averaged over
 * the examples. Working backwards from the output, for each layer:
 *   δ (output layer) = ∂loss/∂a · f′           where ∂loss/∂a = 2 (a − target) / (examples · outputs)
 *   ∂loss/∂weights[l][j][i] = δⱼ · aᵢ          (chain rule: local derivative × upstream gradient)
 *   ∂loss/∂biases[l][j]     = δⱼ
 *   δ (layer below)         = (Σⱼ weights[l][j][i] · δⱼ) · f′(aᵢ)
 */
export function gradients(network: Network, examples: TrainingExample[]): Gradients {
  checkExamples(network, examples);
  const trainer = new Trainer(network, examples);
  const lossBefore = trainer.backward();
  return { ...trainer.gradientsAsArrays(), loss: lossBefore };
}

export type TrainOptions = {
  /** Gradient-descent step size (> 0). */
  learningRate: number;
  /** Passes over all the examples (whole number ≥ 1). */
  epochs: number;
  /** Called after each epoch with its loss (for a live error chart). */
  onEpoch?: (epoch: number, loss: number) => void;
};

/**
 * Full-batch gradient descent: every epoch, backpropagate over all examples, then move each
 * weight and bias against its gradient: weight ← weight − learningRate · gradient.
 * @returns the trained network (a new object; the one passed in is not changed) and
 *          `losses[e]`, the mean squared error after epoch e.
 */
export function train(network: Network, examples: TrainingExample[], options: TrainOptions): { network: Network; losses: number[] } {
  const { learningRate, epochs, onEpoch } = options;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new Error(`learningRate must be a number greater than 0, got ${learningRate}`);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`epochs must be a whole number of at least 1, got ${epochs}`);
  checkExamples(network, examples);
  const trainer = new Trainer(network, examples);
  const losses: number[] = [];
  trainer.backward();
  for (let epoch = 0; epoch < epochs; epoch++) {
    trainer.step(learningRate);
    // The next backward pass starts with a forward pass, which gives the loss after this step.
    const after = epoch < epochs - 1 ? trainer.backward() : trainer.lossOnly();
    losses.push(after);
    onEpoch?.(epoch, after);
  }
  return { network: trainer.toNetwork(), losses };
}

/**
 * The working copy used while training: the same numbers as the Network in flat typed arrays,
 * processed a whole layer at a time for all the examples together ("matrix form", as NumPy or
 * TensorFlow would do it). The arithmetic is exactly the formulas above; the layout is what makes
 * thousands of epochs fast:
 *   w[l][j * inputs + i]  the weight from neuron i of layer l to neuron j of layer l + 1
 *   a[l][j][n]            the output of neuron j of layer l for example n (a[0] holds the inputs)
 *   delta[l][j][n]        the δ of neuron j of layer l for example n
 * One array per neuron, holding its value for every example, turns each inner loop into a walk
 * along one or two arrays, which JavaScript engines compile to tight machine code.
 */
class Trainer {
  private readonly sizes: number[];
  private readonly w: Float64Array[];
  private readonly b: Float64Array[];
  private readonly gw: Float64Array[];
  private readonly gb: Float64Array[];
  private readonly a: Float64Array[][];
  private readonly delta: Float64Array[][];
  /** Activation per weight layer as a small code (0 sigmoid, 1 tanh, 2 relu). */
  private readonly kinds: Int8Array;
  /** Targets per output neuron: t[k][n]. */
  private readonly t: Float64Array[];
  private readonly count: number;

  constructor(private readonly network: Network, examples: TrainingExample[]) {
    this.sizes = network.layerSizes;
    const count = examples.length;
    this.count = count;
    this.w = network.weights.map((rows) => Float64Array.from(rows.flat()));
    this.b = network.biases.map((row) => Float64Array.from(row));
    this.gw = this.w.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((b) => new Float64Array(b.length));
    const perNeuron = (size: number) => Array.from({ length: size }, () => new Float64Array(count));
    this.a = this.sizes.map(perNeuron);
    this.delta = this.sizes.map(perNeuron);
    this.kinds = Int8Array.from(network.weights, (_, l) => KIND_CODES[activationOf(network, l)]);
    this.t = perNeuron(this.sizes[this.sizes.length - 1]);
    examples.forEach((example, n) => {
      example.inputs.forEach((v, i) => (this.a[0][i][n] = v));
      example.targets.forEach((v, k) => (this.t[k][n] = v));
    });
  }

  /** Forward pass for all examples into this.a; returns the mean squared error. */
  private forwardAll(): number {
    const { sizes, count } = this;
    for (let l = 0; l < this.w.length; l++) {
      const inSize = sizes[l];
      const w = this.w[l];
      const kind = this.kinds[l];
      for (let j = 0; j < sizes[l + 1]; j++) {
        // z = bias + Σᵢ weight · input, for neuron j and every example, one input at a time …
        const z = this.a[l + 1][j];
        const bias = this.b[l][j];
        if (inSize === 1) z.fill(bias);
        for (let i = 0; i < inSize - 1; i++) {
          const weight = w[j * inSize + i];
          const input = this.a[l][i];
          if (i === 0) for (let n = 0; n < count; n++) z[n] = bias + weight * input[n];
          else for (let n = 0; n < count; n++) z[n] += weight * input[n];
        }
        // … and together with the last input, a = f(z), written inline (the same values as
        // ACTIVATIONS; tanh(z) = 1 − 2 / (e^{2z} + 1) needs one exp, see code/shared/fast-exp.ts)
        const weight = w[j * inSize + inSize - 1];
        const input = this.a[l][inSize - 1];
        if (kind === 0) for (let n = 0; n < count; n++) z[n] = 1 / (1 + fastExp(-(z[n] + weight * input[n])));
        else if (kind === 1) for (let n = 0; n < count; n++) z[n] = 1 - 2 / (fastExp(2 * (z[n] + weight * input[n])) + 1);
        else for (let n = 0; n < count; n++) z[n] = Math.max(0, z[n] + weight * input[n]);
      }
    }
    const out = this.a[this.w.length];
    let error = 0;
    for (let k = 0; k < out.length; k++) {
      const outputs = out[k];
      const targets = this.t[k];
      for (let n = 0; n < count; n++) error += (outputs[n] - targets[n]) ** 2;
    }
    return error / (count * out.length);
  }

  /** The loss of the current weights, without gradients. */
  lossOnly(): number {
    return this.forwardAll();
  }

  /** Forward and backward over all examples; fills the gradients and returns the loss. */
  backward(): number {
    const { sizes, count } = this;
    const last = this.w.length; // index of the output layer in this.a
    const loss = this.forwardAll();
    // Output layer: δ = ∂loss/∂a · f′(a), with ∂loss/∂a = 2 (a − target) / (examples · outputs)
    const scale = 2 / (count * sizes[last]);
    const outKind = this.kinds[last - 1];
    for (let k = 0; k < sizes[last]; k++) {
      const out = this.a[last][k];
      const target = this.t[k];
      const delta = this.delta[last][k];
      for (let n = 0; n < count; n++) delta[n] = scale * (out[n] - target[n]) * slopeOf(outKind, out[n]);
    }
    // Back through the layers, for each layer l:
    //   ∂loss/∂bias[j]      = Σ over examples of δⱼ
    //   ∂loss/∂weight[j][i] = Σ over examples of δⱼ · aᵢ
    //   δ of layer l        = (Σⱼ weight[j][i] · δⱼ) · f′(aᵢ)   (not needed for the inputs, l = 0)
    // Above the inputs, the weight gradients are summed in the same walk that computes δ.
    for (let l = last - 1; l >= 0; l--) {
      const inSize = sizes[l];
      const outSize = sizes[l + 1];
      const w = this.w[l];
      const gw = this.gw[l];
      const gb = this.gb[l];
      if (l === 0) {
        for (let j = 0; j < outSize; j++) {
          const up = this.delta[1][j];
          let sum = 0;
          for (let i = 0; i < inSize; i++) {
            const input = this.a[0][i];
            let dot = 0;
            if (i === 0) {
              for (let n = 0; n < count; n++) {
                dot += up[n] * input[n];
                sum += up[n];
              }
            } else {
              for (let n = 0; n < count; n++) dot += up[n] * input[n];
            }
            gw[j * inSize + i] = dot;
          }
          gb[j] = sum;
        }
        break;
      }
      const kind = this.kinds[l - 1];
      for (let i = 0; i < inSize; i++) {
        const delta = this.delta[l][i];
        const a = this.a[l][i];
        delta.fill(0);
        for (let j = 0; j < outSize; j++) {
          const weight = w[j * inSize + i];
          const up = this.delta[l + 1][j];
          let dot = 0;
          if (i === 0) {
            // first pass over neuron j's δ: also its sum, the bias gradient
            let sum = 0;
            for (let n = 0; n < count; n++) sum += up[n];
            gb[j] = sum;
          }
          if (j < outSize - 1) {
            for (let n = 0; n < count; n++) {
              delta[n] += weight * up[n];
              dot += up[n] * a[n];
            }
          } else if (kind === 1) {
            // the last neuron above: finish the sum and multiply by f′(a) (for tanh: 1 − a²)
            for (let n = 0; n < count; n++) {
              delta[n] = (delta[n] + weight * up[n]) * (1 - a[n] * a[n]);
              dot += up[n] * a[n];
            }
          } else {
            for (let n = 0; n < count; n++) {
              delta[n] = (delta[n] + weight * up[n]) * slopeOf(kind, a[n]);
              dot += up[n] * a[n];
            }
          }
          gw[j * inSize + i] = dot;
        }
      }
    }
    return loss;
  }

  /** One gradient-descent step with the gradients from the last backward pass. */
  step(learningRate: number): void {
    for (let l = 0; l < this.w.length; l++) {
      const w = this.w[l];
      const gw = this.gw[l];
      for (let k = 0; k < w.length; k++) w[k] -= learningRate * gw[k];
      const b = this.b[l];
      const gb = this.gb[l];
      for (let k = 0; k < b.length; k++) b[k] -= learningRate * gb[k];
    }
  }

  gradientsAsArrays(): { weights: number[][][]; biases: number[][] } {
    return {
      weights: this.gw.map((g, l) => unflatten(g, this.sizes[l + 1], this.sizes[l])),
      biases: this.gb.map((g) => Array.from(g)),
    };
  }

  toNetwork(): Network {
    return {
      ...this.network,
      layerSizes: this.sizes.slice(),
      weights: this.w.map((w, l) => unflatten(w, this.sizes[l + 1], this.sizes[l])),
      biases: this.b.map((b) => Array.from(b)),
    };
  }
}

const KIND_CODES: Record<Activation, number> = { sigmoid: 0, tanh: 1, relu: 2 };

/** f′ in terms of the output a, by activation code (see ACTIVATIONS). */
function slopeOf(kind: number, a: number): number {
  return kind === 0 ? a * (1 - a) : kind === 1 ? 1 - a * a : a > 0 ? 1 : 0;
}

function unflatten(flat: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, j) => Array.from(flat.subarray(j * cols, (j + 1) * cols)));
}

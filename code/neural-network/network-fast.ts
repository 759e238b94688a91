// SPDX-License-Identifier: MIT
/**
 * The network of network.ts, trained fast, with the same results (within 1e-9;
 * only the order of the additions and the way e^x is computed differ). The
 * lesson's code is network.ts; this file is for the speed discussion, and for
 * the pages that train many networks (the federated playground, the device
 * benchmark). Two ideas, both how numerical libraries work:
 *
 * 1. Matrix form: work on a whole layer for all the examples at once, with one
 * flat typed array
 *    (Float64Array) per neuron holding its value for every example, so each
 * inner loop walks
 *    straight along memory. `trainMatrix` below does this in plain TypeScript,
 * with a table-driven
 *    e^x (code/shared/fast-exp.ts) that the engine can inline.
 * 2. SIMD: WebAssembly's 128-bit registers hold two float64 numbers, so one
 * instruction does two
 *    examples' work. `trainSimd` runs the same matrix-form loops as WebAssembly
 * kernels
 *    (simd/kernels.ts, compiled by simd/build.ts into simd/kernel-bytes.ts),
 * with e^x computed
 *    two at a time as fdlibm computes it. This is what NumPy does under `X @
 * W1` and `np.tanh`.
 *
 * `train` uses the SIMD kernels when the engine can run them (Node 20 and every
 * current browser, in a Web Worker or in Node; a browser's main thread refuses
 * to compile a module this size synchronously) and the matrix form otherwise.
 */
import {
  checkTraining,
  type Activation,
  type Network,
  type TrainingExample,
  type TrainOptions,
} from './network';
import { fastExp } from '../shared/fast-exp';
import { KERNELS_BASE64 } from './simd/kernel-bytes';

export type { Network, TrainingExample, TrainOptions } from './network';

/**
 * What `train`, `trainMatrix` and `trainSimd` return (the same as network.ts's
 * `train`).
 */
export type TrainResult = { network: Network; losses: number[] };

/**
 * Full-batch gradient descent, as network.ts's `train` (same arguments, same
 * results within 1e-9), with the SIMD kernels when available and the matrix
 * form otherwise.
 */
export function train(
  network: Network,
  examples: TrainingExample[],
  options: TrainOptions,
): TrainResult {
  checkTraining(network, examples, options);
  const kernels = loadKernels();
  // The kernels work in one shared memory: a train() called from inside onEpoch
  // uses the matrix form.
  if (kernels === null || busy)
    return run(new Trainer(network, examples), options);
  busy = true;
  try {
    return run(new SimdTrainer(network, examples, kernels), options);
  } finally {
    busy = false;
  }
}

/** `train` in plain TypeScript, matrix form: no WebAssembly. */
export function trainMatrix(
  network: Network,
  examples: TrainingExample[],
  options: TrainOptions,
): TrainResult {
  checkTraining(network, examples, options);
  return run(new Trainer(network, examples), options);
}

/**
 * `train` with the WebAssembly SIMD kernels; throws if this engine cannot run
 * them.
 */
export function trainSimd(
  network: Network,
  examples: TrainingExample[],
  options: TrainOptions,
): TrainResult {
  checkTraining(network, examples, options);
  const kernels = loadKernels();
  if (kernels === null)
    throw new Error(
      `this JavaScript engine cannot run the WebAssembly SIMD kernels: ` +
        `${loadError}`,
    );
  if (busy)
    throw new Error(
      'trainSimd cannot be called while it is already training (from onEpoch)',
    );
  busy = true;
  try {
    return run(new SimdTrainer(network, examples, kernels), options);
  } finally {
    busy = false;
  }
}

/**
 * What both trainers offer: a backward pass that returns the loss, a step, and
 * the result.
 */
interface Backpropagation {
  backward(): number;
  lossOnly(): number;
  step(learningRate: number): void;
  toNetwork(): Network;
}

/** The training loop of network.ts, on either trainer. */
function run(
  trainer: Backpropagation,
  { learningRate, epochs, onEpoch }: TrainOptions,
): TrainResult {
  const losses: number[] = [];
  trainer.backward();
  for (let epoch = 0; epoch < epochs; epoch++) {
    trainer.step(learningRate);
    // The next backward pass starts with a forward pass, which gives the loss
    // after this step.
    const after = epoch < epochs - 1 ? trainer.backward() : trainer.lossOnly();
    losses.push(after);
    onEpoch?.(epoch, after);
  }
  return { network: trainer.toNetwork(), losses };
}

function activationOf(network: Network, l: number): Activation {
  return l === network.weights.length - 1
    ? network.outputActivation
    : network.activation;
}

// ---- 2. WebAssembly SIMD
// ----------------------------------------------------------------------

type Kernel = (...args: number[]) => number;
type Kernels = { memory: WebAssembly.Memory } & Record<string, Kernel>;

let kernels: Kernels | null | undefined;
let loadError = '';
let busy = false;

/**
 * Compile the kernels once; null if this engine cannot (no SIMD, or a browser's
 * main thread).
 */
function loadKernels(): Kernels | null {
  if (kernels === undefined) {
    try {
      const bytes = Uint8Array.from(atob(KERNELS_BASE64), (c) =>
        c.charCodeAt(0),
      );
      kernels = new WebAssembly.Instance(new WebAssembly.Module(bytes))
        .exports as unknown as Kernels;
    } catch (error) {
      loadError = (error as Error).message;
      kernels = null;
    }
  }
  return kernels;
}

const PAGE = 65536;

/**
 * The numbers of one training run in the kernels' memory (see simd/kernels.ts
 * for the layout). The examples are padded to a multiple of 8 with examples
 * whose mask is 0: they change nothing.
 */
class SimdTrainer implements Backpropagation {
  private readonly sizes: number[];
  private readonly count: number;
  private readonly stride: number;
  private readonly kinds: Activation[];
  /**
   * Byte offsets: weights and biases, their gradients, outputs and δs per
   * layer.
   */
  private readonly w: number[] = [];
  private readonly b: number[] = [];
  private readonly gw: number[] = [];
  private readonly gb: number[] = [];
  private readonly a: number[] = [];
  private readonly delta: number[] = [];
  private readonly targets: number;
  private readonly mask: number;
  /**
   * Weights and biases lie in one block, their gradients in another
   * `gradientShift` bytes on.
   */
  private readonly params: number;
  private readonly paramCount: number;
  private readonly gradientShift: number;
  private readonly memory: Float64Array;

  constructor(
    private readonly network: Network,
    examples: TrainingExample[],
    private readonly k: Kernels,
  ) {
    const sizes = (this.sizes = network.layerSizes);
    const layers = network.weights.length;
    this.count = examples.length;
    const padded = Math.ceil(this.count / 8) * 8;
    this.stride = padded * 8;
    this.kinds = network.weights.map((_, l) => activationOf(network, l));
    let top = 0;
    const take = (values: number) => {
      const at = top;
      top += Math.ceil(values / 2) * 16; // keep every block 16-byte aligned
      return at;
    };
    this.params = top;
    for (let l = 0; l < layers; l++) {
      this.w.push(take(sizes[l] * sizes[l + 1]));
      this.b.push(take(sizes[l + 1]));
    }
    this.paramCount = top / 8;
    this.gradientShift = top;
    for (let l = 0; l < layers; l++) {
      this.gw.push(take(sizes[l] * sizes[l + 1]));
      this.gb.push(take(sizes[l + 1]));
    }
    for (let l = 0; l <= layers; l++) {
      this.a.push(take(sizes[l] * padded));
      this.delta.push(l === 0 ? -1 : take(sizes[l] * padded));
    }
    this.targets = take(sizes[layers] * padded);
    this.mask = take(padded);
    const memory = k.memory;
    if (memory.buffer.byteLength < top)
      memory.grow(Math.ceil((top - memory.buffer.byteLength) / PAGE));
    const view = (this.memory = new Float64Array(memory.buffer, 0, top / 8));
    view.fill(0);
    network.weights.forEach((rows, l) =>
      rows.forEach((row, j) => view.set(row, this.w[l] / 8 + j * sizes[l])),
    );
    network.biases.forEach((row, l) => view.set(row, this.b[l] / 8));
    examples.forEach(({ inputs, targets }, n) => {
      inputs.forEach((v, i) => (view[this.a[0] / 8 + i * padded + n] = v));
      targets.forEach((v, k) => (view[this.targets / 8 + k * padded + n] = v));
      view[this.mask / 8 + n] = 1;
    });
  }

  private forwardAll(): number {
    const { sizes, stride, k } = this;
    const layers = this.w.length;
    for (let l = 0; l < layers; l++) {
      k[`forward_${this.kinds[l]}`](
        this.a[l],
        sizes[l],
        this.w[l],
        this.b[l],
        this.a[l + 1],
        sizes[l + 1],
        stride,
      );
    }
    const outputs = sizes[layers];
    const scale = 2 / (this.count * outputs);
    const squared = k[`output_${this.kinds[layers - 1]}`](
      this.a[layers],
      this.targets,
      this.mask,
      this.delta[layers],
      outputs,
      stride,
      scale,
    );
    return squared / (this.count * outputs);
  }

  lossOnly(): number {
    return this.forwardAll();
  }

  backward(): number {
    const { sizes, stride, k } = this;
    const loss = this.forwardAll(); // also leaves the output layer's δ
    for (let l = this.w.length - 1; l >= 0; l--) {
      k.gradients(
        this.a[l],
        sizes[l],
        this.delta[l + 1],
        sizes[l + 1],
        stride,
        this.gw[l],
        this.gb[l],
      );
      if (l > 0) {
        k[`hidden_${this.kinds[l - 1]}`](
          this.delta[l + 1],
          sizes[l + 1],
          this.w[l],
          sizes[l],
          this.a[l],
          this.delta[l],
          stride,
        );
      }
    }
    return loss;
  }

  step(learningRate: number): void {
    const view = this.memory;
    const start = this.params / 8;
    const shift = this.gradientShift / 8;
    for (let p = start; p < start + this.paramCount; p++)
      view[p] -= learningRate * view[p + shift];
  }

  toNetwork(): Network {
    const { sizes, memory } = this;
    const row = (at: number, length: number) =>
      Array.from(memory.subarray(at / 8, at / 8 + length));
    return {
      ...this.network,
      layerSizes: sizes.slice(),
      weights: this.w.map((at, l) =>
        Array.from({ length: sizes[l + 1] }, (_, j) =>
          row(at + 8 * j * sizes[l], sizes[l]),
        ),
      ),
      biases: this.b.map((at, l) => row(at, sizes[l + 1])),
    };
  }
}

// ---- 1. Matrix form in plain TypeScript
// -------------------------------------------------------

/**
 * The working copy used while training: the same numbers as the Network in flat
 * typed arrays, processed a whole layer at a time for all the examples together
 * ("matrix form", as NumPy or TensorFlow would do it). The arithmetic is
 * network.ts's formulas; the layout is what makes thousands of epochs fast:
 *   w[l][j * inputs + i]  the weight from neuron i of layer l to neuron j of
 * layer l + 1
 *   a[l][j][n]            the output of neuron j of layer l for example n (a[0]
 * holds the inputs)
 *   delta[l][j][n]        the δ of neuron j of layer l for example n
 * One array per neuron, holding its value for every example, turns each inner
 * loop into a walk along one or two arrays, which JavaScript engines compile to
 * tight machine code.
 */
class Trainer implements Backpropagation {
  private readonly sizes: number[];
  private readonly w: Float64Array[];
  private readonly b: Float64Array[];
  private readonly gw: Float64Array[];
  private readonly gb: Float64Array[];
  private readonly a: Float64Array[][];
  private readonly delta: Float64Array[][];
  /**
   * Activation per weight layer as a small code (0 sigmoid, 1 tanh, 2 relu).
   */
  private readonly kinds: Int8Array;
  /** Targets per output neuron: t[k][n]. */
  private readonly t: Float64Array[];
  private readonly count: number;

  constructor(
    private readonly network: Network,
    examples: TrainingExample[],
  ) {
    this.sizes = network.layerSizes;
    const count = examples.length;
    this.count = count;
    this.w = network.weights.map((rows) => Float64Array.from(rows.flat()));
    this.b = network.biases.map((row) => Float64Array.from(row));
    this.gw = this.w.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((b) => new Float64Array(b.length));
    const perNeuron = (size: number) =>
      Array.from({ length: size }, () => new Float64Array(count));
    this.a = this.sizes.map(perNeuron);
    this.delta = this.sizes.map(perNeuron);
    this.kinds = Int8Array.from(
      network.weights,
      (_, l) => KIND_CODES[activationOf(network, l)],
    );
    this.t = perNeuron(this.sizes[this.sizes.length - 1]);
    examples.forEach((example, n) => {
      example.inputs.forEach((v, i) => (this.a[0][i][n] = v));
      example.targets.forEach((v, k) => (this.t[k][n] = v));
    });
  }

  /**
   * Forward pass for all examples into this.a; returns the mean squared error.
   */
  private forwardAll(): number {
    const { sizes, count } = this;
    for (let l = 0; l < this.w.length; l++) {
      const inSize = sizes[l];
      const w = this.w[l];
      const kind = this.kinds[l];
      for (let j = 0; j < sizes[l + 1]; j++) {
        // z = bias + Σᵢ weight · input, for neuron j and every example, one
        // input at a time …
        const z = this.a[l + 1][j];
        const bias = this.b[l][j];
        if (inSize === 1) z.fill(bias);
        for (let i = 0; i < inSize - 1; i++) {
          const weight = w[j * inSize + i];
          const input = this.a[l][i];
          if (i === 0)
            for (let n = 0; n < count; n++) z[n] = bias + weight * input[n];
          else for (let n = 0; n < count; n++) z[n] += weight * input[n];
        }
        // … and together with the last input, a = f(z), written inline (the
        // same values as network.ts; tanh(z) = 1 − 2 / (e^{2z} + 1) needs one
        // exp, see code/shared/fast-exp.ts)
        const weight = w[j * inSize + inSize - 1];
        const input = this.a[l][inSize - 1];
        if (kind === 0)
          for (let n = 0; n < count; n++)
            z[n] = 1 / (1 + fastExp(-(z[n] + weight * input[n])));
        else if (kind === 1)
          for (let n = 0; n < count; n++)
            z[n] = 1 - 2 / (fastExp(2 * (z[n] + weight * input[n])) + 1);
        else
          for (let n = 0; n < count; n++)
            z[n] = Math.max(0, z[n] + weight * input[n]);
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

  /**
   * Forward and backward over all examples; fills the gradients and returns the
   * loss.
   */
  backward(): number {
    const { sizes, count } = this;
    const last = this.w.length; // index of the output layer in this.a
    const loss = this.forwardAll();
    // Output layer: δ = ∂loss/∂a · f′(a), with ∂loss/∂a = 2 (a − target) /
    // (examples · outputs)
    const scale = 2 / (count * sizes[last]);
    const outKind = this.kinds[last - 1];
    for (let k = 0; k < sizes[last]; k++) {
      const out = this.a[last][k];
      const target = this.t[k];
      const delta = this.delta[last][k];
      for (let n = 0; n < count; n++)
        delta[n] = scale * (out[n] - target[n]) * slopeOf(outKind, out[n]);
    }
    // Back through the layers, for each layer l:
    //   ∂loss/∂bias[j]      = Σ over examples of δⱼ
    //   ∂loss/∂weight[j][i] = Σ over examples of δⱼ · aᵢ
    //   δ of layer l        = (Σⱼ weight[j][i] · δⱼ) · f′(aᵢ)   (not needed for
    // the inputs, l = 0) Above the inputs, the weight gradients are summed in
    // the same walk that computes δ.
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
            // the last neuron above: finish the sum and multiply by f′(a) (for
            // tanh: 1 − a²)
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

  /**
   * One gradient-descent step with the gradients from the last backward pass.
   */
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

  toNetwork(): Network {
    return {
      ...this.network,
      layerSizes: this.sizes.slice(),
      weights: this.w.map((w, l) =>
        unflatten(w, this.sizes[l + 1], this.sizes[l]),
      ),
      biases: this.b.map((b) => Array.from(b)),
    };
  }
}

const KIND_CODES: Record<Activation, number> = { sigmoid: 0, tanh: 1, relu: 2 };

/** f′ in terms of the output a, by activation code (as in network.ts). */
function slopeOf(kind: number, a: number): number {
  return kind === 0 ? a * (1 - a) : kind === 1 ? 1 - a * a : a > 0 ? 1 : 0;
}

function unflatten(flat: Float64Array, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, j) =>
    Array.from(flat.subarray(j * cols, (j + 1) * cols)),
  );
}

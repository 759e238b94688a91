// SPDX-License-Identifier: MIT
/**
 * A neural network from scratch: layers of neurons, each with weights
 * and a bias, trained by backpropagation and gradient descent on the mean
 * squared error. Written to be read next to the lesson: one example at a
 * time, one formula per function. network-fast.ts trains the same network
 * with the same results, much faster and much less readably.
 *
 * The network is plain data (JSON.stringify saves it):
 *   weights[l][j][i]  the weight from neuron i of layer l
 *                     to neuron j of layer l + 1
 *   biases[l][j]      the bias of neuron j of layer l + 1
 * Layer 0 is the input; the last layer is the output.
 */
import { shuffle, type Rng } from '../shared/random';

export type Activation = 'sigmoid' | 'tanh' | 'relu';

export type Network = {
  layerSizes: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  /** Activation of the output layer (sigmoid keeps outputs in 0 … 1). */
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

/** A training example: inputs and the outputs we want (`targets`). */
export type TrainingExample = { inputs: number[]; targets: number[] };

// ---- Activations ----------------------------------------------------------

/** σ(z) = 1 / (1 + e^−z): any number squashed into 0 … 1. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Each activation f, and its slope f′ written in terms of the neuron's
 * output a = f(z), which the forward pass has already computed:
 *   sigmoid  f′ = a (1 − a)
 *   tanh     f′ = 1 − a²
 *   relu     f′ = 1 if a > 0, else 0
 */
const ACTIVATIONS: Record<
  Activation,
  { f: (z: number) => number; slope: (a: number) => number }
> = {
  sigmoid: { f: sigmoid, slope: (a) => a * (1 - a) },
  tanh: { f: (z) => Math.tanh(z), slope: (a) => 1 - a * a },
  relu: { f: (z) => (z > 0 ? z : 0), slope: (a) => (a > 0 ? 1 : 0) },
};

/** The activation of the neurons that weight layer l feeds. */
function activationOf(network: Network, l: number): Activation {
  const isOutput = l === network.weights.length - 1;
  return isOutput ? network.outputActivation : network.activation;
}

// ---- Creating a network ---------------------------------------------------

/**
 * A new network with small random weights, uniform in
 * ±√(6 / (fan-in + fan-out)) (the "Xavier" range, which keeps signals
 * from vanishing or exploding), and zero biases.
 * @param layerSizes neurons per layer, input first, e.g. [2, 3, 1]
 */
export function createNetwork(
  layerSizes: number[],
  rng: Rng,
  options: NetworkOptions = {},
): Network {
  checkLayerSizes(layerSizes);
  const activation = options.activation ?? 'sigmoid';
  const outputActivation = options.outputActivation ?? 'sigmoid';
  for (const a of [activation, outputActivation]) {
    if (!(a in ACTIVATIONS)) {
      const names = Object.keys(ACTIVATIONS).join(', ');
      throw new Error(`activation must be one of ${names}, got "${a}"`);
    }
  }
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l < layerSizes.length - 1; l++) {
    const fanIn = layerSizes[l];
    const fanOut = layerSizes[l + 1];
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const random = () => (2 * rng() - 1) * limit;
    const row = () => Array.from({ length: fanIn }, random);
    weights.push(Array.from({ length: fanOut }, row));
    biases.push(new Array<number>(fanOut).fill(0));
  }
  return {
    layerSizes: layerSizes.slice(),
    activation,
    outputActivation,
    weights,
    biases,
  };
}

function checkLayerSizes(layerSizes: number[]): void {
  if (!Array.isArray(layerSizes) || layerSizes.length < 2) {
    throw new Error(
      'layerSizes must list at least an input and an output layer, ' +
        `e.g. [2, 3, 1], got ${JSON.stringify(layerSizes)}`,
    );
  }
  layerSizes.forEach((size, l) => {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(
        `layer ${l} must have a whole number of neurons ≥ 1, got ${size}`,
      );
    }
  });
}

// ---- The forward pass -----------------------------------------------------

/**
 * The forward pass: each layer's outputs from the previous layer's.
 * Neuron j of layer l + 1 computes
 *   z = Σᵢ weights[l][j][i] · aᵢ + biases[l][j],  its output a = f(z).
 * @returns the outputs of every layer, the inputs first.
 */
export function forward(network: Network, inputs: number[]): number[][] {
  const outputs = [inputs];
  for (let l = 0; l < network.weights.length; l++) {
    const { f } = ACTIVATIONS[activationOf(network, l)];
    const below = outputs[l];
    const layer = network.weights[l].map((row, j) => {
      let z = network.biases[l][j];
      for (let i = 0; i < row.length; i++) z += row[i] * below[i];
      return f(z);
    });
    outputs.push(layer);
  }
  return outputs;
}

/** The network's outputs for one set of inputs. */
export function predict(network: Network, inputs: number[]): number[] {
  checkInputs(network, inputs, 'inputs');
  const outputs = forward(network, inputs);
  return outputs[outputs.length - 1];
}

// ---- The loss --------------------------------------------------------------

/**
 * Mean squared error over all examples and outputs:
 *   L = 1 / (n · K) · Σ over examples Σₖ (aₖ − yₖ)²
 * with n examples, K outputs, aₖ the prediction and yₖ the target.
 */
export function loss(network: Network, examples: TrainingExample[]): number {
  checkExamples(network, examples);
  let sum = 0;
  for (const { inputs, targets } of examples) {
    const prediction = predict(network, inputs);
    for (let k = 0; k < targets.length; k++) {
      sum += (prediction[k] - targets[k]) ** 2;
    }
  }
  return sum / (examples.length * examples[0].targets.length);
}

// ---- Backpropagation, one example at a time -------------------------------

export type Gradients = {
  weights: number[][][];
  biases: number[][];
  loss: number;
};

/**
 * δ of the output layer, for one example: how much the loss changes when
 * the sum z of output neuron k changes (chain rule: ∂L/∂a · ∂a/∂z):
 *   δₖ = 2 (aₖ − yₖ) / (n · K) · f′(aₖ)
 * @param exampleCount n, the number of examples the loss averages over
 */
export function outputDeltas(
  outputs: number[],
  targets: number[],
  exampleCount: number,
  activation: Activation,
): number[] {
  const { slope } = ACTIVATIONS[activation];
  const scale = 2 / (exampleCount * outputs.length);
  return outputs.map((a, k) => scale * (a - targets[k]) * slope(a));
}

/**
 * δ of a hidden layer, from the δs of the layer above it: each neuron i
 * passes on the δs of the neurons it feeds, weighted by its weights to
 * them, times its own slope:
 *   δᵢ = (Σⱼ weights[j][i] · δⱼ) · f′(aᵢ)
 * @param weights the weights from this layer to the layer above
 */
export function hiddenDeltas(
  weights: number[][],
  deltasAbove: number[],
  outputs: number[],
  activation: Activation,
): number[] {
  const { slope } = ACTIVATIONS[activation];
  return outputs.map((a, i) => {
    let sum = 0;
    for (let j = 0; j < deltasAbove.length; j++) {
      sum += weights[j][i] * deltasAbove[j];
    }
    return sum * slope(a);
  });
}

/**
 * Backpropagation for one example: its share of every gradient, added
 * to `sum`. For the weight from neuron i to neuron j, local derivative
 * (the input aᵢ) times upstream gradient (δⱼ):
 *   ∂L/∂weights[l][j][i] = δⱼ · aᵢ      ∂L/∂biases[l][j] = δⱼ
 * @returns the example's squared error, Σₖ (aₖ − yₖ)²
 */
function addExampleGradients(
  network: Network,
  example: TrainingExample,
  exampleCount: number,
  sum: Gradients,
): number {
  const outputs = forward(network, example.inputs);
  const last = network.weights.length;
  let deltas = outputDeltas(
    outputs[last],
    example.targets,
    exampleCount,
    network.outputActivation,
  );
  for (let l = last - 1; l >= 0; l--) {
    const below = outputs[l];
    deltas.forEach((delta, j) => {
      const row = sum.weights[l][j];
      for (let i = 0; i < row.length; i++) row[i] += delta * below[i];
      sum.biases[l][j] += delta;
    });
    if (l > 0) {
      const activation = activationOf(network, l - 1);
      deltas = hiddenDeltas(network.weights[l], deltas, below, activation);
    }
  }
  let squaredError = 0;
  outputs[last].forEach((a, k) => {
    squaredError += (a - example.targets[k]) ** 2;
  });
  return squaredError;
}

/** Gradients of all zeros, shaped like the network's weights and biases. */
function zeroGradients(network: Network): Gradients {
  return {
    weights: network.weights.map((layer) =>
      layer.map((row) => row.map(() => 0)),
    ),
    biases: network.biases.map((layer) => layer.map(() => 0)),
    loss: 0,
  };
}

/** `gradients` without checking its input (training checks it once). */
function backpropagate(
  network: Network,
  examples: TrainingExample[],
): Gradients {
  const sum = zeroGradients(network);
  let squaredErrors = 0;
  for (const example of examples) {
    const n = examples.length;
    squaredErrors += addExampleGradients(network, example, n, sum);
  }
  sum.loss = squaredErrors / (examples.length * examples[0].targets.length);
  return sum;
}

/**
 * Backpropagation over all the examples: the gradient of the loss with
 * respect to every weight and bias (the sum of each example's share),
 * and the loss itself, from the same forward passes.
 */
export function gradients(
  network: Network,
  examples: TrainingExample[],
): Gradients {
  checkExamples(network, examples);
  return backpropagate(network, examples);
}

// ---- Training -------------------------------------------------------------

export type TrainOptions = {
  /** Gradient-descent step size (> 0). */
  learningRate: number;
  /** Passes over all the examples (whole number ≥ 1). */
  epochs: number;
  /** Called after each epoch with its loss (for a live error chart). */
  onEpoch?: (epoch: number, loss: number) => void;
};

/**
 * One step of gradient descent, each weight and bias moved against its
 * gradient:  weight ← weight − learningRate · gradient.
 * @returns a new network; the one passed in is not changed.
 */
function step(
  network: Network,
  gradient: Gradients,
  learningRate: number,
): Network {
  const move = (value: number, slope: number) => value - learningRate * slope;
  return {
    ...network,
    weights: network.weights.map((layer, l) =>
      layer.map((row, j) =>
        row.map((w, i) => move(w, gradient.weights[l][j][i])),
      ),
    ),
    biases: network.biases.map((layer, l) =>
      layer.map((b, j) => move(b, gradient.biases[l][j])),
    ),
  };
}

/**
 * Full-batch gradient descent: every epoch, backpropagate over all the
 * examples, then take one step.
 * @returns the trained network (a new object; the one passed in is not
 *          changed) and `losses[e]`, the mean squared error after epoch e.
 */
export function train(
  network: Network,
  examples: TrainingExample[],
  options: TrainOptions,
): { network: Network; losses: number[] } {
  checkTraining(network, examples, options);
  const { learningRate, epochs, onEpoch } = options;
  const losses: number[] = [];
  let current = network;
  let gradient = backpropagate(current, examples);
  for (let epoch = 0; epoch < epochs; epoch++) {
    current = step(current, gradient, learningRate);
    // The forward passes that start the next backpropagation also give
    // the loss after this step.
    gradient = backpropagate(current, examples);
    losses.push(gradient.loss);
    onEpoch?.(epoch, gradient.loss);
  }
  return { network: current, losses };
}

// ---- Mini-batches -----------------------------------------------------------

export type MiniBatchOptions = TrainOptions & {
  /** Examples per gradient step (whole number ≥ 1); 1 is stochastic. */
  batchSize: number;
  /** If given, the examples are shuffled with it before every epoch. */
  rng?: Rng;
};

/**
 * Mini-batch gradient descent: every epoch, cut the examples into batches
 * of `batchSize` (the last one may be smaller) and take one step per
 * batch, each on the gradient of that batch's loss alone. With batchSize 1
 * this is stochastic gradient descent; with batchSize ≥ examples.length
 * it takes the same steps as `train`.
 * @returns the trained network and `losses[e]`, the mean squared error
 *          over all the examples after epoch e (as `train` reports it).
 */
export function trainMiniBatch(
  network: Network,
  examples: TrainingExample[],
  options: MiniBatchOptions,
): { network: Network; losses: number[] } {
  checkTraining(network, examples, options);
  const { learningRate, epochs, batchSize, rng, onEpoch } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(
      `batchSize must be a whole number of at least 1, got ${batchSize}`,
    );
  }
  const losses: number[] = [];
  let current = network;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = rng ? shuffle(examples, rng) : examples;
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      current = step(current, backpropagate(current, batch), learningRate);
    }
    const epochLoss = loss(current, examples);
    losses.push(epochLoss);
    onEpoch?.(epoch, epochLoss);
  }
  return { network: current, losses };
}

// ---- Checking input, with messages that say what was expected ------------

function checkInputs(network: Network, inputs: number[], where: string): void {
  const expected = network.layerSizes[0];
  if (inputs.length !== expected) {
    throw new Error(
      `${where} must have ${expected} inputs (the network's first layer), ` +
        `got ${inputs.length}`,
    );
  }
  inputs.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new Error(`${where}[${i}] must be a finite number, got ${v}`);
    }
  });
}

function checkExamples(network: Network, examples: TrainingExample[]): void {
  if (examples.length === 0) {
    throw new Error('training needs at least one example, got none');
  }
  const sizes = network.layerSizes;
  const outputs = sizes[sizes.length - 1];
  examples.forEach((example, n) => {
    checkInputs(network, example.inputs, `examples[${n}].inputs`);
    if (example.targets.length !== outputs) {
      throw new Error(
        `examples[${n}].targets must have ${outputs} values ` +
          `(the network's last layer), got ${example.targets.length}`,
      );
    }
  });
}

/**
 * Check everything `train` needs before it starts (network-fast.ts
 * checks the same way, with the same messages).
 */
export function checkTraining(
  network: Network,
  examples: TrainingExample[],
  options: TrainOptions,
): void {
  const { learningRate, epochs } = options;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(
      `learningRate must be a number greater than 0, got ${learningRate}`,
    );
  }
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new Error(
      `epochs must be a whole number of at least 1, got ${epochs}`,
    );
  }
  checkExamples(network, examples);
}

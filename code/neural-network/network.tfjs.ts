// SPDX-License-Identifier: MIT
/**
 * The same network with TensorFlow.js layers: one `dense` layer per weight
 * matrix, the same activations, the same loss (mean squared error) and the same
 * full-batch gradient descent. tfjs computes the gradients itself (automatic
 * differentiation): compare with network.ts, where backpropagation is written
 * out.
 */
import * as tf from '@tensorflow/tfjs';
import type { Network, TrainingExample } from './network';

/**
 * A tfjs model with exactly the weights of `network` (tfjs stores each matrix
 * transposed: [inputs][outputs]).
 */
export function toTfModel(network: Network): tf.Sequential {
  const model = tf.sequential();
  network.weights.forEach((w, l) => {
    const last = l === network.weights.length - 1;
    model.add(
      tf.layers.dense({
        units: network.layerSizes[l + 1],
        inputShape: l === 0 ? [network.layerSizes[0]] : undefined,
        activation: last ? network.outputActivation : network.activation,
      }),
    );
  });
  model.setWeights(
    network.weights.flatMap((w, l) => [
      tf.tensor2d(w).transpose(),
      tf.tensor1d(network.biases[l]),
    ]),
  );
  return model;
}

/** Read a tfjs model's weights back into the course's plain Network format. */
export async function fromTfModel(
  model: tf.Sequential,
  like: Network,
): Promise<Network> {
  const tensors = model.getWeights();
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l < tensors.length; l += 2) {
    const kernel = tensors[l].transpose();
    weights.push((await kernel.array()) as number[][]);
    kernel.dispose();
    biases.push((await tensors[l + 1].array()) as number[]);
  }
  return { ...like, weights, biases };
}

/**
 * Train with tfjs: `model.fit` with plain SGD, all examples in one batch per
 * epoch.
 * @returns the trained network and `losses[e]`, the loss tfjs measured during
 * epoch e
 *          (before that epoch's step, unlike network.ts which reports the loss
 * after it).
 */
export async function trainTf(
  network: Network,
  examples: TrainingExample[],
  { learningRate, epochs }: { learningRate: number; epochs: number },
): Promise<{ network: Network; losses: number[] }> {
  if (!(learningRate > 0))
    throw new Error(
      `learningRate must be a number greater than 0, got ${learningRate}`,
    );
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new Error(
      `epochs must be a whole number of at least 1, got ${epochs}`,
    );
  if (examples.length === 0)
    throw new Error('training needs at least one example, got none');
  const model = toTfModel(network);
  model.compile({
    optimizer: tf.train.sgd(learningRate),
    loss: 'meanSquaredError',
  });
  const xs = tf.tensor2d(examples.map((e) => e.inputs));
  const ys = tf.tensor2d(examples.map((e) => e.targets));
  try {
    const history = await model.fit(xs, ys, {
      epochs,
      batchSize: examples.length,
      shuffle: false,
      verbose: 0,
    });
    const trained = await fromTfModel(model, network);
    return { network: trained, losses: history.history.loss as number[] };
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
  }
}

/** Outputs for many inputs at once. */
export async function predictTf(
  network: Network,
  inputs: number[][],
): Promise<number[][]> {
  const model = toTfModel(network);
  const x = tf.tensor2d(inputs);
  const y = model.predict(x) as tf.Tensor;
  const result = (await y.array()) as number[][];
  tf.dispose([x, y]);
  model.dispose();
  return result;
}

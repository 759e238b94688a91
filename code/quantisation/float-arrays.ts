// SPDX-License-Identifier: MIT
/**
 * The same network with its weights and biases in typed arrays of float64
 * (Float64Array, 8 bytes a number) or float32 (Float32Array, 4 bytes), and
 * a forward pass written like quantise.ts's, so that the three formats can
 * be timed side by side with the same loops.
 *
 * JavaScript does its arithmetic in float64 whatever the storage: here
 * float32 changes the memory a model takes and the rounding of its stored
 * numbers, not the arithmetic. (A chip with float32 hardware would also
 * compute in float32.)
 */
import type { Activation, Network } from '../neural-network/network';
import { ACTIVATIONS } from './quantise';

export type FloatFormat = 'float64' | 'float32';

export type FloatLayer = {
  /** weights[j][i]: the weight from input i to neuron j. */
  weights: (Float64Array | Float32Array)[];
  biases: Float64Array | Float32Array;
  activation: Activation;
};

export type FloatNetwork = {
  format: FloatFormat;
  layerSizes: number[];
  layers: FloatLayer[];
};

/** The network's numbers copied into Float64Arrays or Float32Arrays. */
export function toFloatArrays(
  network: Network,
  format: FloatFormat,
): FloatNetwork {
  const Store = format === 'float64' ? Float64Array : Float32Array;
  const last = network.weights.length - 1;
  const layers = network.weights.map((rows, l) => ({
    weights: rows.map((row) => Store.from(row)),
    biases: Store.from(network.biases[l]),
    activation: l === last ? network.outputActivation : network.activation,
  }));
  return { format, layerSizes: network.layerSizes.slice(), layers };
}

/** The outputs for one set of inputs: for neuron j, f(Σᵢ wᵢ · xᵢ + b). */
export function predictFloat(f: FloatNetwork, inputs: number[]): number[] {
  if (inputs.length !== f.layerSizes[0]) {
    throw new Error(
      `inputs must have ${f.layerSizes[0]} numbers (the network's first ` +
        `layer), got ${inputs.length}`,
    );
  }
  let outputs = inputs;
  for (const layer of f.layers) {
    const activate = ACTIVATIONS[layer.activation];
    const below = outputs;
    outputs = layer.weights.map((row, j) => {
      let sum = layer.biases[j];
      for (let i = 0; i < row.length; i++) sum += row[i] * below[i];
      return activate(sum);
    });
  }
  return outputs;
}

/** Bytes the stored numbers take: 8 or 4 per weight and bias. */
export function floatArraysByteSize(f: FloatNetwork): number {
  let bytes = 0;
  for (const layer of f.layers) {
    for (const row of layer.weights) bytes += row.byteLength;
    bytes += layer.biases.byteLength;
  }
  return bytes;
}

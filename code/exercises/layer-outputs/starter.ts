// SPDX-License-Identifier: MIT
/**
 * The forward pass through one layer of sigmoid neurons.
 * weights[j][i] connects input i to neuron j; biases[j] is neuron j's bias.
 * Return one output per neuron: sigmoid(Σᵢ weights[j][i] · inputs[i] +
 * biases[j]).
 */
export function layerOutputs(
  inputs: number[],
  weights: number[][],
  biases: number[],
): number[] {
  // Your code here.
  return [];
}

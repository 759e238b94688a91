// SPDX-License-Identifier: MIT
/**
 * The output of one sigmoid neuron: multiply each input by its weight, add them
 * up with the bias, and pass the sum z through the sigmoid 1 / (1 + e^(−z)).
 */
export function neuronOutput(
  inputs: number[],
  weights: number[],
  bias: number,
): number {
  let z = bias;
  for (let i = 0; i < inputs.length; i++) z += weights[i] * inputs[i];
  return 1 / (1 + Math.exp(-z));
}

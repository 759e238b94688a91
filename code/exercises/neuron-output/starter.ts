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
  // Your code here.
  return 0;
}

// SPDX-License-Identifier: MIT
/**
 * The backward pass through one hidden layer of sigmoid neurons, for one
 * example.
 *   inputs[i]         what the layer received (the layer below's outputs)
 *   outputs[j]        what neuron j of this layer sent on, aⱼ = σ(zⱼ)
 *   weightsAbove[k][j] the weight from neuron j to neuron k of the layer
 *                     above
 *   deltasAbove[k]    δₖ of neuron k of the layer above
 * Return, for this layer:
 *   deltas[j]          δⱼ = (Σₖ weightsAbove[k][j] · δₖ) · aⱼ (1 − aⱼ)
 *   weightGradients[j][i] = δⱼ · inputs[i]   (this layer's weights[j][i])
 *   biasGradients[j]      = δⱼ
 */
export function layerBackward(
  inputs: number[],
  outputs: number[],
  weightsAbove: number[][],
  deltasAbove: number[],
): {
  deltas: number[];
  weightGradients: number[][];
  biasGradients: number[];
} {
  const deltas = outputs.map((a, j) => {
    let sum = 0;
    for (let k = 0; k < deltasAbove.length; k++) {
      sum += weightsAbove[k][j] * deltasAbove[k];
    }
    return sum * a * (1 - a);
  });
  const weightGradients = deltas.map((delta) => inputs.map((x) => delta * x));
  return { deltas, weightGradients, biasGradients: deltas.slice() };
}

// SPDX-License-Identifier: MIT
// Lesson driver: one step of backpropagation and gradient descent for one
// sigmoid neuron, with numbers you can check by hand.
import {
  createNetwork,
  forward,
  gradients,
  loss,
  outputDeltas,
  predict,
  train,
} from './network';
import { createRng } from '../shared/random';

// Step 1: one neuron with 2 inputs; we set its weights and bias by hand.
const network = createNetwork([2, 1], createRng(1));
network.weights[0][0] = [0.5, -0.25];
network.biases[0][0] = 0;
const example = { inputs: [1, 2], targets: [1] };
const [x1, x2] = example.inputs;
const [w1, w2] = network.weights[0][0];
const b = network.biases[0][0];
const y = example.targets[0];
console.log(`x = (${x1}, ${x2}), w = (${w1}, ${w2}), b = ${b}, y = ${y}`);

// Step 2: the forward pass: the weighted sum z, then a = σ(z).
const z = w1 * x1 + w2 * x2 + b;
const outputs = forward(network, example.inputs);
const a = outputs[1][0];
console.log(`z = ${z}`);
console.log(`a = σ(z) = ${a}`);
console.log(`loss = (a − y)² = ${loss(network, [example])}`);

// Step 3: backpropagation: δ = ∂L/∂z, then each gradient is δ × input.
const [delta] = outputDeltas(outputs[1], example.targets, 1, 'sigmoid');
console.log(`δ = 2(a − y) · a(1 − a) = ${delta}`);
const g = gradients(network, [example]);
const [g1, g2] = g.weights[0][0];
console.log(`∂L/∂w1 = δ · x1 = ${g1}`);
console.log(`∂L/∂w2 = δ · x2 = ${g2}`);
console.log(`∂L/∂b = δ = ${g.biases[0][0]}`);

// Step 4: one step of gradient descent, w ← w − η · ∂L/∂w.
const learningRate = 0.5;
const after = train(network, [example], { learningRate, epochs: 1 });
const [v1, v2] = after.network.weights[0][0];
console.log(`with η = ${learningRate}:`);
console.log(`new w = (${v1}, ${v2}), new b = ${after.network.biases[0][0]}`);
const [newA] = predict(after.network, example.inputs);
console.log(`a after the step: ${newA.toFixed(4)}`);
console.log(`loss after the step: ${after.losses[0].toFixed(4)}`);

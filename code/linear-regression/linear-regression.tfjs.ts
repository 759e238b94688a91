// SPDX-License-Identifier: MIT
/**
 * Linear regression with TensorFlow.js, side by side with linear-regression.ts:
 * the closed form as tensor operations, and gradient descent where tfjs
 * computes the gradients for us (automatic differentiation) and an optimizer
 * takes the steps.
 */
import * as tf from '@tensorflow/tfjs';
import type { Line } from './linear-regression';

/** Least squares with tensors: slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)². */
export async function fitLeastSquaresTf(
  xs: number[],
  ys: number[],
): Promise<Line> {
  if (xs.length !== ys.length)
    throw new Error(
      `xs and ys must have the same length, got ${xs.length} and ${ys.length}`,
    );
  if (xs.length < 2)
    throw new Error(`need at least 2 points to fit a line, got ${xs.length}`);
  const [slope, intercept] = tf.tidy(() => {
    const x = tf.tensor1d(xs);
    const y = tf.tensor1d(ys);
    const dx = x.sub(x.mean());
    const s = dx.mul(y.sub(y.mean())).sum().div(dx.square().sum());
    return [s, y.mean().sub(s.mul(x.mean()))];
  });
  const result = {
    slope: (await slope.data())[0],
    intercept: (await intercept.data())[0],
  };
  slope.dispose();
  intercept.dispose();
  return result;
}

/**
 * Gradient descent with tfjs's SGD optimizer; `losses[e]` is the MSE after
 * epoch e.
 */
export async function fitGradientDescentTf(
  xs: number[],
  ys: number[],
  { learningRate, epochs }: { learningRate: number; epochs: number },
): Promise<{ line: Line; losses: number[] }> {
  if (xs.length !== ys.length)
    throw new Error(
      `xs and ys must have the same length, got ${xs.length} and ${ys.length}`,
    );
  if (!(learningRate > 0))
    throw new Error(
      `learningRate must be a number greater than 0, got ${learningRate}`,
    );
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new Error(
      `epochs must be a whole number of at least 1, got ${epochs}`,
    );
  const x = tf.tensor1d(xs);
  const y = tf.tensor1d(ys);
  const slope = tf.variable(tf.scalar(0));
  const intercept = tf.variable(tf.scalar(0));
  const optimizer = tf.train.sgd(learningRate);
  const mse = () =>
    slope.mul(x).add(intercept).sub(y).square().mean() as tf.Scalar;
  const lossTensors: tf.Scalar[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.minimize(mse);
    lossTensors.push(tf.tidy(mse));
  }
  const losses = await Promise.all(
    lossTensors.map(async (t) => (await t.data())[0]),
  );
  const line = {
    slope: (await slope.data())[0],
    intercept: (await intercept.data())[0],
  };
  tf.dispose([x, y, slope, intercept, ...lossTensors]);
  optimizer.dispose();
  return { line, losses };
}

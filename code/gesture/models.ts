// SPDX-License-Identifier: MIT
/**
 * The course's two classifiers, trained on gesture features: kNN
 * (knn/knn.ts) and the neural network (neural-network/network.ts), with
 * one output neuron per gesture. Both are plain data; `predictLabel`
 * answers with a gesture's name for either.
 */
import { classify, type Example } from '../knn/knn';
import {
  createNetwork,
  predict,
  train,
  type Network,
} from '../neural-network/network';
import { confusionMatrix } from '../evaluation/metrics';
import type { Rng } from '../shared/random';

export type KnnModel = { kind: 'knn'; k: number; training: Example[] };
export type NetworkModel = {
  kind: 'network';
  network: Network;
  labels: string[];
  losses: number[];
};
export type GestureModel = KnnModel | NetworkModel;

/** kNN keeps the examples; k = 3, or fewer if there are fewer examples. */
export function trainKnn(training: Example[], k = 3): KnnModel {
  return { kind: 'knn', k: Math.min(k, training.length), training };
}

export type NetworkSettings = {
  /** Neurons in the hidden layer. Default 16. */
  hidden?: number;
  /** Default 2: the loss is a mean over many outputs, so steps are small. */
  learningRate?: number;
  /** Default 300. */
  epochs?: number;
};

/**
 * A network with one input per feature, one tanh hidden layer and one
 * sigmoid output per gesture, trained to output 1 for the example's
 * gesture and 0 for the others (one-hot targets).
 */
export function trainNetwork(
  training: Example[],
  labels: string[],
  rng: Rng,
  settings: NetworkSettings = {},
): NetworkModel {
  const { hidden = 16, learningRate = 2, epochs = 300 } = settings;
  if (training.length === 0) {
    throw new Error('training needs at least one example, got none');
  }
  const unknown = training.find((e) => !labels.includes(e.label));
  if (unknown) {
    throw new Error(
      `example labelled "${unknown.label}" is not one of the gestures ` +
        `${labels.join(', ')}`,
    );
  }
  const inputs = training[0].features.length;
  const start = createNetwork([inputs, hidden, labels.length], rng, {
    activation: 'tanh',
  });
  const examples = training.map((e) => ({
    inputs: e.features,
    targets: labels.map((l) => (l === e.label ? 1 : 0)),
  }));
  const { network, losses } = train(start, examples, {
    learningRate,
    epochs,
  });
  return { kind: 'network', network, labels, losses };
}

/** The gesture a model sees in these features. */
export function predictLabel(model: GestureModel, features: number[]): string {
  if (model.kind === 'knn') return classify(model.training, features, model.k);
  // The output neuron with the largest value wins.
  const outputs = predict(model.network, features);
  let best = 0;
  for (let i = 1; i < outputs.length; i++) {
    if (outputs[i] > outputs[best]) best = i;
  }
  return model.labels[best];
}

/**
 * Accuracy and confusion matrix (rows: actual, columns: predicted, in the
 * order of `labels`) of a model on held-out examples.
 */
export function evaluateModel(
  model: GestureModel,
  test: Example[],
  labels: string[],
): { accuracy: number; matrix: number[][]; predicted: string[] } {
  const actual = test.map((e) => e.label);
  const predicted = test.map((e) => predictLabel(model, e.features));
  const correct = predicted.filter((p, i) => p === actual[i]).length;
  const { matrix } = confusionMatrix(actual, predicted, labels);
  return { accuracy: correct / test.length, matrix, predicted };
}

/**
 * Milliseconds one call of `fn` takes: a browser's clock ticks in steps of
 * 0.1 ms or coarser, so `fn` runs again and again until `minMs` have
 * passed, and the mean is returned.
 */
export function timePerCall(
  fn: () => unknown,
  now: () => number,
  minMs = 20,
): { ms: number; runs: number } {
  let runs = 0;
  const start = now();
  let elapsed = 0;
  do {
    fn();
    runs++;
    elapsed = now() - start;
  } while (elapsed < minMs);
  return { ms: elapsed / runs, runs };
}

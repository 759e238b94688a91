/**
 * Trains the gesture lab's network in a background thread, so the page stays responsive while it
 * learns (a few hundred examples take a second or more on a slow phone). The work is
 * code/gesture/models.ts → trainNetwork, the function the unit tests check; the trained network
 * is plain data and comes back as a message.
 */
import { trainNetwork } from '@site/code/gesture/models';
import type { Example } from '@site/code/knn/knn';
import { createRng } from '@site/code/shared/random';

export type TrainRequest = { training: Example[]; labels: string[]; seed: number };

self.onmessage = (event: MessageEvent<TrainRequest>) => {
  const { training, labels, seed } = event.data;
  const started = performance.now();
  try {
    const model = trainNetwork(training, labels, createRng(seed));
    self.postMessage({ model, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};

/**
 * One simulated device of the federated-learning playground. It receives the shared model and
 * its own examples, trains locally, and sends back only the trained weights.
 * The same function the tests check (code/federated/fedavg.ts → trainOnDevice) does the work.
 */
import { trainOnDevice, type Network, type TrainingExample } from '@site/code/federated/fedavg';

type TrainMessage = {
  id: number;
  network: Network;
  examples: TrainingExample[];
  localEpochs: number;
  learningRate: number;
};

self.onmessage = (event: MessageEvent<TrainMessage>) => {
  const { id, network, examples, localEpochs, learningRate } = event.data;
  const started = performance.now();
  try {
    const update = trainOnDevice(network, examples, { localEpochs, learningRate });
    self.postMessage({ id, ...update, milliseconds: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
};

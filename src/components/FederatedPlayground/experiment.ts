/**
 * The playground's experiment, apart from its stage: the seeded data, the devices' slices and
 * the starting network, and one round of it (federated and central side by side). The component
 * runs the rounds with each device in a Web Worker; `simulate` runs them in one thread, which is
 * how the figures the lesson quotes from the playground are tested (tests/unit/quoted-figures.test.ts).
 */
import { createRng } from '../../../code/shared/random';
import { makeMoons, trainTestSplit } from '../../../code/data/datasets';
import { createNetwork } from '../../../code/neural-network/network';
import {
  chooseDevices,
  evaluate,
  finishRound,
  splitAcrossDevices,
  toTrainingExamples,
  trainOnDevice,
  type FederatedSettings,
  type Network,
} from '../../../code/federated/fedavg';

export const DEFAULTS: Required<FederatedSettings> = {
  devices: 4,
  rounds: 30,
  localEpochs: 5,
  learningRate: 0.3,
  skew: 0.5,
  dropout: 0,
  hidden: [8],
};
export const SEED = 42;
export const POSITIVE = 'upper';

/** Two interleaving half-moons, split into train and test, the training part shared out to devices. */
export function playgroundData(devices: number, skew: number) {
  const rng = createRng(SEED);
  const examples = makeMoons(400, 0.15, rng);
  const { train, test } = trainTestSplit(examples, 0.25, rng);
  const slices = splitAcrossDevices(train, devices, skew, createRng(SEED + 1));
  return { train, test: toTrainingExamples(test, POSITIVE), slices };
}

export function initialNetwork(hidden: number[]): Network {
  return createNetwork([2, ...hidden, 1], createRng(SEED + 3), { activation: 'tanh' });
}

/** The rng that decides which devices miss each round. */
export const dropoutRng = () => createRng(SEED + 2);

/** Every round's test accuracy, federated and central, computed in this thread. */
export function simulate(settings: Required<FederatedSettings>): { federated: number; central: number }[] {
  const data = playgroundData(settings.devices, settings.skew);
  const slices = data.slices.map((s) => toTrainingExamples(s, POSITIVE));
  const all = toTrainingExamples(data.train, POSITIVE);
  const devicesWithData = slices.filter((s) => s.length > 0).length;
  const rng = dropoutRng();
  let shared = initialNetwork(settings.hidden);
  let central = shared;
  const history: { federated: number; central: number }[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const updates = chooseDevices(slices, settings.dropout, rng).map((device) => trainOnDevice(shared, slices[device], settings));
    const { network, report } = finishRound(shared, updates, data.test, round, devicesWithData);
    shared = network;
    central = trainOnDevice(central, all, settings).network;
    history.push({ federated: report.accuracy, central: evaluate(central, data.test).accuracy });
  }
  return history;
}

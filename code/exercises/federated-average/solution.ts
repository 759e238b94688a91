// SPDX-License-Identifier: MIT
/**
 * What one device sends back after a round: its model's weights (one flat
 * list of numbers) and how many examples it trained on.
 */
export type Update = { weights: number[]; exampleCount: number };

/**
 * The server's step of federated averaging (FedAvg): each weight is the
 * average of the devices' weights, each device counted in proportion to
 * its examples. With n_k examples on device k and n in all:
 *   average[i] = Σ_k n_k · weights_k[i] / n
 * A device with 0 examples counts for nothing. Throw an Error when no
 * device has any examples, or when two devices send different numbers of
 * weights.
 */
export function federatedAverage(updates: Update[]): number[] {
  const useful = updates.filter((u) => u.exampleCount > 0);
  if (useful.length === 0)
    throw new Error('federatedAverage needs a device with examples, got none');
  const size = useful[0].weights.length;
  const mismatch = useful.find((u) => u.weights.length !== size);
  if (mismatch)
    throw new Error(
      `every device must send ${size} weights, but one sent ` +
        `${mismatch.weights.length}`,
    );
  let total = 0;
  const sums = new Array<number>(size).fill(0);
  for (const { weights, exampleCount } of useful) {
    total += exampleCount;
    weights.forEach((w, i) => (sums[i] += exampleCount * w));
  }
  return sums.map((sum) => sum / total);
}

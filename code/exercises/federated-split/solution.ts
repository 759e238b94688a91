// SPDX-License-Identifier: MIT
/** One labelled example (only its label matters here). */
export type Labelled = { label: string };

/**
 * Check `devices` before splitting: a whole number from 1 to the number of
 * examples, so that every device gets at least one example.
 */
export function checkDevices(exampleCount: number, devices: number): void {
  if (!Number.isInteger(devices) || devices < 1 || devices > exampleCount)
    throw new Error(
      `devices must be a whole number from 1 to ${exampleCount} (the ` +
        `number of examples), got ${devices}`,
    );
}

/**
 * Even (IID) split: deal the examples out like cards, example i to device
 * i mod devices. If the examples come in random order, every device gets
 * a mix that looks like the whole dataset.
 */
export function splitDealt<T extends Labelled>(
  examples: T[],
  devices: number,
): T[][] {
  checkDevices(examples.length, devices);
  const slices: T[][] = Array.from({ length: devices }, () => []);
  examples.forEach((example, i) => slices[i % devices].push(example));
  return slices;
}

/**
 * Uneven (non-IID) split: sort a copy of the examples by label
 * (alphabetically; examples with the same label keep their order), then
 * cut it into `devices` consecutive pieces of nearly equal size: with n
 * examples, the first n mod devices pieces get one example more. Each
 * device then sees only one or two labels. Leave `examples` as it was.
 */
export function splitSortedByLabel<T extends Labelled>(
  examples: T[],
  devices: number,
): T[][] {
  checkDevices(examples.length, devices);
  // a copy: sort() would reorder the caller's array (it is stable, so
  // equal labels keep their order)
  const sorted = [...examples].sort((a, b) =>
    a.label < b.label ? -1 : a.label > b.label ? 1 : 0,
  );
  const small = Math.floor(sorted.length / devices);
  const bigger = sorted.length % devices; // pieces with one more
  const slices: T[][] = [];
  let start = 0;
  for (let d = 0; d < devices; d++) {
    const size = d < bigger ? small + 1 : small;
    slices.push(sorted.slice(start, start + size));
    start += size;
  }
  return slices;
}

// SPDX-License-Identifier: MIT
/**
 * Timing that looks the same in the browser and under Node: `performance.now()`
 * exists in both.
 */

/** Milliseconds, rounded for reading: 0.042 ms, 3.14 ms, 250 ms, 1.53 s. */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/**
 * Run `fn`, print how long it took as `label: 12.3 ms`, and return what `fn`
 * returned. Works for functions that return a promise too (the time covers the
 * whole wait).
 */
export function time<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  if (result instanceof Promise) {
    return result.then((value) => {
      console.log(`${label}: ${formatDuration(performance.now() - start)}`);
      return value;
    }) as T;
  }
  console.log(`${label}: ${formatDuration(performance.now() - start)}`);
  return result;
}

/**
 * Run `fn` `repeats` times (after `warmup` untimed runs) and return the median
 * time in ms. The median ignores the odd slow run caused by something else on
 * the machine.
 */
export function measure(fn: () => unknown, repeats = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Where `measurePerCall` keeps what `fn` returns, so the engine cannot skip the
 * calls.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- write-only
let sink: unknown;

/**
 * The time of ONE call of a quick `fn`, in ms. Browsers round
 * `performance.now()` to 0.1 ms or coarser, so a call of a few microseconds
 * would read as 0: this calls `fn` in batches that last at least `minBatchMs`,
 * takes the median of `repeats` batches, and divides by the batch size.
 */
export function measurePerCall(
  fn: () => unknown,
  minBatchMs = 5,
  repeats = 5,
): number {
  const runBatch = (size: number) => () => {
    for (let i = 0; i < size; i++) sink = fn();
  };
  // Grow the batch until the MEDIAN batch lasts minBatchMs: one slow batch
  // (the machine busy elsewhere) must not stop the growth too early and
  // leave batches too short for the clock to see.
  let batch = 1;
  for (;;) {
    const perBatch = measure(runBatch(batch), repeats, 0);
    if (perBatch >= minBatchMs || batch >= 2 ** 24) return perBatch / batch;
    batch *= perBatch > 0 ? Math.min(16, Math.ceil(minBatchMs / perBatch)) : 16;
  }
}

/** Async version of `measure`, for TensorFlow.js code that returns promises. */
export async function measureAsync(
  fn: () => Promise<unknown>,
  repeats = 5,
  warmup = 1,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: number[]): number {
  if (values.length === 0)
    throw new Error('median needs at least one value, got none');
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

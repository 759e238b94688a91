// SPDX-License-Identifier: MIT
/**
 * How many bytes a second a listening device sends, three ways: the raw
 * sound, features computed from it, or only short messages with its decisions.
 *
 * audioBytesPerSecond: samples a second × bytes per sample × channels.
 * featureBytesPerSecond: one slice of features every `sliceEveryMs`
 *   milliseconds, each slice `featuresPerSlice` numbers of `bytesPerFeature`.
 * messageBytesPerSecond: `messagesPerDay` messages of `bytesPerMessage`,
 *   spread over the 86,400 seconds of a day.
 *
 * Every argument is a number of 0 or more, and sliceEveryMs is more than 0:
 * anything else throws an Error that names the argument.
 */

// TensorFlow Lite Micro's keyword-spotting example, "micro_speech": the
// microphone gives 16,000 samples a second, 2 bytes (16 bits) each, one
// channel; every 20 ms it computes a slice of 40 features of 1 byte each.
export const SAMPLES_PER_SECOND = 16_000;
export const BYTES_PER_SAMPLE = 2;
export const SLICE_EVERY_MS = 20;
export const FEATURES_PER_SLICE = 40;

const SECONDS_PER_DAY = 24 * 60 * 60;

export function audioBytesPerSecond(
  samplesPerSecond: number,
  bytesPerSample: number,
  channels: number,
): number {
  check({ samplesPerSecond, bytesPerSample, channels });
  return samplesPerSecond * bytesPerSample * channels;
}

export function featureBytesPerSecond(
  sliceEveryMs: number,
  featuresPerSlice: number,
  bytesPerFeature: number,
): number {
  check({ featuresPerSlice, bytesPerFeature });
  if (!(sliceEveryMs > 0) || !Number.isFinite(sliceEveryMs)) {
    throw new Error(`sliceEveryMs must be more than 0, got ${sliceEveryMs}`);
  }
  const slicesPerSecond = 1000 / sliceEveryMs;
  return slicesPerSecond * featuresPerSlice * bytesPerFeature;
}

export function messageBytesPerSecond(
  messagesPerDay: number,
  bytesPerMessage: number,
): number {
  check({ messagesPerDay, bytesPerMessage });
  return (messagesPerDay * bytesPerMessage) / SECONDS_PER_DAY;
}

/** Throw for any argument that is not a finite number of 0 or more. */
function check(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new Error(`${name} must be a number of 0 or more, got ${value}`);
    }
  }
}

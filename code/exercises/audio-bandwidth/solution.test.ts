// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  audioBytesPerSecond,
  BYTES_PER_SAMPLE,
  FEATURES_PER_SLICE,
  featureBytesPerSecond,
  messageBytesPerSecond,
  SAMPLES_PER_SECOND,
  SLICE_EVERY_MS,
} from './solution';

const DAY = 86_400;
// the micro_speech example's figures, one byte per feature
const audio = () =>
  audioBytesPerSecond(SAMPLES_PER_SECOND, BYTES_PER_SAMPLE, 1);
const features = () =>
  featureBytesPerSecond(SLICE_EVERY_MS, FEATURES_PER_SLICE, 1);

describe('audioBytesPerSecond', () => {
  it('multiplies samples, bytes and channels (checked by hand)', () => {
    expect(audioBytesPerSecond(16_000, 2, 1)).toBe(32_000);
    expect(audioBytesPerSecond(8_000, 1, 1)).toBe(8_000);
    // a music CD: 44,100 samples a second, 2 bytes, 2 channels
    expect(audioBytesPerSecond(44_100, 2, 2)).toBe(176_400);
    expect(audioBytesPerSecond(16_000, 2, 0)).toBe(0);
  });
  it('a day of the example microphone is 2,764,800,000 bytes (2.8 GB)', () => {
    expect(audio() * DAY).toBe(2_764_800_000);
  });
  it('throws for a negative argument', () => {
    expect(() => audioBytesPerSecond(-16_000, 2, 1)).toThrow(
      'samplesPerSecond',
    );
    expect(() => audioBytesPerSecond(16_000, 2, -1)).toThrow('channels');
  });
});

describe('featureBytesPerSecond', () => {
  it('counts the slices in a second (checked by hand)', () => {
    // 50 slices a second of 40 one-byte features
    expect(featureBytesPerSecond(20, 40, 1)).toBe(2_000);
    // 100 slices of 13 numbers of 4 bytes
    expect(featureBytesPerSecond(10, 13, 4)).toBe(5_200);
    expect(featureBytesPerSecond(1000, 1, 1)).toBe(1);
    expect(featureBytesPerSecond(250, 10, 2)).toBe(80);
  });
  it('the example sends 16 times fewer bytes as features than as sound', () => {
    expect(features()).toBe(2_000);
    expect(audio() / features()).toBe(16);
  });
  it('throws for a slice every 0 ms or less, instead of Infinity', () => {
    expect(() => featureBytesPerSecond(0, 40, 1)).toThrow('sliceEveryMs');
    expect(() => featureBytesPerSecond(-20, 40, 1)).toThrow('sliceEveryMs');
  });
});

describe('messageBytesPerSecond', () => {
  it('spreads a day of messages over 86,400 seconds (checked by hand)', () => {
    expect(messageBytesPerSecond(86_400, 1)).toBe(1);
    expect(messageBytesPerSecond(8_640, 50)).toBeCloseTo(5, 10);
    // 20 messages of 60 bytes: 1,200 bytes a day
    expect(messageBytesPerSecond(20, 60) * DAY).toBeCloseTo(1_200, 6);
    expect(messageBytesPerSecond(0, 60)).toBe(0);
  });
  it('20 messages of 60 bytes a day: 144,000 times fewer than features', () => {
    expect(features() / messageBytesPerSecond(20, 60)).toBeCloseTo(144_000, 3);
  });
  it('throws for a negative argument', () => {
    expect(() => messageBytesPerSecond(-1, 60)).toThrow('messagesPerDay');
    expect(() => messageBytesPerSecond(20, -60)).toThrow('bytesPerMessage');
  });
});

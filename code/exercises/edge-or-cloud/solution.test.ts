// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  CLIP_BYTES,
  cloudMs,
  DEVICE_MS,
  LORA_BITS_PER_SECOND,
  roundTripMs,
  sendMs,
} from './solution';

describe('sendMs', () => {
  it('turns bytes into bits and divides by the speed (checked by hand)', () => {
    // 1,000 bytes are 8,000 bits: one second at 8,000 bits a second
    expect(sendMs(1_000, 8_000)).toBe(1_000);
    expect(sendMs(125_000, 1_000_000)).toBe(1_000);
    expect(sendMs(32_000, 1_000_000)).toBe(256);
    expect(sendMs(0, 5_470)).toBe(0);
  });
  it('one second of sound takes about 46.8 s over LoRaWAN', () => {
    expect(sendMs(CLIP_BYTES, LORA_BITS_PER_SECOND)).toBeCloseTo(46_800.7, 1);
  });
  it('throws for a speed of 0 instead of returning Infinity', () => {
    expect(() => sendMs(32_000, 0)).toThrow('bitsPerSecond');
    expect(() => sendMs(-1, 5_470)).toThrow('bytes');
  });
});

describe('roundTripMs', () => {
  it('goes there and back at 200 km a millisecond (checked by hand)', () => {
    expect(roundTripMs(1_000)).toBe(10);
    expect(roundTripMs(100)).toBe(1);
    expect(roundTripMs(0)).toBe(0);
  });
  it('throws for a negative distance', () => {
    expect(() => roundTripMs(-5)).toThrow('distanceKm');
  });
});

describe('cloudMs', () => {
  it('adds sending, the round trip and the server (checked by hand)', () => {
    // 256 ms to send, 10 ms there and back, 5 ms to decide
    expect(cloudMs(32_000, 1_000_000, 1_000, 5)).toBe(271);
    expect(cloudMs(0, 1_000, 0, 0)).toBe(0);
    expect(cloudMs(1_000, 8_000, 500, 20)).toBe(1_025);
  });
  it('at 1 megabit a second, sending alone takes 7 times the device', () => {
    const ratio = sendMs(CLIP_BYTES, 1_000_000) / DEVICE_MS;
    expect(ratio).toBeCloseTo(6.9, 1);
  });
  it('even at 1 megabit a second the cloud is slower than the device', () => {
    expect(cloudMs(CLIP_BYTES, 1_000_000, 1_000, 5)).toBeGreaterThan(DEVICE_MS);
  });
  it('throws for a negative server time', () => {
    expect(() => cloudMs(32_000, 1_000_000, 1_000, -5)).toThrow('serverMs');
  });
});

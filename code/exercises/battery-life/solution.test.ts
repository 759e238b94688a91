// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  pi4BusyWatts,
  pi4IdleWatts,
  batteryJoules,
  batteryLifeHours,
  energyJoules,
} from './solution';

// A power bank labelled 10,000 mAh, its cells at 3.7 V: 37 Wh.
const bank = 10_000;
const cellVolts = 3.7;

describe('energy and battery life', () => {
  it('energy is power times time', () => {
    expect(energyJoules(5, 2)).toBeCloseTo(10, 10);
    // one watt for an hour: a watt-hour is 3,600 J
    expect(energyJoules(1, 3600)).toBeCloseTo(3600, 10);
  });

  it('reads a battery label in joules (checked by hand)', () => {
    // 10 A·h · 3.7 V = 37 Wh = 37 · 3,600 J
    expect(batteryJoules(bank, cellVolts)).toBeCloseTo(133_200, 6);
    expect(batteryJoules(1000, 5)).toBeCloseTo(18_000, 6);
  });

  it('a Pi 4 that only idles runs 23.1 hours on the bank', () => {
    const hours = batteryLifeHours(batteryJoules(bank, cellVolts), {
      busyWatts: pi4BusyWatts,
      idleWatts: pi4IdleWatts,
      secondsPerPrediction: 0.1,
      predictionsPerMinute: 0,
    });
    // 133,200 J / 1.6 W = 83,250 s
    expect(hours).toBeCloseTo(23.125, 6);
  });

  it('a Pi 4 busy all the time runs 7.4 hours', () => {
    const hours = batteryLifeHours(batteryJoules(bank, cellVolts), {
      busyWatts: pi4BusyWatts,
      idleWatts: pi4IdleWatts,
      secondsPerPrediction: 0.5,
      predictionsPerMinute: 120,
    });
    // 133,200 J / 5 W = 26,640 s
    expect(hours).toBeCloseTo(7.4, 6);
  });

  it('one 0.1 s prediction a second: 19.1 hours', () => {
    const hours = batteryLifeHours(batteryJoules(bank, cellVolts), {
      busyWatts: pi4BusyWatts,
      idleWatts: pi4IdleWatts,
      secondsPerPrediction: 0.1,
      predictionsPerMinute: 60,
    });
    // each minute: 6 s at 5 W + 54 s at 1.6 W = 116.4 J
    expect(hours).toBeCloseTo(133_200 / 116.4 / 60, 6);
    expect(hours.toFixed(1)).toBe('19.1');
  });

  it('keeps the measured Pi 4 figures', () => {
    expect(pi4IdleWatts).toBe(1.6);
    expect(pi4BusyWatts).toBe(5.0);
  });

  it('says what is wrong when the work does not fit in a minute', () => {
    const tooMuch = {
      busyWatts: 5,
      idleWatts: 1.6,
      secondsPerPrediction: 2,
      predictionsPerMinute: 31,
    };
    expect(() => batteryLifeHours(18_000, tooMuch)).toThrow('60 seconds');
  });
});

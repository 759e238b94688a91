// SPDX-License-Identifier: MIT
/**
 * A Raspberry Pi 4 Model B's power, measured at the wall socket by Jeff
 * Geerling in 2023: 1.6 W idle, 5.0 W with every core busy (stress-ng).
 * https://github.com/geerlingguy/sbc-reviews/issues/4
 */
export const pi4IdleWatts = 1.6;
export const pi4BusyWatts = 5.0;

/** Energy in joules used at `watts` for `seconds`: E = P · t. */
export function energyJoules(watts: number, seconds: number): number {
  // Your code here.
  return 0;
}

/**
 * The energy a battery holds, in joules, from its label: `milliampHours`
 * at `volts`. 1 mAh is 0.001 A for 3,600 s, so
 *   joules = milliampHours / 1000 · volts · 3600.
 */
export function batteryJoules(milliampHours: number, volts: number): number {
  // Your code here.
  return 0;
}

export type Workload = {
  /** Power while predicting, in watts. */
  busyWatts: number;
  /** Power the rest of the time, in watts. */
  idleWatts: number;
  /** How long one prediction takes on this device, in seconds. */
  secondsPerPrediction: number;
  /** How many predictions the device makes each minute. */
  predictionsPerMinute: number;
};

/**
 * How many hours a battery holding `battery` joules lasts. Each minute the
 * device is busy for predictionsPerMinute · secondsPerPrediction seconds
 * (at busyWatts) and idle for the rest of the 60 seconds (at idleWatts).
 * Throw an Error if the predictions need more than 60 seconds a minute.
 */
export function batteryLifeHours(battery: number, work: Workload): number {
  // Your code here: the joules one minute uses, then how many minutes
  // the battery lasts, in hours.
  return 0;
}

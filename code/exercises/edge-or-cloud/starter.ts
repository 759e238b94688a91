// SPDX-License-Identifier: MIT
/**
 * How long until a device knows what it heard: deciding on the device itself,
 * or sending the sound to a data centre and waiting for the answer.
 *
 * sendMs(bytes, bitsPerSecond): the time to push `bytes` through a link that
 *   carries `bitsPerSecond` (8 bits to a byte), in milliseconds.
 * roundTripMs(distanceKm): the time for a signal to reach a data centre
 *   `distanceKm` away through optical fibre and come back, in milliseconds.
 * cloudMs(bytes, bitsPerSecond, distanceKm, serverMs): send the bytes, plus
 *   the round trip, plus `serverMs` for the data centre to decide.
 *
 * Arguments are numbers of 0 or more, and bitsPerSecond is more than 0:
 * anything else throws an Error that names the argument.
 */

// One second of sound: 16,000 samples of 2 bytes (TensorFlow Lite Micro's
// micro_speech example).
export const CLIP_BYTES = 32_000;
// Deciding on the device: a keyword classifier on a 216 MHz Cortex-M7
// microcontroller gave an answer every 37 ms, features included (Wang and
// Li, 2022).
export const DEVICE_MS = 37;
// LoRaWAN, a long-range radio for sensors: 5,470 bits a second at its
// fastest 125 kHz setting in Europe (LoRa Alliance, data rate DR5).
export const LORA_BITS_PER_SECOND = 5_470;
// Light in optical fibre covers about 200 km each millisecond, two thirds
// of its speed in a vacuum (SLAC's notes on network round trips).
export const FIBRE_KM_PER_MS = 200;

export function sendMs(bytes: number, bitsPerSecond: number): number {
  // Your code here.
  return 0;
}

export function roundTripMs(distanceKm: number): number {
  // Your code here: there and back again.
  return distanceKm / FIBRE_KM_PER_MS;
}

export function cloudMs(
  bytes: number,
  bitsPerSecond: number,
  distanceKm: number,
  serverMs: number,
): number {
  // Your code here: use the two functions above.
  return serverMs;
}

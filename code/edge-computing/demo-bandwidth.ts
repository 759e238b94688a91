// SPDX-License-Identifier: MIT
// Lesson driver: how much data a camera makes, against sending only what it
// decided.

// Step 1: the camera. Every pixel is 3 bytes (red, green, blue) before any
// compression.
const width = 640;
const height = 480;
const framesPerSecond = 30;
const bytesPerFrame = width * height * 3;
const bytesPerSecond = bytesPerFrame * framesPerSecond;

// Step 2: the decision. One short message each time something happens.
const message = JSON.stringify({
  device: 'door-1',
  event: 'parcel',
  time: '2026-11-25T14:02:00Z',
});
const messagesPerDay = 20;

// Step 3: a day of each, in bytes.
const secondsPerDay = 24 * 60 * 60;
const rawPerDay = bytesPerSecond * secondsPerDay;
// if compression brought the video down to 1 megabit a second
const compressedPerDay = (1_000_000 / 8) * secondsPerDay;
const resultsPerDay = message.length * messagesPerDay;

/**
 * Bytes in the largest unit that keeps the number at 1 or more: 1.3 kB, 27.6
 * MB, 2.4 TB.
 */
function size(bytes: number): string {
  const units: [string, number][] = [
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ];
  for (const [unit, scale] of units)
    if (bytes >= scale) return `${(bytes / scale).toFixed(1)} ${unit}`;
  return `${bytes} bytes`;
}
const times = (a: number, b: number) => Math.round(a / b).toLocaleString('en');

console.log(
  `one frame: ${size(bytesPerFrame)}; one second of video: ` +
    `${size(bytesPerSecond)}`,
);
console.log(`one message: ${message.length} bytes: ${message}`);
console.log(`a day of raw video: ${size(rawPerDay)}`);
console.log(`a day of video at 1 megabit a second: ${size(compressedPerDay)}`);
console.log(`a day of ${messagesPerDay} messages: ${size(resultsPerDay)}`);
console.log(
  `Raw video is ${times(rawPerDay, resultsPerDay)} times as much data as the ` +
    `messages; compressed video ${times(compressedPerDay, resultsPerDay)} ` +
    `times.`,
);

// SPDX-License-Identifier: MIT
// Lesson driver: the features of one drawn zigzag. Resample it to 32 evenly
// spaced points, centre and scale them, and check that moving or enlarging
// the drawing leaves the features unchanged.
import { plot } from '../shared/plot';
import {
  centroid,
  pathLength,
  resample,
  strokeFeatures,
  type Point,
} from './features';

// Step 1: a zigzag as a mouse recorded it (pixels, y grows downwards). The
// points are unevenly spaced: the hand slowed down at each corner.
const stroke: Point[] = [
  { x: 40, y: 120 },
  { x: 52, y: 96 },
  { x: 70, y: 60 },
  { x: 74, y: 52 },
  { x: 78, y: 58 },
  { x: 92, y: 90 },
  { x: 110, y: 130 },
  { x: 114, y: 138 },
  { x: 118, y: 130 },
  { x: 140, y: 84 },
  { x: 150, y: 62 },
  { x: 154, y: 56 },
  { x: 158, y: 64 },
  { x: 180, y: 112 },
  { x: 186, y: 124 },
];
const length = pathLength(stroke);
console.log(`${stroke.length} points, path length ${length.toFixed(1)} px`);

// Step 2: 32 points evenly spaced along the path.
const even = resample(stroke, 32);
const gaps = even
  .slice(1)
  .map((p, i) => Math.hypot(p.x - even[i].x, p.y - even[i].y));
console.log(`resampled: ${even.length} points`);
console.log(`spacing along the path ${(length / 31).toFixed(2)} px`);
// Straight-line gaps: equal to the spacing, shorter across a corner.
const longest = Math.max(...gaps).toFixed(2);
const shortest = Math.min(...gaps).toFixed(2);
console.log(`straight-line gaps ${shortest} to ${longest} px`);
const c = centroid(even);
console.log(`centroid (${c.x.toFixed(1)}, ${c.y.toFixed(1)})`);

// Step 3: centred on the centroid and scaled: 64 numbers between -1 and 1.
const features = strokeFeatures(stroke);
console.log(`${features.length} features; the first point:`);
console.log(`x0 = ${features[0].toFixed(3)}, y0 = ${features[1].toFixed(3)}`);

// Step 4: the same zigzag drawn 100 px further right and twice as big.
const moved = stroke.map((p) => ({ x: 2 * p.x + 100, y: 2 * p.y }));
const other = strokeFeatures(moved);
const change = Math.max(...other.map((v, i) => Math.abs(v - features[i])));
console.log(`moved and enlarged: largest change ${change.toFixed(6)}`);

plot({
  title: 'The zigzag as features (y down, as drawn)',
  xLabel: 'x',
  yLabel: '-y',
  series: [
    {
      name: 'resampled, centred, scaled',
      kind: 'scatter',
      x: features.filter((_, i) => i % 2 === 0),
      y: features.filter((_, i) => i % 2 === 1).map((y) => -y),
    },
  ],
});

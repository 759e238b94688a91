// SPDX-License-Identifier: MIT
/**
 * Turning a drawn gesture into features a model can compare.
 *
 * A stroke is the list of points the pen (or finger, or mouse) passed
 * through. Two drawings of the same circle differ in where they were drawn,
 * how big, and how fast (a fast stroke leaves fewer, more widely spaced
 * points). Three steps remove those differences:
 *
 * 1. resample: the same number of points, evenly spaced along the path
 *    (by arc length, the distance travelled along the stroke), so speed and
 *    the device's sampling rate no longer matter;
 * 2. centre: subtract the centroid (the mean point), so position no longer
 *    matters;
 * 3. scale: divide by the largest distance from the centroid, so size no
 *    longer matters; every point then lies within the unit circle and the
 *    shape keeps its proportions (a line stays a line).
 *
 * The features are the resampled points' coordinates, x0, y0, x1, y1, …:
 * 2 · `count` numbers. Direction and rotation are kept: a circle drawn
 * clockwise and one drawn anticlockwise give different features.
 */

/** One point of a stroke, in any unit (pixels, or m/s² for a sensor). */
export type Point = { x: number; y: number };

/** Points per resampled stroke: 32 points make 64 features. */
export const POINT_COUNT = 32;

/** Straight-line distance between two points. */
function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Check a stroke has at least two points, all of them finite numbers. */
function checkStroke(stroke: Point[]): void {
  if (!Array.isArray(stroke) || stroke.length < 2) {
    const n = Array.isArray(stroke) ? stroke.length : 0;
    throw new Error(
      `a stroke needs at least 2 points to have a shape, got ${n}: ` +
        'draw a line or a curve, not a dot',
    );
  }
  stroke.forEach((p, i) => {
    if (!Number.isFinite(p?.x) || !Number.isFinite(p?.y)) {
      throw new Error(
        `stroke[${i}] must have finite x and y, got ` +
          `(${String(p?.x)}, ${String(p?.y)})`,
      );
    }
  });
}

/** The length of the path through the points, segment by segment. */
export function pathLength(stroke: Point[]): number {
  let length = 0;
  for (let i = 1; i < stroke.length; i++) {
    length += distance(stroke[i - 1], stroke[i]);
  }
  return length;
}

/**
 * `count` points evenly spaced along the stroke, from its first point to
 * its last: consecutive points are pathLength / (count − 1) apart along
 * the path. A point that falls inside a segment is placed on it by linear
 * interpolation.
 */
export function resample(stroke: Point[], count = POINT_COUNT): Point[] {
  checkStroke(stroke);
  if (!Number.isInteger(count) || count < 2) {
    throw new Error(`count must be a whole number ≥ 2, got ${count}`);
  }
  const total = pathLength(stroke);
  if (total === 0) {
    throw new Error(
      'the stroke has zero length (every point is in the same place): ' +
        'move while you draw',
    );
  }
  const spacing = total / (count - 1);
  const points: Point[] = [{ ...stroke[0] }];
  let segment = 1; // the segment from stroke[segment − 1] to stroke[segment]
  let before = 0; // path length up to the start of that segment
  for (let k = 1; k < count - 1; k++) {
    const target = k * spacing; // how far along the path point k lies
    let length = distance(stroke[segment - 1], stroke[segment]);
    while (before + length < target && segment < stroke.length - 1) {
      before += length;
      segment++;
      length = distance(stroke[segment - 1], stroke[segment]);
    }
    const a = stroke[segment - 1];
    const b = stroke[segment];
    const t = length === 0 ? 0 : Math.min(1, (target - before) / length);
    points.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
  }
  points.push({ ...stroke[stroke.length - 1] });
  return points;
}

/** The mean of the points. */
export function centroid(points: Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/**
 * The points moved so their centroid is (0, 0), then scaled by one factor
 * so the farthest lies at distance 1 from it.
 */
export function normalise(points: Point[]): Point[] {
  const c = centroid(points);
  const centred = points.map((p) => ({ x: p.x - c.x, y: p.y - c.y }));
  const radius = Math.max(...centred.map((p) => Math.hypot(p.x, p.y)));
  if (!(radius > 0)) {
    throw new Error('every point is at the centroid: the shape has no size');
  }
  return centred.map((p) => ({ x: p.x / radius, y: p.y / radius }));
}

/**
 * The features of one stroke: resampled to `count` points, centred and
 * scaled, flattened to [x0, y0, x1, y1, …] (2 · count numbers).
 */
export function strokeFeatures(stroke: Point[], count = POINT_COUNT): number[] {
  return normalise(resample(stroke, count)).flatMap((p) => [p.x, p.y]);
}

/** The points back from a feature vector [x0, y0, x1, y1, …]. */
export function featurePoints(features: number[]): Point[] {
  if (features.length % 2 !== 0) {
    throw new Error(
      `features must hold x, y pairs (an even count), got ${features.length}`,
    );
  }
  const points: Point[] = [];
  for (let i = 0; i < features.length; i += 2) {
    points.push({ x: features[i], y: features[i + 1] });
  }
  return points;
}

/** The feature names, in order: x0, y0, x1, y1, … (a CSV header). */
export function featureNames(count = POINT_COUNT): string[] {
  return Array.from({ length: count }, (_, i) => [`x${i}`, `y${i}`]).flat();
}

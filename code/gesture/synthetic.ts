// SPDX-License-Identifier: MIT
/**
 * Made-up gestures, drawn the way a hand draws them: somewhere on the
 * canvas, at some size, a little tilted, at an uneven speed, and wobbly.
 * The tests and the capstone's examples use them in place of a person.
 */
import { randomNormal, type Rng } from '../shared/random';
import type { Point } from './features';

/** The shapes this file can draw. */
export type Shape = 'circle' | 'zigzag' | 'line';
export const SHAPES: Shape[] = ['circle', 'zigzag', 'line'];

export type DrawOptions = {
  /** Points in the stroke (a fast stroke has few). Default 40. */
  points?: number;
  /** Standard deviation of the wobble, as a fraction of the size. 0.03. */
  noise?: number;
};

/**
 * The shape as a path for t from 0 to 1, about 1 unit across, centred
 * near (0, 0): a circle drawn anticlockwise from the right (y grows
 * downwards, as on a screen), a zigzag of four strokes left to right, a
 * horizontal line left to right.
 */
function template(shape: Shape, t: number): Point {
  if (shape === 'circle') {
    const angle = -2 * Math.PI * t;
    return { x: 0.5 * Math.cos(angle), y: 0.5 * Math.sin(angle) };
  }
  if (shape === 'zigzag') {
    const legs = 4;
    const leg = Math.min(legs - 1, Math.floor(t * legs));
    const within = t * legs - leg; // 0 … 1 along this leg
    const up = leg % 2 === 0;
    return {
      x: -0.5 + t,
      y: up ? 0.25 - 0.5 * within : -0.25 + 0.5 * within,
    };
  }
  return { x: -0.5 + t, y: 0 };
}

/**
 * One stroke of `shape` in pixel-like coordinates: centre anywhere in
 * 100 … 300, size 80 … 200, tilted up to ±10°, uneven spacing, wobble.
 */
export function drawShape(
  shape: Shape,
  rng: Rng,
  options: DrawOptions = {},
): Point[] {
  const { points = 40, noise = 0.03 } = options;
  if (!SHAPES.includes(shape)) {
    throw new Error(`shape must be one of ${SHAPES.join(', ')}, got ${shape}`);
  }
  const size = 80 + 120 * rng();
  const centre = { x: 100 + 200 * rng(), y: 100 + 200 * rng() };
  const tilt = ((rng() - 0.5) * 20 * Math.PI) / 180;
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  // Uneven speed: t advances by random steps, so the points bunch up.
  const steps = Array.from({ length: points - 1 }, () => 0.3 + rng());
  const total = steps.reduce((a, b) => a + b, 0);
  let t = 0;
  const stroke: Point[] = [];
  for (let i = 0; i < points; i++) {
    const p = template(shape, Math.min(1, t));
    const x = p.x + noise * randomNormal(rng);
    const y = p.y + noise * randomNormal(rng);
    stroke.push({
      x: centre.x + size * (cos * x - sin * y),
      y: centre.y + size * (sin * x + cos * y),
    });
    if (i < points - 1) t += steps[i] / total;
  }
  return stroke;
}

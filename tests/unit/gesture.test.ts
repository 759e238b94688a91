// SPDX-License-Identifier: MIT
/**
 * The capstone's gesture code (code/gesture/): features by hand first, then their invariances,
 * degenerate strokes, the stratified split, the CSV round trip and its error messages, and the
 * two classifiers on made-up gestures.
 */
import { describe, expect, it } from 'vitest';
import {
  centroid,
  featureNames,
  featurePoints,
  normalise,
  pathLength,
  POINT_COUNT,
  resample,
  strokeFeatures,
  type Point,
} from '../../code/gesture/features';
import { CSV_HEADER, checkEnough, fromCsv, stratifiedSplit, toCsv } from '../../code/gesture/examples';
import { evaluateModel, predictLabel, timePerCall, trainKnn, trainNetwork } from '../../code/gesture/models';
import { drawShape, SHAPES } from '../../code/gesture/synthetic';
import { createRng } from '../../code/shared/random';
import type { Example } from '../../code/knn/knn';

const gaps = (points: Point[]) => points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
const maxDifference = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('resample (by hand)', () => {
  it('puts points evenly along a straight stroke, whatever the input spacing', () => {
    // 0 → 1 → 10 along x: path length 10, 6 points are 2 apart.
    const points = resample(
      [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 10, y: 0 },
      ],
      6,
    );
    expect(points.map((p) => p.x)).toEqual([0, 2, 4, 6, 8, 10].map((x) => expect.closeTo(x, 12) as unknown as number));
    for (const p of points) expect(p.y).toBe(0);
  });

  it('follows corners: an L of legs 3 and 1 in 5 points, each 1 apart along the path', () => {
    const points = resample(
      [
        { x: 0, y: 0 },
        { x: 3, y: 0 },
        { x: 3, y: 1 },
      ],
      5,
    );
    const expected = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [3, 1],
    ];
    points.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i][0], 12);
      expect(p.y).toBeCloseTo(expected[i][1], 12);
    });
  });

  it('gives equal spacing along the path on a wobbly made-up stroke (straight gaps ≤ the spacing)', () => {
    const stroke = drawShape('zigzag', createRng(7), { points: 23 });
    const even = resample(stroke, POINT_COUNT);
    expect(even).toHaveLength(POINT_COUNT);
    expect(even[0]).toEqual(stroke[0]);
    expect(even[POINT_COUNT - 1]).toEqual(stroke[stroke.length - 1]);
    // The resampled path is the original path cut at equal arc lengths, so each straight gap is at
    // most the spacing, and their sum is close to the path length (corners cut a little).
    const spacing = pathLength(stroke) / (POINT_COUNT - 1);
    for (const g of gaps(even)) expect(g).toBeLessThanOrEqual(spacing + 1e-9);
    expect(pathLength(even)).toBeGreaterThan(0.9 * pathLength(stroke));
  });

  it('keeps zero-length segments (a pen that paused) from breaking the spacing', () => {
    const points = resample(
      [
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 0 },
      ],
      5,
    );
    expect(points.map((p) => p.x)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('normalise and strokeFeatures', () => {
  it('centres on the centroid and scales the farthest point to distance 1 (by hand)', () => {
    // A square of side 2 around (5, 5): centroid (5, 5), corners at distance √2.
    const out = normalise([
      { x: 4, y: 4 },
      { x: 6, y: 4 },
      { x: 6, y: 6 },
      { x: 4, y: 6 },
    ]);
    const r = 1 / Math.SQRT2;
    expect(out.map((p) => [p.x, p.y])).toEqual([
      [-r, -r],
      [r, -r],
      [r, r],
      [-r, r],
    ]);
    expect(centroid(out)).toEqual({ x: 0, y: 0 });
  });

  it('are the same after moving the stroke and after scaling it (translation and scale invariance)', () => {
    const stroke = drawShape('circle', createRng(3));
    const features = strokeFeatures(stroke);
    expect(features).toHaveLength(2 * POINT_COUNT);
    const moved = strokeFeatures(stroke.map((p) => ({ x: p.x + 250, y: p.y - 75 })));
    const bigger = strokeFeatures(stroke.map((p) => ({ x: 3.5 * p.x, y: 3.5 * p.y })));
    expect(maxDifference(features, moved)).toBeLessThan(1e-9);
    expect(maxDifference(features, bigger)).toBeLessThan(1e-9);
    // …but not after a rotation, and not when drawn the other way round.
    const turned = strokeFeatures(stroke.map((p) => ({ x: -p.y, y: p.x })));
    expect(maxDifference(features, turned)).toBeGreaterThan(0.5);
    expect(maxDifference(features, strokeFeatures([...stroke].reverse()))).toBeGreaterThan(0.5);
  });

  it('keep a line a line: scaling is the same in x and y', () => {
    const features = strokeFeatures([
      { x: 10, y: 20 },
      { x: 110, y: 20 },
    ]);
    const points = featurePoints(features);
    expect(points[0].x).toBeCloseTo(-1, 12);
    expect(points[POINT_COUNT - 1].x).toBeCloseTo(1, 12);
    for (const p of points) expect(p.y).toBe(0);
  });

  it('refuse degenerate strokes with a clear message', () => {
    expect(() => strokeFeatures([])).toThrow('a stroke needs at least 2 points to have a shape, got 0');
    expect(() => strokeFeatures([{ x: 1, y: 2 }])).toThrow('got 1: draw a line or a curve, not a dot');
    expect(() =>
      strokeFeatures([
        { x: 5, y: 5 },
        { x: 5, y: 5 },
        { x: 5, y: 5 },
      ]),
    ).toThrow('the stroke has zero length (every point is in the same place): move while you draw');
    expect(() =>
      strokeFeatures([
        { x: 0, y: 0 },
        { x: NaN, y: 1 },
      ]),
    ).toThrow('stroke[1] must have finite x and y, got (NaN, 1)');
    expect(() => resample(drawShape('line', createRng(1)), 1)).toThrow('count must be a whole number ≥ 2, got 1');
    expect(() => featurePoints([1, 2, 3])).toThrow('an even count');
  });

  it('name their columns x0, y0, …, x31, y31', () => {
    const names = featureNames();
    expect(names.slice(0, 4)).toEqual(['x0', 'y0', 'x1', 'y1']);
    expect(names.at(-1)).toBe('y31');
    expect(names).toHaveLength(64);
  });
});

/** `perGesture` made-up examples of each shape, features computed. */
function gestures(perGesture: number, seed = 1, noise = 0.05): Example[] {
  const rng = createRng(seed);
  return SHAPES.flatMap((shape) =>
    Array.from({ length: perGesture }, () => ({
      label: shape,
      features: strokeFeatures(drawShape(shape, rng, { noise, points: 15 + Math.floor(rng() * 50) })),
    })),
  );
}

describe('stratified split', () => {
  it('holds out one in four of every gesture, rounded down, and uses every example once', () => {
    const examples = [...gestures(8).filter((e) => e.label !== 'line'), ...gestures(5).filter((e) => e.label === 'line')];
    const { train, test } = stratifiedSplit(examples, SHAPES, createRng(4));
    const count = (list: typeof examples, label: string) => list.filter((e) => e.label === label).length;
    expect(SHAPES.map((s) => count(test, s))).toEqual([2, 2, 1]);
    expect(SHAPES.map((s) => count(train, s))).toEqual([6, 6, 4]);
    expect(new Set([...train, ...test]).size).toBe(examples.length);
  });

  it('asks for more examples, naming each gesture that has too few', () => {
    const examples = gestures(4).filter((e, i) => e.label !== 'zigzag' || i % 2 === 0);
    expect(() => checkEnough(examples, SHAPES)).toThrow('record at least 4 examples of every gesture: "zigzag" has 2');
    expect(() => checkEnough(examples, ['circle'])).toThrow('at least 2 gestures');
  });
});

describe('CSV', () => {
  it('round-trips examples (features to 5 decimals), labels with commas and quotes included', () => {
    const examples = gestures(2);
    examples[0].label = 'big "O", slowly';
    const text = toCsv(examples);
    expect(text.split('\n')[0]).toBe(CSV_HEADER.join(','));
    expect(CSV_HEADER).toHaveLength(65);
    const back = fromCsv(text);
    expect(back.map((e) => e.label)).toEqual(examples.map((e) => e.label));
    back.forEach((e, i) => expect(maxDifference(e.features, examples[i].features)).toBeLessThanOrEqual(5e-6));
  });

  it('names the line of a bad value, a missing field and a wrong header', () => {
    const lines = toCsv(gestures(1)).split('\n');
    const broken = [...lines];
    broken[2] = broken[2].replace(/,[^,]+$/, ',oops');
    expect(() => fromCsv(broken.join('\n'))).toThrow('CSV line 3, column 65 ("y31"): expected a number, got "oops"');
    const short = [...lines];
    short[3] = short[3].replace(/,[^,]+$/, '');
    expect(() => fromCsv(short.join('\n'))).toThrow('CSV line 4: expected 65 fields (like the header), got 64');
    const header = [lines[0].replace('x3,', 'x 3,'), ...lines.slice(1)];
    expect(() => fromCsv(header.join('\n'))).toThrow('CSV line 1: expected the columns label, x0, y0, …, x31, y31 (65 in all)');
    expect(() => fromCsv(header.join('\n'))).toThrow('with "x 3" where "x3" should be');
    expect(() => fromCsv('label,x0,y0\ncircle,1,2\n')).toThrow('got 3 columns');
  });
});

describe('the two classifiers on made-up gestures', () => {
  it('kNN and the network both tell circle, zigzag and line apart on held-out examples', () => {
    const examples = gestures(12, 5, 0.06);
    const { train, test } = stratifiedSplit(examples, SHAPES, createRng(6));
    expect(test).toHaveLength(9);
    const knn = trainKnn(train);
    const network = trainNetwork(train, SHAPES, createRng(7));
    for (const model of [knn, network]) {
      const result = evaluateModel(model, test, SHAPES);
      expect(result.accuracy).toBe(1);
      // Rows are the actual gesture: all 3 held-out examples of each on the diagonal.
      expect(result.matrix).toEqual([
        [3, 0, 0],
        [0, 3, 0],
        [0, 0, 3],
      ]);
    }
    expect(network.losses.at(-1)!).toBeLessThan(network.losses[0] / 10);
    // A fresh zigzag, drawn by the same made-up hand.
    const fresh = strokeFeatures(drawShape('zigzag', createRng(99)));
    expect(predictLabel(knn, fresh)).toBe('zigzag');
    expect(predictLabel(network, fresh)).toBe('zigzag');
  });

  it('the network refuses an example whose label is not a gesture', () => {
    expect(() => trainNetwork([{ label: 'star', features: [0, 0] }], SHAPES, createRng(1))).toThrow(
      'example labelled "star" is not one of the gestures circle, zigzag, line',
    );
  });

  it('k is at most the number of training examples', () => {
    expect(trainKnn(gestures(1), 3).k).toBe(3);
    expect(trainKnn(gestures(1).slice(0, 2), 3).k).toBe(2);
  });

  it('timePerCall repeats a call until the clock has moved enough, and returns the mean', () => {
    let clock = 0;
    const now = () => clock;
    const { ms, runs } = timePerCall(() => (clock += 0.25), now, 10);
    expect(runs).toBe(40);
    expect(ms).toBeCloseTo(0.25, 12);
  });
});

// SPDX-License-Identifier: MIT
/**
 * kNN for large data, with the same answers as knn.ts. Three ideas that
 * libraries use:
 *
 * 1. Typed arrays: all features in one Float64Array (row after row), labels as
 * small integers.
 *    No object per point, no garbage, memory read in order.
 * 2. Keep only the k best: instead of sorting all n distances (n log n per
 * query), keep a
 *    buffer of the k nearest seen so far (n · k per query, and k is small).
 * 3. A k-d tree: split space in halves, again and again, so that a query can
 * skip whole
 *    regions that cannot hold a nearer neighbour. Building it costs n log n
 * once; each query
 *    then looks at a few dozen points instead of all n (in low dimensions).
 *
 * Ties behave as in knn.ts: among equal distances the earlier training example
 * counts as nearer, and a vote tie goes to the tied label whose nearest member
 * is closest.
 */
import { checkTraining, type Example } from './knn';

/** Features packed row by row: point i is data[i*d … i*d+d-1]. */
export type PackedData = {
  data: Float64Array;
  labels: Int32Array;
  names: string[];
  n: number;
  d: number;
};

export function pack(training: Example[]): PackedData {
  const n = training.length;
  const d = training[0].features.length;
  const data = new Float64Array(n * d);
  const labels = new Int32Array(n);
  const codes = new Map<string, number>();
  training.forEach((example, i) => {
    data.set(example.features, i * d);
    if (!codes.has(example.label)) codes.set(example.label, codes.size);
    labels[i] = codes.get(example.label)!;
  });
  return { data, labels, names: [...codes.keys()], n, d };
}

/**
 * The k nearest seen so far, kept sorted nearest first. A new candidate goes in
 * only if it is nearer than the current worst (or as near, with a smaller
 * index).
 */
class KBest {
  readonly dist: Float64Array;
  readonly index: Int32Array;
  size = 0;
  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.index = new Int32Array(k);
  }
  reset(): void {
    this.size = 0;
  }
  /**
   * The distance a candidate must beat to enter (Infinity until the buffer is
   * full).
   */
  worst(): number {
    return this.size < this.k ? Infinity : this.dist[this.k - 1];
  }
  offer(distance: number, index: number): void {
    if (this.size === this.k) {
      const w = this.dist[this.k - 1];
      if (distance > w || (distance === w && index > this.index[this.k - 1]))
        return;
    }
    // Insertion step: shift farther entries one place to make room.
    let i = this.size < this.k ? this.size++ : this.k - 1;
    while (
      i > 0 &&
      (this.dist[i - 1] > distance ||
        (this.dist[i - 1] === distance && this.index[i - 1] > index))
    ) {
      this.dist[i] = this.dist[i - 1];
      this.index[i] = this.index[i - 1];
      i--;
    }
    this.dist[i] = distance;
    this.index[i] = index;
  }
}

/**
 * Majority vote over the buffer; a tie goes to the label met first (nearest).
 */
function voteCodes(
  best: KBest,
  labels: Int32Array,
  counts: Int32Array,
): number {
  counts.fill(0);
  let winner = labels[best.index[0]];
  for (let i = 0; i < best.size; i++) counts[labels[best.index[i]]]++;
  for (let i = 0; i < best.size; i++) {
    const label = labels[best.index[i]];
    if (counts[label] > counts[winner]) winner = label;
  }
  return winner;
}

function squaredDistance(
  data: Float64Array,
  offset: number,
  query: Float64Array,
  d: number,
): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = data[offset + j] - query[j];
    sum += diff * diff;
  }
  return sum;
}

/**
 * Brute force with a k-best buffer: every training point is checked, nothing is
 * sorted.
 */
export function classifyAllKBest(
  training: Example[],
  queries: number[][],
  k: number,
): string[] {
  checkTraining(training, k);
  const { data, labels, names, n, d } = pack(training);
  const best = new KBest(k);
  const counts = new Int32Array(names.length);
  const query = new Float64Array(d);
  return queries.map((q, qi) => {
    checkQuery(q, qi, d);
    query.set(q);
    best.reset();
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(data, i * d, query, d);
      if (dist <= best.worst()) best.offer(dist, i);
    }
    return names[voteCodes(best, labels, counts)];
  });
}

const LEAF_SIZE = 12;

/**
 * A k-d tree over packed points. Each inner node splits its points at the
 * median of one coordinate (the one with the widest spread); leaves hold up to
 * LEAF_SIZE points. Stored in flat arrays: `order` lists point indices so that
 * every node owns a contiguous range.
 */
export class KdTree {
  readonly order: Int32Array;
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  private readonly dim: number[] = [];
  private readonly split: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];

  constructor(readonly points: PackedData) {
    this.order = new Int32Array(points.n);
    for (let i = 0; i < points.n; i++) this.order[i] = i;
    this.build(0, points.n);
  }

  private coord(i: number, j: number): number {
    return this.points.data[i * this.points.d + j];
  }

  private build(lo: number, hi: number): number {
    const node = this.lo.length;
    this.lo.push(lo);
    this.hi.push(hi);
    this.dim.push(-1);
    this.split.push(0);
    this.left.push(-1);
    this.right.push(-1);
    if (hi - lo <= LEAF_SIZE) return node;
    // Split on the coordinate with the widest spread, at the median.
    let bestDim = 0;
    let bestSpread = -1;
    for (let j = 0; j < this.points.d; j++) {
      let min = Infinity;
      let max = -Infinity;
      for (let t = lo; t < hi; t++) {
        const v = this.coord(this.order[t], j);
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        bestDim = j;
      }
    }
    // all points identical: keep them in one leaf
    if (bestSpread === 0) return node;
    const mid = (lo + hi) >> 1;
    this.select(lo, hi - 1, mid, bestDim);
    this.dim[node] = bestDim;
    this.split[node] = this.coord(this.order[mid], bestDim);
    const l = this.build(lo, mid);
    const r = this.build(mid, hi);
    this.left[node] = l;
    this.right[node] = r;
    return node;
  }

  /**
   * Quickselect: reorder order[lo..hi] so that position `nth` holds the median
   * by coordinate j.
   */
  private select(lo: number, hi: number, nth: number, j: number): void {
    const order = this.order;
    while (hi > lo) {
      const pivot = this.coord(order[(lo + hi) >> 1], j);
      let i = lo;
      let k = hi;
      while (i <= k) {
        while (this.coord(order[i], j) < pivot) i++;
        while (this.coord(order[k], j) > pivot) k--;
        if (i <= k) {
          const t = order[i];
          order[i] = order[k];
          order[k] = t;
          i++;
          k--;
        }
      }
      if (nth <= k) hi = k;
      else if (nth >= i) lo = i;
      else return;
    }
  }

  /** Fill `best` with the k nearest points to `query` (squared distances). */
  search(query: Float64Array, best: KBest, node = 0): void {
    const dim = this.dim[node];
    if (dim < 0) {
      const { data, d } = this.points;
      for (let t = this.lo[node]; t < this.hi[node]; t++) {
        const i = this.order[t];
        const dist = squaredDistance(data, i * d, query, d);
        if (dist <= best.worst()) best.offer(dist, i);
      }
      return;
    }
    const diff = query[dim] - this.split[node];
    const [near, far] =
      diff < 0
        ? [this.left[node], this.right[node]]
        : [this.right[node], this.left[node]];
    this.search(query, best, near);
    // The far side can only help if the splitting plane is no farther than the
    // current k-th best.
    if (diff * diff <= best.worst()) this.search(query, best, far);
  }
}

/**
 * kNN with a k-d tree: build once, then answer each query by visiting only
 * nearby leaves.
 */
export function classifyAllKdTree(
  training: Example[],
  queries: number[][],
  k: number,
): string[] {
  checkTraining(training, k);
  const packed = pack(training);
  const tree = new KdTree(packed);
  const best = new KBest(k);
  const counts = new Int32Array(packed.names.length);
  const query = new Float64Array(packed.d);
  return queries.map((q, qi) => {
    checkQuery(q, qi, packed.d);
    query.set(q);
    best.reset();
    tree.search(query, best);
    return packed.names[voteCodes(best, packed.labels, counts)];
  });
}

export type FastMethod = 'auto' | 'k-best' | 'kd-tree';

/**
 * The fast kNN. `method` 'auto' (default) uses the k-d tree in low dimensions
 * (d ≤ 8) when there are enough points for it to pay off, and the k-best scan
 * otherwise.
 */
export function classifyAllFast(
  training: Example[],
  queries: number[][],
  k: number,
  method: FastMethod = 'auto',
): string[] {
  checkTraining(training, k);
  const d = training[0].features.length;
  const useTree =
    method === 'kd-tree' ||
    (method === 'auto' && d <= 8 && training.length >= 256);
  return useTree
    ? classifyAllKdTree(training, queries, k)
    : classifyAllKBest(training, queries, k);
}

function checkQuery(q: number[], i: number, d: number): void {
  if (q.length !== d)
    throw new Error(
      `queries[${i}] must have ${d} features like the training examples, got ` +
        `${q.length}`,
    );
  for (let j = 0; j < d; j++)
    if (!Number.isFinite(q[j]))
      throw new Error(
        `queries[${i}][${j}] must be a finite number, got ${q[j]}`,
      );
}

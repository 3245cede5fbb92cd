import { createRng, type Rng } from '../random';

export interface KMeansOptions {
  seed?: number;
  /** Independent k-means++ starts; the lowest inertia wins (default 4). */
  restarts?: number;
  maxIterations?: number;
  /** Stop when no centroid moves more than this (squared Euclidean, default 1e-12). */
  tolerance?: number;
}

export interface KMeansResult {
  labels: Int32Array;
  /** Centroids row-major, k × dim. */
  centroids: Float64Array;
  /** Sum of squared distances to the assigned centroid. */
  inertia: number;
  iterations: number;
}

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii 2007), seeded, best of several starts.
 *
 * @example
 * const features = [[0, 0], [0, 1], [10, 10], [10, 11], [20, 0], [21, 0]];
 * const { labels, inertia } = kmeans(features, 3, { seed: 7 });
 * inertia; // → 1.5
 */
export function kmeans(
  points: readonly ArrayLike<number>[],
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  const { seed = 0, restarts = 4, maxIterations = 300, tolerance = 1e-12 } = options;
  const n = points.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`invalid k: ${k}`);
  if (!Number.isInteger(restarts) || restarts < 1)
    throw new RangeError(`invalid restarts: ${restarts}`);
  const dim = points[0]!.length;
  const x = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (points[i]!.length !== dim)
      throw new RangeError(`invalid point ${i}: dimension ${points[i]!.length}`);
    x.set(points[i]!, i * dim);
  }
  if (!x.every(Number.isFinite)) throw new RangeError('non-finite coordinates');
  const rng = createRng(seed);
  let best: KMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const result = lloyd(x, n, dim, seedCentroids(x, n, dim, k, rng), k, maxIterations, tolerance);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}

function sqDist(x: Float64Array, i: number, c: Float64Array, j: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const v = x[i * dim + d]! - c[j * dim + d]!;
    s += v * v;
  }
  return s;
}

/** k-means++: each next centre drawn with probability ∝ squared distance to the nearest chosen one. */
function seedCentroids(x: Float64Array, n: number, dim: number, k: number, rng: Rng): Float64Array {
  const c = new Float64Array(k * dim);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = rng.int(n);
  for (let j = 0; j < k; j++) {
    c.set(x.subarray(pick * dim, (pick + 1) * dim), j * dim);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i]!, sqDist(x, i, c, j, dim));
      total += nearest[i]!;
    }
    if (total === 0) {
      pick = rng.int(n);
      continue;
    }
    let u = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      u -= nearest[i]!;
      if (u < 0) {
        pick = i;
        break;
      }
    }
  }
  return c;
}

function lloyd(
  x: Float64Array,
  n: number,
  dim: number,
  c: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
): KMeansResult {
  const labels = new Int32Array(n);
  const dist = new Float64Array(n);
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  let iterations = 0;
  for (;;) {
    for (let i = 0; i < n; i++) {
      let bestJ = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        const d = sqDist(x, i, c, j, dim);
        if (d < bestD) {
          bestD = d;
          bestJ = j;
        }
      }
      labels[i] = bestJ;
      dist[i] = bestD;
    }
    if (iterations >= maxIterations) break;
    iterations++;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[labels[i]!]!++;
      for (let d = 0; d < dim; d++) sums[labels[i]! * dim + d]! += x[i * dim + d]!;
    }
    let shift = 0;
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) {
        // An empty cluster takes the point farthest from its centroid.
        let far = 0;
        for (let i = 1; i < n; i++) if (dist[i]! > dist[far]!) far = i;
        dist[far] = 0;
        for (let d = 0; d < dim; d++) sums[j * dim + d] = x[far * dim + d]!;
        counts[j] = 1;
      }
      let move = 0;
      for (let d = 0; d < dim; d++) {
        const v = sums[j * dim + d]! / counts[j]!;
        move += (v - c[j * dim + d]!) ** 2;
        c[j * dim + d] = v;
      }
      shift = Math.max(shift, move);
    }
    if (shift <= tolerance) {
      // Final assignment against the settled centroids happens at the top of the loop.
      maxIterations = iterations;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += dist[i]!;
  return { labels, centroids: c, inertia, iterations };
}

import { createRng } from '../random';
import { itemsFromCondensed, rowOffset } from './condensed';

export interface KMedoidsOptions {
  /** 'pam' (BUILD then SWAP, deterministic; default) or 'alternate' (k-means-style, seeded k-means++ start). */
  method?: 'pam' | 'alternate';
  seed?: number;
  maxIterations?: number;
}

export interface KMedoidsResult {
  /** Item index of each medoid. */
  medoids: Int32Array;
  /** Index into `medoids` for each item. */
  labels: Int32Array;
  /** Sum of distances from each item to its medoid. */
  cost: number;
  iterations: number;
}

/**
 * k-medoids on a condensed distance matrix (e.g. from `dtwMatrix`): PAM (Kaufman and Rousseeuw 1990) with
 * the O(n) swap gain from nearest and second-nearest medoid distances, or the alternating heuristic.
 *
 * @example
 * const series = [[0, 1, 2], [0, 1, 2, 2], [5, 4, 3], [5, 5, 4, 3]];
 * const { medoids, labels } = kmedoids(vol.cluster.dtwMatrix(series, { window: 1 }), 2);
 */
export function kmedoids(
  distances: ArrayLike<number>,
  k: number,
  options: KMedoidsOptions = {},
): KMedoidsResult {
  const { method = 'pam', seed = 0, maxIterations = 100 } = options;
  const n = itemsFromCondensed(distances.length);
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`invalid k: ${k}`);
  if (method !== 'pam' && method !== 'alternate')
    throw new RangeError(`invalid method: ${String(method)}`);
  const d = (i: number, j: number): number =>
    i === j
      ? 0
      : i < j
        ? distances[rowOffset(n, i) + j - i - 1]!
        : distances[rowOffset(n, j) + i - j - 1]!;
  const medoids = method === 'pam' ? build(d, n, k) : plusPlus(d, n, k, seed);
  let iterations = 0;
  if (method === 'pam') {
    while (iterations < maxIterations && swapOnce(d, n, medoids)) iterations++;
  } else {
    while (iterations < maxIterations && alternateOnce(d, n, medoids)) iterations++;
  }
  const { labels, cost } = assign(d, n, medoids);
  return { medoids, labels, cost, iterations };
}

type Dist = (i: number, j: number) => number;

function assign(d: Dist, n: number, medoids: Int32Array): { labels: Int32Array; cost: number } {
  const labels = new Int32Array(n);
  let cost = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let m = 0; m < medoids.length; m++) {
      const v = d(i, medoids[m]!);
      if (v < best) {
        best = v;
        labels[i] = m;
      }
    }
    cost += best;
  }
  return { labels, cost };
}

/** BUILD: greedily add the medoid that lowers the total cost most. */
function build(d: Dist, n: number, k: number): Int32Array {
  const medoids = new Int32Array(k);
  const nearest = new Float64Array(n).fill(Infinity);
  const chosen = new Uint8Array(n);
  for (let m = 0; m < k; m++) {
    let bestGain = -Infinity;
    let best = -1;
    for (let h = 0; h < n; h++) {
      if (chosen[h]) continue;
      let gain = 0;
      for (let j = 0; j < n; j++) {
        const v = nearest[j]! - d(j, h);
        if (v > 0 || nearest[j] === Infinity) gain += nearest[j] === Infinity ? -d(j, h) : v;
      }
      if (gain > bestGain) {
        bestGain = gain;
        best = h;
      }
    }
    medoids[m] = best;
    chosen[best] = 1;
    for (let j = 0; j < n; j++) nearest[j] = Math.min(nearest[j]!, d(j, best));
  }
  return medoids;
}

/** One SWAP pass: apply the single best improving (medoid, non-medoid) exchange; false if none. */
function swapOnce(d: Dist, n: number, medoids: Int32Array): boolean {
  const k = medoids.length;
  const near = new Int32Array(n);
  const dNear = new Float64Array(n).fill(Infinity);
  const dSecond = new Float64Array(n).fill(Infinity);
  const isMedoid = new Uint8Array(n);
  for (const m of medoids) isMedoid[m] = 1;
  for (let j = 0; j < n; j++) {
    for (let m = 0; m < k; m++) {
      const v = d(j, medoids[m]!);
      if (v < dNear[j]!) {
        dSecond[j] = dNear[j]!;
        dNear[j] = v;
        near[j] = m;
      } else if (v < dSecond[j]!) {
        dSecond[j] = v;
      }
    }
  }
  let bestDelta = -1e-12;
  let bestM = -1;
  let bestH = -1;
  for (let h = 0; h < n; h++) {
    if (isMedoid[h]) continue;
    for (let m = 0; m < k; m++) {
      let delta = 0;
      for (let j = 0; j < n; j++) {
        const djh = d(j, h);
        if (near[j] === m) delta += Math.min(djh, dSecond[j]!) - dNear[j]!;
        else if (djh < dNear[j]!) delta += djh - dNear[j]!;
      }
      if (delta < bestDelta) {
        bestDelta = delta;
        bestM = m;
        bestH = h;
      }
    }
  }
  if (bestM < 0) return false;
  medoids[bestM] = bestH;
  return true;
}

/** Seeded k-means++ choice of initial medoids, on distances. */
function plusPlus(d: Dist, n: number, k: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const medoids = new Int32Array(k);
  const nearest = new Float64Array(n).fill(Infinity);
  medoids[0] = rng.int(n);
  for (let m = 1; m <= k; m++) {
    let total = 0;
    for (let j = 0; j < n; j++) {
      nearest[j] = Math.min(nearest[j]!, d(j, medoids[m - 1]!) ** 2);
      total += nearest[j]!;
    }
    if (m === k) break;
    let u = rng.next() * total;
    let pick = -1;
    for (let j = 0; j < n; j++) {
      if (nearest[j]! <= 0) continue;
      pick = j; // the last positive one, should rounding leave u ≥ 0
      if ((u -= nearest[j]!) < 0) break;
    }
    // Every item coincides with a medoid: take any item not chosen yet.
    if (pick < 0)
      pick = Array.from({ length: n }, (_, j) => j).find(
        (j) => !medoids.subarray(0, m).includes(j),
      )!;
    medoids[m] = pick;
  }
  return medoids;
}

/** Assign, then move each medoid to the member minimising the within-cluster distance sum. */
function alternateOnce(d: Dist, n: number, medoids: Int32Array): boolean {
  const { labels } = assign(d, n, medoids);
  let changed = false;
  for (let m = 0; m < medoids.length; m++) {
    let best = medoids[m]!;
    let bestSum = Infinity;
    for (let c = 0; c < n; c++) {
      if (labels[c] !== m) continue;
      let sum = 0;
      for (let j = 0; j < n; j++) if (labels[j] === m) sum += d(c, j);
      if (sum < bestSum - 1e-12 || (sum <= bestSum && c === medoids[m])) {
        bestSum = sum;
        best = c;
      }
    }
    if (best !== medoids[m]) {
      medoids[m] = best;
      changed = true;
    }
  }
  return changed;
}

import type { Rng } from '../random';
import type { CovarianceType, GaussianHmm } from './model';
import type { Observations } from './observations';

/**
 * Starting model for restart `r`: 0 splits by distance from the mean (calm centre, wild tails,
 * the usual volatility-regime shape), 1 by quantiles of the first variable (regimes that differ in
 * level), later restarts by k-means++ (Arthur and Vassilvitskii 2007) with a few Lloyd steps.
 */
export function initialModel(
  obs: Observations,
  K: number,
  covariance: CovarianceType,
  r: number,
  rng: Rng,
  floor: Float64Array,
): GaussianHmm {
  const labels =
    r === 0
      ? byQuantile(standardizedDistance(obs), K)
      : r === 1
        ? byQuantile(firstColumn(obs), K)
        : kMeans(obs, K, rng);
  return groupModel(obs, labels, K, covariance, floor);
}

function firstColumn({ data, length, dims }: Observations): Float64Array {
  return Float64Array.from({ length }, (_, t) => data[t * dims]!);
}

function standardizedDistance({ data, length: T, dims: D }: Observations): Float64Array {
  const mean = new Float64Array(D);
  const sd = new Float64Array(D);
  for (let t = 0; t < T; t++) for (let d = 0; d < D; d++) mean[d]! += data[t * D + d]! / T;
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) sd[d]! += (data[t * D + d]! - mean[d]!) ** 2 / T;
  }
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    for (let d = 0; d < D; d++) out[t]! += (data[t * D + d]! - mean[d]!) ** 2 / (sd[d]! || 1);
  }
  return out;
}

/** Labels 0..K−1 by rank of `score`, in K groups of equal size. */
function byQuantile(score: Float64Array, K: number): Int32Array {
  const T = score.length;
  const order = Array.from({ length: T }, (_, t) => t).sort((a, b) => score[a]! - score[b]!);
  const labels = new Int32Array(T);
  for (let r = 0; r < T; r++) labels[order[r]!] = Math.min(K - 1, Math.floor((r * K) / T));
  return labels;
}

function kMeans({ data, length: T, dims: D }: Observations, K: number, rng: Rng): Int32Array {
  const centers = new Float64Array(K * D);
  const dist = new Float64Array(T).fill(Infinity);
  for (let k = 0; k < K; k++) {
    let pick = rng.int(T);
    if (k > 0) {
      let total = 0;
      for (let t = 0; t < T; t++) total += dist[t]!;
      let u = rng.next() * total;
      for (let t = 0; t < T && u >= 0; t++) {
        u -= dist[t]!;
        pick = t;
      }
    }
    centers.set(data.subarray(pick * D, pick * D + D), k * D);
    for (let t = 0; t < T; t++)
      dist[t] = Math.min(dist[t]!, squaredDistance(data, t, centers, k, D));
  }
  const labels = new Int32Array(T);
  for (let iter = 0; iter < 10; iter++) {
    for (let t = 0; t < T; t++) {
      let best = 0;
      let bestDist = squaredDistance(data, t, centers, 0, D);
      for (let k = 1; k < K; k++) {
        const d = squaredDistance(data, t, centers, k, D);
        if (d < bestDist) {
          best = k;
          bestDist = d;
        }
      }
      labels[t] = best;
    }
    const counts = new Float64Array(K);
    centers.fill(0);
    for (let t = 0; t < T; t++) {
      counts[labels[t]!]!++;
      for (let d = 0; d < D; d++) centers[labels[t]! * D + d]! += data[t * D + d]!;
    }
    for (let k = 0; k < K; k++) {
      const pick = rng.int(T); // an empty cluster restarts at a random point
      for (let d = 0; d < D; d++) {
        centers[k * D + d] = counts[k] ? centers[k * D + d]! / counts[k]! : data[pick * D + d]!;
      }
    }
  }
  return labels;
}

/** |x_t − c_k|² between row t of `data` and row k of `centers` (both D wide). */
function squaredDistance(
  data: Float64Array,
  t: number,
  centers: Float64Array,
  k: number,
  D: number,
): number {
  let s = 0;
  for (let d = 0, i = t * D, j = k * D; d < D; d++, i++, j++) {
    const z = data[i]! - centers[j]!;
    s += z * z;
  }
  return s;
}

/** Means and covariances of each labelled group, sticky transitions, uniform start. */
function groupModel(
  obs: Observations,
  labels: Int32Array,
  K: number,
  covariance: CovarianceType,
  floor: Float64Array,
): GaussianHmm {
  const { data, length: T, dims: D } = obs;
  const full = covariance === 'full';
  const c = full ? D * D : D;
  const n = new Float64Array(K);
  const means = new Float64Array(K * D);
  const covars = new Float64Array(K * c);
  for (let t = 0; t < T; t++) {
    n[labels[t]!]!++;
    for (let d = 0; d < D; d++) means[labels[t]! * D + d]! += data[t * D + d]!;
  }
  for (let k = 0; k < K; k++) for (let d = 0; d < D; d++) means[k * D + d]! /= n[k]! || 1;
  for (let t = 0; t < T; t++) {
    const k = labels[t]!;
    for (let i = 0; i < D; i++) {
      const zi = data[t * D + i]! - means[k * D + i]!;
      if (!full) covars[k * D + i]! += (zi * zi) / n[k]!;
      else
        for (let j = 0; j < D; j++) {
          covars[k * c + i * D + j]! += (zi * (data[t * D + j]! - means[k * D + j]!)) / n[k]!;
        }
    }
  }
  // A group of fewer than two points starts from the pooled estimate.
  const pooled =
    K > 1 && n.some((v) => v < 2) ? groupModel(obs, new Int32Array(T), 1, covariance, floor) : null;
  for (let k = 0; k < K; k++) {
    if (pooled && n[k]! < 2) {
      means.set(pooled.means, k * D);
      covars.set(pooled.covars, k * c);
      continue;
    }
    for (let d = 0; d < D; d++) {
      if (full) covars[k * c + d * D + d]! += floor[d]!;
      else covars[k * D + d] = Math.max(covars[k * D + d]!, floor[d]!);
    }
  }
  const stay = K === 1 ? 1 : 0.9;
  const transition = new Float64Array(K * K).fill((1 - stay) / Math.max(1, K - 1));
  for (let k = 0; k < K; k++) transition[k * K + k] = stay;
  return {
    states: K,
    dims: D,
    covariance,
    initial: new Float64Array(K).fill(1 / K),
    transition,
    means,
    covars,
  };
}

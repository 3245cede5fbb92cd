import type { GaussianHmm } from './model';
import type { Observations } from './observations';

/**
 * Baum-Welch M-step: re-estimates the model from posteriors γ (T×K) and Σ_t ξ_t (K×K).
 * Variances are floored at `floor[d]` (diagonal) or get `floor[d]` added to the diagonal (full,
 * as hmmlearn's min_covar), so no state collapses onto a few points. A state with no weight
 * keeps its previous emission parameters.
 */
export function maximize(
  m: GaussianHmm,
  obs: Observations,
  gamma: Float64Array,
  xi: Float64Array,
  floor: Float64Array,
): GaussianHmm {
  const K = m.states;
  const D = m.dims;
  const T = obs.length;
  const x = obs.data;
  const full = m.covariance === 'full';
  const c = full ? D * D : D;

  const initial = gamma.slice(0, K);
  const transition = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    let s = 0;
    for (let j = 0; j < K; j++) s += xi[i * K + j]!;
    for (let j = 0; j < K; j++) {
      transition[i * K + j] = s > 0 ? xi[i * K + j]! / s : m.transition[i * K + j]!;
    }
  }

  if (D === 1) return { ...m, initial, transition, ...univariate(m, x, gamma, T, floor[0]!) };

  const weight = new Float64Array(K);
  const means = new Float64Array(K * D);
  for (let t = 0; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const g = gamma[t * K + k]!;
      weight[k]! += g;
      for (let d = 0; d < D; d++) means[k * D + d]! += g * x[t * D + d]!;
    }
  }
  for (let k = 0; k < K; k++) {
    for (let d = 0; d < D; d++) means[k * D + d]! /= weight[k]!;
  }

  const covars = new Float64Array(K * c);
  const z = new Float64Array(D);
  for (let t = 0; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const g = gamma[t * K + k]!;
      for (let d = 0; d < D; d++) z[d] = x[t * D + d]! - means[k * D + d]!;
      if (!full) {
        for (let d = 0; d < D; d++) covars[k * D + d]! += g * z[d]! * z[d]!;
      } else {
        for (let i = 0; i < D; i++) {
          for (let j = 0; j <= i; j++) covars[k * c + i * D + j]! += g * z[i]! * z[j]!;
        }
      }
    }
  }
  for (let k = 0; k < K; k++) {
    if (!(weight[k]! > 1e-10)) {
      means.set(m.means.subarray(k * D, k * D + D), k * D);
      covars.set(m.covars.subarray(k * c, k * c + c), k * c);
      continue;
    }
    const w = weight[k]!;
    if (!full) {
      for (let d = 0; d < D; d++) covars[k * D + d] = Math.max(covars[k * D + d]! / w, floor[d]!);
    } else {
      const o = k * c;
      for (let i = 0; i < D; i++) {
        for (let j = 0; j <= i; j++) {
          const v = covars[o + i * D + j]! / w + (i === j ? floor[i]! : 0);
          covars[o + i * D + j] = v;
          covars[o + j * D + i] = v;
        }
      }
    }
  }
  return { ...m, initial, transition, means, covars };
}

/**
 * The emission update for D = 1, without the per-dimension loops (the common case: returns).
 * One state at a time, so the sums stay in locals: weight and mean in one pass, the variance
 * about that mean in a second (two passes keep it accurate when the mean is large).
 */
function univariate(
  m: GaussianHmm,
  x: Float64Array,
  gamma: Float64Array,
  T: number,
  floor: number,
): { means: Float64Array; covars: Float64Array } {
  const K = m.states;
  const means = new Float64Array(K);
  const covars = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let w = 0;
    let s = 0;
    for (let t = 0, i = k; t < T; t++, i += K) {
      const g = gamma[i]!;
      w += g;
      s += g * x[t]!;
    }
    if (!(w > 1e-10)) {
      means[k] = m.means[k]!;
      covars[k] = m.covars[k]!;
      continue;
    }
    const mean = s / w;
    let v = 0;
    for (let t = 0, i = k; t < T; t++, i += K) {
      const z = x[t]! - mean;
      v += gamma[i]! * z * z;
    }
    means[k] = mean;
    covars[k] = m.covariance === 'full' ? v / w + floor : Math.max(v / w, floor);
  }
  return { means, covars };
}

import type { GaussianHmm } from './model';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Per-state constants of the Gaussian log-density, computed once per EM iteration: the
 * normalizer, and the inverse variances (diagonal) or the Cholesky factor (full).
 */
export interface EmissionCache {
  logNorm: Float64Array;
  factor: Float64Array;
}

export function prepareEmission(m: GaussianHmm): EmissionCache {
  const K = m.states;
  const D = m.dims;
  const logNorm = new Float64Array(K);
  if (m.covariance === 'diagonal') {
    const factor = new Float64Array(K * D);
    for (let k = 0; k < K; k++) {
      let s = D * LOG_2PI;
      for (let d = 0; d < D; d++) {
        const v = m.covars[k * D + d]!;
        s += Math.log(v);
        factor[k * D + d] = 1 / v;
      }
      logNorm[k] = -0.5 * s;
    }
    return { logNorm, factor };
  }
  const factor = new Float64Array(K * D * D);
  for (let k = 0; k < K; k++) {
    const o = k * D * D;
    cholesky(m.covars, o, D, factor, k);
    let logDet = 0;
    for (let d = 0; d < D; d++) logDet += 2 * Math.log(factor[o + d * D + d]!);
    logNorm[k] = -0.5 * (D * LOG_2PI + logDet);
  }
  return { logNorm, factor };
}

/** Lower Cholesky factor of the D×D matrix at `a[o..]`, written to `l[o..]`. */
function cholesky(a: Float64Array, o: number, D: number, l: Float64Array, k: number): void {
  for (let i = 0; i < D; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[o + i * D + j]!;
      for (let p = 0; p < j; p++) s -= l[o + i * D + p]! * l[o + j * D + p]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError(`covariance of state ${k} is not positive definite`);
        l[o + i * D + i] = Math.sqrt(s);
      } else {
        l[o + i * D + j] = s / l[o + j * D + j]!;
      }
    }
  }
}

/** Fills `out[t * K + k]` with log N(x_t; μ_k, Σ_k) for all t < T. */
export function emissionLogDensities(
  m: GaussianHmm,
  cache: EmissionCache,
  data: Float64Array,
  T: number,
  out: Float64Array,
): void {
  const K = m.states;
  const D = m.dims;
  const mu = m.means;
  const { logNorm, factor } = cache;
  if (D === 1) {
    // Univariate fast path: full and diagonal coincide (factor is 1/σ² or σ).
    for (let k = 0; k < K; k++) {
      const inv = m.covariance === 'diagonal' ? factor[k]! : 1 / (factor[k]! * factor[k]!);
      const c = logNorm[k]!;
      const mk = mu[k]!;
      for (let t = 0; t < T; t++) {
        const z = data[t]! - mk;
        out[t * K + k] = c - 0.5 * z * z * inv;
      }
    }
    return;
  }
  if (m.covariance === 'diagonal') {
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let d = 0; d < D; d++) {
          const z = data[t * D + d]! - mu[k * D + d]!;
          s += z * z * factor[k * D + d]!;
        }
        out[t * K + k] = logNorm[k]! - 0.5 * s;
      }
    }
    return;
  }
  const z = new Float64Array(D);
  for (let t = 0; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const o = k * D * D;
      let s = 0;
      // Forward substitution L z = x − μ; the Mahalanobis distance is |z|².
      for (let i = 0; i < D; i++) {
        let v = data[t * D + i]! - mu[k * D + i]!;
        for (let p = 0; p < i; p++) v -= factor[o + i * D + p]! * z[p]!;
        v /= factor[o + i * D + i]!;
        z[i] = v;
        s += v * v;
      }
      out[t * K + k] = logNorm[k]! - 0.5 * s;
    }
  }
}

/**
 * The E-step's emissions for D = 1 in one pass: fills `em[t * K + k]` with b_t(k) / b_t(r) and
 * returns Σ_t log b_t(r) to add back, where r is the widest state: its own entry is exactly 1, so a
 * row takes K − 1 exps instead of K. The widest state's density is seldom far below the row's
 * largest; where it is by more than e^{230}, the row is shifted by its largest instead, so no
 * entry exceeds 1e100 (the forward pass rescales rows that grow: rescale.ts).
 */
export function scaledUnivariateDensities(
  m: GaussianHmm,
  cache: EmissionCache,
  data: Float64Array,
  T: number,
  em: Float64Array,
): number {
  const K = m.states;
  const { logNorm, factor } = cache;
  const half = new Float64Array(K); // 1 / (2σ²)
  let ref = 0;
  for (let k = 0; k < K; k++) {
    half[k] = m.covariance === 'diagonal' ? 0.5 * factor[k]! : 0.5 / (factor[k]! * factor[k]!);
    if (half[k]! < half[ref]!) ref = k;
  }
  const mu = m.means;
  let shift = 0;
  for (let t = 0, o = 0; t < T; t++, o += K) {
    const xt = data[t]!;
    let best = -Infinity;
    for (let k = 0; k < K; k++) {
      const z = xt - mu[k]!;
      const v = logNorm[k]! - z * z * half[k]!;
      em[o + k] = v;
      best = Math.max(best, v);
    }
    const base = em[o + ref]!;
    if (best - base > 230) {
      for (let k = 0; k < K; k++) em[o + k] = Math.exp(em[o + k]! - best);
      shift += best;
    } else {
      for (let k = 0; k < K; k++) if (k !== ref) em[o + k] = Math.exp(em[o + k]! - base);
      em[o + ref] = 1;
      shift += base;
    }
  }
  return shift;
}

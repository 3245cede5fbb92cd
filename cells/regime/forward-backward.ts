/**
 * Scaled forward-backward (Rabiner 1989, section V.A) on flat arrays. Emissions enter as
 * log-densities; each row is shifted by its maximum before exponentiating, and the shift is
 * added back to the log-likelihood, so no observation underflows.
 */
export interface Workspace {
  T: number;
  K: number;
  /** T×K: log-densities in, scaled densities out. */
  em: Float64Array;
  /** T×K: scaled forward variables, then the posteriors γ. */
  alpha: Float64Array;
  /** T: scale factors c_t. */
  scale: Float64Array;
  /** K×K: Σ_t ξ_t(i, j). */
  xi: Float64Array;
  beta: Float64Array;
  betaNext: Float64Array;
  tmp: Float64Array;
}

export function createWorkspace(T: number, K: number): Workspace {
  return {
    T,
    K,
    em: new Float64Array(T * K),
    alpha: new Float64Array(T * K),
    scale: new Float64Array(T),
    xi: new Float64Array(K * K),
    beta: new Float64Array(K),
    betaNext: new Float64Array(K),
    tmp: new Float64Array(K),
  };
}

/** Exponentiates `em` in place, shifted per row; returns Σ_t max_k log b_t(k). */
function scaleEmissions(em: Float64Array, T: number, K: number): number {
  let shift = 0;
  for (let t = 0; t < T; t++) {
    const o = t * K;
    let m = -Infinity;
    for (let k = 0; k < K; k++) if (em[o + k]! > m) m = em[o + k]!;
    for (let k = 0; k < K; k++) em[o + k] = Math.exp(em[o + k]! - m);
    shift += m;
  }
  return shift;
}

/** Forward pass over scaled emissions; returns Σ ln c_t (−Infinity if some c_t is 0). */
function forward(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  const { T, K, em, alpha, scale } = ws;
  let ll = 0;
  for (let t = 0; t < T; t++) {
    const o = t * K;
    let c = 0;
    for (let j = 0; j < K; j++) {
      let s: number;
      if (t === 0) s = pi[j]!;
      else {
        s = 0;
        const p = o - K;
        for (let i = 0; i < K; i++) s += alpha[p + i]! * A[i * K + j]!;
      }
      s *= em[o + j]!;
      alpha[o + j] = s;
      c += s;
    }
    if (!(c > 0)) return -Infinity;
    const inv = 1 / c;
    for (let j = 0; j < K; j++) alpha[o + j]! *= inv;
    scale[t] = c;
    ll += Math.log(c);
  }
  return ll;
}

/**
 * E-step. Expects log-densities in `ws.em`; leaves posteriors γ (T×K) in `ws.alpha` and
 * Σ_t ξ_t in `ws.xi`; returns the log-likelihood. Allocates nothing.
 */
export function forwardBackward(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  const { T, K, em, alpha, scale, xi, tmp } = ws;
  const shift = scaleEmissions(em, T, K);
  const ll = forward(pi, A, ws);
  if (ll === -Infinity) return ll;
  xi.fill(0);
  let beta = ws.beta;
  let next = ws.betaNext;
  next.fill(1); // β̂_{T−1}
  for (let t = T - 2; t >= 0; t--) {
    const o = t * K;
    const inv = 1 / scale[t + 1]!;
    for (let j = 0; j < K; j++) tmp[j] = em[o + K + j]! * next[j]! * inv;
    for (let i = 0; i < K; i++) {
      const a = alpha[o + i]!;
      let s = 0;
      for (let j = 0; j < K; j++) {
        const w = A[i * K + j]! * tmp[j]!;
        s += w;
        xi[i * K + j]! += a * w;
      }
      beta[i] = s;
    }
    // γ_{t+1} = α̂_{t+1} β̂_{t+1}: α̂_{t+1} is no longer needed, so overwrite it.
    gammaRow(alpha, o + K, next, K);
    const swap = next;
    next = beta;
    beta = swap;
  }
  gammaRow(alpha, 0, next, K);
  return ll + shift;
}

function gammaRow(alpha: Float64Array, o: number, beta: Float64Array, K: number): void {
  let s = 0;
  for (let k = 0; k < K; k++) {
    const g = alpha[o + k]! * beta[k]!;
    alpha[o + k] = g;
    s += g;
  }
  const inv = 1 / s; // 1 up to rounding (Rabiner's scaling); renormalize anyway
  for (let k = 0; k < K; k++) alpha[o + k]! *= inv;
}

/** Log-likelihood by the forward pass only. Expects log-densities in `ws.em` (overwritten). */
export function forwardLogLikelihood(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  const shift = scaleEmissions(ws.em, ws.T, ws.K);
  const ll = forward(pi, A, ws);
  return ll === -Infinity ? ll : ll + shift;
}

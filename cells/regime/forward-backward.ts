import { backward2, forward2 } from './forward-backward-2';
import { backward3, forward3 } from './forward-backward-3';
import { RESCALE_ABOVE, RESCALE_BELOW } from './rescale';

/**
 * Scaled forward-backward (Rabiner 1989, section V.A, with lazy scaling: rescale.ts) on flat
 * arrays. Emissions enter as log-densities; each row is shifted by its maximum before
 * exponentiating, and the shift is added back to the log-likelihood, so no observation
 * underflows. K = 2 and K = 3 (calm / turbulent, and a crash state) run unrolled kernels; other
 * K the loops below.
 */
export interface Workspace {
  T: number;
  K: number;
  /** T×K: log-densities in, scaled densities out. */
  em: Float64Array;
  /** T×K: scaled forward variables, then the posteriors γ. */
  alpha: Float64Array;
  /** T: inverse scale factors 1 / d_t (see rescale.ts). */
  invScale: Float64Array;
  /** K×K: Σ_t ξ_t(i, j). */
  xi: Float64Array;
  /** K: scratch rows for the generic kernel. */
  beta: Float64Array;
  pred: Float64Array;
  tmp: Float64Array;
}

export function createWorkspace(T: number, K: number): Workspace {
  return {
    T,
    K,
    em: new Float64Array(T * K),
    alpha: new Float64Array(T * K),
    invScale: new Float64Array(T),
    xi: new Float64Array(K * K),
    beta: new Float64Array(K),
    pred: new Float64Array(K),
    tmp: new Float64Array(K),
  };
}

/** Exponentiates `em` in place, shifted per row; returns Σ_t max_k log b_t(k). */
export function scaleEmissions(em: Float64Array, T: number, K: number): number {
  let shift = 0;
  for (let o = 0; o < T * K; o += K) {
    let arg = o;
    for (let k = o + 1; k < o + K; k++) if (em[k]! > em[arg]!) arg = k;
    const m = em[arg]!;
    // The row's maximum becomes exactly 1: one exp fewer per row.
    for (let k = o; k < o + K; k++) em[k] = k === arg ? 1 : Math.exp(em[k]! - m);
    shift += m;
  }
  return shift;
}

/**
 * Forward pass over scaled emissions: α̂ into `alpha`, 1 / d_t into `invScale`; returns ln L
 * minus the emission shift (−Infinity if the observations are impossible). Rows are rescaled
 * lazily (see rescale.ts), so the division and the log leave the per-step critical path.
 */
function forward(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  const { T, K, em, alpha, invScale, pred } = ws;
  if (K === 2) return forward2(pi, A, em, alpha, invScale, T);
  if (K === 3) return forward3(pi, A, em, alpha, invScale, T);
  let ll = 0;
  pred.set(pi);
  for (let t = 0; t < T; t++) {
    const o = t * K;
    let c = 0;
    for (let j = 0; j < K; j++) c += pred[j]! * em[o + j]!;
    let inv = 1;
    if (!(c >= RESCALE_BELOW && c <= RESCALE_ABOVE)) {
      if (!(c > 0)) return -Infinity;
      inv = 1 / c;
      ll += Math.log(c);
    }
    for (let j = 0; j < K; j++) alpha[o + j] = pred[j]! * em[o + j]! * inv;
    invScale[t] = inv;
    for (let j = 0; j < K; j++) pred[j] = 0;
    for (let i = 0; i < K; i++) {
      const a = alpha[o + i]!;
      for (let j = 0; j < K; j++) pred[j]! += a * A[i * K + j]!;
    }
  }
  return ll + Math.log(rowSum(alpha, (T - 1) * K, K));
}

function rowSum(a: Float64Array, o: number, K: number): number {
  let s = 0;
  for (let k = 0; k < K; k++) s += a[o + k]!;
  return s;
}

/**
 * Backward pass: γ into `alpha` (overwriting each α̂_t once used), Σ_t ξ_t into `xi`. With
 * u_{t+1}(j) = b_{t+1}(j) β̂_{t+1}(j) / d_{t+1}, the sum Σ_t α̂_t(i) u_{t+1}(j) is accumulated
 * without A and multiplied by A(i, j), and divided by L / D, once at the end.
 */
function backward(A: Float64Array, ws: Workspace): void {
  const { T, K, em, alpha, invScale, xi, tmp } = ws;
  if (K === 2) return backward2(A, em, alpha, invScale, xi, T);
  if (K === 3) return backward3(A, em, alpha, invScale, xi, T);
  const beta = ws.beta;
  const total = rowSum(alpha, (T - 1) * K, K); // Σ_k α̂_{T−1}(k) = L / D
  xi.fill(0);
  beta.fill(1); // β̂_{T−1}
  for (let t = T - 2; t >= 0; t--) {
    const o = t * K;
    const n = o + K;
    const inv = invScale[t + 1]!;
    for (let j = 0; j < K; j++) tmp[j] = em[n + j]! * beta[j]! * inv;
    gammaRow(alpha, n, beta, K); // γ_{t+1} = α̂_{t+1} β̂_{t+1}
    for (let i = 0; i < K; i++) {
      const a = alpha[o + i]!;
      const row = i * K;
      let s = 0;
      for (let j = 0; j < K; j++) {
        xi[row + j]! += a * tmp[j]!;
        s += A[row + j]! * tmp[j]!;
      }
      beta[i] = s;
    }
  }
  gammaRow(alpha, 0, beta, K);
  for (let i = 0; i < K * K; i++) xi[i] = (xi[i]! * A[i]!) / total;
}

function gammaRow(alpha: Float64Array, o: number, beta: Float64Array, K: number): void {
  let s = 0;
  for (let k = 0; k < K; k++) s += alpha[o + k]! * beta[k]!;
  const inv = 1 / s; // 1 up to rounding (Rabiner's scaling); renormalize anyway
  for (let k = 0; k < K; k++) alpha[o + k] = alpha[o + k]! * beta[k]! * inv;
}

/**
 * E-step. Expects log-densities in `ws.em`; leaves posteriors γ (T×K) in `ws.alpha` and
 * Σ_t ξ_t in `ws.xi`; returns the log-likelihood. Allocates nothing.
 */
export function forwardBackward(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  return forwardBackwardScaled(pi, A, ws, scaleEmissions(ws.em, ws.T, ws.K));
}

/** The E-step on emissions already exponentiated and shifted by `shift` in total. */
export function forwardBackwardScaled(
  pi: Float64Array,
  A: Float64Array,
  ws: Workspace,
  shift: number,
): number {
  const ll = forward(pi, A, ws);
  if (ll === -Infinity) return ll;
  backward(A, ws);
  return ll + shift;
}

/** Log-likelihood by the forward pass only. Expects log-densities in `ws.em` (overwritten). */
export function forwardLogLikelihood(pi: Float64Array, A: Float64Array, ws: Workspace): number {
  const shift = scaleEmissions(ws.em, ws.T, ws.K);
  const ll = forward(pi, A, ws);
  return ll === -Infinity ? ll : ll + shift;
}

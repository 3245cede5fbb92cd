import { presampleVariance, type GarchDist, type GarchInit } from './garch-likelihood';

/** A fitted GARCH(1,1); variances are per period of the input returns. */
export interface GarchFit {
  dist: GarchDist;
  omega: number;
  alpha: number;
  beta: number;
  /** Degrees of freedom, for dist 't'. */
  nu?: number;
  /** The mean subtracted before fitting (0 for mean 'zero'). */
  mu: number;
  init: GarchInit;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** h_t = Var(r_t | r_1 … r_{t−1}) for each t of the sample. */
  conditionalVariance: Float64Array;
  /** Unconditional variance ω / (1 − α − β). */
  unconditionalVariance: number;
  /** Variance forecasts for each of the next h periods after the sample. */
  forecast(h: number): Float64Array;
  /** The same after filtering `history` (returns) with these parameters from its start. */
  forecastFrom(history: ArrayLike<number>, h: number): Float64Array;
  toJSON(): GarchJson;
}

export interface GarchJson {
  kind: 'garch';
  dist: GarchDist;
  omega: number;
  alpha: number;
  beta: number;
  nu?: number;
  mu: number;
  init: GarchInit;
  logLikelihood: number;
  /** h_T and ε_T: enough state for `forecast` after a round trip. */
  lastVariance: number;
  lastResidual: number;
}

interface GarchState {
  dist: GarchDist;
  omega: number;
  alpha: number;
  beta: number;
  nu?: number;
  mu: number;
  init: GarchInit;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Demeaned sample, or null when rebuilt from JSON. */
  eps: Float64Array | null;
  last?: { variance: number; residual: number };
}

/** h_t for t = 1 … T with h₁ = ω + (α + β) s₀. */
export function filterVariance(
  eps: ArrayLike<number>,
  omega: number,
  alpha: number,
  beta: number,
  s0: number,
): Float64Array {
  const h = new Float64Array(eps.length);
  let v = omega + (alpha + beta) * s0;
  for (let t = 0; t < eps.length; t++) {
    h[t] = v;
    v = omega + alpha * eps[t]! * eps[t]! + beta * v;
  }
  return h;
}

function project(omega: number, alpha: number, beta: number, h: number, hT1: number): Float64Array {
  if (!Number.isInteger(h) || h < 1) throw new RangeError(`invalid h: ${h}`);
  const out = new Float64Array(h);
  out[0] = hT1;
  for (let k = 1; k < h; k++) out[k] = omega + (alpha + beta) * out[k - 1]!;
  return out;
}

/** Backcast reads this many leading residuals: past it, a longer history leaves the presample unchanged. */
const BACKCAST_SPAN = 75;

/**
 * h_{T+1} for a history of returns. Walk-forward asks for it on ever longer prefixes of one array: when the
 * history extends the previous one (same buffer and start) and the presample no longer depends on its length,
 * the recursion continues from where it stopped instead of starting over, turning O(T²) into O(T) with
 * identical arithmetic.
 */
function incrementalNextVariance(
  omega: number,
  alpha: number,
  beta: number,
  mu: number,
  init: GarchInit,
): (history: ArrayLike<number>) => number {
  let memo: { buffer: ArrayBufferLike; offset: number; length: number; next: number } | null = null;
  return (history) => {
    const typed = ArrayBuffer.isView(history) ? (history as Float64Array) : null;
    const extends_ =
      memo !== null &&
      typed !== null &&
      typed.buffer === memo.buffer &&
      typed.byteOffset === memo.offset &&
      typed.length >= memo.length;
    let t: number;
    let v: number;
    if (extends_ && init === 'backcast' && memo!.length >= BACKCAST_SPAN) {
      t = memo!.length;
      v = memo!.next;
    } else {
      const eps = Float64Array.from(history, (x) => x - mu);
      t = 0;
      v = omega + (alpha + beta) * presampleVariance(eps, init);
    }
    for (; t < history.length; t++) {
      const e = history[t]! - mu;
      v = omega + alpha * e * e + beta * v;
    }
    if (typed)
      memo = { buffer: typed.buffer, offset: typed.byteOffset, length: typed.length, next: v };
    return v;
  };
}

export function makeGarch(state: GarchState): GarchFit {
  const { dist, omega, alpha, beta, nu, mu, init, logLikelihood, converged, iterations } = state;
  const conditionalVariance = state.eps
    ? filterVariance(state.eps, omega, alpha, beta, presampleVariance(state.eps, init))
    : new Float64Array(0);
  const last = state.last ?? {
    variance: conditionalVariance[conditionalVariance.length - 1]!,
    residual: state.eps![state.eps!.length - 1]!,
  };
  const next = omega + alpha * last.residual ** 2 + beta * last.variance;
  const nextVariance = incrementalNextVariance(omega, alpha, beta, mu, init);
  const forecastFrom = (history: ArrayLike<number>, h: number): Float64Array => {
    if (history.length < 2) throw new RangeError(`history too short: ${history.length}`);
    return project(omega, alpha, beta, h, nextVariance(history));
  };
  return {
    dist,
    omega,
    alpha,
    beta,
    ...(nu !== undefined ? { nu } : {}),
    mu,
    init,
    logLikelihood,
    converged,
    iterations,
    conditionalVariance,
    unconditionalVariance: omega / (1 - alpha - beta),
    forecast: (h) => project(omega, alpha, beta, h, next),
    forecastFrom,
    toJSON: () => ({
      kind: 'garch',
      dist,
      omega,
      alpha,
      beta,
      ...(nu !== undefined ? { nu } : {}),
      mu,
      init,
      logLikelihood,
      lastVariance: last.variance,
      lastResidual: last.residual,
    }),
  };
}

/** Rebuild a GARCH fit from `toJSON()` output (the in-sample conditional variance is not kept). */
export function garchFromJSON(json: GarchJson): GarchFit {
  if (json.kind !== 'garch' || !(json.omega > 0)) throw new TypeError('invalid GARCH JSON');
  return makeGarch({
    ...json,
    converged: true,
    iterations: 0,
    eps: null,
    last: { variance: json.lastVariance, residual: json.lastResidual },
  });
}

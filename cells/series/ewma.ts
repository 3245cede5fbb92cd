import { toFloat64, type NumericLike } from '../stats/numeric';

export interface EwmaOptions {
  /** Decay; RiskMetrics (J.P. Morgan 1996) uses 0.94 for daily data. */
  lambda?: number;
  /** Variance before the first return; default the first squared return. */
  init?: number;
}

/**
 * EWMA variance, RiskMetrics style: s_t = λ s_{t−1} + (1 − λ) r_t², with s_{−1} = `init`
 * (default r_0², so s_0 = r_0²). out[t] uses returns up to and including t: it is the variance
 * forecast for t + 1. Returns are taken with zero mean; NaN returns carry the last value forward.
 *
 * @example
 * const close = Float64Array.of(100, 102, 101, 105, 107, 104);
 * ewmaVariance(vol.series.logReturns(close), { lambda: 0.94 });
 */
export function ewmaVariance(returns: NumericLike, options: EwmaOptions = {}): Float64Array {
  const r = toFloat64(returns, 'returns');
  const { lambda = 0.94 } = options;
  if (!(lambda > 0 && lambda < 1)) throw new RangeError(`invalid lambda: ${lambda}`);
  const n = r.length;
  const out = new Float64Array(n);
  let s = options.init ?? NaN;
  for (let t = 0; t < n; t++) {
    const x = r[t]!;
    if (!Number.isNaN(x)) s = Number.isNaN(s) ? x * x : lambda * s + (1 - lambda) * x * x;
    out[t] = s;
  }
  return out;
}

/**
 * EWMA volatility √(ewmaVariance), annualized with √periodsPerYear when `annualize` is set.
 *
 * @example
 * const returns = Float64Array.of(0.02, -0.01, 0.03, -0.02, 0.01);
 * ewmaVol(returns, { lambda: 0.94, annualize: true }); // yearly vol per day
 */
export function ewmaVol(
  returns: NumericLike,
  options: EwmaOptions & { annualize?: boolean; periodsPerYear?: number } = {},
): Float64Array {
  const { annualize = false, periodsPerYear = 365 } = options;
  const v = ewmaVariance(returns, options);
  const f = annualize ? Math.sqrt(periodsPerYear) : 1;
  for (let i = 0; i < v.length; i++) v[i] = Math.sqrt(v[i]!) * f;
  return v;
}

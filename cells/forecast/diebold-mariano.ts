import { studentTCdf } from './student-t';

export interface DieboldMarianoOptions {
  /** Forecast horizon h: the long-run variance uses h − 1 autocovariances (default 1). */
  horizon?: number;
  /** Weights of those autocovariances: 'bartlett' (Newey–West, default) or 'uniform' (Diebold–Mariano 1995). */
  kernel?: 'bartlett' | 'uniform';
}

export interface DieboldMarianoResult {
  /** HLN-corrected statistic; negative when model 1 has the smaller mean loss. */
  statistic: number;
  /** Two-sided p-value from Student-t with T − 1 degrees of freedom. */
  pValue: number;
  /** Mean loss differential d̄ = mean(L1 − L2). */
  meanDifference: number;
  /** Long-run variance of d used in the statistic. */
  longRunVariance: number;
}

/**
 * Diebold–Mariano test of equal predictive accuracy with the Harvey, Leybourne and Newbold (1997)
 * small-sample correction: DM = d̄ / √(LRV / T) scaled by √((T + 1 − 2h + h(h − 1)/T) / T), compared
 * with t(T − 1). LRV = γ₀ + 2 Σ_{k<h} w_k γ_k, autocovariances with divisor T.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const rv = Float64Array.from({ length: 300 }, () => 4e-4 * Math.exp(0.5 * rng.normal()));
 * const close = rv.map((v) => v * Math.exp(0.1 * rng.normal()));
 * const flat = rv.map(() => 4e-4);
 * const { lossSeries } = vol.forecast;
 * const dm = dieboldMariano(lossSeries('qlike', rv, close), lossSeries('qlike', rv, flat));
 * dm.pValue < 0.05; // → true: the forecasts differ
 */
export function dieboldMariano(
  loss1: ArrayLike<number>,
  loss2: ArrayLike<number>,
  options: DieboldMarianoOptions = {},
): DieboldMarianoResult {
  const { horizon: h = 1, kernel = 'bartlett' } = options;
  const T = loss1.length;
  if (loss2.length !== T) throw new RangeError(`length mismatch: ${T} and ${loss2.length}`);
  if (!Number.isInteger(h) || h < 1 || h >= T) throw new RangeError(`invalid horizon: ${h}`);
  if (kernel !== 'bartlett' && kernel !== 'uniform')
    throw new RangeError(`invalid kernel: ${String(kernel)}`);
  if (T < 3) throw new RangeError(`too few losses: ${T}`);
  const d = new Float64Array(T);
  let mean = 0;
  for (let t = 0; t < T; t++) {
    d[t] = loss1[t]! - loss2[t]!;
    mean += d[t]!;
  }
  mean /= T;
  let lrv = 0;
  for (let k = 0; k < h; k++) {
    let g = 0;
    for (let t = k; t < T; t++) g += (d[t]! - mean) * (d[t - k]! - mean);
    g /= T;
    const w = k === 0 ? 1 : 2 * (kernel === 'bartlett' ? 1 - k / h : 1);
    lrv += w * g;
  }
  if (!(lrv > 0)) throw new RangeError(`non-positive long-run variance: ${lrv}`);
  const dm = mean / Math.sqrt(lrv / T);
  const statistic = dm * Math.sqrt((T + 1 - 2 * h + (h * (h - 1)) / T) / T);
  const pValue = 2 * studentTCdf(-Math.abs(statistic), T - 1);
  return { statistic, pValue, meanDifference: mean, longRunVariance: lrv };
}

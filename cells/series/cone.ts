import { welford } from '../stats/moments';
import { toFloat64, type NumericLike } from '../stats/numeric';
import { quantileSorted } from '../stats/quantile';

export interface VolConeRow {
  /** Window length in periods. */
  horizon: number;
  /** Number of (overlapping) windows. */
  count: number;
  min: number;
  max: number;
  /** Realized vol of the most recent window. */
  latest: number;
  /** One value per requested quantile, in the same order. */
  quantiles: Float64Array;
}

export interface VolConeOptions {
  horizons?: readonly number[];
  quantiles?: readonly number[];
  /** Default true, with 365 periods per year. */
  annualize?: boolean;
  periodsPerYear?: number;
}

/**
 * Volatility cone (Burghardt and Lane 1990): for each horizon, the distribution of close-to-close
 * realized vol (sample std) over all overlapping windows of that many returns. Horizons longer
 * than the series get count 0 and NaN.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const returns = Float64Array.from({ length: 365 }, () => 0.03 * rng.normal());
 * volCone(returns, { horizons: [7, 30, 90], quantiles: [0.05, 0.5, 0.95] });
 */
export function volCone(returns: NumericLike, options: VolConeOptions = {}): VolConeRow[] {
  const {
    horizons = [7, 30, 60, 90, 180],
    quantiles = [0.05, 0.25, 0.5, 0.75, 0.95],
    annualize = true,
    periodsPerYear = 365,
  } = options;
  const r = toFloat64(returns, 'returns');
  for (const h of horizons) {
    if (!Number.isInteger(h) || h < 2) throw new RangeError(`invalid horizon: ${h}`);
  }
  for (const q of quantiles)
    if (!(q >= 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q}`);
  const f = annualize ? Math.sqrt(periodsPerYear) : 1;
  return horizons.map((h) => {
    const vols = rollingStd(r, h);
    for (let i = 0; i < vols.length; i++) vols[i]! *= f;
    const latest = vols.length ? vols[vols.length - 1]! : NaN;
    vols.sort();
    return {
      horizon: h,
      count: vols.length,
      min: vols.length ? vols[0]! : NaN,
      max: vols.length ? vols[vols.length - 1]! : NaN,
      latest,
      quantiles: Float64Array.from(quantiles, (q) => quantileSorted(vols, q)),
    };
  });
}

/** Sample std of every full window of `h` values; length max(0, n − h + 1). */
function rollingStd(r: Float64Array, h: number): Float64Array {
  const n = r.length;
  const out = new Float64Array(Math.max(0, n - h + 1));
  const s = welford.init();
  for (let i = 0; i < n; i++) {
    welford.add(s, r[i]!);
    if (i >= h) welford.rem(s, r[i - h]!);
    if (i >= h - 1) out[i - h + 1] = Math.sqrt(welford.value(s));
  }
  return out;
}

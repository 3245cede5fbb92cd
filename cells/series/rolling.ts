import { toBars, type Bars, type BarsLike } from './bars';
import { estimators, type Estimator, type VolReducer } from './estimators';

export interface RollingVolOptions {
  /** Default 'close' (close-to-close). */
  estimator?: Estimator;
  /** Bars per window (returns per window for close-to-close). Default 30. */
  window?: number;
  /** Multiply by √periodsPerYear. Default true. */
  annualize?: boolean;
  /** Default 365. */
  periodsPerYear?: number;
}

/**
 * Rolling realized volatility, one value per bar: out[i] covers bars i − window + 1 .. i and is
 * NaN until the window fills. Estimators that read the previous close (close-to-close,
 * Yang-Zhang) first fill at i = window, the others at i = window − 1.
 *
 * @example
 * const close = Float64Array.of(100, 102, 101, 105, 107, 104, 108, 110);
 * const daily = { open: close.map((c) => c * 0.99), high: close.map((c) => c * 1.02), low: close.map((c) => c * 0.97), close };
 * rollingVol(daily, { estimator: 'yangZhang', window: 3 }); // annualized, Float64Array
 */
export function rollingVol(bars: BarsLike, options: RollingVolOptions = {}): Float64Array {
  const { estimator = 'close', window = 30, annualize = true, periodsPerYear = 365 } = options;
  const reducer = maybeEstimator(estimator);
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`invalid window: ${window}`);
  if (!(periodsPerYear > 0)) throw new RangeError(`invalid periodsPerYear: ${periodsPerYear}`);
  const out = rollingReduce(reducer, toBars(bars), window);
  if (annualize) {
    const f = Math.sqrt(periodsPerYear);
    for (let i = 0; i < out.length; i++) out[i]! *= f;
  }
  return out;
}

/**
 * Realized volatility over all bars (one window), per period unless `annualize` is set.
 *
 * @example
 * const close = Float64Array.of(100, 102, 101, 105, 107, 104, 108, 110);
 * const daily = { open: close.map((c) => c * 0.99), high: close.map((c) => c * 1.02), low: close.map((c) => c * 0.97), close };
 * realizedVol(daily, { estimator: 'parkinson', annualize: true });
 */
export function realizedVol(
  bars: BarsLike,
  { estimator = 'close', annualize = false, periodsPerYear = 365 }: RollingVolOptions = {},
): number {
  const reducer = maybeEstimator(estimator);
  const b = toBars(bars);
  const state = reducer.init();
  for (let i = reducer.lookback; i < b.close.length; i++) reducer.add(state, b, i);
  const v = reducer.value(state);
  return annualize ? v * Math.sqrt(periodsPerYear) : v;
}

/** Slides `reducer` over the bars: add the entering bar, remove the leaving one. */
export function rollingReduce<S>(reducer: VolReducer<S>, bars: Bars, window: number): Float64Array {
  const n = bars.close.length;
  const out = new Float64Array(n).fill(NaN);
  const first = reducer.lookback;
  const state = reducer.init();
  for (let i = first; i < n; i++) {
    reducer.add(state, bars, i);
    if (i - window >= first) reducer.rem(state, bars, i - window);
    if (i - window + 1 >= first) out[i] = reducer.value(state);
  }
  return out;
}

function maybeEstimator(name: string): VolReducer<unknown> {
  if (!Object.hasOwn(estimators, name)) throw new RangeError(`invalid estimator: ${name}`);
  return estimators[name as Estimator] as VolReducer<unknown>;
}

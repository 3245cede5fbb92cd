/**
 * The volatility filter's options, its running state (typed-array rings and a few scalars, so an update is
 * O(1) with no allocation) and its estimate; `initFilter` validates the options and makes the state.
 */
import type { ArFit } from '../forecast/ar';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface VolFilterOptions {
  /** Sampling grid in ms (default 60 000: one sample a minute, the last price of each minute). */
  gridMs?: number;
  /** Grid samples (returns) per realized-variance window (default 30). */
  rvWindow?: number;
  /** AR order on log realized variance (default 1). */
  arOrder?: number;
  /** Log-RV samples kept for the AR refit (default 720). */
  arHistory?: number;
  /** Samples needed before the first AR fit (default 60). */
  arMinSamples?: number;
  /** EWMA decay per grid sample (default 0.97). */
  ewmaLambda?: number;
  /** Width of the AR band in standard deviations of the log-RV innovation (default 1.645: a 90% band). */
  bandZ?: number;
  /** Grid closes kept for `move` over a window (default 1440: a day of minutes). */
  priceHistory?: number;
  /** No tick for this long and the filter is stale (default 3 grid steps). */
  staleAfterMs?: number;
}

/** The filter's running state: typed-array rings, a few scalars. Made by `volFilter.init`. */
export interface VolFilterState {
  readonly gridMs: number;
  readonly rvWindow: number;
  readonly arOrder: number;
  readonly arMinSamples: number;
  readonly ewmaLambda: number;
  readonly bandZ: number;
  readonly staleAfterMs: number;
  /** Grid samples per year (annualizes a per-sample variance). */
  readonly samplesPerYear: number;
  /** Time of the last tick, and its price. */
  lastTickT: number;
  lastPrice: number;
  /** Grid bucket of the last tick (floor(t / gridMs)); its close is `lastPrice` until the bucket ends. */
  bucket: number;
  /** Completed grid closes. */
  closes: Float64Array;
  closeT: Float64Array;
  closeCount: number;
  /** Squared log returns of the last `rvWindow` grid samples, and their sum. */
  r2: Float64Array;
  r2Sum: number;
  returnCount: number;
  /** Log realized variance (per sample) after each full window, the AR's history. */
  logRv: Float64Array;
  logRvCount: number;
  ewma: number;
  fit: ArFit | null;
  /** One-step-ahead log RV from the fit (NaN until fitted). */
  arNext: number;
}

/** What the filter says at a moment: annualized volatilities as fractions (0.55 = 55%). */
export interface VolEstimate {
  /** Time of the last grid close, or NaN. */
  t: number;
  /** Grid samples seen. */
  samples: number;
  price: number;
  /** Realized vol over the last `rvWindow` samples; NaN until the window fills. */
  rv: number;
  /** The AR's one-step-ahead vol and its band; NaN until the first fit. */
  ar: number;
  arLower: number;
  arUpper: number;
  ewma: number;
  /** No tick for `staleAfterMs` (at `now`): do not act on the figures. */
  stale: boolean;
  /** ms since the last tick at `now` (Infinity before the first). */
  ageMs: number;
}

/**
 * Create a filter's state.
 *
 * @example
 * const s = initFilter({ gridMs: 60_000, rvWindow: 10 });
 * s.samplesPerYear; // → 525600
 */
export function initFilter(options: VolFilterOptions = {}): VolFilterState {
  const gridMs = options.gridMs ?? 60_000;
  const rvWindow = options.rvWindow ?? 30;
  const arOrder = options.arOrder ?? 1;
  const arHistory = options.arHistory ?? 720;
  const arMinSamples = options.arMinSamples ?? 60;
  const priceHistory = options.priceHistory ?? 1440;
  if (!(gridMs > 0)) throw new RangeError(`invalid gridMs: ${gridMs}`);
  if (!Number.isInteger(rvWindow) || rvWindow < 2)
    throw new RangeError(`invalid rvWindow: ${rvWindow}`);
  if (!Number.isInteger(arOrder) || arOrder < 1)
    throw new RangeError(`invalid arOrder: ${arOrder}`);
  if (!Number.isInteger(arHistory) || arHistory < 2 * arOrder + 4)
    throw new RangeError(`invalid arHistory: ${arHistory}`);
  if (!Number.isInteger(priceHistory) || priceHistory < 2)
    throw new RangeError(`invalid priceHistory: ${priceHistory}`);
  const ewmaLambda = options.ewmaLambda ?? 0.97;
  if (!(ewmaLambda > 0 && ewmaLambda < 1))
    throw new RangeError(`invalid ewmaLambda: ${ewmaLambda}`);
  return {
    gridMs,
    rvWindow,
    arOrder,
    arMinSamples: Math.max(arMinSamples, 2 * arOrder + 4),
    ewmaLambda,
    bandZ: options.bandZ ?? 1.645,
    staleAfterMs: options.staleAfterMs ?? 3 * gridMs,
    samplesPerYear: YEAR_MS / gridMs,
    lastTickT: NaN,
    lastPrice: NaN,
    bucket: NaN,
    closes: new Float64Array(priceHistory),
    closeT: new Float64Array(priceHistory),
    closeCount: 0,
    r2: new Float64Array(rvWindow),
    r2Sum: 0,
    returnCount: 0,
    logRv: new Float64Array(arHistory),
    logRvCount: 0,
    ewma: NaN,
    fit: null,
    arNext: NaN,
  };
}

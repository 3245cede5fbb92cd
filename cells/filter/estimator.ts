import { fitAr, type ArFit } from '../forecast/ar';

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

const YEAR_MS = 365 * 24 * 3600 * 1000;
/** Floor on a window's variance, so a flat window has a finite log. */
const VAR_FLOOR = 1e-20;

/**
 * Create a filter's state.
 *
 * @example
 * const s = volFilter.init({ gridMs: 60_000, rvWindow: 10 });
 * s.samplesPerYear; // → 525600
 */
function init(options: VolFilterOptions = {}): VolFilterState {
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

/**
 * Feed one tick (time in ms, price > 0), O(1). Ticks in the same grid bucket only move the bucket's close; the
 * first tick of a later bucket closes the previous one (one grid sample). Out-of-order or bad ticks are
 * ignored. Returns whether a grid sample closed.
 *
 * @example
 * const s = volFilter.init({ gridMs: 1000, rvWindow: 2 });
 * volFilter.add(s, 0, 100);
 * volFilter.add(s, 500, 101); // → false
 * volFilter.add(s, 1000, 102); // → true: second 0 closed at 101
 */
function add(s: VolFilterState, t: number, price: number): boolean {
  if (!(price > 0) || !(t >= (s.lastTickT || -Infinity))) return false;
  const bucket = Math.floor(t / s.gridMs);
  let closed = false;
  if (bucket !== s.bucket && !Number.isNaN(s.bucket)) {
    closeSample(s, s.bucket * s.gridMs + s.gridMs, s.lastPrice);
    closed = true;
  }
  s.bucket = bucket;
  s.lastTickT = t;
  s.lastPrice = price;
  return closed;
}

/** One grid sample: the close `price` at `t`. Use directly to feed an already-gridded series (hourly bars). */
function addSample(s: VolFilterState, t: number, price: number): void {
  if (!(price > 0)) return;
  closeSample(s, t, price);
  s.lastTickT = t;
  s.lastPrice = price;
  s.bucket = Math.floor(t / s.gridMs);
}

function closeSample(s: VolFilterState, t: number, price: number): void {
  const n = s.closes.length;
  if (s.closeCount > 0) {
    const prev = s.closes[(s.closeCount - 1) % n]!;
    const r = Math.log(price / prev);
    const r2 = r * r;
    const k = s.returnCount % s.rvWindow;
    s.r2Sum += r2 - (s.returnCount >= s.rvWindow ? s.r2[k]! : 0);
    s.r2[k] = r2;
    s.returnCount++;
    s.ewma = Number.isNaN(s.ewma) ? r2 : s.ewmaLambda * s.ewma + (1 - s.ewmaLambda) * r2;
    if (s.returnCount >= s.rvWindow) {
      // Re-summing a ring once per window bounds the running sum's drift at O(1) amortized cost.
      if (s.returnCount % (s.rvWindow * 64) === 0) s.r2Sum = s.r2.reduce((a, b) => a + b, 0);
      const x = Math.log(Math.max(s.r2Sum / s.rvWindow, VAR_FLOOR));
      s.logRv[s.logRvCount % s.logRv.length] = x;
      s.logRvCount++;
      if (s.fit) s.arNext = arStep(s);
    }
  }
  s.closes[s.closeCount % n] = price;
  s.closeT[s.closeCount % n] = t;
  s.closeCount++;
}

/** c + Σ φ_j x_{t+1−j} over the newest `arOrder` log RVs. */
function arStep(s: VolFilterState): number {
  const c = s.fit!.coefficients;
  const n = s.logRv.length;
  let v = c[0]!;
  for (let j = 1; j <= s.arOrder; j++) v += c[j]! * s.logRv[(s.logRvCount - j + n) % n]!;
  return v;
}

/** The kept log-RV history, oldest first. */
function logRvHistory(s: VolFilterState): Float64Array {
  const n = s.logRv.length;
  const m = Math.min(s.logRvCount, n);
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) out[i] = s.logRv[(s.logRvCount - m + i) % n]!;
  return out;
}

/**
 * Refit the AR on the kept log-RV history with `cells/forecast`'s `fitAr` (O(history), on a schedule, not per
 * sample). Returns false while the history is shorter than `arMinSamples` or cannot be fitted (flat).
 */
function refit(s: VolFilterState): boolean {
  const history = logRvHistory(s);
  if (history.length < s.arMinSamples) return false;
  try {
    s.fit = fitAr(history, s.arOrder);
  } catch {
    return false; // a flat history (no variation in log RV): keep the previous fit
  }
  s.arNext = arStep(s);
  return true;
}

/**
 * The estimate now (annualized). `now` (default the last tick) decides staleness.
 *
 * @example
 * const s = volFilter.init({ gridMs: 1000, rvWindow: 2 });
 * for (const [t, p] of [[0, 100], [1000, 101], [2000, 100], [3000, 101]]) volFilter.add(s, t, p);
 * volFilter.value(s, 3500).stale; // → false
 * volFilter.value(s, 10_000).stale; // → true
 */
function value(s: VolFilterState, now: number = s.lastTickT): VolEstimate {
  const ann = (v: number) => Math.sqrt(v * s.samplesPerYear);
  const ageMs = Number.isNaN(s.lastTickT) ? Infinity : Math.max(0, now - s.lastTickT);
  const sd = s.fit ? Math.sqrt(s.fit.sigma2) : NaN;
  const last = s.closeCount > 0 ? (s.closeCount - 1) % s.closes.length : -1;
  return {
    t: last >= 0 ? s.closeT[last]! : NaN,
    samples: s.closeCount,
    price: s.lastPrice,
    rv: s.returnCount >= s.rvWindow ? ann(s.r2Sum / s.rvWindow) : NaN,
    ar: ann(Math.exp(s.arNext)),
    arLower: ann(Math.exp(s.arNext - s.bandZ * sd)),
    arUpper: ann(Math.exp(s.arNext + s.bandZ * sd)),
    ewma: ann(s.ewma),
    stale: ageMs > s.staleAfterMs,
    ageMs,
  };
}

/**
 * Log move of the grid closes over `samples` steps (ln(p_now / p_then)), NaN when not enough history.
 *
 * @example
 * const s = volFilter.init({ gridMs: 1000, rvWindow: 2 });
 * for (const [t, p] of [[0, 100], [1000, 110], [2000, 121]]) volFilter.addSample(s, t, p);
 * volFilter.move(s, 2); // → 0.1906
 */
function move(s: VolFilterState, samples: number): number {
  const n = s.closes.length;
  if (samples < 1 || samples >= n || samples >= s.closeCount) return NaN;
  const now = s.closes[(s.closeCount - 1) % n]!;
  const then = s.closes[(s.closeCount - 1 - samples) % n]!;
  return Math.log(now / then);
}

/**
 * The streaming volatility filter, `{init, add, value}` style: fixed-grid sampling of a price stream,
 * rolling realized variance, AR on log realized variance (refit with `refit`, on a schedule) for a
 * one-step-ahead vol with a band, and an EWMA beside it.
 *
 * @example
 * const s = volFilter.init({ gridMs: 60_000, rvWindow: 10, arMinSamples: 20 });
 * let p = 100;
 * for (let i = 0; i < 200; i++) volFilter.addSample(s, i * 60_000, (p *= Math.exp(0.001 * Math.sin(i * 1.7))));
 * volFilter.refit(s); // → true
 * const e = volFilter.value(s);
 * e.arLower < e.ar && e.ar < e.arUpper; // → true
 */
export const volFilter = { init, add, addSample, refit, value, move, logRvHistory };

/**
 * The volatility filter's updates and reads (`volFilter`): ticks onto a fixed grid, realized variance over a
 * rolling window, EWMA, an AR on log realized variance refit on demand, and the estimate with its band. The
 * options and state are filter-state.ts.
 */
import { fitAr } from '../forecast/ar';
import {
  initFilter,
  type VolEstimate,
  type VolFilterOptions,
  type VolFilterState,
} from './filter-state';

export type { VolEstimate, VolFilterOptions, VolFilterState };

/** Floor on a window's variance, so a flat window has a finite log. */
const VAR_FLOOR = 1e-20;

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
export const volFilter = { init: initFilter, add, addSample, refit, value, move, logRvHistory };

import { mean, std, welford } from '../stats/moments';
import { mad, median } from '../stats/quantile';
import { toFloat64, type NumericLike } from '../stats/numeric';
import { sortedWindow } from './sorted-window';

/** Scale that makes the MAD a consistent estimator of σ for normal data: 1 / Φ⁻¹(3/4). */
export const MAD_SCALE = 1.4826;

export interface ZScoreOptions {
  /** Values per window (default 30). */
  window?: number;
  /** (x − median) / (1.4826 · MAD) instead of (x − mean) / std. */
  robust?: boolean;
  /** Include x_t in its own window (default true, as pandas' rolling); false compares x_t to the previous `window` values only. */
  includeCurrent?: boolean;
}

/**
 * Rolling z-score of each value against its trailing window; NaN until the window holds
 * `window` values. Plain: (x − mean) / sample std. Robust: (x − median) / (1.4826 · MAD).
 * NaN values are skipped in the windows and score NaN.
 *
 * @example
 * const returns = Float64Array.from({ length: 120 }, (_, i) => (i === 100 ? 0.2 : 0.01 * Math.sin(i)));
 * rollingZScore(returns, { window: 60, robust: true, includeCurrent: false })[100] > 10; // → true: a jump
 */
export function rollingZScore(values: NumericLike, options: ZScoreOptions = {}): Float64Array {
  const { window = 30, robust = false, includeCurrent = true } = options;
  if (!Number.isInteger(window) || window < 2) throw new RangeError(`invalid window: ${window}`);
  const x = toFloat64(values);
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const lag = includeCurrent ? 0 : 1;
  const w = robust ? sortedWindow(window + 1) : null; // +1: insert comes before remove
  const s = welford.init();
  // The window for output t covers positions t − lag − window + 1 .. t − lag.
  for (let t = 0; t < n; t++) {
    const enter = t - lag;
    const leave = enter - window;
    if (enter >= 0 && !Number.isNaN(x[enter]!)) {
      if (w) w.insert(x[enter]!);
      else welford.add(s, x[enter]!);
    }
    if (leave >= 0 && !Number.isNaN(x[leave]!)) {
      if (w) w.remove(x[leave]!);
      else welford.rem(s, x[leave]!);
    }
    if (enter - window + 1 < 0 || Number.isNaN(x[t]!)) continue;
    if (w) {
      const m = w.median();
      out[t] = (x[t]! - m) / (MAD_SCALE * w.mad(m));
    } else {
      out[t] = (x[t]! - s.mean) / Math.sqrt(welford.value(s));
    }
  }
  return out;
}

/**
 * Z-score of every value against the whole series (sample std), or robust with `{robust: true}`.
 *
 * @example
 * zScore([1, 2, 3, 10], { robust: true });
 */
export function zScore(
  values: NumericLike,
  { robust = false }: { robust?: boolean } = {},
): Float64Array {
  const x = toFloat64(values);
  const center = robust ? median(x) : mean(finite(x));
  const scale = robust ? MAD_SCALE * mad(x) : std(finite(x));
  return x.map((v) => (v - center) / scale);
}

function finite(x: Float64Array): Float64Array {
  return x.filter((v) => !Number.isNaN(v));
}

/**
 * Quantile of already sorted values by linear interpolation between order statistics
 * (Hyndman and Fan type 7, numpy's default).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Ascending copy with NaNs dropped. */
export function sortedFinite(x: ArrayLike<number>): Float64Array {
  let m = 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) out[m++] = x[i]!;
  return out.subarray(0, m).sort();
}

/**
 * Quantile `p` in [0, 1] (type 7, as numpy), ignoring NaN.
 *
 * @example
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function quantile(x: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid p: ${p}`);
  return quantileSorted(sortedFinite(x), p);
}

/** Median, ignoring NaN. */
export function median(x: ArrayLike<number>): number {
  return quantileSorted(sortedFinite(x), 0.5);
}

/**
 * Median absolute deviation, unscaled: median(|x − median(x)|). Multiply by 1.4826 for a
 * consistent estimate of σ under normality.
 */
export function mad(x: ArrayLike<number>): number {
  const s = sortedFinite(x);
  const m = quantileSorted(s, 0.5);
  for (let i = 0; i < s.length; i++) s[i] = Math.abs(s[i]! - m);
  return quantileSorted(s.sort(), 0.5);
}

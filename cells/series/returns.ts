import { toFloat64, type NumericLike } from '../stats/numeric';

/**
 * Log returns ln(p[t+1] / p[t]); length n − 1. Accepts a Float64Array, a number[] or an Arrow
 * column (nulls become NaN, and so do the returns next to them).
 *
 * @example
 * logReturns([100, 110, 99]); // → [Math.log(1.1), Math.log(0.9)]
 */
export function logReturns(prices: NumericLike): Float64Array {
  const p = toFloat64(prices, 'prices');
  const n = p.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) out[i - 1] = Math.log(p[i]! / p[i - 1]!);
  return out;
}

/**
 * Simple returns p[t+1] / p[t] − 1; length n − 1.
 *
 * @example
 * simpleReturns([100, 110, 99]); // [0.1, -0.1]
 */
export function simpleReturns(prices: NumericLike): Float64Array {
  const p = toFloat64(prices, 'prices');
  const n = p.length;
  const out = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) out[i - 1] = p[i]! / p[i - 1]! - 1;
  return out;
}

import { regularizedBeta } from './special';

/**
 * Student-t cumulative distribution with `df` degrees of freedom (df > 0, not necessarily integer),
 * through the regularized incomplete beta: P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0.
 *
 * @example
 * studentTCdf(2.228, 10); // ≈ 0.975
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`invalid df: ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

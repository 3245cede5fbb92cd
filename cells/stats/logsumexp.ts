/**
 * log Σ exp(x[offset + i·stride]) for i < n, without overflow.
 *
 * @example
 * logSumExp([1000, 1000]); // 1000 + ln 2
 */
export function logSumExp(
  x: ArrayLike<number>,
  offset = 0,
  n = x.length - offset,
  stride = 1,
): number {
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[offset + i * stride]!;
    if (v > max) max = v;
  }
  if (max === -Infinity || !Number.isFinite(max)) return max;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(x[offset + i * stride]! - max);
  return max + Math.log(s);
}

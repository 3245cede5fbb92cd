/**
 * Z-normalize a series: subtract the mean, divide by the population standard deviation. A constant
 * series (std below `epsilon`) maps to zeros, as in most DTW libraries, rather than to NaN.
 *
 * @example
 * zNormalize([1, 2, 3]); // [-1.2247, 0, 1.2247]
 */
export function zNormalize(x: ArrayLike<number>, epsilon = 1e-12): Float64Array {
  const n = x.length;
  if (n === 0) return new Float64Array(0);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  const std = Math.sqrt(ss / n);
  const out = new Float64Array(n);
  if (std < epsilon) return out;
  for (let i = 0; i < n; i++) out[i] = (x[i]! - mean) / std;
  return out;
}

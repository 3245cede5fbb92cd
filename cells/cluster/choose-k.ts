import { silhouette } from './silhouette';

export interface KScan {
  /** The chosen k. */
  k: number;
  ks: number[];
  scores: Float64Array;
}

/**
 * Pick k by the highest mean silhouette over `ks`, clustering with `cluster(k)` each time.
 *
 * @example
 * const wave = (level) => Float64Array.from({ length: 20 }, (_, i) => level + Math.sin(i / 3));
 * const series = [0, 0.2, 0.4, 5, 5.2, 5.4].map(wave);
 * const d = vol.cluster.dtwMatrix(series, { window: 0.1 });
 * chooseKBySilhouette(d, [2, 3, 4], (k) => vol.cluster.kmedoids(d, k).labels).k; // → 2
 */
export function chooseKBySilhouette(
  distances: ArrayLike<number>,
  ks: readonly number[],
  cluster: (k: number) => ArrayLike<number>,
): KScan {
  if (ks.length === 0) throw new RangeError('invalid ks: empty');
  const scores = Float64Array.from(ks, (k) => silhouette(distances, cluster(k)).mean);
  let best = 0;
  for (let i = 1; i < ks.length; i++) if (scores[i]! > scores[best]!) best = i;
  return { k: ks[best]!, ks: [...ks], scores };
}

/**
 * Elbow of a decreasing curve (e.g. k-means inertia against k): the point farthest from the chord joining
 * the first and last points, after scaling both axes to [0, 1] (the "kneedle" idea, Satopää et al. 2011).
 *
 * @example
 * const ks = [1, 2, 3, 4, 5, 6];
 * const features = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [20, 1], [21, 0]];
 * elbow(ks, ks.map((k) => vol.cluster.kmeans(features, k, { seed: 1 }).inertia)).k; // → 3
 */
export function elbow(ks: readonly number[], values: ArrayLike<number>): KScan {
  const m = ks.length;
  if (m < 3 || values.length !== m)
    throw new RangeError(`invalid curve: ${m} ks, ${values.length} values`);
  const x0 = ks[0]!;
  const xr = ks[m - 1]! - x0 || 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  const yr = hi - lo || 1;
  const y0 = (values[0]! - lo) / yr;
  const y1 = (values[m - 1]! - lo) / yr;
  const scores = new Float64Array(m);
  let best = 0;
  for (let i = 0; i < m; i++) {
    const x = (ks[i]! - x0) / xr;
    const y = (values[i]! - lo) / yr;
    // Distance from (x, y) to the chord through (0, y0) and (1, y1), signed so a convex drop is positive.
    scores[i] = (y0 + (y1 - y0) * x - y) / Math.hypot(1, y1 - y0);
    if (scores[i]! > scores[best]!) best = i;
  }
  return { k: ks[best]!, ks: [...ks], scores };
}

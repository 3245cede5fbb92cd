import { itemsFromCondensed } from './condensed';

export interface SilhouetteResult {
  /** s(i) = (b − a) / max(a, b) per item; 0 for members of singleton clusters (as sklearn). */
  values: Float64Array;
  /** Mean of `values` (sklearn's `silhouette_score`). */
  mean: number;
}

/**
 * Silhouette coefficients (Rousseeuw 1987) from a condensed distance matrix and cluster labels:
 * a = mean distance to the rest of one's cluster, b = smallest mean distance to another cluster.
 *
 * @example
 * const d = Float64Array.of(1, 4, 5, 3, 4, 2); // condensed distances of 4 items
 * silhouette(d, vol.cluster.fcluster(vol.cluster.linkage(d, 'average'), 2)).mean;
 */
export function silhouette(
  distances: ArrayLike<number>,
  labels: ArrayLike<number>,
): SilhouetteResult {
  const n = itemsFromCondensed(distances.length);
  if (labels.length !== n) throw new RangeError(`invalid labels length: ${labels.length}`);
  const ids = new Map<number, number>();
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!ids.has(labels[i]!)) ids.set(labels[i]!, ids.size);
    label[i] = ids.get(labels[i]!)!;
  }
  const k = ids.size;
  if (k < 2 || k > n - 1) throw new RangeError(`invalid cluster count: ${k}`);
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[label[i]!]!++;
  // sums[i * k + c]: total distance from item i to cluster c, in one pass over the condensed matrix.
  const sums = new Float64Array(n * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distances[p++]!;
      sums[i * k + label[j]!]! += d;
      sums[j * k + label[i]!]! += d;
    }
  }
  const values = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = label[i]!;
    if (counts[own] === 1) continue;
    const a = sums[i * k + own]! / (counts[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[i * k + c]! / counts[c]!);
    const s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
    values[i] = s;
    total += s;
  }
  return { values, mean: total / n };
}

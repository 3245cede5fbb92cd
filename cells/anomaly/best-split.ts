import type { Presorted } from './presort';

/** The best split found so far at a node: Σ_sides Σc²/n_side, and where it falls. */
export interface Split {
  score: number;
  feature: number;
  /** Rows of the node's sorted list that go left. */
  position: number;
  /** Rows with x[feature] ≤ threshold go left. */
  threshold: number;
}

/**
 * Scans one feature's sorted rows of a node for the threshold with the largest Gini decrease and
 * records it in `best` when it beats `best.score` by more than 1e-12. Maximizing Σ_sides Σc²/n_side
 * is minimizing the children's weighted Gini impurity n_L·G_L + n_R·G_R. Rows count `weights`
 * times (bootstrap repeats); thresholds fall only between distinct values, at their midpoint.
 *
 * @example
 * // x = 1, 2, 3, 4 with classes 0, 0, 1, 1: the parent's Σc²/n is (2² + 2²)/4 = 2.
 * const sorted = { rows: 4, dims: 1, columns: Float64Array.of(1, 2, 3, 4), order: Int32Array.of(0, 1, 2, 3) };
 * const best = { score: 2, feature: -1, position: 0, threshold: 0 };
 * const labels = Int32Array.of(0, 0, 1, 1);
 * const weights = Int32Array.of(1, 1, 1, 1);
 * bestSplit(sorted, sorted.order, 0, labels, weights, Float64Array.of(2, 2), 4, 8, 1, best);
 * best; // → { score: 4, feature: 0, position: 2, threshold: 2.5 }
 */
export function bestSplit(
  p: Presorted,
  sorted: Int32Array,
  f: number,
  labels: Int32Array,
  weights: Int32Array,
  counts: Float64Array,
  n: number,
  sumSq: number,
  minSamplesLeaf: number,
  best: Split,
): void {
  const C = counts.length;
  const column = p.columns.subarray(f * p.rows, (f + 1) * p.rows);
  const countL = new Float64Array(C);
  const countR = Float64Array.from(counts);
  let sL = 0;
  let sR = sumSq;
  let nL = 0;
  let value = column[sorted[0]!]!;
  for (let k = 0; k < sorted.length - 1; k++) {
    const row = sorted[k]!;
    const c = labels[row]!;
    const w = weights[row]!;
    // (a + w)² − a² = 2aw + w², (b − w)² − b² = −(2bw − w²): exact in integers.
    sL += (2 * countL[c]! + w) * w;
    sR -= (2 * countR[c]! - w) * w;
    countL[c]! += w;
    countR[c]! -= w;
    nL += w;
    const nextValue = column[sorted[k + 1]!]!;
    const here = value;
    value = nextValue;
    if (here === nextValue || nL < minSamplesLeaf || n - nL < minSamplesLeaf) continue;
    const score = sL / nL + sR / (n - nL);
    if (score > best.score + 1e-12) {
      best.score = score;
      best.feature = f;
      best.position = k + 1;
      let t = (here + nextValue) / 2;
      if (t === nextValue) t = here; // midpoint rounded up: keep x ≤ t on the left
      best.threshold = t;
    }
  }
}

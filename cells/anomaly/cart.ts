import type { Rng } from '../random';
import type { Matrix } from './rows';
import { sortedByFeature } from './sorted-runs';

/** One classification tree, flat: a node is a leaf when feature < 0; leaf class shares in `value`. */
export interface ClassTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** nodes × classes: class proportions at each node. */
  value: Float64Array;
}

export interface CartOptions {
  classes: number;
  maxFeatures: number;
  maxDepth: number;
  minSamplesLeaf: number;
}

/**
 * Grows a CART classification tree (Breiman et al. 1984) on the sample `idx` (with repeats, for
 * a bootstrap), choosing each split among `maxFeatures` random features by the largest Gini
 * decrease. Adds each split's weighted impurity decrease to `importance[feature]`.
 */
export function growTree(
  m: Matrix,
  labels: Int32Array,
  idx: Int32Array,
  o: CartOptions,
  rng: Rng,
  importance: Float64Array,
): ClassTree {
  const C = o.classes;
  const feature: number[] = [];
  const threshold: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const features = Int32Array.from({ length: m.dims }, (_, j) => j);
  const keys = new Float64Array(idx.length);
  const sortedKeys = new Float64Array(idx.length);
  const sortedLabels = new Int32Array(idx.length);
  const heads = new Int32Array(2 * C);
  const countL = new Float64Array(C);
  const countR = new Float64Array(C);

  const node = (lo: number, hi: number, depth: number): number => {
    const id = feature.length;
    const n = hi - lo;
    const counts = new Float64Array(C);
    for (let i = lo; i < hi; i++) counts[labels[idx[i]!]!]!++;
    feature.push(-1);
    threshold.push(0);
    left.push(-1);
    right.push(-1);
    for (let c = 0; c < C; c++) value.push(counts[c]! / n);
    let sumSq = 0;
    let pure = false;
    for (let c = 0; c < C; c++) {
      sumSq += counts[c]! * counts[c]!;
      if (counts[c] === n) pure = true;
    }
    if (pure || depth >= o.maxDepth || n < 2 * o.minSamplesLeaf) return id;

    let bestScore = sumSq / n; // Σc²/n of the parent: a split must beat it
    let bestF = -1;
    let bestT = 0;
    for (let a = 0; a < o.maxFeatures; a++) {
      const r = a + rng.int(m.dims - a);
      const f = features[r]!;
      features[r] = features[a]!;
      features[a] = f;
      sortedByFeature(m, labels, idx, lo, hi, f, counts, keys, sortedKeys, sortedLabels, heads);
      countL.fill(0);
      countR.set(counts);
      let sL = 0;
      let sR = sumSq;
      for (let i = 0; i < n - 1; i++) {
        const c = sortedLabels[i]!;
        sL += 2 * countL[c]! + 1;
        sR -= 2 * countR[c]! - 1;
        countL[c]!++;
        countR[c]!--;
        const nL = i + 1;
        if (
          sortedKeys[i] === sortedKeys[i + 1] ||
          nL < o.minSamplesLeaf ||
          n - nL < o.minSamplesLeaf
        )
          continue;
        const score = sL / nL + sR / (n - nL);
        if (score > bestScore + 1e-12) {
          bestScore = score;
          bestF = f;
          bestT = (sortedKeys[i]! + sortedKeys[i + 1]!) / 2;
          if (bestT === sortedKeys[i + 1]) bestT = sortedKeys[i]!; // midpoint rounded up: keep x ≤ t on the left
        }
      }
    }
    if (bestF < 0) return id;
    // Weighted impurity decrease n·G − nL·GL − nR·GR equals Σ_sides Σc²/n_side − Σc²/n.
    importance[bestF]! += bestScore - sumSq / n;
    let mid = lo;
    for (let i = lo; i < hi; i++) {
      const j = idx[i]!;
      if (m.data[j * m.dims + bestF]! <= bestT) {
        idx[i] = idx[mid]!;
        idx[mid++] = j;
      }
    }
    feature[id] = bestF;
    threshold[id] = bestT;
    left[id] = node(lo, mid, depth + 1);
    right[id] = node(mid, hi, depth + 1);
    return id;
  };

  node(0, idx.length, 0);
  return {
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

/** Leaf reached by row `i` of `m`. */
export function leafOf(tree: ClassTree, m: Matrix, i: number): number {
  let node = 0;
  const o = i * m.dims;
  while (tree.feature[node]! >= 0) {
    node =
      m.data[o + tree.feature[node]!]! <= tree.threshold[node]!
        ? tree.left[node]!
        : tree.right[node]!;
  }
  return node;
}

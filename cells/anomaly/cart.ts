import type { Rng } from '../random';
import type { Matrix } from './rows';
import { partition, weightedOrder, type Presorted } from './presort';
import { bestSplit, type Split } from './best-split';

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
 * Grows a CART classification tree (Breiman et al. 1984) on the rows with positive `weights` (a
 * bootstrap's draw counts), choosing each split among `maxFeatures` random features by the largest
 * Gini decrease. Adds each split's weighted impurity decrease to `importance[feature]`.
 *
 * Each feature's rows stay in sorted order, node by node: a split keeps every feature's list
 * stably partitioned into the two children, so no node sorts (the presorted CART of Breiman et
 * al.). Nodes are grown in preorder, left child first.
 *
 * @example
 * // x = 1, 2, 3, 4 with classes 0, 0, 1, 1, each row drawn once: one split, two pure leaves.
 * const sorted = { rows: 4, dims: 1, columns: Float64Array.of(1, 2, 3, 4), order: Int32Array.of(0, 1, 2, 3) };
 * const options = { classes: 2, maxFeatures: 1, maxDepth: Infinity, minSamplesLeaf: 1 };
 * const labels = Int32Array.of(0, 0, 1, 1);
 * const weights = Int32Array.of(1, 1, 1, 1);
 * const tree = growTree(sorted, labels, weights, options, vol.random.createRng(1), new Float64Array(1));
 * tree.threshold[0]; // → 2.5
 * Array.from(tree.value); // → [0.5, 0.5, 1, 0, 0, 1]
 */
export function growTree(
  p: Presorted,
  labels: Int32Array,
  weights: Int32Array,
  o: CartOptions,
  rng: Rng,
  importance: Float64Array,
): ClassTree {
  const { dims, rows } = p;
  const C = o.classes;
  const lists = new Int32Array(dims * rows);
  const count = weightedOrder(p, weights, lists);
  const capacity = 2 * count - 1;
  const tree: ClassTree = {
    feature: new Int32Array(capacity).fill(-1),
    threshold: new Float64Array(capacity),
    left: new Int32Array(capacity).fill(-1),
    right: new Int32Array(capacity).fill(-1),
    value: new Float64Array(capacity * C),
  };
  const features = Int32Array.from({ length: dims }, (_, j) => j);
  const goesLeft = new Uint8Array(rows);
  const spill = new Int32Array(count);
  const counts = new Float64Array(C);
  const split: Split = { score: 0, feature: -1, position: 0, threshold: 0 };
  // Pending nodes (lo, hi, depth, parent slot): left/right[parent] is set to the node's id.
  const stack: number[] = [0, count, 0, -1];
  let nodes = 0;
  while (stack.length > 0) {
    const parentSlot = stack.pop()!;
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    const id = nodes++;
    if (parentSlot >= 0) (parentSlot & 1 ? tree.right : tree.left)[parentSlot >> 1] = id;
    counts.fill(0);
    for (let k = lo; k < hi; k++) {
      const row = lists[k]!;
      counts[labels[row]!]! += weights[row]!;
    }
    let n = 0;
    let sumSq = 0;
    for (let c = 0; c < C; c++) {
      n += counts[c]!;
      sumSq += counts[c]! * counts[c]!;
    }
    let pure = false;
    for (let c = 0; c < C; c++) {
      tree.value[id * C + c] = counts[c]! / n;
      if (counts[c] === n) pure = true;
    }
    if (pure || depth >= o.maxDepth || n < 2 * o.minSamplesLeaf) continue;

    split.score = sumSq / n; // Σc²/n of the parent: a split must beat it
    split.feature = -1;
    for (let a = 0; a < o.maxFeatures; a++) {
      const r = a + rng.int(dims - a);
      const f = features[r]!;
      features[r] = features[a]!;
      features[a] = f;
      bestSplit(
        p,
        lists.subarray(f * count + lo, f * count + hi),
        f,
        labels,
        weights,
        counts,
        n,
        sumSq,
        o.minSamplesLeaf,
        split,
      );
    }
    if (split.feature < 0) continue;
    // Weighted impurity decrease n·G − nL·GL − nR·GR equals Σ_sides Σc²/n_side − Σc²/n.
    importance[split.feature]! += split.score - sumSq / n;
    tree.feature[id] = split.feature;
    tree.threshold[id] = split.threshold;
    const mid = lo + split.position;
    const chosen = split.feature * count;
    for (let k = lo; k < hi; k++) goesLeft[lists[chosen + k]!] = k < mid ? 1 : 0;
    for (let f = 0; f < dims; f++) {
      if (f !== split.feature) partition(lists, f * count + lo, f * count + hi, goesLeft, spill);
    }
    stack.push(mid, hi, depth + 1, 2 * id + 1, lo, mid, depth + 1, 2 * id);
  }
  return {
    feature: tree.feature.slice(0, nodes),
    threshold: tree.threshold.slice(0, nodes),
    left: tree.left.slice(0, nodes),
    right: tree.right.slice(0, nodes),
    value: tree.value.slice(0, nodes * C),
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

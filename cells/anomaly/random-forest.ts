import { createRng } from '../random';
import { throwIfAborted, type LongRunning } from '../stats/abort';
import { growTree, leafOf, type ClassTree } from './cart';
import { presortColumns } from './presort';
import { toMatrix, type RowsInput } from './rows';

export interface RandomForestOptions extends LongRunning {
  /** Number of trees (default 100). */
  trees?: number;
  /** Features tried per split (default floor(√features), at least 1). */
  maxFeatures?: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  seed?: number;
  /** Required when rows is one flat Float64Array. */
  dims?: number;
}

export interface RandomForest {
  classes: number;
  dims: number;
  trees: ClassTree[];
  /** Out-of-bag misclassification rate over rows left out of at least one bootstrap. */
  oobError: number;
  /** Mean decrease in Gini impurity per feature, normalized to sum to 1. */
  featureImportance: Float64Array;
  /** Class probabilities: one Float64Array per class, one entry per row. */
  predictProba(rows: RowsInput, options?: { dims?: number }): Float64Array[];
  /** Most probable class per row. */
  predict(rows: RowsInput, options?: { dims?: number }): Int32Array;
}

/**
 * Random forest classifier (Breiman 2001): bootstrap samples, Gini splits over √features random
 * features, probabilities averaged over trees (as sklearn), out-of-bag error and mean-decrease-
 * in-impurity importance. Labels are integers 0..C−1 (or booleans).
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const features = Array.from({ length: 200 }, () => [rng.normal(), rng.normal()]);
 * const isStress = features.map(([x]) => x > 1);
 * const rf = randomForest(features, isStress, { trees: 50, seed: 1 });
 * rf.predictProba([[2.5, 0]])[1][0] > 0.9; // → true: P(stress) of a row far on the stress side
 */
export function randomForest(
  rows: RowsInput,
  labels: ArrayLike<number | boolean>,
  options: RandomForestOptions = {},
): RandomForest {
  const m = toMatrix(rows, options.dims);
  if (labels.length !== m.rows)
    throw new RangeError(`length mismatch: ${labels.length} labels, ${m.rows} rows`);
  const y = Int32Array.from(labels as ArrayLike<number>, (v, i) => {
    const c = Number(v);
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`invalid label at ${i}: ${v}`);
    return c;
  });
  let classes = 2;
  for (const c of y) if (c + 1 > classes) classes = c + 1;
  const { trees: nTrees = 100, maxDepth = Infinity, minSamplesLeaf = 1, seed = 0 } = options;
  const maxFeatures = options.maxFeatures ?? Math.max(1, Math.floor(Math.sqrt(m.dims)));
  if (!Number.isInteger(nTrees) || nTrees < 1) throw new RangeError(`invalid trees: ${nTrees}`);
  if (!Number.isInteger(maxFeatures) || maxFeatures < 1 || maxFeatures > m.dims) {
    throw new RangeError(`invalid maxFeatures: ${maxFeatures}`);
  }
  if (!(minSamplesLeaf >= 1)) throw new RangeError(`invalid minSamplesLeaf: ${minSamplesLeaf}`);
  for (let i = 0; i < m.data.length; i++) {
    if (Number.isNaN(m.data[i]!))
      throw new RangeError(`invalid rows: NaN in row ${Math.floor(i / m.dims)}`);
  }
  const rng = createRng(seed);
  const n = m.rows;
  const presorted = presortColumns(m);
  const importance = new Float64Array(m.dims);
  const treeImportance = new Float64Array(m.dims);
  const oob = new Float64Array(n * classes);
  // Bootstrap draw counts: a row drawn k times weighs k in its tree, 0 means out of bag.
  const weights = new Int32Array(n);
  const trees: ClassTree[] = [];
  for (let t = 0; t < nTrees; t++) {
    throwIfAborted(options.signal);
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)]!++;
    treeImportance.fill(0);
    const tree = growTree(
      presorted,
      y,
      weights,
      { classes, maxFeatures, maxDepth, minSamplesLeaf },
      rng,
      treeImportance,
    );
    trees.push(tree);
    // As sklearn: normalize each tree's importances, average, normalize again.
    const total = treeImportance.reduce((a, b) => a + b, 0);
    if (total > 0) for (let j = 0; j < m.dims; j++) importance[j]! += treeImportance[j]! / total;
    for (let i = 0; i < n; i++) {
      if (weights[i]) continue;
      const leaf = leafOf(tree, m, i);
      for (let c = 0; c < classes; c++) oob[i * classes + c]! += tree.value[leaf * classes + c]!;
    }
    options.onProgress?.((t + 1) / nTrees);
  }
  const totalImportance = importance.reduce((a, b) => a + b, 0);
  if (totalImportance > 0) for (let j = 0; j < m.dims; j++) importance[j]! /= totalImportance;

  let wrong = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    const row = oob.subarray(i * classes, i * classes + classes);
    if (row.every((v) => v === 0)) continue;
    counted++;
    if (argmax(row) !== y[i]) wrong++;
  }

  const predictProba = (x: RowsInput, o: { dims?: number } = {}): Float64Array[] => {
    const q = toMatrix(x, o.dims ?? (x instanceof Float64Array ? m.dims : undefined));
    if (q.dims !== m.dims) throw new RangeError(`invalid dims: ${q.dims}, forest has ${m.dims}`);
    const out = Array.from({ length: classes }, () => new Float64Array(q.rows));
    for (const tree of trees) {
      for (let i = 0; i < q.rows; i++) {
        const leaf = leafOf(tree, q, i);
        for (let c = 0; c < classes; c++) out[c]![i]! += tree.value[leaf * classes + c]! / nTrees;
      }
    }
    return out;
  };
  return {
    classes,
    dims: m.dims,
    trees,
    oobError: counted ? wrong / counted : NaN,
    featureImportance: importance,
    predictProba,
    predict(x, o) {
      const p = predictProba(x, o);
      return Int32Array.from({ length: p[0]!.length }, (_, i) => argmax(p.map((col) => col[i]!)));
    },
  };
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

import { createRng } from '../random';
import { buildTrees, type TreePool } from './itree';
import { accumulatePaths } from './itree-paths';
import { averagePathLength } from './path-length';
import { toMatrix, type RowsInput } from './rows';

export interface IsolationForestOptions {
  /** Number of trees (default 100). */
  trees?: number;
  /** Points per tree, ψ (default 256, or all rows when fewer). */
  sampleSize?: number;
  seed?: number;
  /** Required when rows is one flat Float64Array. */
  dims?: number;
}

export interface IsolationForest {
  trees: number;
  sampleSize: number;
  dims: number;
  /** Anomaly scores s = 2^(−E[h(x)] / c(ψ)) in [0, 1]: near 1 anomalous, below 0.5 normal. */
  score(rows: RowsInput, options?: { dims?: number }): Float64Array;
  /** Mean path length E[h(x)] over the trees. */
  pathLength(rows: RowsInput, options?: { dims?: number }): Float64Array;
  pool: TreePool;
}

/**
 * Isolation forest (Liu, Ting and Zhou 2008): random axis-parallel splits isolate anomalies in
 * few steps. Trees are grown to height ceil(log2 ψ) on subsamples of ψ points and stored in flat
 * typed arrays.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const features = Array.from({ length: 300 }, () => [rng.normal(), rng.normal()]);
 * features.push([8, 8]); // an outlier
 * const forest = isolationForest(features, { trees: 100, sampleSize: 256, seed: 1 });
 * const s = forest.score(features); // Float64Array in [0, 1]
 * s[300] > Math.max(...s.subarray(0, 300)); // → true
 */
export function isolationForest(
  rows: RowsInput,
  options: IsolationForestOptions = {},
): IsolationForest {
  const m = toMatrix(rows, options.dims);
  const { trees = 100, seed = 0 } = options;
  const sampleSize = Math.min(options.sampleSize ?? 256, m.rows);
  if (!Number.isInteger(trees) || trees < 1) throw new RangeError(`invalid trees: ${trees}`);
  if (!Number.isInteger(sampleSize) || sampleSize < 2)
    throw new RangeError(`invalid sampleSize: ${sampleSize}`);
  for (let i = 0; i < m.data.length; i++) {
    if (Number.isNaN(m.data[i]!))
      throw new RangeError(`invalid rows: NaN in row ${Math.floor(i / m.dims)}`);
  }
  const pool = buildTrees(m, trees, sampleSize, createRng(seed));
  const cPsi = averagePathLength(sampleSize);
  const pathLength = (x: RowsInput, o: { dims?: number } = {}): Float64Array => {
    const q = toMatrix(x, o.dims ?? (x instanceof Float64Array ? m.dims : undefined));
    if (q.dims !== m.dims) throw new RangeError(`invalid dims: ${q.dims}, forest has ${m.dims}`);
    const sums = new Float64Array(q.rows);
    accumulatePaths(pool, q, sums);
    for (let i = 0; i < sums.length; i++) sums[i]! /= trees;
    return sums;
  };
  return {
    trees,
    sampleSize,
    dims: m.dims,
    pool,
    pathLength,
    score(x, o) {
      const h = pathLength(x, o);
      for (let i = 0; i < h.length; i++) h[i] = Math.pow(2, -h[i]! / cPsi);
      return h;
    },
  };
}

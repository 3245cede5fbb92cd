import type { Rng } from '../random';
import { averagePathLength } from './path-length';
import type { Matrix } from './rows';

/**
 * Isolation trees stored flat, for all trees of a forest at once. Node `i` is a split when
 * `feature[i] ≥ 0` (go to `left[i]` when x[feature] < threshold, else `left[i] + 1`), a leaf
 * otherwise, whose `threshold[i]` holds its path length: depth + c(size).
 */
export interface TreePool {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  roots: Int32Array;
}

/** Builds `trees` isolation trees, each on `psi` points drawn without replacement. */
export function buildTrees(m: Matrix, trees: number, psi: number, rng: Rng): TreePool {
  const perTree = 2 * psi - 1;
  const pool: TreePool = {
    feature: new Int32Array(trees * perTree).fill(-1),
    threshold: new Float64Array(trees * perTree),
    left: new Int32Array(trees * perTree),
    roots: new Int32Array(trees),
  };
  const limit = Math.ceil(Math.log2(psi));
  const perm = Int32Array.from({ length: m.rows }, (_, i) => i);
  const idx = new Int32Array(psi);
  let next = 0;
  for (let t = 0; t < trees; t++) {
    // Partial Fisher-Yates: any arrangement of `perm` is a fine start for the next draw.
    for (let i = 0; i < psi; i++) {
      const j = i + rng.int(m.rows - i);
      const tmp = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = tmp;
      idx[i] = perm[i]!;
    }
    pool.roots[t] = next;
    next = grow(pool, next, next + 1, m, idx, 0, psi, 0, limit, rng);
  }
  return pool;
}

/**
 * Grows the node at `node` from points idx[lo..hi); children go at `free`. Returns the next
 * free slot.
 */
function grow(
  pool: TreePool,
  node: number,
  free: number,
  m: Matrix,
  idx: Int32Array,
  lo: number,
  hi: number,
  depth: number,
  limit: number,
  rng: Rng,
): number {
  const size = hi - lo;
  const { data, dims } = m;
  if (depth < limit && size > 1) {
    // A random feature that is not constant here, found by scanning from a random offset.
    const start = rng.int(dims);
    for (let a = 0; a < dims; a++) {
      const f = (start + a) % dims;
      let min = Infinity;
      let max = -Infinity;
      for (let i = lo; i < hi; i++) {
        const v = data[idx[i]! * dims + f]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (!(max > min)) continue;
      let p = min + rng.next() * (max - min);
      if (!(p > min)) p = (min + max) / 2; // keep both sides non-empty
      let mid = lo;
      for (let i = lo; i < hi; i++) {
        const j = idx[i]!;
        if (data[j * dims + f]! < p) {
          idx[i] = idx[mid]!;
          idx[mid++] = j;
        }
      }
      pool.feature[node] = f;
      pool.threshold[node] = p;
      pool.left[node] = free;
      let next = grow(pool, free, free + 2, m, idx, lo, mid, depth + 1, limit, rng);
      next = grow(pool, free + 1, next, m, idx, mid, hi, depth + 1, limit, rng);
      return next;
    }
  }
  pool.feature[node] = -1;
  pool.threshold[node] = depth + averagePathLength(size);
  return free;
}

/**
 * Adds each row's path length in every tree to `sums`. Rows go in blocks, each block through all
 * trees, so both the block and the trees stay in cache.
 */
export function accumulatePaths(pool: TreePool, m: Matrix, sums: Float64Array): void {
  const { feature, threshold, left, roots } = pool;
  const { data, dims, rows } = m;
  const BLOCK = 512;
  for (let b0 = 0; b0 < rows; b0 += BLOCK) {
    const b1 = Math.min(rows, b0 + BLOCK);
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      for (let i = b0; i < b1; i++) {
        let node = root;
        let f = feature[node]!;
        const o = i * dims;
        while (f >= 0) {
          // Branch-free step: the comparison is data-dependent and mispredicts half the time.
          node = left[node]! + +(data[o + f]! >= threshold[node]!);
          f = feature[node]!;
        }
        sums[i]! += threshold[node]!;
      }
    }
  }
}

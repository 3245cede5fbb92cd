import type { Rng } from '../random';
import { averagePathLength } from './path-length';
import type { Matrix } from './rows';

/**
 * Isolation trees stored flat, for all trees of a forest at once. A split node `i` sends x to
 * `left[i]` when x[feature[i]] < threshold[i], else to `left[i] + 1`. A leaf has threshold NaN and
 * `left[i] = i`: every comparison with NaN is false, so a walk that reaches a leaf stays there, and
 * scoring can take a fixed `heights[t]` steps per tree without testing for leaves. `pathLength[i]`
 * is a leaf's path length, depth + c(size).
 */
export interface TreePool {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  pathLength: Float64Array;
  roots: Int32Array;
  /** Depth of each tree's deepest leaf: the steps a walk from its root needs. */
  heights: Int32Array;
}

/**
 * Builds `trees` isolation trees, each on `psi` points drawn without replacement.
 *
 * @example
 * // Two distinct points: one split between them, two leaves at depth 1 holding one point each.
 * const pool = buildTrees({ rows: 2, dims: 1, data: Float64Array.of(0, 1) }, 1, 2, vol.random.createRng(1));
 * pool.heights[0]; // → 1
 * Array.from(pool.pathLength); // → [0, 1, 1]
 */
export function buildTrees(m: Matrix, trees: number, psi: number, rng: Rng): TreePool {
  const perTree = 2 * psi - 1;
  const pool: TreePool = {
    feature: new Int32Array(trees * perTree),
    threshold: new Float64Array(trees * perTree),
    left: new Int32Array(trees * perTree),
    pathLength: new Float64Array(trees * perTree),
    roots: new Int32Array(trees),
    heights: new Int32Array(trees),
  };
  const limit = Math.ceil(Math.log2(psi));
  const cOf = Float64Array.from({ length: psi + 1 }, (_, n) => averagePathLength(n));
  const perm = Int32Array.from({ length: m.rows }, (_, i) => i);
  const idx = new Int32Array(psi);
  // Pending nodes (slot, lo, hi, depth), popped in preorder: the order the recursive definition
  // draws its random numbers in, so a seed gives the same trees as always.
  const stack = new Int32Array(4 * (limit + 2));
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
    let top = 0;
    stack[top++] = next++;
    stack[top++] = 0;
    stack[top++] = psi;
    stack[top++] = 0;
    let height = 0;
    while (top > 0) {
      const depth = stack[--top]!;
      const hi = stack[--top]!;
      const lo = stack[--top]!;
      const node = stack[--top]!;
      const mid = depth < limit && hi - lo > 1 ? split(pool, node, m, idx, lo, hi, rng) : -1;
      if (mid < 0) {
        pool.threshold[node] = NaN;
        pool.left[node] = node;
        pool.pathLength[node] = depth + cOf[hi - lo]!;
        if (depth > height) height = depth;
        continue;
      }
      pool.left[node] = next;
      stack.set([next + 1, mid, hi, depth + 1, next, lo, mid, depth + 1], top);
      top += 8;
      next += 2;
    }
    pool.heights[t] = height;
  }
  return pool;
}

/**
 * Splits idx[lo..hi) at a uniform point of a random feature that is not constant there, found by
 * scanning from a random offset; sets the node's feature and threshold and returns where the right
 * side starts, or −1 when every feature is constant.
 */
function split(
  pool: TreePool,
  node: number,
  m: Matrix,
  idx: Int32Array,
  lo: number,
  hi: number,
  rng: Rng,
): number {
  const { data, dims } = m;
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
    return mid;
  }
  return -1;
}

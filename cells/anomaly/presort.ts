import type { Matrix } from './rows';

/**
 * Feature columns sorted once for a whole forest: `order[f·rows + k]` is the row with the k-th
 * smallest value of feature f, and `columns[f·rows + row]` that value, column by column.
 */
export interface Presorted {
  rows: number;
  dims: number;
  columns: Float64Array;
  order: Int32Array;
}

/**
 * Sorts every feature of `m` once, so that trees can find splits by scanning instead of sorting
 * at each node.
 *
 * @example
 * const p = presortColumns({ rows: 3, dims: 1, data: Float64Array.of(5, 1, 3) });
 * Array.from(p.order); // → [1, 2, 0]
 */
export function presortColumns(m: Matrix): Presorted {
  const { rows, dims, data } = m;
  const columns = new Float64Array(rows * dims);
  const order = new Int32Array(rows * dims);
  for (let f = 0; f < dims; f++) {
    const column = columns.subarray(f * rows, (f + 1) * rows);
    for (let i = 0; i < rows; i++) column[i] = data[i * dims + f]!;
    const rowsByValue = Int32Array.from({ length: rows }, (_, i) => i);
    rowsByValue.sort((a, b) => column[a]! - column[b]! || a - b);
    order.set(rowsByValue, f * rows);
  }
  return { rows, dims, columns, order };
}

/**
 * For each feature, the rows with a positive weight in ascending order of that feature, written
 * to `out[f·count + k]` where count is the number of such rows (returned).
 *
 * @example
 * const p = presortColumns({ rows: 3, dims: 1, data: Float64Array.of(5, 1, 3) });
 * const out = new Int32Array(3);
 * weightedOrder(p, Int32Array.of(2, 0, 1), out); // → 2: row 1 has weight 0
 * Array.from(out.subarray(0, 2)); // → [2, 0]
 */
export function weightedOrder(p: Presorted, weights: Int32Array, out: Int32Array): number {
  const { rows, dims, order } = p;
  let count = 0;
  for (let f = 0; f < dims; f++) {
    let k = f * count;
    for (let i = f * rows, end = i + rows; i < end; i++) {
      const row = order[i]!;
      if (weights[row]! > 0) out[k++] = row;
    }
    if (f === 0) count = k;
  }
  return count;
}

/**
 * Stable partition of list[lo..hi): rows that go left first, both sides in their old order.
 *
 * @example
 * const list = Int32Array.of(4, 1, 3, 0);
 * partition(list, 0, 4, Uint8Array.of(1, 0, 0, 1, 0), new Int32Array(4));
 * Array.from(list); // → [3, 0, 4, 1]: rows 3 and 0 go left, 4 and 1 right
 */
export function partition(
  list: Int32Array,
  lo: number,
  hi: number,
  goesLeft: Uint8Array,
  spill: Int32Array,
): void {
  let l = lo;
  let r = 0;
  for (let k = lo; k < hi; k++) {
    const row = list[k]!;
    if (goesLeft[row]) list[l++] = row;
    else spill[r++] = row;
  }
  list.set(spill.subarray(0, r), l);
}

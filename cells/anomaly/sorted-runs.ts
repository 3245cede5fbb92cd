import type { Matrix } from './rows';

/**
 * The node's values of feature f in ascending order with their labels. Each class's values are
 * sorted natively (no comparator) and the C sorted runs merged: several times faster than
 * sorting indices with a comparator.
 */
export function sortedByFeature(
  m: Matrix,
  labels: Int32Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  f: number,
  counts: Float64Array,
  keys: Float64Array,
  outKeys: Float64Array,
  outLabels: Int32Array,
  heads: Int32Array,
): void {
  const C = counts.length;
  let start = 0;
  for (let c = 0; c < C; c++) {
    heads[c] = start;
    start += counts[c]!;
    heads[C + c] = start; // end of run c
  }
  const pos = heads.slice(0, C);
  for (let i = lo; i < hi; i++) {
    const j = idx[i]!;
    keys[pos[labels[j]!]!++] = m.data[j * m.dims + f]!;
  }
  for (let c = 0; c < C; c++) keys.subarray(heads[c]!, heads[C + c]!).sort();
  const n = hi - lo;
  for (let k = 0; k < n; k++) {
    let best = -1;
    for (let c = 0; c < C; c++) {
      if (heads[c]! < heads[C + c]! && (best < 0 || keys[heads[c]!]! < keys[heads[best]!]!))
        best = c;
    }
    outKeys[k] = keys[heads[best]!++]!;
    outLabels[k] = best;
  }
}

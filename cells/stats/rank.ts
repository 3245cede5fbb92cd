/**
 * Ranks 1..n with ties given their average rank (as scipy's `rankdata(method='average')`).
 * NaN ranks as NaN.
 *
 * @example
 * rank([10, 20, 20, 5]); // [2, 3.5, 3.5, 1]
 */
export function rank(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) order.push(i);
  order.sort((a, b) => x[a]! - x[b]!);
  const m = order.length;
  for (let i = 0; i < m;) {
    let j = i + 1;
    while (j < m && x[order[j]!] === x[order[i]!]) j++;
    const r = (i + 1 + j) / 2; // average of ranks i+1 .. j
    for (let k = i; k < j; k++) out[order[k]!] = r;
    i = j;
  }
  return out;
}

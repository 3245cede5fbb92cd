/**
 * Condensed distance matrices, as scipy's `pdist`: the upper triangle row by row, so pair (i, j) with
 * i < j sits at n·i − i(i+1)/2 + (j − i − 1), and the whole has length n(n − 1)/2.
 */

/** Length of the condensed matrix of n items. */
export function condensedLength(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Offset of row i (pairs (i, i+1) … (i, n−1)) in the condensed matrix. */
export function rowOffset(n: number, i: number): number {
  return n * i - (i * (i + 1)) / 2;
}

/**
 * Position of pair (i, j), i ≠ j, in the condensed matrix.
 *
 * @example
 * condensedIndex(4, 1, 3); // 4
 */
export function condensedIndex(n: number, i: number, j: number): number {
  if (i === j || i < 0 || j < 0 || i >= n || j >= n)
    throw new RangeError(`invalid pair: ${i}, ${j}`);
  return i < j ? rowOffset(n, i) + j - i - 1 : rowOffset(n, j) + i - j - 1;
}

/** Number of items n from a condensed length n(n − 1)/2. */
export function itemsFromCondensed(length: number): number {
  const n = Math.round((1 + Math.sqrt(1 + 8 * length)) / 2);
  if (condensedLength(n) !== length || n < 2)
    throw new RangeError(`invalid condensed length: ${length}`);
  return n;
}

/** Full symmetric n × n row-major matrix from a condensed one (zeros on the diagonal). */
export function squareForm(condensed: ArrayLike<number>): Float64Array {
  const n = itemsFromCondensed(condensed.length);
  const out = new Float64Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = condensed[k++]!;
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

/** Feature rows flattened row-major: `data[i * dims + j]`. */
export interface Matrix {
  rows: number;
  dims: number;
  data: Float64Array;
}

/** An array of rows (Float64Array or number[]), or one flat Float64Array with `{dims}`. */
export type RowsInput = Float64Array | ArrayLike<ArrayLike<number>>;

/**
 * Normalizes feature rows. A flat Float64Array needs `dims`; it is used as is, not copied.
 *
 * @example
 * toMatrix([Float64Array.of(1, 2), Float64Array.of(3, 4)]); // 2 rows × 2 dims
 * toMatrix(Float64Array.of(1, 2, 3, 4, 5, 6), 3); // a flat array: 2 rows × 3 dims
 */
export function toMatrix(x: RowsInput, dims?: number): Matrix {
  if (x instanceof Float64Array) {
    if (!Number.isInteger(dims) || dims! < 1) throw new RangeError(`invalid dims: ${dims}`);
    if (x.length % dims! !== 0)
      throw new RangeError(`invalid rows: length ${x.length} not a multiple of ${dims}`);
    return { rows: x.length / dims!, dims: dims!, data: x };
  }
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
    throw new TypeError('invalid rows: expected an array of rows or a Float64Array');
  }
  const n = x.length;
  if (n === 0) throw new RangeError('invalid rows: empty');
  const d = x[0]!.length;
  if (dims !== undefined && dims !== d)
    throw new RangeError(`invalid dims: ${dims}, rows have ${d}`);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    if (row.length !== d)
      throw new RangeError(`invalid rows: row ${i} has ${row.length} values, not ${d}`);
    for (let j = 0; j < d; j++) data[i * d + j] = row[j]!;
  }
  return { rows: n, dims: d, data };
}

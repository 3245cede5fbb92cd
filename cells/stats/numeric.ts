/**
 * Anything a notebook may hand to a numeric routine: a typed array, a plain array, or an Arrow
 * Vector / column (anything with `length` and `get(i)`). Nulls become NaN.
 */
export type NumericLike =
  | Float64Array
  | Float32Array
  | Int32Array
  | ArrayLike<number | null | undefined>
  | { readonly length: number; get(index: number): unknown };

interface ArrowLike {
  readonly length: number;
  readonly nullCount?: number;
  get(index: number): unknown;
  toArray?(): unknown;
}

function isArrowLike(x: unknown): x is ArrowLike {
  return typeof x === 'object' && x !== null && typeof (x as ArrowLike).get === 'function';
}

/**
 * A Float64Array view of `x`. A Float64Array is returned as is (not copied): treat it as read-only.
 *
 * @example
 * toFloat64([1, null, 3]); // → [1, NaN, 3]
 */
export function toFloat64(x: NumericLike, name = 'values'): Float64Array {
  if (x instanceof Float64Array) return x;
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
    throw new TypeError(`invalid ${name}: expected an array or a column`);
  }
  const n = x.length;
  if (isArrowLike(x)) {
    if (x.nullCount === 0 && typeof x.toArray === 'function') {
      const array = x.toArray();
      if (array instanceof Float64Array && array.length === n) return array;
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = numberOrNaN(x.get(i));
    return out;
  }
  const out = new Float64Array(n);
  const arr = x as ArrayLike<unknown>;
  for (let i = 0; i < n; i++) out[i] = numberOrNaN(arr[i]);
  return out;
}

function numberOrNaN(v: unknown): number {
  if (v === null || v === undefined) return NaN;
  return typeof v === 'number' ? v : Number(v);
}

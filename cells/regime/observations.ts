import { toFloat64, type NumericLike } from '../stats/numeric';

/** Observations flattened row-major: `data[t * dims + d]`. */
export interface Observations {
  length: number;
  dims: number;
  data: Float64Array;
}

/** Univariate series, or 2-D data as columns (one array per variable) or rows (one per time). */
export type HmmInput = NumericLike | ArrayLike<ArrayLike<number>>;

/**
 * Normalizes HMM input. A flat array or Arrow column is one variable. An array of arrays is
 * read per `layout`; by default as columns when there are no more arrays than elements in each
 * (D ≤ T), as rows otherwise. NaN is rejected: an HMM has no notion of a missing value here.
 *
 * @example
 * const rets = Float64Array.of(0.01, -0.02, 0.03);
 * toObservations([rets, rets.map(Math.abs)]); // 2 columns of length 3
 */
export function toObservations(x: HmmInput, layout?: 'columns' | 'rows'): Observations {
  if (x === null || typeof x !== 'object') throw new TypeError('invalid x: expected an array');
  const first = (x as ArrayLike<unknown>)[0];
  const nested =
    !(x instanceof Float64Array) &&
    typeof (x as { get?: unknown }).get !== 'function' &&
    (x as ArrayLike<unknown>).length > 0 &&
    typeof first === 'object' &&
    first !== null;
  let obs: Observations;
  if (!nested) {
    const data = toFloat64(x as NumericLike, 'x');
    obs = { length: data.length, dims: 1, data };
  } else {
    const outer = x as ArrayLike<ArrayLike<number>>;
    const inner = outer[0]!.length;
    const asColumns = layout ? layout === 'columns' : outer.length <= inner;
    const T = asColumns ? inner : outer.length;
    const D = asColumns ? outer.length : inner;
    const data = new Float64Array(T * D);
    for (let a = 0; a < outer.length; a++) {
      const arr = outer[a]!;
      if (arr.length !== inner) throw new RangeError(`invalid x: ragged at ${a}`);
      for (let b = 0; b < inner; b++) data[asColumns ? b * D + a : a * D + b] = arr[b]!;
    }
    obs = { length: T, dims: D, data };
  }
  for (let i = 0; i < obs.data.length; i++) {
    if (!Number.isFinite(obs.data[i]!)) {
      throw new RangeError(`invalid x: non-finite value at t = ${Math.floor(i / obs.dims)}`);
    }
  }
  if (obs.length === 0) throw new RangeError('invalid x: empty');
  return obs;
}

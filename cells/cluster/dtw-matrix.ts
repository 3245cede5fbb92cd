import { throwIfAborted, type CancelSignal } from '../stats/abort';
import { condensedLength, rowOffset } from './condensed';
import { bandWidth, dtwBand, type DtwCost } from './dtw';

/** Series packed end to end (one buffer, transferable or shared with workers). */
export interface PackedSeries {
  data: Float64Array;
  /** Series i is data[offsets[i] … offsets[i+1]). */
  offsets: Int32Array;
}

export interface DtwMatrixOptions {
  window?: number;
  cost?: DtwCost;
  /** Compute only rows [start, end) of the condensed matrix (pairs (i, j) with start ≤ i < end, j > i). */
  rows?: readonly [number, number];
  /** Write into this condensed buffer (length n(n − 1)/2, e.g. over a SharedArrayBuffer). */
  out?: Float64Array;
  signal?: CancelSignal;
  onProgress?: (fraction: number) => void;
}

/** Pack series into one Float64Array with offsets. */
export function packSeries(series: readonly ArrayLike<number>[]): PackedSeries {
  const offsets = new Int32Array(series.length + 1);
  for (let i = 0; i < series.length; i++) {
    if (series[i]!.length === 0) throw new RangeError(`invalid series ${i}: empty`);
    offsets[i + 1] = offsets[i]! + series[i]!.length;
  }
  const data = new Float64Array(offsets[series.length]!);
  for (let i = 0; i < series.length; i++) data.set(series[i]!, offsets[i]!);
  return { data, offsets };
}

/**
 * Pairwise DTW distances as a condensed matrix (scipy `pdist` layout). With `rows` and a shared `out`, several
 * workers can each fill a row range (see `splitRows`) of one buffer.
 *
 * @example
 * const series = [[0, 1, 2, 1], [0, 1, 1, 2, 1], [3, 2, 1, 0]];
 * const d = dtwMatrix(series.map((s) => vol.cluster.zNormalize(s)), { window: 0.5 });
 * const z = vol.cluster.linkage(d, 'average');
 */
export function dtwMatrix(
  series: readonly ArrayLike<number>[] | PackedSeries,
  options: DtwMatrixOptions = {},
): Float64Array {
  const packed = 'offsets' in series ? series : packSeries(series);
  const n = packed.offsets.length - 1;
  if (n < 2) throw new RangeError(`invalid series count: ${n}`);
  const [start, end] = options.rows ?? [0, n];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start > end) {
    throw new RangeError(`invalid rows: [${start}, ${end})`);
  }
  const out = options.out ?? new Float64Array(condensedLength(n));
  if (out.length !== condensedLength(n)) throw new RangeError(`invalid out length: ${out.length}`);
  dtwMatrixRows(packed, start, end, out.subarray(rowOffset(n, start), rowOffset(n, end)), options);
  return out;
}

/**
 * Rows [start, end) of the condensed DTW matrix written into `out` (length rowOffset(n, end) − rowOffset(n, start)):
 * the worker-side kernel. Row i holds distances (i, i+1) … (i, n−1).
 */
export function dtwMatrixRows(
  packed: PackedSeries,
  start: number,
  end: number,
  out: Float64Array,
  options: Pick<DtwMatrixOptions, 'window' | 'cost' | 'signal' | 'onProgress'> = {},
): void {
  const { data, offsets } = packed;
  const n = offsets.length - 1;
  const cost = options.cost ?? 'squared';
  if (cost !== 'squared' && cost !== 'absolute')
    throw new RangeError(`invalid cost: ${String(cost)}`);
  if (out.length !== rowOffset(n, end) - rowOffset(n, start))
    throw new RangeError(`invalid out length: ${out.length}`);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, offsets[i + 1]! - offsets[i]!);
  const prev = new Float64Array(longest + 1);
  const cur = new Float64Array(longest + 1);
  const squared = cost === 'squared';
  const total = rowOffset(n, end) - rowOffset(n, start);
  let k = 0;
  for (let i = start; i < end; i++) {
    throwIfAborted(options.signal);
    const ai = offsets[i]!;
    const na = offsets[i + 1]! - ai;
    for (let j = i + 1; j < n; j++) {
      const bj = offsets[j]!;
      const nb = offsets[j + 1]! - bj;
      const w = bandWidth(na, nb, options.window);
      const acc = squared
        ? dtwSquared(data, ai, na, data, bj, nb, w, prev, cur)
        : dtwBand(data, ai, na, data, bj, nb, w, false, Infinity, prev, cur);
      out[k++] = squared ? Math.sqrt(acc) : acc;
    }
    options.onProgress?.(total === 0 ? 1 : k / total);
  }
}

/**
 * Split rows 0 … n−1 into `parts` contiguous ranges of about equal work (row i has n − 1 − i pairs).
 *
 * @example
 * splitRows(200, 2); // [[0, 59], [59, 200]]
 */
export function splitRows(n: number, parts: number): [number, number][] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`invalid parts: ${parts}`);
  const total = condensedLength(n);
  const ranges: [number, number][] = [];
  let start = 0;
  for (let p = 1; p <= parts; p++) {
    let end = start;
    const target = (total * p) / parts;
    if (p === parts) end = n;
    while (
      end < n &&
      Math.abs(rowOffset(n, end + 1) - target) <= Math.abs(rowOffset(n, end) - target)
    )
      end++;
    ranges.push([start, end]);
    start = end;
  }
  return ranges;
}

/** The squared-cost DP without abandoning: the matrix's hot loop, kept monomorphic and branch-light. */
function dtwSquared(
  a: Float64Array,
  aOff: number,
  n: number,
  b: Float64Array,
  bOff: number,
  m: number,
  w: number,
  prev: Float64Array,
  cur: Float64Array,
): number {
  prev.fill(Infinity, 0, m + 1);
  cur.fill(Infinity, 0, m + 1);
  prev[0] = 0;
  for (let i = 1; i <= n; i++) {
    const jStart = i - w > 1 ? i - w : 1;
    const jEnd = i + w < m ? i + w : m;
    const ai = a[aOff + i - 1]!;
    const base = bOff - 1;
    let left = Infinity;
    cur[jStart - 1] = Infinity;
    let diag = prev[jStart - 1]!;
    for (let j = jStart; j <= jEnd; j++) {
      const up = prev[j]!;
      const d = ai - b[base + j]!;
      let best = diag < up ? diag : up;
      if (left < best) best = left;
      left = d * d + best;
      cur[j] = left;
      diag = up;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

import { throwIfAborted, type CancelSignal } from '../stats/abort';
import { condensedLength, rowOffset } from './condensed';
import { bandWidth, type DtwCost } from './dtw';
import { laneKernel, type DtwEngine } from './dtw-lanes';

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
  /**
   * The kernel: 'auto' (default) runs WebAssembly SIMD where the runtime has it, else plain JS; 'wasm' and
   * 'js' force one (for tests and benchmarks). All give the same distances, bit for bit.
   */
  engine?: DtwEngine;
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
 * the worker-side kernel. Row i holds distances (i, i+1) … (i, n−1), computed a group of equal-length series at
 * a time on a lane kernel (dtw-lanes.ts: 8 pairs per step in WebAssembly SIMD, 4 in JS).
 */
export function dtwMatrixRows(
  packed: PackedSeries,
  start: number,
  end: number,
  out: Float64Array,
  options: Pick<DtwMatrixOptions, 'window' | 'cost' | 'signal' | 'onProgress' | 'engine'> = {},
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
  const kernel = laneKernel(options.engine);
  const { lanes } = kernel;
  const squared = cost === 'squared';
  let k = 0;
  for (let i = start; i < end; i++) {
    throwIfAborted(options.signal);
    // Views into the kernel's memory, taken afresh each row: onProgress may have run another matrix.
    const { a, b, row } = kernel.reserve(longest);
    const na = offsets[i + 1]! - offsets[i]!;
    a.set(data.subarray(offsets[i]!, offsets[i + 1]!));
    for (let j = i + 1; j < n;) {
      const group = sameLengthRun(offsets, j, lanes);
      const nb = offsets[j + 1]! - offsets[j]!;
      // Lane l holds series j + l; spare lanes repeat the last one.
      for (let lane = 0; lane < lanes; lane++) {
        const from = offsets[j + Math.min(lane, group - 1)]!;
        for (let t = 0; t < nb; t++) b[t * lanes + lane] = data[from + t]!;
      }
      kernel.run(na, nb, bandWidth(na, nb, options.window), squared);
      for (let lane = 0; lane < group; lane++) {
        const acc = row[nb * lanes + lane]!;
        out[k++] = squared ? Math.sqrt(acc) : acc;
      }
      j += group;
    }
    options.onProgress?.(out.length === 0 ? 1 : k / out.length);
  }
}

/** How many series from `j` on (at most `lanes`) have the length of series j: one kernel run takes them. */
function sameLengthRun(offsets: Int32Array, j: number, lanes: number): number {
  const n = offsets.length - 1;
  const length = offsets[j + 1]! - offsets[j]!;
  let group = 1;
  while (group < lanes && j + group < n && offsets[j + group + 1]! - offsets[j + group]! === length)
    group++;
  return group;
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

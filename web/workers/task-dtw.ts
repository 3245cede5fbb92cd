/**
 * The worker's share of a DTW matrix: rows [start, end) of the condensed matrix, computed a few rows at a
 * time with a yield to the event loop in between, so an `abort` message is seen within one slice.
 */
import { dtwMatrixRows, rowOffset, type DtwCost, type PackedSeries } from '../../cells/cluster';
import type { TaskContext } from './context';

/** Rows computed between two yields are capped by time, not count: long series get small slices. */
const SLICE_MS = 20;

export interface DtwRowsOptions {
  window?: number;
  cost?: DtwCost;
  /** Time between yields (default 20 ms); 0 yields after every row (tests: the wasm kernel is too fast to time). */
  sliceMs?: number;
}

/**
 * Task `cluster.dtwMatrixRows`: `[packed, start, end, options]` → the rows' condensed distances.
 *
 * @example
 * await dtwRowsTask([packSeries(series), 0, 59, { window: 0.1 }], context); // Float64Array
 */
export async function dtwRowsTask(args: unknown[], context: TaskContext): Promise<Float64Array> {
  const [packed, start, end, options = {}] = args as [
    PackedSeries,
    number,
    number,
    DtwRowsOptions?,
  ];
  if (!packed || !(packed.data instanceof Float64Array) || !(packed.offsets instanceof Int32Array))
    throw new TypeError(
      'invalid packed series: expected {data: Float64Array, offsets: Int32Array}',
    );
  const n = packed.offsets.length - 1;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start > end)
    throw new RangeError(`invalid rows: [${start}, ${end})`);
  const base = rowOffset(n, start);
  const out = new Float64Array(rowOffset(n, end) - base);
  const kernel = { window: options.window, cost: options.cost };
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const label = `DTW rows ${start}–${end}`;
  let row = start;
  while (row < end) {
    const began = performance.now();
    do {
      const slice = out.subarray(rowOffset(n, row) - base, rowOffset(n, row + 1) - base);
      dtwMatrixRows(packed, row, row + 1, slice, kernel);
      row++;
    } while (row < end && performance.now() - began < sliceMs);
    context.progress(out.length === 0 ? 1 : (rowOffset(n, row) - base) / out.length, label);
    await context.yield();
  }
  return out;
}

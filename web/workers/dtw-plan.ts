/**
 * The DTW matrix split by row ranges of about equal work (`splitRows`), a few per worker, across the whole
 * pool; the row blocks come back (transferred) and are copied into one condensed matrix.
 */
import {
  condensedLength,
  packSeries,
  rowOffset,
  splitRows,
  type DtwMatrixOptions,
  type PackedSeries,
} from '../../cells/cluster';
import type { ComputeRequest } from '../notebook/compute-local';
import { plainArgument } from './arguments';
import type { WorkerPool } from './pool';

const BLOCKS_PER_WORKER = 4;

function isPacked(series: unknown): series is PackedSeries {
  const p = series as PackedSeries | null;
  return !!p && p.data instanceof Float64Array && p.offsets instanceof Int32Array;
}

/**
 * `compute('cluster.dtwMatrix', series, options)`: the same condensed Float64Array as `vol.cluster.dtwMatrix`.
 *
 * @example
 * const d = await dtwMatrixOnPool(pool, [series, { window: 25 }], { signal, onProgress });
 */
export async function dtwMatrixOnPool(
  pool: WorkerPool,
  [series, options]: unknown[],
  request: ComputeRequest,
): Promise<Float64Array> {
  const packed = isPacked(series)
    ? series
    : packSeries(plainArgument(series) as ArrayLike<number>[]);
  const n = packed.offsets.length - 1;
  if (n < 2) throw new RangeError(`invalid series count: ${n}`);
  const { window, cost } = (options ?? {}) as DtwMatrixOptions;
  // A few blocks per worker, so a worker slowed by other load does not leave the others idle at the end.
  const blocks = Math.min(pool.size * BLOCKS_PER_WORKER, n - 1);
  const parts = splitRows(n, blocks).filter(([start, end]) => end > start);
  const total = condensedLength(n);
  const done = parts.map(() => 0);
  const controller = new AbortController();
  const forward = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  request.signal.addEventListener('abort', forward, { once: true });
  try {
    const rows = await Promise.all(
      parts.map(([start, end], k) => {
        const pairs = rowOffset(n, end) - rowOffset(n, start);
        return pool.run<Float64Array>(
          'cluster.dtwMatrixRows',
          [packed, start, end, { window, cost }],
          {
            signal: controller.signal,
            onProgress: (fraction) => {
              done[k] = (fraction ?? 0) * pairs;
              request.onProgress(done.reduce((a, b) => a + b, 0) / total, 'cluster.dtwMatrix');
            },
          },
        );
      }),
    );
    const out = new Float64Array(total);
    parts.forEach(([start], k) => out.set(rows[k]!, rowOffset(n, start)));
    return out;
  } catch (error) {
    controller.abort(error); // one block failed: stop the others
    throw error;
  } finally {
    request.signal.removeEventListener('abort', forward);
  }
}

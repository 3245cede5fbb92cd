import { toFloat64, type NumericLike } from '../stats/numeric';
import { maybeEvery, periodStart, type Every } from './calendar';

/** How values within a period are combined. */
export type How = 'last' | 'first' | 'sum' | 'max' | 'min' | 'mean' | 'count';

export interface Resampled {
  /** Period starts, ms since epoch (UTC). Only periods holding at least one point appear. */
  timestamps: Float64Array;
  values: Float64Array;
}

const HOWS: readonly How[] = ['last', 'first', 'sum', 'max', 'min', 'mean', 'count'];

/**
 * Buckets a time series by calendar period. Timestamps must be ascending; NaN values are skipped
 * (a period with no finite value gives NaN, or 0 for `count`).
 *
 * @example
 * const ts = Float64Array.from({ length: 14 }, (_, i) => Date.UTC(2024, 0, 1) + i * 86_400_000);
 * const close = ts.map((_, i) => 100 + i);
 * resample(ts, close, { every: 'week', how: 'last' }).values; // → [106, 113]
 */
export function resample(
  timestampsMs: NumericLike,
  values: NumericLike,
  { every = 'day', how = 'last' }: { every?: Every; how?: How } = {},
): Resampled {
  const t = toFloat64(timestampsMs, 'timestamps');
  const v = toFloat64(values, 'values');
  if (t.length !== v.length) throw new RangeError(`length mismatch: ${t.length} vs ${v.length}`);
  if (!HOWS.includes(how)) throw new RangeError(`invalid how: ${String(how)}`);
  const bins = periodIndex(t, maybeEvery(every));
  const out = new Float64Array(bins.starts.length);
  for (let b = 0; b < bins.starts.length; b++) {
    out[b] = combine(v, bins.offsets[b]!, bins.offsets[b + 1]!, how);
  }
  return { timestamps: bins.starts, values: out };
}

/** Period starts and, for each period, the [offsets[b], offsets[b+1]) range of points in it. */
export function periodIndex(
  t: Float64Array,
  every: Every,
): { starts: Float64Array; offsets: Int32Array } {
  const starts: number[] = [];
  const offsets: number[] = [];
  let current = NaN;
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && !(t[i]! >= t[i - 1]!)) throw new RangeError(`timestamps not ascending at ${i}`);
    const s = periodStart(t[i]!, every);
    if (s !== current) {
      starts.push(s);
      offsets.push(i);
      current = s;
    }
  }
  offsets.push(t.length);
  return { starts: Float64Array.from(starts), offsets: Int32Array.from(offsets) };
}

function combine(v: Float64Array, lo: number, hi: number, how: How): number {
  let count = 0;
  let acc = how === 'max' ? -Infinity : how === 'min' ? Infinity : 0;
  let first = NaN;
  let last = NaN;
  for (let i = lo; i < hi; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) continue;
    if (count === 0) first = x;
    last = x;
    count++;
    if (how === 'max') acc = x > acc ? x : acc;
    else if (how === 'min') acc = x < acc ? x : acc;
    else acc += x;
  }
  if (how === 'count') return count;
  if (count === 0) return NaN;
  if (how === 'first') return first;
  if (how === 'last') return last;
  if (how === 'mean') return acc / count;
  return acc;
}

import { toFloat64, type NumericLike } from '../stats/numeric';
import { toBars, type Bars, type BarsLike } from './bars';
import { maybeEvery, type Every } from './calendar';
import { periodIndex } from './resample';

/** Aggregated bars with the start of each period. */
export interface TimedBars extends Bars {
  timestamps: Float64Array;
}

/**
 * Aggregates bars (or ticks, passing the price as every column) to a coarser period: open of
 * the first bar, highest high, lowest low, close of the last, summed volume. Timestamps ascending.
 *
 * @example
 * const ts = Float64Array.from({ length: 48 }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000);
 * const close = ts.map((_, i) => 100 + i);
 * const hourly = { open: close, high: close, low: close, close };
 * resampleOhlc(ts, hourly, { every: 'day' }).close; // → [123, 147]
 */
export function resampleOhlc(
  timestampsMs: NumericLike,
  bars: BarsLike,
  { every = 'day' }: { every?: Every } = {},
): TimedBars {
  const t = toFloat64(timestampsMs, 'timestamps');
  const b = toBars(bars);
  if (t.length !== b.close.length)
    throw new RangeError(`length mismatch: ${t.length} vs ${b.close.length}`);
  const { starts, offsets } = periodIndex(t, maybeEvery(every));
  const m = starts.length;
  const out: TimedBars = {
    timestamps: starts,
    open: new Float64Array(m),
    high: new Float64Array(m),
    low: new Float64Array(m),
    close: new Float64Array(m),
  };
  if (b.volume) out.volume = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const lo = offsets[k]!;
    const hi = offsets[k + 1]!;
    let high = -Infinity;
    let low = Infinity;
    let volume = 0;
    for (let i = lo; i < hi; i++) {
      if (b.high[i]! > high) high = b.high[i]!;
      if (b.low[i]! < low) low = b.low[i]!;
      if (b.volume) volume += b.volume[i]!;
    }
    out.open[k] = b.open[lo]!;
    out.high[k] = high === -Infinity ? NaN : high;
    out.low[k] = low === Infinity ? NaN : low;
    out.close[k] = b.close[hi - 1]!;
    if (out.volume) out.volume[k] = volume;
  }
  return out;
}

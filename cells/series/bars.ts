import { toFloat64, type NumericLike } from '../stats/numeric';

/** OHLC bars as parallel columns (Float64Array), one entry per bar. */
export interface Bars {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume?: Float64Array;
}

/** Bars as a notebook may hold them: columns of any numeric kind, or an Arrow table. */
export type BarsLike =
  | {
      open?: NumericLike;
      high?: NumericLike;
      low?: NumericLike;
      close: NumericLike;
      volume?: NumericLike;
    }
  | { getChild(name: string): NumericLike | null };

const FIELDS = ['open', 'high', 'low', 'close'] as const;

/**
 * Normalizes bars to Float64Array columns of equal length. Only `close` is required; missing
 * open/high/low columns are NaN (enough for the close-to-close estimator).
 *
 * @example
 * toBars({ open: [1, 2], high: [2, 3], low: [0.5, 1.5], close: [1.5, 2.5] }).close; // → [1.5, 2.5]
 * // an Arrow table works too: its open, high, low, close (and volume) children are read
 */
export function toBars(bars: BarsLike): Bars {
  if (bars === null || typeof bars !== 'object') throw new TypeError('invalid bars');
  const get = (name: string): NumericLike | null | undefined =>
    'getChild' in bars && typeof bars.getChild === 'function'
      ? bars.getChild(name)
      : (bars as Record<string, NumericLike | undefined>)[name];
  const closeCol = get('close');
  if (!closeCol) throw new TypeError('invalid bars: missing close');
  const close = toFloat64(closeCol, 'close');
  const n = close.length;
  const out = { close } as Bars;
  for (const field of FIELDS) {
    if (field === 'close') continue;
    const col = get(field);
    out[field] = col ? toFloat64(col, field) : new Float64Array(n).fill(NaN);
    if (out[field].length !== n) throw new RangeError(`length mismatch: ${field}`);
  }
  const vol = get('volume');
  if (vol) out.volume = toFloat64(vol, 'volume');
  return out;
}

import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { resampleOhlc } from '../../../cells/series/ohlc';
import { MS_PER_HOUR } from '../../../cells/time';

const H = MS_PER_HOUR;
const t0 = Date.UTC(2024, 2, 1);

describe('resampleOhlc', () => {
  it('takes the first open, highest high, lowest low, last close and summed volume per day', () => {
    const ts = [t0, t0 + 8 * H, t0 + 16 * H, t0 + 24 * H, t0 + 30 * H];
    const bars = {
      open: [10, 11, 12, 13, 14],
      high: [12, 15, 13, 14, 16],
      low: [9, 10, 8, 12, 13],
      close: [11, 12, 13, 14, 15],
      volume: [1, 2, 3, 4, 5],
    };
    const day = resampleOhlc(ts, bars, { every: 'day' });
    expect(Array.from(day.timestamps)).toEqual([t0, t0 + 24 * H]);
    expect(Array.from(day.open)).toEqual([10, 13]);
    expect(Array.from(day.high)).toEqual([15, 16]);
    expect(Array.from(day.low)).toEqual([8, 12]);
    expect(Array.from(day.close)).toEqual([13, 15]);
    expect(Array.from(day.volume!)).toEqual([6, 9]);
  });

  it('reads the columns of an Arrow table', () => {
    const table = tableFromArrays({
      open: Float64Array.from([1, 2]),
      high: Float64Array.from([3, 4]),
      low: Float64Array.from([0.5, 1]),
      close: Float64Array.from([2, 3]),
    });
    const out = resampleOhlc([t0, t0 + H], table, { every: 'day' });
    expect([out.open[0], out.high[0], out.low[0], out.close[0]]).toEqual([1, 4, 0.5, 3]);
    expect(out.volume).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { periodStart } from '../../../cells/series/calendar';
import { resample } from '../../../cells/series/resample';
import { MS_PER_HOUR } from '../../../cells/time';

const H = MS_PER_HOUR;
const D = 24 * H;
const t0 = Date.UTC(2024, 0, 1); // a Monday

describe('periodStart', () => {
  it('starts weeks on Monday (UTC) and months on the 1st', () => {
    expect(periodStart(Date.UTC(2024, 0, 7, 23), 'week')).toBe(t0); // Sunday → Monday before
    expect(periodStart(Date.UTC(2024, 0, 8), 'week')).toBe(Date.UTC(2024, 0, 8));
    expect(periodStart(Date.UTC(1970, 0, 1), 'week')).toBe(Date.UTC(1969, 11, 29));
    expect(periodStart(Date.UTC(2024, 1, 29, 12), 'month')).toBe(Date.UTC(2024, 1, 1));
    expect(periodStart(Date.UTC(2024, 7, 15), 'quarter')).toBe(Date.UTC(2024, 6, 1));
    expect(periodStart(Date.UTC(2024, 7, 15, 5, 7), 'hour')).toBe(Date.UTC(2024, 7, 15, 5));
    expect(periodStart(17 * 60_000 + 5, 15 * 60_000)).toBe(15 * 60_000);
  });
});

describe('resample', () => {
  // Six-hourly points over two days: day 1 = 1, 2, 3, 4; day 2 = 5, NaN, 7, 8.
  const ts = Array.from({ length: 8 }, (_, i) => t0 + i * 6 * H);
  const v = [1, 2, 3, 4, 5, NaN, 7, 8];

  it.each([
    ['last', [4, 8]],
    ['first', [1, 5]],
    ['sum', [10, 20]],
    ['max', [4, 8]],
    ['min', [1, 5]],
    ['mean', [2.5, 20 / 3]],
    ['count', [4, 3]],
  ] as const)('combines each day with %s, skipping NaN', (how, expected) => {
    const out = resample(ts, v, { every: 'day', how });
    expect(Array.from(out.timestamps)).toEqual([t0, t0 + D]);
    expect(out.values[0]).toBeCloseTo(expected[0], 12);
    expect(out.values[1]).toBeCloseTo(expected[1], 12);
  });

  it('buckets days into Monday-based weeks and leaves out empty periods', () => {
    const days = [0, 1, 6, 7, 20].map((d) => t0 + d * D + H);
    const out = resample(days, [1, 2, 3, 4, 5], { every: 'week', how: 'sum' });
    expect(Array.from(out.timestamps)).toEqual([t0, t0 + 7 * D, t0 + 14 * D]);
    expect(Array.from(out.values)).toEqual([6, 4, 5]);
  });

  it('rejects unsorted timestamps, unknown periods and length mismatches', () => {
    expect(() => resample([2, 1], [1, 1])).toThrow(/not ascending/);
    expect(() => resample([1], [1], { every: 'fortnight' as never })).toThrow(/invalid every/);
    expect(() => resample([1, 2], [1])).toThrow(/length mismatch/);
    expect(() => resample([1], [1], { how: 'median' as never })).toThrow(/invalid how/);
  });
});

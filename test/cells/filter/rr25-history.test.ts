import { describe, expect, it } from 'vitest';
import { alignAsOf, backtest, rr25History, type ChainRow } from '../../../cells/filter';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1, 8);
const row = (
  t: number,
  days: number,
  type: 'call' | 'put',
  delta: number,
  iv: number,
): ChainRow => ({
  timestamp: new Date(t),
  expiry: BigInt(t + days * DAY),
  option_type: type,
  delta,
  mark_iv: iv,
});

describe('the 25Δ risk reversal from chain snapshots', () => {
  it('reads the expiry nearest the tenor and interpolates each wing in delta', () => {
    const rows = [
      // 28 days: nearest 30. Call 25Δ halfway between 50 and 48 → 49; put −25Δ between 55 and 57 → 56.
      row(T0, 28, 'call', 0.2, 50),
      row(T0, 28, 'call', 0.3, 48),
      row(T0, 28, 'put', -0.3, 55),
      row(T0, 28, 'put', -0.2, 57),
      // 7 days: further from 30, ignored although its RR would be +10.
      row(T0, 7, 'call', 0.2, 70),
      row(T0, 7, 'call', 0.3, 70),
      row(T0, 7, 'put', -0.3, 60),
      row(T0, 7, 'put', -0.2, 60),
      // The next day the puts do not bracket −25Δ: no value rather than an extrapolated one.
      row(T0 + DAY, 27, 'call', 0.2, 50),
      row(T0 + DAY, 27, 'call', 0.3, 48),
      row(T0 + DAY, 27, 'put', -0.4, 55),
      row(T0 + DAY, 27, 'put', -0.3, 57),
      { ...row(T0 + DAY, 27, 'put', -0.25, 0), mark_iv: null },
    ];
    const { t, rr25 } = rr25History(rows, 30);
    expect(Array.from(t)).toEqual([T0, T0 + DAY]);
    expect(rr25[0]).toBeCloseTo(49 - 56, 12);
    expect(rr25[1]).toBeNaN();
  });

  it('carries daily values onto an hourly grid, and backtests an rr25 rule on them', () => {
    expect(Array.from(alignAsOf([0, 5, 10, 20], [1, 9], [10, 20], 5))).toEqual([NaN, 10, 20, NaN]);
    const hours = 24 * 10;
    const t = Array.from({ length: hours }, (_, i) => T0 + i * 3_600_000);
    const close = t.map(() => 100);
    // RR −2 for five days, then −9 (puts bid up) for five.
    const daily = Float64Array.from({ length: 10 }, (_, d) => (d < 5 ? -2 : -9));
    const dailyT = Float64Array.from({ length: 10 }, (_, d) => T0 + d * DAY);
    const rr25 = alignAsOf(t, dailyT, daily, DAY);
    const rule = {
      name: 'skew',
      currency: 'BTC',
      metric: 'rr25' as const,
      op: '<' as const,
      threshold: -5,
    };
    const r = backtest(rule, { t, close, rr25 });
    expect(r.alerts).toEqual([{ t: T0 + 5 * DAY, value: -9 }]);
  });
});

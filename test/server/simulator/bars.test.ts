import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { dailyFromHourly, hourlyBars } from '../../../server/simulator/bars';
import { simulateHistory } from '../../../server/simulator/history';

const start = Date.UTC(2025, 9, 1) / 1000;
const end = Date.UTC(2025, 11, 1) / 1000;

describe('bars', () => {
  const h = simulateHistory(start, end, 3);
  const hourly = hourlyBars(h, 0, createRng(1));

  it('have low ≤ open, close ≤ high and open = previous close', () => {
    for (let k = 0; k < h.hours; k++) {
      expect(hourly.low[k]).toBeLessThanOrEqual(Math.min(hourly.open[k]!, hourly.close[k]!));
      expect(hourly.high[k]).toBeGreaterThanOrEqual(Math.max(hourly.open[k]!, hourly.close[k]!));
      if (k > 0) expect(hourly.open[k]).toBe(hourly.close[k - 1]);
      expect(hourly.volume[k]).toBeGreaterThan(0);
    }
  });

  it('aggregate to daily bars exactly', () => {
    const daily = dailyFromHourly(hourly);
    expect(daily.open.length).toBe(h.hours / 24);
    const d = 17;
    const slice = (a: Float64Array) => Array.from(a.subarray(d * 24, d * 24 + 24));
    expect(daily.open[d]).toBe(hourly.open[d * 24]);
    expect(daily.close[d]).toBe(hourly.close[d * 24 + 23]);
    expect(daily.high[d]).toBe(Math.max(...slice(hourly.high)));
    expect(daily.low[d]).toBe(Math.min(...slice(hourly.low)));
    expect(daily.volume[d]).toBeCloseTo(
      slice(hourly.volume).reduce((a, b) => a + b, 0),
      6,
    );
  });

  it('draw hourly highs from the Brownian-bridge law P(max > m) = exp(−2(m − a)(m − b)/v)', () => {
    // Closed form for the maximum of a bridge from a to b with variance v (Borodin and Salminen 2002).
    const r = h.logReturns[0]!;
    const v = h.stepVariances[0]!;
    let hits = 0;
    let expected = 0;
    let a = h.startLogPrices[0]!;
    for (let k = 0; k < h.hours; k++) {
      const b = a + r[k]!;
      const m = Math.max(a, b) + 0.5 * Math.sqrt(v[k]!);
      expected += Math.exp((-2 * (m - a) * (m - b)) / v[k]!);
      if (Math.log(hourly.high[k]!) > m) hits++;
      a = b;
    }
    expect(hits / h.hours).toBeCloseTo(expected / h.hours, 1);
  });
});

import { describe, expect, it } from 'vitest';
import { volFilter, type AlertRule } from '../../../cells/filter';
import { atmIvAt, liveMetric, rr25At } from '../../../server/alerts/metrics';
import type { SurfaceState } from '../../../server/contract';

const surface = {
  dvol: 61,
  term_structure: { days: [7, 30, 90], atm_iv: [40, 50, 56] },
  expiries: [
    { T: 10 / 365, metrics: { rr25: -3 } },
    { T: 35 / 365, metrics: { rr25: -1.5 } },
    { T: 28 / 365, metrics: null },
  ],
} as unknown as SurfaceState;
const rule = (o: Partial<AlertRule>): AlertRule => ({
  name: 'r',
  currency: 'BTC',
  metric: 'dvol',
  op: '>',
  threshold: 1,
  ...o,
});

describe('live metrics', () => {
  it('interpolates ATM IV at a tenor and picks the RR of the nearest fitted expiry', () => {
    expect(atmIvAt(surface, 18.5)).toBe(45);
    expect(atmIvAt(surface, 1)).toBe(40);
    expect(atmIvAt(surface, 400)).toBe(56);
    expect(atmIvAt(null, 30)).toBeNaN();
    expect(rr25At(surface, 30)).toBe(-1.5);
    expect(rr25At(surface, 5)).toBe(-3);
  });

  it('reads each metric in vol points (move in percent)', () => {
    const f = volFilter.init({ gridMs: 60_000, rvWindow: 2 });
    [100, 101, 99, 102].forEach((p, i) => volFilter.addSample(f, i * 60_000, p));
    const e = volFilter.value(f);
    const m = (o: Partial<AlertRule>, base: string) => liveMetric(rule(o), base, f, e, surface, 60);
    expect(m({}, 'dvol')).toBe(61);
    expect(m({ tenor_days: 60 }, 'atm_iv')).toBe(53);
    expect(m({}, 'rv')).toBeCloseTo(100 * e.rv, 12);
    expect(m({}, 'iv_rv')).toBeCloseTo(50 - 100 * e.rv, 12);
    expect(m({ window: 120 }, 'move')).toBeCloseTo(100 * Math.log(102 / 101), 12);
    expect(liveMetric(rule({}), 'dvol', f, e, null, 60)).toBeNaN();
  });
});

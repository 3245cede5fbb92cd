/**
 * The bundled history's BTC series against the statistics of real markets, measured on the same simulation
 * `generateBundledDatasets` runs (default seed, 2016–2025, hourly steps). The real figures (Yahoo Finance daily
 * closes 2014-09..2024-12, Deribit DVOL 2021-03..2026-04, log returns, 365-day annualization): BTC 70% annualized,
 * skew −0.72, excess kurtosis 11.4, 96 days with |r| > 10% of 3,758; |r| autocorrelation 0.20 / 0.15 / 0.09 at
 * lags 1 / 5 / 20; 30-day realized vol percentiles 26/44/58/78/121%; maximum drawdown −83%; correlation with BTC
 * median 0.60, ETH 0.79; DVOL percentiles 38/57/95 with a mean premium of +10.4 points over 30-day realized vol.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mean, quantile } from '../../../cells/stats';
import { DEFAULT_SEED, HISTORY_END, HISTORY_START } from '../../../server/datasets/generate';
import { COINS, coinIndex } from '../../../server/simulator/coins';
import { simulateHistory, type SimulatedHistory } from '../../../server/simulator/history';
import { dvolIndex } from '../../../server/simulator/implied';
import { volSnapshotAt } from '../../../server/simulator/snapshot';
import { MS_PER_DAY } from '../../../cells/time';

let h: SimulatedHistory;
let btc: Float64Array;
const dayIndex = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - HISTORY_START) / MS_PER_DAY;

function daily(coin: number): Float64Array {
  const r = h.logReturns[coin]!;
  const out = new Float64Array(h.hours / 24);
  for (let d = 0; d < out.length; d++)
    for (let k = d * 24; k < d * 24 + 24; k++) out[d] = out[d]! + r[k]!;
  return out;
}

function moments(x: Float64Array): { vol: number; skew: number; kurt: number } {
  const m = mean(x);
  let m2 = 0, m3 = 0, m4 = 0; // prettier-ignore
  for (const v of x) {
    const e = v - m;
    m2 += e * e;
    m3 += e ** 3;
    m4 += e ** 4;
  }
  m2 /= x.length;
  return {
    vol: Math.sqrt(365 * m2),
    skew: m3 / x.length / m2 ** 1.5,
    kurt: m4 / x.length / m2 ** 2 - 3,
  };
}

function acfAbs(x: Float64Array, lag: number): number {
  const a = Array.from(x, Math.abs);
  const m = mean(a);
  let num = 0, den = 0; // prettier-ignore
  for (let i = 0; i < a.length; i++) {
    den += (a[i]! - m) ** 2;
    if (i + lag < a.length) num += (a[i]! - m) * (a[i + lag]! - m);
  }
  return num / den;
}

function corr(x: Float64Array, y: Float64Array): number {
  const mx = mean(x), my = mean(y); // prettier-ignore
  let sxy = 0, sx = 0, sy = 0; // prettier-ignore
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sx += (x[i]! - mx) ** 2;
    sy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sx * sy);
}

function rv30(r: Float64Array): Float64Array {
  const out = new Float64Array(r.length - 29);
  for (let d = 29; d < r.length; d++) {
    let s = 0;
    for (let j = d - 29; j <= d; j++) s += r[j]! ** 2;
    out[d - 29] = 100 * Math.sqrt((365 * s) / 30);
  }
  return out;
}

beforeAll(() => {
  h = simulateHistory(HISTORY_START / 1000, HISTORY_END / 1000, DEFAULT_SEED);
  btc = daily(0);
});

describe('BTC daily log returns 2016–2025', () => {
  it('have 60–80% annualized vol, negative skew and excess kurtosis of roughly 5–15', () => {
    const { vol, skew, kurt } = moments(btc);
    expect(vol).toBeGreaterThan(0.6);
    expect(vol).toBeLessThan(0.8);
    expect(skew).toBeLessThan(-0.2);
    expect(kurt).toBeGreaterThan(5);
    expect(kurt).toBeLessThan(17);
  });

  it('have yearly vols between 35% and 95%', () => {
    for (let y = 2016; y <= 2025; y++) {
      const { vol } = moments(btc.subarray(dayIndex(`${y}-01-01`), dayIndex(`${y + 1}-01-01`)));
      expect(vol, String(y)).toBeGreaterThan(0.35);
      expect(vol, String(y)).toBeLessThan(0.95);
    }
  });

  it('move more than 10% on about 2–3% of days', () => {
    const share = btc.filter((r) => Math.abs(r) > 0.1).length / btc.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.035);
  });

  it('cluster: |r| autocorrelation ≈ 0.2 at lag 1 decaying to ≈ 0.1 at lag 20', () => {
    const a1 = acfAbs(btc, 1);
    const a20 = acfAbs(btc, 20);
    expect(a1).toBeGreaterThan(0.15);
    expect(a1).toBeLessThan(0.3);
    expect(a20).toBeGreaterThan(0.05);
    expect(a20).toBeLessThan(a1);
  });

  it('have 30-day realized vol percentiles near 26/44/58/78/121', () => {
    const rv = rv30(btc);
    const expected = [26, 44, 58, 78, 121];
    [0.05, 0.25, 0.5, 0.75, 0.95].forEach((p, i) => {
      expect(quantile(rv, p)).toBeGreaterThan(expected[i]! * 0.75);
      expect(quantile(rv, p)).toBeLessThan(expected[i]! * 1.25);
    });
  });

  it('draw down 70–85% at worst, crash about 37% on 2020-03-12, and go from ≈ $430 to ≈ $90k', () => {
    let p = h.startLogPrices[0]!;
    let peak = p;
    let dd = 0;
    for (const r of btc) {
      p += r;
      peak = Math.max(peak, p);
      dd = Math.min(dd, p - peak);
    }
    expect(Math.expm1(dd)).toBeGreaterThan(-0.85);
    expect(Math.expm1(dd)).toBeLessThan(-0.7);
    expect(Math.expm1(btc[dayIndex('2020-03-12')]!)).toBeCloseTo(-0.37, 2);
    expect(Math.exp(h.startLogPrices[0]!)).toBeCloseTo(430, 6);
    expect(Math.exp(p) / 90_000).toBeGreaterThan(0.8);
    expect(Math.exp(p) / 90_000).toBeLessThan(1.25);
  });
});

describe('the cross-section 2021–2024', () => {
  it('correlates with BTC at a median ≈ 0.6, ETH ≈ 0.8, exchange tokens low', () => {
    const a = dayIndex('2021-01-01');
    const b = dayIndex('2025-01-01');
    const ref = btc.subarray(a, b);
    const c = COINS.slice(1).map((_, i) => corr(ref, daily(i + 1).subarray(a, b)));
    const sorted = [...c].sort((x, y) => x - y);
    expect(sorted[sorted.length >> 1]).toBeGreaterThan(0.5);
    expect(sorted[sorted.length >> 1]).toBeLessThan(0.7);
    expect(c[coinIndex('ETH') - 1]).toBeGreaterThan(0.7);
    expect(c[coinIndex('ETH') - 1]).toBeLessThan(0.88);
    expect(c[coinIndex('LEO') - 1]).toBeLessThan(0.3);
  });
});

describe('DVOL', () => {
  it('has BTC percentiles near 38/57/95 (2021-03 on, as the real index) and a premium over realized vol', () => {
    const days = btc.length;
    const dvol = new Float64Array(days);
    for (let d = 0; d < days; d++) dvol[d] = dvolIndex(volSnapshotAt(h, d * 24 + 23, 0), 0);
    const recent = dvol.subarray(dayIndex('2021-03-01'));
    expect(quantile(recent, 0.05)).toBeGreaterThan(32);
    expect(quantile(recent, 0.05)).toBeLessThan(45);
    expect(quantile(recent, 0.5)).toBeGreaterThan(50);
    expect(quantile(recent, 0.5)).toBeLessThan(65);
    expect(quantile(recent, 0.95)).toBeGreaterThan(85);
    expect(quantile(recent, 0.95)).toBeLessThan(115);
    const rv = rv30(btc);
    const gap = rv.map((v, i) => dvol[i + 29]! - v);
    expect(mean(gap)).toBeGreaterThan(5);
    expect(mean(gap)).toBeLessThan(14);
    expect(quantile(gap, 0.5)).toBeGreaterThan(6);
    // Inverted right after the 2020-03-12 crash: the crash day sits in the realized window.
    expect(gap[dayIndex('2020-03-20') - 29]).toBeLessThan(0);
  });

  it('puts ETH 15–25 points above BTC on average', () => {
    let diff = 0;
    const from = dayIndex('2021-03-01');
    const to = btc.length;
    for (let d = from; d < to; d++)
      diff +=
        dvolIndex(volSnapshotAt(h, d * 24 + 23, 1), 1) -
        dvolIndex(volSnapshotAt(h, d * 24 + 23, 0), 0);
    expect(diff / (to - from)).toBeGreaterThan(12);
    expect(diff / (to - from)).toBeLessThan(26);
  });
});

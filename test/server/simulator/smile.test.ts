/**
 * The SSVI surface: free of static arbitrage (Durrleman's density condition on each slice, total variance
 * non-decreasing in maturity) and shaped like real Deribit BTC chains (January 2026): 25Δ risk reversal ≈ +2 at the
 * shortest expiries and ≈ −2.5 at 3–12 months in a calm market, butterflies 0.1–1.0, puts richer in stress.
 */
import { describe, expect, it } from 'vitest';
import { greeks } from '../../../cells/options';
import { atmImpliedVol, type VolSnapshot } from '../../../server/simulator/implied';
import { DEFAULT_PARAMS } from '../../../server/simulator/params';
import { REGIMES, type Regime } from '../../../server/simulator/regime';
import {
  sliceVol,
  smileSlice,
  totalVariance,
  type SmileSlice,
} from '../../../server/simulator/smile';

const calm: VolSnapshot = {
  regime: REGIMES.calm,
  marketLogVar: DEFAULT_PARAMS.logVarTarget[0] - 0.9,
  levelShift: -0.9,
  idioLogVar: 0,
  premiumLog: 0,
};
const MATURITIES = [1, 2, 3, 7, 14, 30, 60, 90, 180, 270, 365].map((d) => d / 365);

/** Durrleman's g(k) (Gatheral and Jacquier 2014, eq. 2.1) by central differences: ≥ 0 means a density. */
function durrleman(s: SmileSlice, k: number): number {
  const e = 1e-4;
  const w = totalVariance(s, k);
  const w1 = (totalVariance(s, k + e) - totalVariance(s, k - e)) / (2 * e);
  const w2 = (totalVariance(s, k + e) - 2 * w + totalVariance(s, k - e)) / (e * e);
  return (1 - (k * w1) / (2 * w)) ** 2 - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

/** Strike whose Black-76 call delta (or put delta, negated) is 0.25, by bisection in log-moneyness. */
function strike25(s: SmileSlice, T: number, type: 'call' | 'put'): number {
  let lo = -3;
  let hi = 3;
  for (let i = 0; i < 80; i++) {
    const k = 0.5 * (lo + hi);
    const d = Math.abs(greeks(1, Math.exp(k), T, sliceVol(s, k, T), type).delta);
    if ((type === 'call') === d > 0.25) lo = k;
    else hi = k;
  }
  return 0.5 * (lo + hi);
}

function rrBf(regime: Regime, T: number, snap = calm): { atm: number; rr: number; bf: number } {
  const atm = atmImpliedVol({ ...snap, regime }, 0, T);
  const s = smileSlice(atm, T, regime);
  const c = sliceVol(s, strike25(s, T, 'call'), T);
  const p = sliceVol(s, strike25(s, T, 'put'), T);
  return { atm: 100 * atm, rr: 100 * (c - p), bf: 100 * (0.5 * (c + p) - atm) };
}

describe('SSVI slices', () => {
  it('return the ATM vol at k = 0', () => {
    expect(sliceVol(smileSlice(0.45, 30 / 365, 0), 0, 30 / 365)).toBeCloseTo(0.45, 12);
  });

  it('have a non-negative density on every slice, in every regime', () => {
    for (const regime of [0, 1, 2] as const)
      for (const T of MATURITIES) {
        const s = smileSlice(atmImpliedVol({ ...calm, regime }, 0, T), T, regime);
        for (let k = -2.5; k <= 2.5; k += 0.01)
          expect(durrleman(s, k), `${regime} ${T} ${k}`).toBeGreaterThan(0);
      }
  });

  it('have total variance non-decreasing in maturity at every strike (no calendar arbitrage)', () => {
    for (const regime of [0, 1, 2] as const)
      for (const snap of [calm, { ...calm, marketLogVar: calm.marketLogVar + 1.5 }]) {
        const slices = MATURITIES.map((T) =>
          smileSlice(atmImpliedVol({ ...snap, regime }, 0, T), T, regime),
        );
        for (let k = -2.5; k <= 2.5; k += 0.05)
          for (let i = 1; i < slices.length; i++)
            expect(totalVariance(slices[i]!, k)).toBeGreaterThanOrEqual(
              totalVariance(slices[i - 1]!, k),
            );
      }
  });
});

describe('the smile in a calm market', () => {
  it('has an upward ATM term structure', () => {
    const atm = MATURITIES.map((T) => rrBf(0, T).atm);
    expect(atm[atm.length - 1]! - atm[0]!).toBeGreaterThan(3);
    expect(atm[5]).toBeGreaterThan(35);
    expect(atm[5]).toBeLessThan(60);
  });

  it('has 25Δ risk reversals from about +2 at the shortest expiries to about −2.5 at 3–12 months', () => {
    const short = rrBf(0, 1 / 365).rr;
    expect(short).toBeGreaterThan(1);
    expect(short).toBeLessThan(3.5);
    for (const T of [90 / 365, 180 / 365, 1]) {
      expect(rrBf(0, T).rr).toBeLessThan(-1.5);
      expect(rrBf(0, T).rr).toBeGreaterThan(-4);
    }
  });

  it('has 25Δ butterflies between 0.1 and 1.0 vol points', () => {
    for (const T of MATURITIES) {
      const { bf } = rrBf(0, T);
      expect(bf).toBeGreaterThan(0.1);
      expect(bf).toBeLessThan(1.0);
    }
  });
});

describe('the smile in stress', () => {
  it('inverts the term structure and makes puts richer in a crash', () => {
    const hot = { ...calm, marketLogVar: calm.marketLogVar + 1.5 };
    const short = rrBf(2, 7 / 365, hot);
    const long = rrBf(2, 180 / 365, hot);
    expect(short.atm).toBeGreaterThan(long.atm);
    expect(short.rr).toBeLessThan(rrBf(0, 7 / 365).rr - 2);
    expect(rrBf(1, 90 / 365, hot).rr).toBeLessThan(rrBf(0, 90 / 365).rr);
  });
});

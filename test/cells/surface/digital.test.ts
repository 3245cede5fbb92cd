import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../cells/math/normal';
import { black76Price } from '../../../cells/options/black76';
import { sviImpliedVol } from '../../../cells/surface/svi';
import { digitalAbove, smileAtMaturity, smileOf } from '../../../cells/surface/digital';

const flat = (vol: number, T: number, forward: number) => ({
  T,
  forward,
  svi: { a: vol * vol * T, b: 0, rho: 0, m: 0, sigma: 0.1 },
});

describe('digitalAbove', () => {
  it('is N(d2) on a flat smile', () => {
    const F = 100_000;
    const T = 30 / 365;
    const vol = 0.55;
    for (const K of [60_000, 90_000, 100_000, 115_000, 160_000]) {
      const d2 = (Math.log(F / K) - 0.5 * vol * vol * T) / (vol * Math.sqrt(T));
      expect(digitalAbove(flat(vol, T, F), K)).toBeCloseTo(normalCdf(d2), 14);
    }
  });

  it('equals −∂C/∂K by finite differences of Black-76 prices on a skewed SVI smile', () => {
    const slice = {
      T: 0.2,
      forward: 3_000,
      svi: { a: 0.01, b: 0.12, rho: -0.45, m: 0.05, sigma: 0.15 },
    };
    const call = (K: number) =>
      black76Price(
        slice.forward,
        K,
        slice.T,
        sviImpliedVol(slice.svi, Math.log(K / slice.forward), slice.T),
        'call',
      );
    for (const K of [2_000, 2_700, 3_000, 3_300, 4_200]) {
      const h = K * 1e-4;
      const fd = -(call(K + h) - call(K - h)) / (2 * h);
      const p = digitalAbove(slice, K);
      expect(Math.abs(p - fd)).toBeLessThan(1e-6);
      // The skew matters here: the flat-vol N(d2) at the same strike's vol is off by far more than the tolerance.
      const vol = sviImpliedVol(slice.svi, Math.log(K / slice.forward), slice.T);
      const d2 =
        (Math.log(slice.forward / K) - 0.5 * vol * vol * slice.T) / (vol * Math.sqrt(slice.T));
      expect(Math.abs(p - normalCdf(d2))).toBeGreaterThan(1e-3);
    }
  });

  it('gives NaN for a non-positive strike', () => {
    expect(digitalAbove(flat(0.5, 0.1, 100), 0)).toBeNaN();
  });
});

describe('smileAtMaturity', () => {
  it('interpolates total variance linearly in T between slices and the forward with it', () => {
    const a = flat(0.4, 0.1, 100);
    const b = flat(0.6, 0.3, 104);
    const s = smileAtMaturity([b, a], 0.2)!;
    // Total variance halfway: (0.016 + 0.108) / 2 = 0.062, forward 102.
    expect(s.w(0.3)).toBeCloseTo(0.062, 15);
    expect(s.forward).toBeCloseTo(102, 12);
    const d2 = -Math.log(110 / 102) / Math.sqrt(0.062) - Math.sqrt(0.062) / 2;
    expect(digitalAbove(s, 110)).toBeCloseTo(normalCdf(d2), 14);
  });

  it('holds implied vol constant outside the slices, and is null without slices', () => {
    const a = flat(0.5, 0.1, 100);
    expect(smileAtMaturity([a], 0.05)!.w(0)).toBeCloseTo(0.5 * 0.5 * 0.05, 15);
    expect(smileAtMaturity([], 0.05)).toBeNull();
    expect(smileOf(a).w(0)).toBeCloseTo(0.025, 15);
  });
});

import { describe, expect, it } from 'vitest';
import { normalInv } from '../../../cells/math/normal';
import {
  atmTermStructure,
  ivMinusRealized,
  riskReversalButterfly,
  smileDelta,
  smileInDelta,
  strikeForDelta,
} from '../../../cells/surface/metrics';
import type { SviParams } from '../../../cells/surface/svi';

/** A flat smile at vol s for expiry T: b = 0 makes w(k) = a. */
const flat = (s: number, T: number): SviParams => ({
  a: s * s * T,
  b: 0,
  rho: 0,
  m: 0,
  sigma: 0.1,
});

describe('smile metrics', () => {
  it('finds the strike of a delta on a flat smile in closed form: k = s(s/2 − N⁻¹(Δ))', () => {
    const T = 30 / 365;
    const s = 0.6 * Math.sqrt(T);
    for (const d of [0.1, 0.25, 0.5, 0.75]) {
      expect(strikeForDelta(flat(0.6, T), d, 'call')).toBeCloseTo(s * (s / 2 - normalInv(d)), 12);
    }
    expect(strikeForDelta(flat(0.6, T), -0.25, 'put')).toBeCloseTo(
      s * (s / 2 - normalInv(0.75)),
      12,
    );
    expect(() => strikeForDelta(flat(0.6, T), 0.25, 'put')).toThrow(/invalid delta/);
  });

  it('gives zero risk reversal and butterfly on a flat smile and the right signs on a skewed one', () => {
    const f = riskReversalButterfly(flat(0.5, 0.25), 0.25);
    expect(f.rr).toBeCloseTo(0, 14);
    expect(f.bf).toBeCloseTo(0, 14);
    expect(f.atmVol).toBeCloseTo(0.5, 14);
    // Put skew (ρ < 0) and a smile (b > 0): RR < 0, BF > 0, and the solved strikes hit the deltas.
    const skew: SviParams = { a: 0.01, b: 0.1, rho: -0.5, m: 0, sigma: 0.15 };
    const r = riskReversalButterfly(skew, 0.25, 0.1);
    expect(r.rr).toBeLessThan(0);
    expect(r.bf).toBeGreaterThan(0);
    expect(smileDelta(skew, r.callK, 'call')).toBeCloseTo(0.1, 12);
    expect(smileDelta(skew, r.putK, 'put')).toBeCloseTo(-0.1, 12);
    expect(r.rr).toBeCloseTo(r.callVol - r.putVol, 15);
  });

  it('reads the smile in delta space', () => {
    const v = smileInDelta(flat(0.45, 0.5), 0.5, [0.1, 0.5, 0.9]);
    v.forEach((x) => expect(x).toBeCloseTo(0.45, 14));
  });

  it('interpolates ATM vol at constant maturities in total variance', () => {
    // 10 days at 80%, 40 days at 60%: at 30 days θ = w1 + (20/30)(w2 − w1).
    const w1 = 0.8 ** 2 * (10 / 365);
    const w2 = 0.6 ** 2 * (40 / 365);
    const ts = atmTermStructure([
      { T: 40 / 365, params: flat(0.6, 40 / 365) },
      { T: 10 / 365, params: flat(0.8, 10 / 365) },
    ]);
    expect(Array.from(ts.days)).toEqual([7, 30, 60, 90, 180]);
    expect(ts.atmVol[0]).toBeCloseTo(0.8, 14); // flat before the first expiry
    expect(ts.atmVol[1]).toBeCloseTo(Math.sqrt((w1 + (20 / 30) * (w2 - w1)) / (30 / 365)), 14);
    expect(ts.atmVol[4]).toBeCloseTo(0.6, 14); // flat after the last
  });

  it('aligns implied minus realized vol with a lag', () => {
    ivMinusRealized([0.5, 0.6, 0.7], [0.4, 0.45, 0.5]).forEach((d, i) =>
      expect(d).toBeCloseTo([0.1, 0.15, 0.2][i]!, 15),
    );
    const lagged = ivMinusRealized([0.5, 0.6, 0.7], [0.4, 0.45, 0.5], 1);
    expect(lagged[0]).toBeCloseTo(0.05, 15);
    expect(lagged[2]).toBeNaN();
  });
});

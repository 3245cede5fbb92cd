import { describe, expect, it } from 'vitest';
import { annualize } from '../../../cells/series/annualize';
import { ewmaVariance, ewmaVol } from '../../../cells/series/ewma';

describe('ewmaVariance', () => {
  it('follows s_t = λ s_{t−1} + (1 − λ) r_t² from s_0 = r_0²', () => {
    // λ = 0.9: s0 = 0.01² = 0.0001
    // s1 = 0.9·0.0001 + 0.1·0.0004 = 0.00013
    // s2 = 0.9·0.00013 + 0.1·0.0009 = 0.000207
    const s = ewmaVariance([0.01, -0.02, 0.03], { lambda: 0.9 });
    expect(s[0]).toBeCloseTo(0.0001, 15);
    expect(s[1]).toBeCloseTo(0.00013, 15);
    expect(s[2]).toBeCloseTo(0.000207, 15);
  });

  it('starts from a given variance and defaults to RiskMetrics λ = 0.94', () => {
    // s0 = 0.94·0.0004 + 0.06·0.0001 = 0.000382
    expect(ewmaVariance([0.01], { init: 0.0004 })[0]).toBeCloseTo(0.000382, 15);
  });

  it('carries the last value over NaN returns', () => {
    const s = ewmaVariance([0.01, NaN, 0.01], { lambda: 0.5 });
    expect(s[1]).toBe(s[0]);
    expect(s[2]).toBeCloseTo(0.0001, 15);
  });

  it('rejects λ outside (0, 1)', () => {
    expect(() => ewmaVariance([0.01], { lambda: 1 })).toThrow(/invalid lambda/);
  });
});

describe('ewmaVol and annualize', () => {
  it('take the square root and scale by √365', () => {
    const v = ewmaVol([0.01, -0.02, 0.03], { lambda: 0.9, annualize: true });
    expect(v[2]).toBeCloseTo(Math.sqrt(0.000207 * 365), 14);
    expect(annualize(0.03)).toBeCloseTo(0.03 * 19.1049731745428, 12); // √365
    expect(Array.from(annualize(Float64Array.of(1, 2), 4))).toEqual([2, 4]);
    expect(() => annualize(1, 0)).toThrow(/invalid periodsPerYear/);
  });
});

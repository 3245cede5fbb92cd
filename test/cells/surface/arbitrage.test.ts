import { describe, expect, it } from 'vitest';
import { butterflyArbitrage, calendarArbitrage } from '../../../cells/surface/arbitrage';
import { ssviToSvi } from '../../../cells/surface/ssvi';
import { sviDurrlemanG, type SviParams } from '../../../cells/surface/svi';

const vogt: SviParams = { a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 };

describe('butterflyArbitrage', () => {
  it("flags Axel Vogt's slice (Gatheral–Jacquier 2014, Example 3.1) where g(k) < 0", () => {
    const report = butterflyArbitrage(vogt, 1);
    expect(report.ok).toBe(false);
    // The paper's Figure 2: g dips below zero between roughly k = 0.6 and 1.3.
    const ks = report.violations.map((v) => v.k);
    expect(Math.min(...ks)).toBeGreaterThan(0.5);
    expect(Math.max(...ks)).toBeLessThan(1.4);
    expect(report.violations.every((v) => v.value < 0 && v.T === 1)).toBe(true);
    expect(sviDurrlemanG(vogt, 0)).toBeGreaterThan(0);
  });

  it('passes an SSVI slice satisfying η(1 + |ρ|) ≤ 2 with γ ≤ ½ (arbitrage-free by construction)', () => {
    for (const theta of [0.005, 0.04, 0.3, 1]) {
      const p = ssviToSvi(theta, { rho: -0.4, eta: 1.4, gamma: 0.4 });
      expect(butterflyArbitrage(p, 1, { from: -4, to: 4, n: 801 }).ok).toBe(true);
    }
  });

  it('flags negative total variance', () => {
    expect(butterflyArbitrage({ a: -0.1, b: 0.05, rho: 0, m: 0, sigma: 0.1 }, 1).ok).toBe(false);
  });
});

describe('calendarArbitrage', () => {
  it('catches crossing slices and reports where', () => {
    // Same ATM variance growth, but the later slice is much flatter: its wings fall below the earlier one.
    const early: SviParams = { a: 0.01, b: 0.2, rho: 0, m: 0, sigma: 0.1 };
    const late: SviParams = { a: 0.025, b: 0.02, rho: 0, m: 0, sigma: 0.1 };
    const report = calendarArbitrage([
      { T: 0.5, params: late },
      { T: 0.25, params: early },
    ]);
    expect(report.ok).toBe(false);
    const v = report.violations[0]!;
    expect(v.T1).toBe(0.25);
    expect(v.T2).toBe(0.5);
    expect(v.value).toBeLessThan(0);
    // At k = 0: early w = 0.01 + 0.02 = 0.03, late w = 0.025 + 0.002 = 0.027 → crossing there too.
    expect(report.violations.some((x) => Math.abs(x.k) < 1e-9)).toBe(true);
  });

  it('passes SSVI slices with non-decreasing θ', () => {
    const p = { rho: -0.3, eta: 1.2, gamma: 0.45 };
    const slices = [0.02, 0.05, 0.09, 0.2].map((theta, i) => ({
      T: (i + 1) / 4,
      params: ssviToSvi(theta, p),
    }));
    expect(calendarArbitrage(slices, { from: -3, to: 3 }).ok).toBe(true);
  });
});

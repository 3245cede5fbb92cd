import { describe, expect, it } from 'vitest';
import { normalCdf, normalInv, normalPdf } from '../../../cells/math/normal';
import { erfc, erfcx } from '../../../cells/math/normal-erf';

// Reference values from mpmath at 50 digits, e.g.
//   python3 -c "import mpmath as mp; mp.mp.dps=50; print(mp.nstr(mp.ncdf(-10),17))"
// (scipy.stats.norm.cdf agrees to ~1e-13 in the far tail but is itself less accurate there:
// it gives 7.61985302416047e-24 for Φ(−10)).
const CDF: [number, number][] = [
  [-38, 2.88542835e-316],
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-8, 6.220960574271784e-16],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145705],
  [-0.7, 0.24196365222307303],
  [-0.5, 0.3085375387259869],
  [0.3, 0.6179114221889527],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
  [6, 0.9999999990134123],
];

// mpmath: the root of log Φ(z) = log p.
const QUANTILE: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-8, -5.612001244174789],
  [0.001, -3.0902323061678136],
  [0.025, -1.9599639845400543],
  [0.3, -0.5244005127080408],
];

// mpmath erfc(x) and exp(x²)·erfc(x).
const ERFC: [number, number, number][] = [
  [0.1, 0.887537083981715, 0.8964569799691267],
  [0.5, 0.4795001221869535, 0.6156903441929259],
  [1, 0.15729920705028513, 0.427583576155807],
  [3, 0.00002209049699858544, 0.17900115118138996],
  [5, 1.537459794428035e-12, 0.11070463773306863],
  [10, 2.088487583762545e-45, 0.05614099274382259],
  [26, 5.663192408856143e-296, 0.021683584850562907],
  [-0.3, 1.3286267594591274, 1.4537492328427657],
  [-3, 1.9999779095030015, 16205.988853999586],
];

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('normalCdf', () => {
  it('matches 50-digit values to 1e-15 relative from z = −37.5 to 6', () => {
    for (const [z, want] of CDF) {
      if (z < -37.6) continue;
      expect(rel(normalCdf(z), want), `z = ${z}`).toBeLessThan(1.5e-15);
    }
    expect(normalCdf(-10)).toBeCloseTo(7.619853024160527e-24, 38);
  });

  it('degrades gracefully into the subnormal range and saturates at the ends', () => {
    expect(rel(normalCdf(-38), 2.88542835e-316)).toBeLessThan(1e-6);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('is symmetric: Φ(z) + Φ(−z) = 1', () => {
    for (let z = -6; z <= 6; z += 0.37) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 15);
  });
});

describe('normalPdf', () => {
  it('matches scipy.stats.norm.pdf', () => {
    expect(rel(normalPdf(0), 0.3989422804014327)).toBeLessThan(1e-16);
    expect(rel(normalPdf(1), 0.24197072451914337)).toBeLessThan(1e-15);
    expect(rel(normalPdf(-2.5), 0.017528300493568537)).toBeLessThan(1e-15);
    expect(rel(normalPdf(7), 9.134720408364595e-12)).toBeLessThan(1e-15);
    expect(rel(normalPdf(20), 5.520948362159764e-88)).toBeLessThan(1e-15);
  });
});

describe('normalInv', () => {
  it('matches 50-digit quantiles to 1e-15 relative and is antisymmetric', () => {
    for (const [p, want] of QUANTILE) {
      expect(rel(normalInv(p), want), `p = ${p}`).toBeLessThan(1e-15);
      // 1 − p rounds away the information for small p, so antisymmetry is checked where 1 − p is exact enough.
      if (p >= 1e-3) expect(rel(-normalInv(1 - p), want), `1 − ${p}`).toBeLessThan(1e-13);
    }
    expect(normalInv(0.5)).toBe(0);
  });

  it('inverts normalCdf across the range', () => {
    // In the upper tail Φ(z) rounds near 1, so the round trip is exact only in the lower half.
    for (let z = -37; z <= 0; z += 0.173)
      expect(rel(normalInv(normalCdf(z)), z), `z = ${z}`).toBeLessThan(1e-14);
  });

  it('returns ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(-0.1)).toBeNaN();
    expect(normalInv(1.1)).toBeNaN();
    expect(normalInv(NaN)).toBeNaN();
  });
});

describe('erfc and erfcx (Cody)', () => {
  it('match 50-digit values to 1e-15 relative', () => {
    for (const [x, wantErfc, wantErfcx] of ERFC) {
      expect(rel(erfc(x), wantErfc), `erfc(${x})`).toBeLessThan(1e-15);
      expect(rel(erfcx(x), wantErfcx), `erfcx(${x})`).toBeLessThan(1e-15);
    }
  });
});

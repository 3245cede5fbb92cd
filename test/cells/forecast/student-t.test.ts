import { describe, expect, it } from 'vitest';
import { studentTCdf } from '../../../cells/forecast';
import { regularizedBeta } from '../../../cells/forecast/special';
import { reference } from './reference';

describe('studentTCdf', () => {
  it('matches scipy.stats.t.cdf', () => {
    for (const { t, df, cdf } of reference.tcdf)
      expect(Math.abs(studentTCdf(t, df) - cdf)).toBeLessThan(1e-12);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const t of [-7, -1.3, 0, 0.4, 2.5, 30]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('tends to the normal for large df (Φ(1.96) = 0.9750021)', () => {
    expect(studentTCdf(1.96, 1e7)).toBeCloseTo(0.9750021048517795, 6);
  });

  it('gives I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.7, 3.5, 1)).toBeCloseTo(0.7 ** 3.5, 14);
  });
});

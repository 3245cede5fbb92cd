import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { sviTotalVariance } from '../../../cells/surface/svi';
import {
  atmTotalVariance,
  fitSsvi,
  ssviToSvi,
  ssviTotalVariance,
} from '../../../cells/surface/ssvi';

describe('SSVI', () => {
  it('equals its raw-SVI form (Gatheral–Jacquier Lemma 3.3)', () => {
    const p = { rho: -0.35, eta: 1.1, gamma: 0.4 };
    for (const theta of [0.01, 0.1, 0.5]) {
      const svi = ssviToSvi(theta, p);
      for (let k = -2; k <= 2; k += 0.25)
        expect(sviTotalVariance(svi, k)).toBeCloseTo(ssviTotalVariance(theta, k, p), 14);
      expect(ssviTotalVariance(theta, 0, p)).toBeCloseTo(theta, 15);
    }
  });

  it('recovers (ρ, η, γ) from a noisy synthetic surface of 6 expiries (seeded)', () => {
    const truth = { rho: -0.3, eta: 1.2, gamma: 0.35 };
    const rng = createRng(5);
    const slices = [7, 14, 30, 60, 120, 240].map((d) => {
      const T = d / 365;
      const theta = 0.36 * T * (1 + 0.2 * Math.sqrt(T)); // ~60% ATM vol, rising
      const k = Float64Array.from(
        { length: 31 },
        (_, i) => (-0.8 + (1.6 * i) / 30) * Math.sqrt(Math.max(T, 0.1)),
      );
      const iv = Float64Array.from(
        k,
        (x) => Math.sqrt(ssviTotalVariance(theta, x, truth) / T) + 0.002 * rng.normal(),
      );
      return { k, iv, T };
    });
    const fit = fitSsvi(slices);
    expect(fit.rho).toBeCloseTo(truth.rho, 1);
    expect(Math.abs(fit.eta - truth.eta) / truth.eta).toBeLessThan(0.1);
    expect(Math.abs(fit.gamma - truth.gamma)).toBeLessThan(0.06);
    expect(fit.rmseVolPoints).toBeLessThan(0.4);
    expect(fit.eta * (1 + Math.abs(fit.rho))).toBeLessThanOrEqual(2);
    for (let i = 1; i < fit.theta.length; i++)
      expect(fit.theta[i]!).toBeGreaterThanOrEqual(fit.theta[i - 1]!);
  });

  it('reads the ATM total variance by interpolating across k = 0', () => {
    expect(
      atmTotalVariance({ k: [-0.2, -0.1, 0.1, 0.3], iv: [0.6, 0.5, 0.7, 0.8], T: 1 }),
    ).toBeCloseTo(0.37, 14);
  });
});

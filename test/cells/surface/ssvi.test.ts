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

  it('recovers a surface on the no-arbitrage bound γ = ½ exactly', () => {
    const truth = { rho: -0.3, eta: 1, gamma: 0.5 };
    const slices = [1, 7, 30, 90, 266].map((d) => {
      const T = d / 365;
      // k = 0 is a strike, so θ is read exactly.
      const k = Float64Array.from({ length: 13 }, (_, i) => (-0.6 + (1.2 * i) / 12) * Math.sqrt(T));
      return { k, iv: k.map((x) => Math.sqrt(ssviTotalVariance(0.25 * T, x, truth) / T)), T };
    });
    const fit = fitSsvi(slices);
    expect(fit.gamma).toBeCloseTo(0.5, 8);
    expect(fit.rho).toBeCloseTo(truth.rho, 8);
    expect(fit.eta).toBeCloseTo(truth.eta, 8);
    expect(fit.rmseVolPoints).toBeLessThan(1e-8);
  });

  it('warm-started from the previous fit, reaches the cold fit of the moved surface (seeded)', () => {
    const truth = { rho: -0.25, eta: 1.1, gamma: 0.4 };
    const rng = createRng(23);
    const before = [2, 7, 30, 90, 180, 365].map((d) => {
      const T = d / 365;
      const k = Float64Array.from({ length: 12 }, (_, i) => (-0.6 + (1.2 * i) / 11) * Math.sqrt(T));
      const iv = k.map(
        (x) => Math.sqrt(ssviTotalVariance(0.3 * T, x, truth) / T) + 0.003 * rng.normal(),
      );
      return { k, iv, T };
    });
    const moved = before.map((s) => ({
      T: s.T,
      k: s.k.map((x) => x - 0.005),
      iv: s.iv.map((v) => v + 0.001 * rng.normal()),
    }));
    const previous = fitSsvi(before);
    const cold = fitSsvi(moved);
    const warm = fitSsvi(moved, { start: previous });
    expect(Math.abs(warm.rmseVolPoints - cold.rmseVolPoints)).toBeLessThan(1e-6);
    expect(warm.rho).toBeCloseTo(cold.rho, 4);
    expect(warm.eta).toBeCloseTo(cold.eta, 4);
    expect(warm.gamma).toBeCloseTo(cold.gamma, 4);
  });

  it('reads the ATM total variance by interpolating across k = 0', () => {
    expect(
      atmTotalVariance({ k: [-0.2, -0.1, 0.1, 0.3], iv: [0.6, 0.5, 0.7, 0.8], T: 1 }),
    ).toBeCloseTo(0.37, 14);
  });
});

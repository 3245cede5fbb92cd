import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { butterflyArbitrage } from '../../../cells/surface/arbitrage';
import { sviImpliedVol, sviTotalVariance, type SviParams } from '../../../cells/surface/svi';
import { fitSvi } from '../../../cells/surface/svi-fit';

const strikes = (n: number, lo = -1, hi = 1): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

describe('fitSvi (quasi-explicit)', () => {
  it('recovers exact parameters from a noiseless slice', () => {
    const truth: SviParams = { a: 0.01, b: 0.1, rho: -0.35, m: 0.05, sigma: 0.15 };
    const k = strikes(40);
    const fit = fitSvi({
      k,
      iv: Float64Array.from(k, (x) => sviImpliedVol(truth, x, 0.25)),
      T: 0.25,
    });
    expect(fit.a).toBeCloseTo(truth.a, 5);
    expect(fit.b).toBeCloseTo(truth.b, 5);
    expect(fit.rho).toBeCloseTo(truth.rho, 5);
    expect(fit.m).toBeCloseTo(truth.m, 5);
    expect(fit.sigma).toBeCloseTo(truth.sigma, 5);
    expect(fit.rmseVolPoints).toBeLessThan(1e-4);
    expect(fit.n).toBe(40);
  });

  it('recovers known parameters from noisy slices (seeded, 0.2 vol-point noise)', () => {
    const cases: [SviParams, number][] = [
      [{ a: 0.01, b: 0.1, rho: -0.35, m: 0.05, sigma: 0.15 }, 0.25],
      [{ a: 0.002, b: 0.03, rho: 0.2, m: -0.02, sigma: 0.08 }, 7 / 365],
      [{ a: 0.15, b: 0.35, rho: 0.1, m: 0.1, sigma: 0.4 }, 1],
    ];
    const rng = createRng(11);
    for (const [truth, T] of cases) {
      const k = strikes(50);
      const iv = Float64Array.from(k, (x) => sviImpliedVol(truth, x, T) + 0.002 * rng.normal());
      const fit = fitSvi({ k, iv, T });
      // The fitted smile tracks the true one to about the noise level at the edges (better inside), and the
      // residual RMSE is the noise level.
      for (const x of k)
        expect(Math.abs(sviImpliedVol(fit, x, T) - sviImpliedVol(truth, x, T))).toBeLessThan(0.002);
      expect(fit.rmseVolPoints).toBeGreaterThan(0.14);
      expect(fit.rmseVolPoints).toBeLessThan(0.26);
      expect(fit.rho).toBeCloseTo(truth.rho, 1);
      expect(Math.abs(fit.m - truth.m)).toBeLessThan(0.05);
      expect(Math.abs(fit.b - truth.b) / truth.b).toBeLessThan(0.1);
    }
  });

  it('reports the share of fitted vols inside bid/ask and weights by inverse spread', () => {
    const truth: SviParams = { a: 0.01, b: 0.1, rho: -0.35, m: 0.05, sigma: 0.15 };
    const k = strikes(30);
    const iv = Float64Array.from(k, (x) => sviImpliedVol(truth, x, 0.25));
    const bidIv = Float64Array.from(iv, (v, i) => v - (i < 15 ? 0.01 : -0.001)); // the upper half is crossed
    const askIv = Float64Array.from(iv, (v) => v + 0.01);
    const fit = fitSvi({ k, iv, T: 0.25, bidIv, askIv });
    expect(fit.insideBidAsk).toBeCloseTo(0.5, 10);
    expect(fitSvi({ k, iv, T: 0.25 }).insideBidAsk).toBeNaN();
  });

  it('with noArbitrage, fits an arbitrageable slice without butterfly arbitrage', () => {
    // Vogt's slice (Gatheral–Jacquier 2014, Example 3.1) sampled as data.
    const vogt: SviParams = { a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 };
    const k = strikes(41, -1.2, 1.5);
    const iv = Float64Array.from(k, (x) => Math.sqrt(sviTotalVariance(vogt, x)));
    const fit = fitSvi({ k, iv, T: 1 }, { noArbitrage: true });
    expect(butterflyArbitrage(fit, 1, { from: -2.5, to: 3 }, 1e-6).ok).toBe(true);
    expect(fit.rmseVolPoints).toBeLessThan(2);
  });

  it('warm-started from the previous fit, reaches the cold fit of the moved slice (seeded)', () => {
    const rng = createRng(17);
    const cases: [SviParams, number][] = [
      [{ a: 0.01, b: 0.1, rho: -0.35, m: 0.05, sigma: 0.15 }, 0.25],
      [{ a: 0.002, b: 0.03, rho: 0.2, m: -0.02, sigma: 0.08 }, 7 / 365],
      [{ a: 0.15, b: 0.35, rho: 0.1, m: 0.1, sigma: 0.4 }, 1],
    ];
    for (const [truth, T] of cases) {
      const k = strikes(100);
      const before = Float64Array.from(k, (x) => sviImpliedVol(truth, x, T) + 0.003 * rng.normal());
      const previous = fitSvi({ k, iv: before, T });
      // The next cycle: spot up 0.5% (every k down by 0.005) and the marks re-noised by 0.1 vol point.
      const moved = k.map((x) => x - 0.005);
      const iv = before.map((v) => v + 0.001 * rng.normal());
      const cold = fitSvi({ k: moved, iv, T });
      const warm = fitSvi({ k: moved, iv, T }, { start: previous });
      expect(Math.abs(warm.rmseVolPoints - cold.rmseVolPoints)).toBeLessThan(1e-6);
      for (const x of [-0.8, -0.3, 0, 0.3, 0.8])
        expect(Math.abs(sviImpliedVol(warm, x, T) - sviImpliedVol(cold, x, T))).toBeLessThan(1e-5);
      // A start the search cannot use (m beyond the strikes by more than their span, e.g. another expiry's fit)
      // falls back to the generic starts.
      const lost = fitSvi({ k: moved, iv, T }, { start: { m: 5, sigma: 0.1 } });
      expect(Math.abs(lost.rmseVolPoints - cold.rmseVolPoints)).toBeLessThan(1e-6);
    }
  });

  it('rejects slices with too few points', () => {
    expect(() => fitSvi({ k: [0, 0.1], iv: [0.5, 0.5], T: 0.1 })).toThrow(/invalid slice/);
    expect(() => fitSvi({ k: [0], iv: [0.5], T: 0 })).toThrow(/invalid T/);
  });
});

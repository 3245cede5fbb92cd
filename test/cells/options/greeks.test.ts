import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options/black76';
import { greeks, premiumAdjustedDelta } from '../../../cells/options/greeks';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('greeks', () => {
  it("reports the hand-worked case in Deribit's units", () => {
    // F = 100,000, K = 110,000, T = 30/365, σ = 0.55, d1 = −0.5256128 (see black76.test.ts):
    //   delta = N(d1) = 0.2995786; gamma = φ(d1)/(F·σ√T) = 2.2036e-5 per $1;
    //   vega = F·φ(d1)·√T/100 = 99.617 USD per vol point; theta = −F·φ(d1)·σ/(2√T)/365 = −91.316 USD/day;
    //   rho = −T·price/100 = −2.2723 USD per 1% (Black-76, forward fixed). (mpmath at 30 digits.)
    const g = greeks(100_000, 110_000, 30 / 365, 0.55, 'call', { convention: 'black76' });
    expect(rel(g.delta, 0.2995786428693113)).toBeLessThan(1e-14);
    expect(rel(g.gamma, 0.000022036477690904692)).toBeLessThan(1e-14);
    expect(rel(g.vega, 99.61695394518559)).toBeLessThan(1e-14);
    expect(rel(g.theta, -91.31554111642012)).toBeLessThan(1e-14);
    expect(rel(g.rho, -2.272327529890023)).toBeLessThan(1e-14);
    const p = greeks(100_000, 110_000, 30 / 365, 0.55, 'put');
    expect(p.delta).toBeCloseTo(0.2995786428693113 - 1, 14);
    expect(p.gamma).toBe(g.gamma);
    expect(p.vega).toBe(g.vega);
    // Deribit's rho holds the spot fixed: K·T·N(d2)/100 with d2 = d1 − σ√T = −0.6832926,
    // N(d2) = 0.2472192, so 110,000 · (30/365) · 0.2472192 / 100 = 22.350575 (calls); the put's is
    // −K·T·N(−d2)/100, so call − put = K·T/100 = 90.410959: −68.060384. Theta and the rest are unchanged.
    const d = greeks(100_000, 110_000, 30 / 365, 0.55, 'call');
    expect({ ...d, rho: 0 }).toEqual({ ...g, rho: 0 });
    expect(d.rho).toBeCloseTo(22.350575, 5);
    expect(greeks(100_000, 110_000, 30 / 365, 0.55, 'put').rho).toBeCloseTo(-68.060384, 5);
    expect(
      rel(premiumAdjustedDelta(100_000, 110_000, 30 / 365, 0.55, 'call'), 0.2719319912556494),
    ).toBeLessThan(1e-14);
  });

  it('agrees with central finite differences of the price', () => {
    for (const type of ['call', 'put'] as const) {
      for (const [F, K, T, sigma] of [
        [100_000, 80_000, 0.5, 0.7],
        [100_000, 100_000, 7 / 365, 0.45],
        [3_000, 3_600, 90 / 365, 0.8],
        [60_000, 55_000, 1 / 365, 1.2],
      ] as const) {
        const g = greeks(F, K, T, sigma, type, { convention: 'black76' });
        const price = (f: number, t: number, s: number): number => black76Price(f, K, t, s, type);
        const hF = F * 1e-4;
        const delta = (price(F + hF, T, sigma) - price(F - hF, T, sigma)) / (2 * hF);
        const gamma =
          (price(F + hF, T, sigma) - 2 * price(F, T, sigma) + price(F - hF, T, sigma)) / (hF * hF);
        const hs = 1e-5;
        const vega = (price(F, T, sigma + hs) - price(F, T, sigma - hs)) / (2 * hs) / 100;
        const hT = T * 1e-5;
        const theta = -(price(F, T + hT, sigma) - price(F, T - hT, sigma)) / (2 * hT) / 365;
        const r = 1e-6; // rho: d/dr of e^{−rT}·V at r = 0, per 1%
        const rho = ((Math.exp(-r * T) - Math.exp(r * T)) * price(F, T, sigma)) / (2 * r) / 100;
        const at = `${type} F=${F} K=${K} T=${T}`;
        expect(Math.abs(g.delta - delta), at).toBeLessThan(1e-7);
        expect(rel(g.gamma, gamma), at).toBeLessThan(1e-4);
        expect(rel(g.vega, vega), at).toBeLessThan(1e-7);
        expect(rel(g.theta, theta), at).toBeLessThan(1e-6);
        expect(rel(g.rho, rho), at).toBeLessThan(1e-8);
        // Deribit's rho is Black–Scholes' with the spot S = F·e^{−rT} held fixed: d/dr of
        // e^{−rT}·Black76(S·e^{rT}) at r = 0.
        const bsRho =
          (Math.exp(-r * T) * black76Price(F * Math.exp(r * T), K, T, sigma, type) -
            Math.exp(r * T) * black76Price(F * Math.exp(-r * T), K, T, sigma, type)) /
          (2 * r) /
          100;
        const d = greeks(F, K, T, sigma, type);
        expect(Math.abs(d.rho - bsRho), at).toBeLessThan(1e-6 * Math.max(1, Math.abs(bsRho)));
      }
    }
  });

  it("takes Deribit's theta in the last day as the whole time value left", () => {
    for (const type of ['call', 'put'] as const) {
      const [F, K, T, sigma] = [2_250, 2_300, 9 / 24 / 365, 0.7];
      const intrinsic = Math.max((type === 'call' ? 1 : -1) * (F - K), 0);
      const timeValue = black76Price(F, K, T, sigma, type) - intrinsic;
      expect(greeks(F, K, T, sigma, type).theta).toBeCloseTo(-timeValue, 12);
      expect(timeValue).toBeGreaterThan(1);
      // From a day out the rate per day again, the same in both conventions.
      const day = greeks(F, K, 1 / 365, sigma, type);
      expect(day.theta).toBe(greeks(F, K, 1 / 365, sigma, type, { convention: 'black76' }).theta);
    }
  });

  it('gives the intrinsic delta and no time value at expiry, NaN for invalid input', () => {
    expect(greeks(100, 90, 0, 0.5, 'call')).toEqual({
      delta: 1,
      gamma: 0,
      vega: 0,
      theta: 0,
      rho: 0,
    });
    // Zero vol before expiry: Deribit's rho of the intrinsic value, K·T/100 in the money.
    expect(greeks(100, 90, 0.5, 0, 'call').rho).toBeCloseTo(0.45, 12);
    expect(greeks(100, 90, 0.5, 0, 'put').rho).toBe(0);
    expect(greeks(100, 90, 0, 0.5, 'put').delta).toBe(0);
    expect(greeks(100, 110, 0, 0.5, 'put').delta).toBe(-1);
    expect(greeks(100, 100, 1, -0.1, 'call').delta).toBeNaN();
  });
});

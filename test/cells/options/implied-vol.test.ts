import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options/black76';
import {
  impliedVol,
  impliedVolArray,
  impliedVolDetailed,
} from '../../../cells/options/implied-vol';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('impliedVol (Let’s Be Rational)', () => {
  it('round-trips price → vol → price to 1e-12 across k ∈ [−3, 3], T ∈ [1 h, 2 y], σ ∈ [5%, 300%]', () => {
    const F = 100_000;
    let checked = 0;
    let worst = 0;
    for (let k = -3; k <= 3 + 1e-9; k += 0.125) {
      for (const T of [1 / 8760, 1 / 365, 7 / 365, 30 / 365, 0.25, 1, 2]) {
        for (const sigma of [0.05, 0.1, 0.3, 0.6, 1, 2, 3]) {
          for (const type of ['call', 'put'] as const) {
            const K = F * Math.exp(k);
            const price = black76Price(F, K, T, sigma, type);
            const iv = impliedVol(price, F, K, T, type);
            // Prices that underflow to 0 (e.g. k = 3 at 5% for an hour) carry no vol information.
            if (!(price > 1e-300)) continue;
            const back = black76Price(F, K, T, iv, type);
            const at = `k=${k} T=${T} σ=${sigma} ${type}`;
            expect(rel(back, price), at).toBeLessThan(1e-12);
            worst = Math.max(worst, rel(back, price));
            // Where the time value is a visible part of the price, the vol itself is recovered.
            const intrinsic = Math.max(type === 'call' ? F - K : K - F, 0);
            if (price - intrinsic > 1e-3 * price) expect(rel(iv, sigma), at).toBeLessThan(1e-12);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(4000);
    expect(worst).toBeLessThan(1e-12);
  });

  it('round-trips to 1e-12 in the deep wings and at tiny T: k ∈ [−6, 6], T down to 1 minute, σ from 1% to 5', () => {
    // Every branch of Let's Be Rational: the lowest (deep OTM, tiny σ√T), both middle ones, the highest (σ√T ≫ 1),
    // and the asymptotic and small-t regions of the normalised Black function underneath.
    const F = 100_000;
    let checked = 0;
    let wellConditioned = 0;
    for (let k = -6; k <= 6 + 1e-9; k += 0.25) {
      for (const T of [1 / 525_600, 1 / 1440, 1 / 8760, 5, 10]) {
        for (const sigma of [0.01, 0.03, 0.2, 1, 5]) {
          for (const type of ['call', 'put'] as const) {
            const K = F * Math.exp(k);
            const price = black76Price(F, K, T, sigma, type);
            if (!(price > 1e-300)) continue;
            const iv = impliedVol(price, F, K, T, type);
            const at = `k=${k} T=${T} σ=${sigma} ${type}`;
            expect(rel(black76Price(F, K, T, iv, type), price), at).toBeLessThan(1e-12);
            // The vol itself where the price pins it down: condition number price/(σ·vega) under 1000 (deep
            // in the money at σ√T ≈ 11 it is 1e7, and any inversion of a rounded price is off by that much).
            const h = 1e-6 * sigma;
            const vega =
              (black76Price(F, K, T, sigma + h, type) - black76Price(F, K, T, sigma - h, type)) /
              (2 * h);
            if (price / (sigma * vega) < 1e3) {
              expect(rel(iv, sigma), at).toBeLessThan(1e-12);
              wellConditioned++;
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(700);
    expect(wellConditioned).toBeGreaterThan(300);
  });

  it('recovers the hand-worked Deribit case and gives 0 at the intrinsic value', () => {
    expect(impliedVol(2764.665161366195, 100_000, 110_000, 30 / 365, 'call')).toBeCloseTo(0.55, 14);
    expect(impliedVol(12764.665161366194, 100_000, 110_000, 30 / 365, 'put')).toBeCloseTo(0.55, 11);
    expect(impliedVol(10, 100, 90, 0.5, 'call')).toBe(0);
    expect(impliedVol(0, 100, 110, 0.5, 'call')).toBe(0);
  });

  it('returns NaN with the reason below intrinsic, at or above the bound, and for invalid input', () => {
    expect(impliedVolDetailed(9.99, 100, 90, 0.5, 'call')).toEqual({
      sigma: NaN,
      reason: 'below-intrinsic',
    });
    expect(impliedVolDetailed(-1, 100, 110, 0.5, 'call')).toEqual({
      sigma: NaN,
      reason: 'below-intrinsic',
    });
    expect(impliedVolDetailed(100, 100, 90, 0.5, 'call')).toEqual({
      sigma: NaN,
      reason: 'above-max',
    });
    expect(impliedVolDetailed(95, 100, 90, 0.5, 'put')).toEqual({
      sigma: NaN,
      reason: 'above-max',
    });
    expect(impliedVolDetailed(1, 100, 90, 0, 'call')).toEqual({
      sigma: NaN,
      reason: 'invalid-input',
    });
    expect(impliedVolDetailed(NaN, 100, 90, 1, 'call')).toEqual({
      sigma: NaN,
      reason: 'invalid-input',
    });
    expect(impliedVolDetailed(1, 100, -90, 1, 'call').reason).toBe('invalid-input');
    expect(impliedVol(9.99, 100, 90, 0.5, 'call')).toBeNaN();
    expect(impliedVol(101, 100, 90, 0.5, 'call')).toBeNaN();
    expect(impliedVolDetailed(5, 100, 100, 0.5, 'call')).toEqual({ sigma: expect.any(Number) });
  });

  it('inverts a chain given as typed arrays, scalars and mixed type encodings', () => {
    const K = Float64Array.from([80_000, 95_000, 100_000, 105_000, 130_000]);
    const sig = [0.7, 0.6, 0.55, 0.58, 0.75];
    const types = ['put', 'put', 'call', 'call', 'call'] as const;
    const prices = Float64Array.from(K, (k, i) =>
      black76Price(100_000, k, 0.1, sig[i]!, types[i]!),
    );
    const ivs = impliedVolArray(prices, 100_000, K, 0.1, types);
    sig.forEach((s, i) => expect(ivs[i]).toBeCloseTo(s, 13));
    const signs = Int8Array.from(types, (t) => (t === 'call' ? 1 : -1));
    expect(impliedVolArray(prices, new Float64Array(5).fill(100_000), K, 0.1, signs)).toEqual(ivs);
    prices[0] = 0.5 * prices[0]! - 1e9;
    expect(impliedVolArray(prices, 100_000, K, 0.1, types)[0]).toBeNaN();
    expect(() => impliedVolArray(prices, 100_000, K.subarray(1), 0.1, types)).toThrow(
      /invalid K length/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { greeks } from '../../../cells/options/greeks';
import { black76PriceArray, greeksArray } from '../../../cells/options/arrays';
import {
  coinToUsd,
  expiryMs,
  markPriceCoin,
  usdToCoin,
  yearFraction,
} from '../../../cells/options/conventions';

describe('Deribit conventions', () => {
  it('puts expiries at 08:00 UTC from codes, ISO dates and Dates', () => {
    const want = Date.UTC(2025, 2, 28, 8);
    expect(expiryMs('28MAR25')).toBe(want);
    expect(expiryMs('2025-03-28')).toBe(want);
    expect(expiryMs(new Date(Date.UTC(2025, 2, 28, 17)))).toBe(want);
    expect(expiryMs('2025-03-28T08:00:00Z')).toBe(want);
    expect(expiryMs(want)).toBe(want);
    expect(expiryMs('7JUN24')).toBe(Date.UTC(2024, 5, 7, 8));
    expect(() => expiryMs('31FOO25')).toThrow(/invalid expiry/);
  });

  it('measures ACT/365 years and clamps expired options at 0', () => {
    expect(yearFraction(Date.UTC(2025, 0, 1, 8), Date.UTC(2025, 0, 31, 8))).toBe(30 / 365);
    expect(yearFraction(Date.UTC(2024, 0, 1, 8), Date.UTC(2025, 0, 1, 8))).toBe(366 / 365);
    expect(yearFraction(Date.UTC(2025, 0, 1, 8), Date.UTC(2025, 0, 1, 9))).toBeCloseTo(
      1 / 8760,
      15,
    );
    expect(yearFraction(10, 5)).toBe(0);
  });

  it('computes the coin mark price of the hand-worked case', () => {
    // 2,764.665 USD / 100,000 (see black76.test.ts).
    expect(markPriceCoin(100_000, 110_000, 30 / 365, 55, 'call')).toBeCloseTo(
      0.0276466516136619,
      15,
    );
    expect(coinToUsd(0.0276466516136619, 100_000)).toBeCloseTo(2764.66516136619, 9);
    expect(usdToCoin(2764.66516136619, 100_000)).toBeCloseTo(0.0276466516136619, 15);
  });
});

describe('chain arrays', () => {
  it('match the scalar functions element by element', () => {
    const K = [80_000, 100_000, 120_000];
    const sig = Float64Array.from([0.7, 0.5, 0.6]);
    const types = Int8Array.from([-1, 1, 1]);
    const g = greeksArray(100_000, K, 0.2, sig, types);
    const p = black76PriceArray(100_000, K, 0.2, sig, types);
    K.forEach((k, i) => {
      const want = greeks(100_000, k, 0.2, sig[i]!, types[i]! > 0 ? 'call' : 'put');
      expect(g.delta[i]).toBe(want.delta);
      expect(g.gamma[i]).toBe(want.gamma);
      expect(g.vega[i]).toBe(want.vega);
      expect(g.theta[i]).toBe(want.theta);
      expect(g.rho[i]).toBe(want.rho);
      const textbook = greeks(100_000, k, 0.2, sig[i]!, types[i]! > 0 ? 'call' : 'put', {
        convention: 'black76',
      });
      expect(p[i]).toBeCloseTo((-textbook.rho * 100) / 0.2, 9);
      const b = greeksArray(100_000, K, 0.2, sig, types, { convention: 'black76' });
      expect(b.rho[i]).toBe(textbook.rho);
    });
    expect(greeksArray(100_000, [1, -1], 0.2, 0.5, 'call').delta[1]).toBeNaN();
    expect(() => greeksArray(100_000, [1, 2], 0.2, [0.5], 'call')).toThrow(/invalid length/);
  });
});

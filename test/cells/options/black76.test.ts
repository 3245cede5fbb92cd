import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options/black76';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('black76Price', () => {
  it('prices the hand-worked Deribit case', () => {
    // F = 100,000, K = 110,000, T = 30/365, σ = 0.55:
    //   s = σ√T = 0.55·√(30/365) = 0.1576801, x = ln(F/K) = −0.0953102,
    //   d1 = x/s + s/2 = −0.5256128, d2 = d1 − s = −0.6832929,
    //   N(d1) = 0.2995786, N(d2) = 0.2472109,
    //   call = 100,000·0.2995786 − 110,000·0.2472109 = 2,764.665 USD → mark_price 0.02764665 BTC;
    //   put = call − (F − K) = 12,764.665 USD.
    // (30-digit values from mpmath.)
    expect(
      rel(black76Price(100_000, 110_000, 30 / 365, 0.55, 'call'), 2764.6651613661948),
    ).toBeLessThan(1e-14);
    expect(
      rel(black76Price(100_000, 110_000, 30 / 365, 0.55, 'put'), 12764.665161366194),
    ).toBeLessThan(1e-14);
  });

  it('keeps put–call parity C − P = F − K', () => {
    for (const F of [50, 100, 30_000, 100_000]) {
      for (const m of [0.5, 0.9, 1, 1.1, 2]) {
        for (const T of [1 / 365, 0.25, 2]) {
          const K = F * m;
          const c = black76Price(F, K, T, 0.6, 'call');
          const p = black76Price(F, K, T, 0.6, 'put');
          expect(Math.abs(c - p - (F - K))).toBeLessThan(1e-12 * F);
        }
      }
    }
  });

  it('keeps full relative precision far out of the money (mpmath references)', () => {
    // python3: mpmath at 50 digits, F·Φ(d1) − K·Φ(d2).
    expect(rel(black76Price(1, 20, 1, 0.3, 'call'), 1.146482108301832e-24)).toBeLessThan(5e-14);
    expect(black76Price(1, 0.05, 2, 0.05, 'put')).toBe(0);
    expect(rel(black76Price(1, Math.exp(-3), 2, 3, 'put'), 0.04353246768952864)).toBeLessThan(
      1e-14,
    );
    expect(rel(black76Price(100, 101, 0.01, 0.1, 'call'), 0.08452530413968701)).toBeLessThan(1e-14);
    expect(rel(black76Price(1, 1, 1e-8, 0.5, 'call'), 0.00001994711401799381)).toBeLessThan(1e-14);
  });

  it('returns the intrinsic value at expiry or zero vol and the bounds at infinite vol', () => {
    expect(black76Price(100, 90, 0, 0.5, 'call')).toBe(10);
    expect(black76Price(100, 90, 0.5, 0, 'put')).toBe(0);
    expect(black76Price(100, 110, 0, 0.5, 'put')).toBe(10);
    expect(black76Price(100, 110, 1, Infinity, 'call')).toBe(100);
    expect(black76Price(100, 110, 1, Infinity, 'put')).toBe(110);
  });

  it('returns NaN for invalid numbers and throws on an invalid type', () => {
    expect(black76Price(-1, 100, 1, 0.5, 'call')).toBeNaN();
    expect(black76Price(100, 0, 1, 0.5, 'call')).toBeNaN();
    expect(black76Price(100, 100, -1, 0.5, 'call')).toBeNaN();
    expect(black76Price(100, 100, 1, NaN, 'call')).toBeNaN();
    expect(() => black76Price(100, 100, 1, 0.5, 'C' as never)).toThrow(/invalid type/);
  });
});

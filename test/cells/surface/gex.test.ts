import { describe, expect, it } from 'vitest';
import {
  black76Gamma,
  gammaExposure,
  gexGrid,
  gexProfile,
  zeroGammaLevel,
  type GexOption,
} from '../../../cells/surface/gex';

const opt = (o: Partial<GexOption> & Pick<GexOption, 'strike' | 'type'>): GexOption => ({
  T: 1,
  iv: 0.2,
  forward: 100,
  openInterest: 10,
  ...o,
});

describe('gamma exposure', () => {
  it('matches a hand-worked ATM call: Γ = φ(0.1)/(100·0.2), GEX = Γ·10·100²·1%', () => {
    // d1 = σ√T/2 = 0.1; φ(0.1) = e^{−0.005}/√(2π) = 0.3969525474770118
    const gamma = 0.3969525474770118 / 20;
    expect(black76Gamma(100, 100, 1, 0.2)).toBeCloseTo(gamma, 15);
    const g = gammaExposure([opt({ strike: 100, type: 'call' })], 100);
    expect(g.total).toBeCloseTo(gamma * 10 * 100 * 100 * 0.01, 10);
    expect(g.byStrike).toEqual([{ strike: 100, call: g.total, put: 0, net: g.total }]);
  });

  it('counts puts negative, sums by strike and skips options without open interest', () => {
    const g = gammaExposure(
      [
        opt({ strike: 100, type: 'call' }),
        opt({ strike: 100, type: 'put', openInterest: 4 }),
        opt({ strike: 120, type: 'put', openInterest: 0 }),
      ],
      100,
    );
    const unit = (0.3969525474770118 / 20) * 100 * 100 * 0.01;
    expect(g.byStrike).toHaveLength(1);
    expect(g.byStrike[0]!.call).toBeCloseTo(10 * unit, 10);
    expect(g.byStrike[0]!.put).toBeCloseTo(-4 * unit, 10);
    expect(g.total).toBeCloseTo(6 * unit, 10);
  });

  it('finds the zero-gamma level of a call above and a put below: S* = √(K₁K₂)·e^{−σ²T/2}', () => {
    // Equal gamma where d1(K₁) = −d1(K₂), i.e. ln(F/K₁) + ln(F/K₂) = −σ²T.
    const chain = [opt({ strike: 110, type: 'call' }), opt({ strike: 90, type: 'put' })];
    const expected = Math.sqrt(110 * 90) * Math.exp(-0.02);
    const level = zeroGammaLevel(chain, 100, { from: 0.8, to: 1.2, n: 4001 });
    expect(level).not.toBeNull();
    expect(Math.abs(level! - expected)).toBeLessThan(1e-3);
    // Below the level the put dominates (negative), above it the call.
    const below = gammaExposure(
      chain.map((o) => ({ ...o, forward: 95 })),
      95,
    );
    expect(below.total).toBeLessThan(0);
  });

  it('reports no zero-gamma level for calls only, and rejects a bad spot', () => {
    expect(gammaExposure([opt({ strike: 100, type: 'call' })], 100).zeroGamma).toBeNull();
    expect(() => gammaExposure([], 0)).toThrow(/invalid spot/);
  });

  it('profiles total GEX over spots as the direct sum of ±Γ(F·x)·OI·(x·S)²·1%', () => {
    const chain = [
      opt({ strike: 90, type: 'put', T: 0.1, iv: 0.7, forward: 101, openInterest: 3 }),
      opt({ strike: 105, type: 'call', T: 0.5, iv: 0.5, forward: 102 }),
      opt({ strike: 120, type: 'call', T: 0.02, iv: 0.9, forward: 100.2, openInterest: 7 }),
    ];
    const grid = { from: 0.8, to: 1.2, n: 9 };
    const profile = gexProfile(chain, 100, grid);
    gexGrid(grid).forEach((x, i) => {
      const direct = chain.reduce(
        (sum, o) =>
          sum +
          (o.type === 'call' ? 1 : -1) *
            black76Gamma(o.forward * x, o.strike, o.T, o.iv) *
            o.openInterest *
            (100 * x) ** 2 *
            0.01,
        0,
      );
      expect(profile[i]).toBeCloseTo(direct, 10);
    });
  });
});

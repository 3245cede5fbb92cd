import { describe, expect, it } from 'vitest';
import { stripVariance, sviVarianceSwapVol, vixStyleIndex } from '../../../cells/surface/vix-index';

/** A strip of strikes every `step` USD from F·e^−range to F·e^range, all at vol s. */
function flatStrip(T: number, F: number, s: number, step: number, range = 4) {
  const strikes: number[] = [];
  for (let K = Math.ceil((F * Math.exp(-range)) / step) * step; K <= F * Math.exp(range); K += step)
    strikes.push(K);
  return { T, forward: F, strike: strikes, iv: strikes.map(() => s) };
}

describe('DVOL-style index', () => {
  it('returns the flat vol on a flat surface (VIX strip formula)', () => {
    // Forward off the strike grid, so the (F/K0 − 1)² correction matters.
    const near = flatStrip(23 / 365, 100_250, 0.55, 250);
    const next = flatStrip(37 / 365, 100_400, 0.55, 250);
    expect(Math.sqrt(stripVariance(near))).toBeCloseTo(0.55, 4);
    const index = vixStyleIndex([next, near]);
    expect(index.vol).toBeCloseTo(0.55, 4);
    expect(index.nearT).toBe(23 / 365);
    expect(index.nextT).toBe(37 / 365);
  });

  it('interpolates between term-structure levels in total variance', () => {
    const near = flatStrip(20 / 365, 50_000, 0.8, 100);
    const next = flatStrip(40 / 365, 50_000, 0.6, 100);
    const want = Math.sqrt((0.64 * 20 + 0.5 * (0.36 * 40 - 0.64 * 20)) / 30);
    expect(vixStyleIndex([near, next]).vol).toBeCloseTo(want, 4);
  });

  it('integrates an SVI slice to its variance-swap vol (flat smile → flat vol)', () => {
    const T = 30 / 365;
    expect(sviVarianceSwapVol({ a: 0.25 * T, b: 0, rho: 0, m: 0, sigma: 0.1 }, T)).toBeCloseTo(
      0.5,
      8,
    );
  });
});

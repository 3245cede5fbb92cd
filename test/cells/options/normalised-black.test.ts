import { describe, expect, it } from 'vitest';
import {
  normalisedBlackCall,
  normalisedBlackOtm,
  otmVega,
} from '../../../cells/options/normalised-black';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

// One (x, s) in each of Jäckel's four regions: asymptotic (h ≤ −10), small t (s/2 < 0.21), h + t > 0.85, and
// the erfcx region between.
const REGIONS: [string, number, number][] = [
  ['asymptotic', -12, 0.5],
  ['small t', -0.1, 0.1],
  ['large h + t', -0.1, 2],
  ['erfcx', -1, 1],
];

describe('normalisedBlackOtm', () => {
  it.each(REGIONS)('prices as normalisedBlackCall in the %s region', (_, x, s) => {
    expect(normalisedBlackOtm(x, s)).toBe(normalisedBlackCall(x, s));
  });

  it.each(REGIONS)('leaves the closed-form vega in otmVega (%s region)', (_, x, s) => {
    normalisedBlackOtm(x, s);
    // ∂b/∂s = exp(−(x/s)²/2 − s²/8)/√(2π): the vega of the normalised Black function (Jäckel 2015).
    const vega = Math.exp(-0.5 * (x / s) ** 2 - s ** 2 / 8) / Math.sqrt(2 * Math.PI);
    expect(rel(otmVega[0]!, vega)).toBeLessThan(1e-14);
  });

  it('has a vega that matches a central difference of the price', () => {
    for (const [, x, s] of REGIONS.slice(1)) {
      const h = 1e-5 * s;
      const fd = (normalisedBlackOtm(x, s + h) - normalisedBlackOtm(x, s - h)) / (2 * h);
      normalisedBlackOtm(x, s);
      expect(rel(otmVega[0]!, fd)).toBeLessThan(1e-7);
    }
  });
});

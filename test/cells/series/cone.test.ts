import { describe, expect, it } from 'vitest';
import { volCone } from '../../../cells/series/cone';

describe('volCone', () => {
  it('takes quantiles of rolling sample std per horizon', () => {
    // Horizon 2 on 0.01, 0.03, −0.01, 0.02: the std of a pair is |a − b|/√2, so the windows give
    // 0.02/√2, 0.04/√2, 0.03/√2. Type-7 quantiles of three sorted values: q0.5 = middle,
    // q0.25 = halfway between the first two.
    const r = [0.01, 0.03, -0.01, 0.02];
    const [h2, h3, h9] = volCone(r, {
      horizons: [2, 3, 9],
      quantiles: [0.25, 0.5, 1],
      annualize: false,
    });
    const s = Math.SQRT2;
    expect(h2!.count).toBe(3);
    expect(h2!.quantiles[0]).toBeCloseTo(0.025 / s, 14);
    expect(h2!.quantiles[1]).toBeCloseTo(0.03 / s, 14);
    expect(h2!.quantiles[2]).toBeCloseTo(0.04 / s, 14);
    expect(h2!.min).toBeCloseTo(0.02 / s, 14);
    expect(h2!.latest).toBeCloseTo(0.03 / s, 14);
    // Horizon 3: windows (0.01, 0.03, −0.01) std 0.02 and (0.03, −0.01, 0.02) std √(0.00043333)
    expect(h3!.count).toBe(2);
    expect(h3!.min).toBeCloseTo(0.02, 14);
    expect(h3!.max).toBeCloseTo(Math.sqrt((0.0014 - 0.0016 / 3) / 2), 14);
    expect(h9!.count).toBe(0);
    expect(Number.isNaN(h9!.quantiles[1])).toBe(true);
  });

  it('annualizes with √365 by default', () => {
    const r = [0.01, 0.03, -0.01, 0.02];
    const [a] = volCone(r, { horizons: [2], quantiles: [0.5] });
    expect(a!.quantiles[0]).toBeCloseTo((0.03 / Math.SQRT2) * Math.sqrt(365), 12);
  });

  it('rejects horizons below 2 and quantiles outside [0, 1]', () => {
    expect(() => volCone([1, 2, 3], { horizons: [1] })).toThrow(/invalid horizon/);
    expect(() => volCone([1, 2, 3], { quantiles: [1.5] })).toThrow(/invalid quantile/);
  });
});

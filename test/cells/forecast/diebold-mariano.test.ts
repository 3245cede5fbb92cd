import { describe, expect, it } from 'vitest';
import { dieboldMariano, lossSeries, meanLoss } from '../../../cells/forecast';
import { reference } from './reference';

describe('losses', () => {
  it('computes MSE, MAE and QLIKE by hand', () => {
    const realized = [1, 4, 2];
    const forecast = [2, 2, 2];
    expect(meanLoss('mse', realized, forecast)).toBeCloseTo((1 + 4 + 0) / 3, 15);
    expect(meanLoss('mae', realized, forecast)).toBeCloseTo((1 + 2 + 0) / 3, 15);
    const q = lossSeries('qlike', realized, forecast);
    expect(q[0]).toBeCloseTo(0.5 - Math.log(0.5) - 1, 15);
    expect(q[1]).toBeCloseTo(2 - Math.log(2) - 1, 15);
    expect(q[2]).toBe(0);
  });

  it('rejects a non-positive variance forecast in QLIKE', () => {
    expect(() => lossSeries('qlike', [1], [0])).toThrow(/invalid qlike/);
  });
});

describe('dieboldMariano', () => {
  const { loss1, loss2, cases } = reference.dm;

  it('matches the hand computation with the HLN correction (Bartlett and uniform, h = 1 and 3)', () => {
    for (const c of cases) {
      const result = dieboldMariano(loss1, loss2, {
        horizon: c.h,
        kernel: c.kernel as 'bartlett' | 'uniform',
      });
      expect(result.statistic).toBeCloseTo(c.statistic, 12);
      expect(result.pValue).toBeCloseTo(c.pValue, 10);
    }
  });

  it('is antisymmetric in the two models', () => {
    const a = dieboldMariano(loss1, loss2, { horizon: 3 });
    const b = dieboldMariano(loss2, loss1, { horizon: 3 });
    expect(a.statistic).toBeCloseTo(-b.statistic, 14);
    expect(a.pValue).toBeCloseTo(b.pValue, 14);
  });

  it('computes a 4-point example by hand (h = 1)', () => {
    // d = [1, −1, 2, 2]: d̄ = 1, γ₀ = (0 + 4 + 1 + 1) / 4 = 1.5, DM = 1 / √(1.5/4), HLN factor √((4+1−2)/4).
    const r = dieboldMariano([2, 0, 3, 3], [1, 1, 1, 1]);
    expect(r.statistic).toBeCloseTo((1 / Math.sqrt(1.5 / 4)) * Math.sqrt(3 / 4), 14);
  });
});

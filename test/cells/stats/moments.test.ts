import { describe, expect, it } from 'vitest';
import { mean, variance, welford } from '../../../cells/stats/moments';

describe('moments', () => {
  it('gives the mean and the sample variance (n − 1)', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 15); // Σ(x − 2.5)² = 5
    expect(variance([1, 2, 3, 4], 0)).toBeCloseTo(1.25, 15);
    expect(Number.isNaN(variance([1]))).toBe(true);
  });

  it('welford add/rem tracks the variance of the values still in', () => {
    const s = welford.init();
    for (const x of [5, 1, 2, 3, 4]) welford.add(s, x);
    welford.rem(s, 5);
    expect(s.mean).toBeCloseTo(2.5, 14);
    expect(welford.value(s)).toBeCloseTo(5 / 3, 14);
  });
});

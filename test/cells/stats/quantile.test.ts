import { describe, expect, it } from 'vitest';
import { mad, median, quantile } from '../../../cells/stats/quantile';

describe('quantile, median, mad', () => {
  it('interpolates as numpy (type 7) and ignores NaN', () => {
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 15);
    expect(median([1, 2, NaN, 3, 4])).toBe(2.5);
    // |x − 3| for 1, 2, 3, 4, 100 → 2, 1, 0, 1, 97; median 1
    expect(mad([1, 2, 3, 4, 100])).toBe(1);
  });
});

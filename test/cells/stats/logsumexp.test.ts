import { describe, expect, it } from 'vitest';
import { logSumExp } from '../../../cells/stats/logsumexp';

describe('logSumExp', () => {
  it('does not overflow and honours offset and stride', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([0, 9, Math.log(2), 9, Math.log(3)], 0, 3, 2)).toBeCloseTo(Math.log(6), 14);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
  });
});

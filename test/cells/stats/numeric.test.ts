import { describe, expect, it } from 'vitest';
import { toFloat64 } from '../../../cells/stats/numeric';

describe('toFloat64', () => {
  it('maps nulls to NaN and rejects non-arrays', () => {
    const out = toFloat64([1, null, 3]);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(() => toFloat64(5 as never)).toThrow(/invalid values/);
  });
});

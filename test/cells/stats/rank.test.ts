import { describe, expect, it } from 'vitest';
import { rank } from '../../../cells/stats/rank';

describe('rank', () => {
  it('averages tied ranks (scipy rankdata "average")', () => {
    expect(Array.from(rank([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { maxPain, payoutAt, type OpenInterestEntry } from '../../../cells/surface/max-pain';

const chain: OpenInterestEntry[] = [
  { strike: 100, type: 'call', openInterest: 10 },
  { strike: 100, type: 'put', openInterest: 10 },
  { strike: 90, type: 'call', openInterest: 5 },
  { strike: 110, type: 'put', openInterest: 5 },
];

describe('max pain', () => {
  it('pays holders by hand: 200 at 90, 100 at 100, 200 at 110', () => {
    // At 90: puts@100 10·10 + put@110 5·20 = 200. At 100: call@90 5·10 + put@110 5·10 = 100.
    // At 110: call@100 10·10 + call@90 5·20 = 200.
    expect([90, 100, 110].map((S) => payoutAt(chain, S))).toEqual([200, 100, 200]);
    expect(maxPain(chain)).toEqual({ strike: 100, payout: 100 });
  });

  it('moves toward heavy put open interest above, and is null without open interest', () => {
    const heavy = [...chain, { strike: 110, type: 'put' as const, openInterest: 100 }];
    expect(maxPain(heavy).strike).toBe(110);
    expect(maxPain([{ strike: 100, type: 'call', openInterest: 0 }])).toEqual({
      strike: null,
      payout: NaN,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { chainToSlices } from '../../../cells/surface/chain';

describe('chainToSlices', () => {
  it('groups Deribit rows by expiry and keeps OTM options (puts below F, calls above)', () => {
    const now = Date.UTC(2025, 2, 1, 8);
    const slices = chainToSlices({
      instrument_name: [],
      expiry: [
        '2025-03-28',
        Date.UTC(2025, 2, 7, 8),
        '2025-03-28',
        '2025-03-28',
        '2025-03-28',
        Date.UTC(2025, 2, 7, 8),
      ],
      strike: [90_000, 100_000, 90_000, 110_000, 110_000, 95_000],
      type: ['P', 'call', 'C', 'call', 'put', 'P'],
      underlying_price: [100_100, 99_000, 100_100, 100_100, 100_100, 99_000],
      mark_iv: [62, 55, 61, 57, 58, 59],
      bid_iv: [60, 53, 0, 55, 56, 0],
      ask_iv: [64, 57, 0, 59, 60, 61],
      timestamp: now,
    });
    expect(slices.map((s) => s.expiryMs)).toEqual([
      Date.UTC(2025, 2, 7, 8),
      Date.UTC(2025, 2, 28, 8),
    ]);
    const [week, month] = slices as [(typeof slices)[0], (typeof slices)[0]];
    expect(week.T).toBe(6 / 365);
    expect(week.forward).toBe(99_000);
    expect(Array.from(week.strike)).toEqual([95_000, 100_000]);
    expect(Array.from(week.type)).toEqual([-1, 1]);
    expect(week.bidIv[0]).toBeNaN(); // Deribit's 0 means no bid
    expect(month.T).toBe(27 / 365);
    expect(Array.from(month.strike)).toEqual([90_000, 110_000]);
    expect(Array.from(month.iv)).toEqual([0.62, 0.57]);
    expect(month.k[0]).toBeCloseTo(Math.log(90_000 / 100_100), 15);
    expect(Array.from(month.askIv)).toEqual([0.64, 0.59]);
  });

  it('rejects mismatched columns and unknown types', () => {
    const base = {
      expiry: [0],
      strike: [1],
      type: ['C'],
      underlying_price: [1],
      mark_iv: [50],
      timestamp: 0,
    };
    expect(() => chainToSlices({ ...base, mark_iv: [] })).toThrow(/invalid mark_iv length/);
    expect(() => chainToSlices({ ...base, expiry: [1e13], type: ['X'] })).toThrow(/invalid type/);
  });
});

import { describe, expect, it } from 'vitest';
import { lastFriday, listExpiries } from '../../../server/simulator/expiries';
import { formatExpiryCode, formatInstrument } from '../../../cells/options/instruments';
import { strikeGrid } from '../../../server/simulator/strikes';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('Deribit expiry calendar', () => {
  it('lists dailies, Friday weeklies, monthlies and quarterlies at 08:00 UTC (checked against a calendar)', () => {
    const expiries = listExpiries(Date.UTC(2025, 0, 6, 8)); // a Monday
    expect(expiries.map(iso)).toEqual([
      '2025-01-07', '2025-01-08', '2025-01-09', // dailies
      '2025-01-10', '2025-01-17', '2025-01-24', '2025-01-31', // weeklies (31st is also the monthly)
      '2025-02-28', '2025-03-28', // monthlies (March is a quarterly)
      '2025-06-27', '2025-09-26', '2025-12-26', '2026-03-27', // quarterlies
    ]); // prettier-ignore
    for (const e of expiries) expect(new Date(e).getUTCHours()).toBe(8);
  });

  it('finds last Fridays, including December 2024 and across a year end', () => {
    expect(iso(lastFriday(2024, 11))).toBe('2024-12-27');
    expect(iso(lastFriday(2025, 14))).toBe('2026-03-27');
  });
});

describe('instrument names', () => {
  it('follow Deribit: no leading zero on the day, upper-case month, C/P', () => {
    expect(
      formatInstrument({
        kind: 'option',
        base: 'BTC',
        quote: null,
        expiryMs: Date.UTC(2024, 11, 27, 8),
        strike: 60000,
        optionType: 'call',
      }),
    ).toBe('BTC-27DEC24-60000-C');
    expect(
      formatInstrument({
        kind: 'option',
        base: 'ETH',
        quote: null,
        expiryMs: Date.UTC(2025, 0, 3, 8),
        strike: 3500,
        optionType: 'put',
      }),
    ).toBe('ETH-3JAN25-3500-P');
    expect(
      formatInstrument({
        kind: 'option',
        base: 'XRP',
        quote: null,
        expiryMs: Date.UTC(2025, 0, 3, 8),
        strike: 0.5,
        optionType: 'put',
      }),
    ).toBe('XRP-3JAN25-0d5-P');
    expect(formatExpiryCode(Date.UTC(2030, 5, 1, 8))).toBe('1JUN30');
  });
});

describe('strike grids', () => {
  it('are round numbers around the forward, finer near the money', () => {
    const grid = strikeGrid(95_000, 0.45, 90 / 365);
    expect(grid[0]).toBeLessThanOrEqual(60_000);
    expect(grid[grid.length - 1]).toBeGreaterThan(150_000);
    for (const k of grid) expect(k % 1000).toBe(0);
    const steps = grid.slice(1).map((k, i) => k - grid[i]!);
    expect(Math.min(...steps)).toBeLessThan(Math.max(...steps));
    expect(grid.length).toBeGreaterThanOrEqual(12);
    expect(grid.length).toBeLessThanOrEqual(50);
  });
});

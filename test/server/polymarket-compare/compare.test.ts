import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../cells/math/normal';
import type { SurfaceState } from '../../../server/contract';
import { compareMarket, type MarketQuote } from '../../../server/polymarket-compare/compare';
import { parseQuestion } from '../../../server/polymarket-compare/parse-question';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const asOf = Date.UTC(2026, 0, 1, 0);
/** Two flat-smile expiries, 10 and 40 days out: 50% and 60% vol, forwards 100k and 103k. */
const slice = (days: number, vol: number, forward: number, expiry: string) => ({
  expiry,
  expiry_ms: asOf + days * DAY,
  T: (days * DAY) / YEAR,
  forward,
  svi: { a: vol * vol * ((days * DAY) / YEAR), b: 0, rho: 0, m: 0, sigma: 0.1 },
});
const surface = {
  asOf,
  expiries: [slice(10, 0.5, 100_000, '11JAN26'), slice(40, 0.6, 103_000, '10FEB26')],
} as unknown as SurfaceState;

const quote = (question: string, endDate: string | null, bid = 0.4, ask = 0.44): MarketQuote => ({
  id: '1',
  slug: 'x',
  question,
  endDate,
  bestBid: bid,
  bestAsk: ask,
  volume: 10,
  liquidity: 5,
});
const compare = (q: MarketQuote, s: SurfaceState | null = surface) =>
  compareMarket(q, parseQuestion(q.question, 2026), s);

describe('compareMarket', () => {
  it('interpolates total variance and the forward to the market date (20 days: a third of the way)', () => {
    const q = quote('Will BTC be above $110,000 on 2026-01-21?', '2026-01-21T00:00:00Z');
    const row = compare(q);
    // w = 0.25·10/365 + (0.36·40/365 − 0.25·10/365)/3; F = 100k + 3k/3.
    const w = (0.25 * 10) / 365 + ((0.36 * 40) / 365 - (0.25 * 10) / 365) / 3;
    const F = 101_000;
    const expected = normalCdf(-Math.log(110_000 / F) / Math.sqrt(w) - Math.sqrt(w) / 2);
    expect(row.options_implied!).toBeCloseTo(expected, 12);
    expect(row.forward!).toBeCloseTo(F, 8);
    expect(row.probability).toBeCloseTo(0.42, 12);
    expect(row.difference!).toBeCloseTo(0.42 - expected, 12);
    expect(row.expiries_used).toEqual(['11JAN26', '10FEB26']);
    expect(row.why).toBeNull();
    const below = compare(
      quote('Will BTC be below $110,000 on 2026-01-21?', '2026-01-21T00:00:00Z'),
    );
    expect(below.options_implied!).toBeCloseTo(1 - expected, 12);
  });

  it('takes the question date at 16:00 UTC when Gamma gives no end date', () => {
    const row = compare(quote('Will BTC be above $100,000 on January 21, 2026?', null));
    expect(row.resolves_ms).toBe(Date.UTC(2026, 0, 21, 16));
  });

  it.each([
    ['Will BTC be above $100k on 2025-12-30?', '2025-12-30T16:00:00Z', /already resolved/],
    [
      'Will BTC be above $100k on 2026-06-30?',
      '2026-06-30T16:00:00Z',
      /no options expiry near 2026-06-30/,
    ],
    ['Will BTC reach $150k by 2026-01-21?', '2026-01-21T16:00:00Z', /path-dependent/],
    ['Will BTC be above $100k?', null, /no resolution date/],
    ['Who wins the election?', '2026-01-21T16:00:00Z', /not understood/],
  ])('says why "%s" is not matched', (question, endDate, why) => {
    const row = compare(quote(question, endDate));
    expect(row.why).toMatch(why);
    expect(row.options_implied).toBeNull();
    expect(row.probability).toBeCloseTo(0.42, 12);
  });

  it('has no probability without both sides of the book, and no comparison without a surface', () => {
    const q = {
      ...quote('Will BTC be above $100k on 2026-01-21?', '2026-01-21T16:00:00Z'),
      bestAsk: null,
    };
    expect(compare(q).probability).toBeNull();
    expect(compare(q).difference).toBeNull();
    expect(compare(q, null).why).toMatch(/BTC live surface is unavailable/);
  });
});

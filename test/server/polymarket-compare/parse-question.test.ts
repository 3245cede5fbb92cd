import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../server/polymarket-compare/parse-question';

describe('parseQuestion', () => {
  it.each([
    [
      'Will BTC be above $105,000 on 2027-01-01?',
      { kind: 'above', currency: 'BTC', strike: 105_000, date: '2027-01-01' },
    ],
    [
      'Will the price of Bitcoin be above $110k on January 3?',
      { kind: 'above', currency: 'BTC', strike: 110_000, date: '2026-01-03' },
    ],
    [
      'Will Ethereum be below $3,200.50 on Dec 31, 2026?',
      { kind: 'below', currency: 'ETH', strike: 3_200.5, date: '2026-12-31' },
    ],
    [
      'Will BTC be between $100,000 and $95,000 on 1 February 2027?',
      { kind: 'between', currency: 'BTC', low: 95_000, high: 100_000, date: '2027-02-01' },
    ],
    [
      'Will Bitcoin reach $150k by December 31?',
      { kind: 'reach', currency: 'BTC', strike: 150_000, direction: 'up', date: '2026-12-31' },
    ],
    [
      'Will ETH dip to $2,000 in March?',
      { kind: 'reach', currency: 'ETH', strike: 2_000, direction: 'down', date: null },
    ],
    ['Will BTC be above $1.2m?', { kind: 'above', currency: 'BTC', strike: 1_200_000, date: null }],
  ])('%s', (question, expected) => {
    expect(parseQuestion(question, 2026)).toEqual(expected);
  });

  it.each([
    'Will the Fed cut rates in March?',
    'Bitcoin ETF approved by January 15?',
    'Will BTC be above $0 on 2027-01-01?',
    'Will SOL be above $200 on 2027-01-01?',
  ])('does not match %s', (question) => {
    expect(parseQuestion(question, 2026)).toBeNull();
  });

  it('reads an impossible date as no date rather than another day', () => {
    expect(parseQuestion('Will BTC be above $100,000 on February 30?', 2026)).toMatchObject({
      date: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options';
import {
  bookTotals,
  markPosition,
  positionsFromFills,
  type Fill,
  type Mark,
} from '../../../cells/portfolio';

const NOW = Date.UTC(2026, 1, 25, 8); // 30 days before 27MAR26
const T = 30 / 365;
const fill = (name: string, direction: 'buy' | 'sell', amount: number, price: number): Fill => ({
  instrument_name: name,
  direction,
  amount,
  price,
  timestamp: 0,
});
const LONG = 'BTC-27MAR26-100000-C';
const SHORT = 'BTC-27MAR26-110000-C';

describe('marking a book', () => {
  // A call spread bought at 0.05 / sold at 0.03, then marked at 0.07 / 0.04 with the index at 100,000.
  const positions = positionsFromFills([
    fill(LONG, 'buy', 1, 0.05),
    fill(SHORT, 'sell', 1, 0.03),
    fill('BTC-PERPETUAL', 'sell', 20_000, 100_000),
  ]);
  const marks: Record<string, Mark> = {
    [LONG]: { price: 0.07, index: 100_000, underlying: 100_500, iv: 55, timestamp: NOW },
    [SHORT]: { price: 0.04, index: 100_000, underlying: 100_500, iv: 52, timestamp: NOW },
    'BTC-PERPETUAL': { price: 100_100, index: 100_000, timestamp: NOW },
  };
  const marked = positions.map((p) => markPosition(p, marks[p.instrument_name]!, NOW));
  const byName = (n: string) => marked.find((m) => m.position.instrument_name === n)!;

  it('an option spread held to a mark change: unrealized P&L in coin premium and USD', () => {
    expect(byName(LONG).unrealizedPnl).toBeCloseTo(0.02, 12);
    expect(byName(SHORT).unrealizedPnl).toBeCloseTo(-0.01, 12);
    const totals = bookTotals(marked);
    const perp = -20_000 * (1 / 100_000 - 1 / 100_100); // short perpetual, mark up 100: a loss
    expect(totals.byCurrency.BTC!.unrealizedPnl).toBeCloseTo(0.01 + perp, 12);
    expect(totals.unrealizedPnlUsd).toBeCloseTo((0.01 + perp) * 100_000, 6);
    expect(totals.byCurrency.BTC!.value).toBeCloseTo(0.07 - 0.04 + perp, 12);
  });

  it('Greeks in Deribit units: option delta against a finite difference of Black-76, futures as amount/mark', () => {
    const h = 1;
    const usd = (F: number) =>
      black76Price(F, 100_000, T, 0.55, 'call') - black76Price(F, 110_000, T, 0.52, 'call');
    const fdDelta = (usd(100_500 + h) - usd(100_500 - h)) / (2 * h);
    const fdGamma = (usd(100_500 + 10) - 2 * usd(100_500) + usd(100_500 - 10)) / 100;
    const fdVega =
      black76Price(100_500, 100_000, T, 0.56, 'call') -
      black76Price(100_500, 100_000, T, 0.55, 'call') -
      (black76Price(100_500, 110_000, T, 0.53, 'call') -
        black76Price(100_500, 110_000, T, 0.52, 'call'));
    const totals = bookTotals(marked).byCurrency.BTC!;
    expect(totals.delta).toBeCloseTo(fdDelta - 20_000 / 100_100, 5);
    expect(totals.gamma).toBeCloseTo(fdGamma, 8);
    expect(totals.vega).toBeCloseTo(fdVega, 0); // a 1-point bump against the derivative: a few cents apart
    expect(totals.byExpiry['27MAR26']!.delta).toBeCloseTo(fdDelta, 5);
    expect(totals.byExpiry.perpetual!.delta).toBeCloseTo(-20_000 / 100_100, 12);
    expect(Object.keys(totals.byStrike).sort()).toEqual(['100000', '110000']);
    const dt = 1e-6; // years; theta is USD per calendar day, −∂V/∂T / 365
    const spread = (t: number) =>
      black76Price(100_500, 100_000, t, 0.55, 'call') -
      black76Price(100_500, 110_000, t, 0.52, 'call');
    const fdTheta = (spread(T - dt) - spread(T + dt)) / (2 * dt) / 365;
    expect(Math.abs(totals.theta / fdTheta - 1)).toBeLessThan(1e-6);
  });

  it('a flat position keeps its realized P&L and has no Greeks', () => {
    const [p] = positionsFromFills([fill(LONG, 'buy', 1, 0.05), fill(LONG, 'sell', 1, 0.08)]);
    const m = markPosition(p!, marks[LONG]!, NOW);
    expect(m.unrealizedPnl).toBe(0);
    expect(m.realizedPnlUsd).toBeCloseTo(0.03 * 100_000, 6);
    expect(m.greeks).toEqual({ delta: 0, gamma: 0, vega: 0, theta: 0 });
  });
});

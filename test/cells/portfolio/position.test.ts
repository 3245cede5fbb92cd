import { describe, expect, it } from 'vitest';
import {
  applyFill,
  bookInstrument,
  emptyPosition,
  positionsFromFills,
  type Fill,
} from '../../../cells/portfolio';

const perp = (
  direction: 'buy' | 'sell',
  amount: number,
  price: number,
  t: number,
  fee = 0,
): Fill => ({
  instrument_name: 'BTC-PERPETUAL',
  direction,
  amount,
  price,
  fee,
  timestamp: t,
});

describe('positions from fills', () => {
  it('an inverse future round trip realizes amount × (1/entry − 1/exit) leg by leg, fees off', () => {
    const [p] = positionsFromFills([
      perp('buy', 10_000, 50_000, 1, 0.0001),
      perp('buy', 10_000, 40_000, 2, 0.0001),
      perp('sell', 20_000, 45_000, 3, 0.0001),
    ]);
    // Hand-worked: 10,000 × (1/50,000 − 1/45,000) = −0.0222222; 10,000 × (1/40,000 − 1/45,000) = +0.0277778.
    expect(p!.amount).toBe(0);
    expect(p!.realizedPnl).toBeCloseTo(-0.0222222222 + 0.0277777778 - 0.0003, 10);
    expect(p!.fees).toBeCloseTo(0.0003, 12);
  });

  it('averages an inverse future harmonically: the USD over the coins bought', () => {
    const p = positionsFromFills([
      perp('buy', 10_000, 50_000, 1),
      perp('buy', 10_000, 40_000, 2),
    ])[0]!;
    expect(p.avgPrice).toBeCloseTo(20_000 / (0.2 + 0.25), 8); // 44,444.44
    expect(p.amount).toBe(20_000);
  });

  it('a fill through zero closes the position and opens the rest at the fill price', () => {
    const p = positionsFromFills([
      perp('buy', 20_000, 40_000, 1),
      perp('sell', 30_000, 50_000, 2),
    ])[0]!;
    expect(p.amount).toBe(-10_000);
    expect(p.avgPrice).toBe(50_000);
    expect(p.realizedPnl).toBeCloseTo(20_000 * (1 / 40_000 - 1 / 50_000), 12); // +0.1 BTC
  });

  it('options average arithmetically in coin and realize in coin premium, short side too', () => {
    const name = 'ETH-27MAR26-3000-P';
    const f = (direction: 'buy' | 'sell', amount: number, price: number, t: number): Fill => ({
      instrument_name: name,
      direction,
      amount,
      price,
      timestamp: t,
    });
    const p = positionsFromFills([
      f('sell', 3, 0.1, 1),
      f('sell', 1, 0.2, 2),
      f('buy', 2, 0.05, 3),
    ])[0]!;
    expect(p.amount).toBe(-2);
    expect(p.avgPrice).toBeCloseTo(0.125, 12); // (3 × 0.1 + 1 × 0.2) / 4
    expect(p.realizedPnl).toBeCloseTo(2 * (0.125 - 0.05), 12); // short: sold at 0.125, bought back at 0.05
  });

  it('orders fills by time, keeping input order on ties', () => {
    const p = positionsFromFills([
      perp('sell', 10_000, 45_000, 2),
      perp('buy', 10_000, 50_000, 1),
    ])[0]!;
    expect(p.amount).toBe(0);
    expect(p.realizedPnl).toBeCloseTo(10_000 * (1 / 50_000 - 1 / 45_000), 12);
  });

  it('refuses zero, negative or non-finite amounts and prices', () => {
    const p = emptyPosition('BTC-PERPETUAL');
    for (const [amount, price] of [
      [0, 1],
      [-1, 1],
      [NaN, 1],
      [1, 0],
      [1, Infinity],
    ] as const)
      expect(() => applyFill(p, perp('buy', amount, price, 0))).toThrow(/invalid fill/);
  });
});

describe('book instruments', () => {
  it('takes BTC and ETH inverse options, futures and perpetuals', () => {
    expect(bookInstrument('BTC-27MAR26-100000-C')).toEqual({
      kind: 'option',
      currency: 'BTC',
      expiryMs: Date.UTC(2026, 2, 27, 8),
      strike: 100_000,
      optionType: 'call',
    });
    expect(bookInstrument('ETH-26JUN26')).toEqual({
      kind: 'future',
      currency: 'ETH',
      expiryMs: Date.UTC(2026, 5, 26, 8),
    });
  });

  it('refuses linear, other coins, garbage and expired instruments with the reason', () => {
    expect(() => bookInstrument('SOL_USDC-PERPETUAL')).toThrow(/BTC and ETH coin-settled/);
    expect(() => bookInstrument('SOL-PERPETUAL')).toThrow(/BTC and ETH coin-settled/);
    expect(() => bookInstrument('BTC-31FEB26')).toThrow(/invalid instrument_name/);
    expect(() => bookInstrument('BTC-27MAR26', Date.UTC(2026, 2, 27, 8))).toThrow(/expired/);
    expect(bookInstrument('BTC-27MAR26', Date.UTC(2026, 2, 27, 7)).kind).toBe('future');
  });
});

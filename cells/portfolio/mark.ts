/**
 * A position marked at the market: unrealized P&L and value in coin and USD, Greeks in Deribit's units times the
 * amount. Options: value = amount × mark (coin), delta/gamma/vega/theta from Black-76 at the mark IV on the
 * option's forward (delta in coin, gamma per USD of the forward, vega USD per vol point, theta USD per day).
 * Futures and perpetuals: value is the unrealized P&L amount × (1/avg − 1/mark) coin and delta is amount / mark
 * in coin (Deribit's size in the currency), with no gamma, vega or theta.
 */
import { greeks } from '../options/greeks';
import { MS_PER_YEAR } from '../time';
import { closePnl, type Position } from './position';

export interface Mark {
  /** Options: coin; futures and perpetuals: USD. */
  price: number;
  /** USD per coin: converts coin to USD. */
  index: number;
  /** Options only: the option's forward (underlying_price) and mark IV in percent. */
  underlying?: number;
  iv?: number;
  /** Exchange time of the mark, ms. */
  timestamp: number;
}

export interface PositionGreeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
}

export interface MarkedPosition {
  position: Position;
  mark: Mark;
  unrealizedPnl: number;
  unrealizedPnlUsd: number;
  realizedPnlUsd: number;
  /** Mark-to-market value: options amount × mark; futures their unrealized P&L. */
  value: number;
  valueUsd: number;
  greeks: PositionGreeks;
}

export const ZERO_GREEKS: PositionGreeks = { delta: 0, gamma: 0, vega: 0, theta: 0 };

/**
 * Mark one position at `mark`, at time `nowMs` (for the option's time to expiry).
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * markPosition(p, { price: 40_000, index: 40_000, timestamp: 0 }, 0).unrealizedPnlUsd; // → -2000
 */
export function markPosition(position: Position, mark: Mark, nowMs: number): MarkedPosition {
  const { instrument: i, amount } = position;
  const unrealizedPnl = amount === 0 ? 0 : closePnl(i, amount, position.avgPrice, mark.price);
  const value = i.kind === 'option' ? amount * mark.price : unrealizedPnl;
  let g: PositionGreeks = { ...ZERO_GREEKS };
  if (amount !== 0 && i.kind !== 'option') g.delta = amount / mark.price;
  if (amount !== 0 && i.kind === 'option') {
    const T = Math.max(i.expiryMs - nowMs, 0) / MS_PER_YEAR;
    const one = greeks(mark.underlying ?? NaN, i.strike, T, (mark.iv ?? NaN) / 100, i.optionType);
    g = {
      delta: amount * one.delta,
      gamma: amount * one.gamma,
      vega: amount * one.vega,
      theta: amount * one.theta,
    };
  }
  return {
    position,
    mark,
    unrealizedPnl,
    unrealizedPnlUsd: unrealizedPnl * mark.index,
    realizedPnlUsd: position.realizedPnl * mark.index,
    value,
    valueUsd: value * mark.index,
    greeks: g,
  };
}

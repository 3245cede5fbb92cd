/**
 * Book totals from marked positions: P&L and value in USD across currencies, and coin figures and Greeks per
 * currency (a BTC delta and an ETH delta do not add), by expiry (options and futures; perpetuals under
 * `perpetual`) and by strike (options).
 */
import { formatExpiryCode } from '../options/instruments';
import { ZERO_GREEKS, type MarkedPosition, type PositionGreeks } from './mark';

export interface CurrencyTotals extends PositionGreeks {
  unrealizedPnl: number;
  realizedPnl: number;
  value: number;
  byExpiry: Record<string, PositionGreeks>;
  byStrike: Record<string, PositionGreeks>;
}

export interface BookTotals {
  unrealizedPnlUsd: number;
  realizedPnlUsd: number;
  valueUsd: number;
  byCurrency: Record<string, CurrencyTotals>;
}

function addInto(target: PositionGreeks, g: PositionGreeks): void {
  target.delta += g.delta;
  target.gamma += g.gamma;
  target.vega += g.vega;
  target.theta += g.theta;
}

/**
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const marked = vol.portfolio.markPosition(p, { price: 40_000, index: 40_000, timestamp: 0 }, 0);
 * bookTotals([marked]).byCurrency.BTC.delta; // → 0.25
 */
export function bookTotals(marked: readonly MarkedPosition[]): BookTotals {
  const out: BookTotals = { unrealizedPnlUsd: 0, realizedPnlUsd: 0, valueUsd: 0, byCurrency: {} };
  for (const m of marked) {
    const i = m.position.instrument;
    out.unrealizedPnlUsd += m.unrealizedPnlUsd;
    out.realizedPnlUsd += m.realizedPnlUsd;
    out.valueUsd += m.valueUsd;
    const c = (out.byCurrency[i.currency] ??= {
      ...ZERO_GREEKS,
      unrealizedPnl: 0,
      realizedPnl: 0,
      value: 0,
      byExpiry: {},
      byStrike: {},
    });
    c.unrealizedPnl += m.unrealizedPnl;
    c.realizedPnl += m.position.realizedPnl;
    c.value += m.value;
    addInto(c, m.greeks);
    const expiry = i.kind === 'perpetual' ? 'perpetual' : formatExpiryCode(i.expiryMs);
    addInto((c.byExpiry[expiry] ??= { ...ZERO_GREEKS }), m.greeks);
    if (i.kind === 'option')
      addInto((c.byStrike[String(i.strike)] ??= { ...ZERO_GREEKS }), m.greeks);
  }
  return out;
}

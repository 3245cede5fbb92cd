/** Marked positions and book totals in their wire shapes (contract/portfolio.ts). */
import { formatExpiryCode } from '../../cells/options';
import type { BookTotals, MarkedPosition, Position } from '../../cells/portfolio';
import type {
  CurrencySummaryWire,
  MarkWire,
  PortfolioSummaryWire,
  PositionWire,
} from '../contract/portfolio';
import type { SourcedMark } from './marks';

const NO_MARK: MarkWire = {
  price: null,
  iv: null,
  underlying: null,
  index: null,
  source: null,
  timestamp: null,
  age_ms: null,
};

/** A position, marked or not (an open position the market cannot mark shows its amounts and nulls). */
export function positionWire(
  p: Position,
  marked: MarkedPosition | null,
  mark: SourcedMark | null,
  now: number,
): PositionWire {
  const i = p.instrument;
  return {
    instrument_name: p.instrument_name,
    kind: i.kind,
    currency: i.currency,
    expiry: i.kind === 'perpetual' ? null : formatExpiryCode(i.expiryMs),
    strike: i.kind === 'option' ? i.strike : null,
    option_type: i.kind === 'option' ? i.optionType : null,
    amount: p.amount,
    avg_price: p.avgPrice,
    fills: p.fills,
    fees: p.fees,
    mark: mark
      ? {
          price: mark.price,
          iv: mark.iv ?? null,
          underlying: mark.underlying ?? null,
          index: mark.index,
          source: mark.source,
          timestamp: mark.timestamp,
          age_ms: Math.max(now - mark.timestamp, 0),
        }
      : NO_MARK,
    unrealized_pnl: marked?.unrealizedPnl ?? null,
    unrealized_pnl_usd: marked?.unrealizedPnlUsd ?? null,
    realized_pnl: p.realizedPnl,
    realized_pnl_usd: marked?.realizedPnlUsd ?? null,
    value: marked?.value ?? null,
    value_usd: marked?.valueUsd ?? null,
    greeks: marked ? { ...marked.greeks } : null,
  };
}

export function summaryWire(
  totals: BookTotals,
  indices: Record<string, number | null>,
  extra: Pick<PortfolioSummaryWire, 'as_of' | 'positions' | 'unmarked' | 'oldest_mark_age_ms'>,
): PortfolioSummaryWire {
  const currencies: CurrencySummaryWire[] = Object.entries(totals.byCurrency).map(([c, t]) => ({
    currency: c as 'BTC' | 'ETH',
    index: indices[c] ?? null,
    delta: t.delta,
    gamma: t.gamma,
    vega: t.vega,
    theta: t.theta,
    unrealized_pnl: t.unrealizedPnl,
    realized_pnl: t.realizedPnl,
    value: t.value,
    by_expiry: t.byExpiry,
    by_strike: t.byStrike,
  }));
  return {
    ...extra,
    unrealized_pnl_usd: totals.unrealizedPnlUsd,
    realized_pnl_usd: totals.realizedPnlUsd,
    value_usd: totals.valueUsd,
    currencies,
  };
}
